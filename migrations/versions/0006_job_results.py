"""jobs.result (what a finished job reports back) and jobs.waiting (someone waits for it, so it
goes first): a member's document is read by the worker while they wait

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("jobs", sa.Column("result", postgresql.JSONB(), nullable=True))
    op.add_column(
        "jobs", sa.Column("waiting", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    op.drop_column("jobs", "waiting")
    op.drop_column("jobs", "result")
