"""three-tier memory: facts, memory items, durable jobs; console indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import pgvector.sqlalchemy
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _now() -> sa.Column:
    return sa.Column(
        "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
    )


def upgrade() -> None:
    op.add_column("messages", sa.Column("memories", postgresql.JSONB(), nullable=True))
    op.add_column(
        "conversations", sa.Column("summary_upto", sa.DateTime(timezone=True), nullable=True)
    )
    op.create_index("messages_time", "messages", ["created_at"])
    op.create_index("messages_persona_time", "messages", ["persona", "created_at"])

    op.create_table(
        "facts",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column(
            "user_id",
            sa.UUID(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("source_kind", sa.String(16), nullable=False),
        sa.Column(
            "source_message_id",
            sa.UUID(),
            sa.ForeignKey("messages.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column(
            "valid_from", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("valid_to", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "replaced_by",
            sa.BigInteger(),
            sa.ForeignKey("facts.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=True),
        _now(),
        sa.CheckConstraint(
            "status in ('active', 'retired', 'pending', 'rejected')", name="facts_status_valid"
        ),
    )
    op.create_index("facts_user_status", "facts", ["user_id", "status", "category"])

    op.create_table(
        "memory_items",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column(
            "user_id",
            sa.UUID(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("source_key", sa.String(300), nullable=False),
        sa.Column("turn_ids", postgresql.JSONB(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("embedding", pgvector.sqlalchemy.Vector(384), nullable=False),
        sa.Column(
            "tsv",
            postgresql.TSVECTOR(),
            sa.Computed("to_tsvector('english', text)", persisted=True),
            nullable=True,
        ),
        sa.Column(
            "length",
            sa.Integer(),
            sa.Computed("length(to_tsvector('english', text))", persisted=True),
            nullable=True,
        ),
        sa.Column(
            "occurred_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.UniqueConstraint("user_id", "source_key", name="memory_items_user_source"),
    )
    op.create_index(
        "memory_items_user",
        "memory_items",
        ["user_id"],
        postgresql_include=["id", "length", "embedding"],
    )
    op.create_table(
        "memory_terms",
        sa.Column(
            "user_id", sa.UUID(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column(
            "item_id",
            sa.BigInteger(),
            sa.ForeignKey("memory_items.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("tf", sa.Integer(), nullable=False),
        sa.Column("dl", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "term", "item_id"),
    )
    op.create_index("memory_terms_item", "memory_terms", ["item_id"])

    op.create_table(
        "jobs",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column(
            "user_id",
            sa.UUID(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("payload", postgresql.JSONB(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "run_after", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        _now(),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status in ('pending', 'running', 'done', 'failed')", name="jobs_status_valid"
        ),
    )
    op.create_index(
        "jobs_due",
        "jobs",
        ["run_after"],
        postgresql_where=sa.text("status in ('pending', 'running')"),
    )
    op.create_index("jobs_user", "jobs", ["user_id"])


def downgrade() -> None:
    op.drop_table("jobs")
    op.drop_table("memory_terms")
    op.drop_table("memory_items")
    op.drop_table("facts")
    op.drop_index("messages_persona_time", table_name="messages")
    op.drop_index("messages_time", table_name="messages")
    op.drop_column("conversations", "summary_upto")
    op.drop_column("messages", "memories")
