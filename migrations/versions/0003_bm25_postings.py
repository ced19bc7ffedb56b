"""bm25 postings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import pgvector.sqlalchemy
import sqlalchemy as sa
from alembic import op


revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "term_stats",
        sa.Column("kb_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["kb_id"], ["knowledge_bases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("kb_id", "term"),
    )
    op.create_table(
        "chunk_terms",
        sa.Column("chunk_id", sa.BigInteger(), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("kb_id", sa.Integer(), nullable=False),
        sa.Column("tf", sa.Integer(), nullable=False),
        sa.Column("dl", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["chunk_id"], ["chunks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("chunk_id", "term"),
    )
    op.create_index(
        "chunk_terms_impact",
        "chunk_terms",
        ["kb_id", "term", sa.text("((tf * 1.9) / (tf + 0.9 * (0.6 + 0.4 * dl / 120.0))) DESC")],
        unique=False,
        postgresql_include=["chunk_id", "tf", "dl"],
    )
    op.add_column(
        "knowledge_bases",
        sa.Column("chunk_count", sa.Integer(), server_default="0", nullable=False),
    )
    op.add_column(
        "knowledge_bases",
        sa.Column("term_total", sa.BigInteger(), server_default="0", nullable=False),
    )
    # Backfill postings for chunks stored before this revision.
    op.execute(
        """
        INSERT INTO chunk_terms (chunk_id, term, kb_id, tf, dl)
        SELECT c.id, t.lexeme, c.kb_id, coalesce(array_length(t.positions, 1), 1),
               sum(coalesce(array_length(t.positions, 1), 1)) OVER (PARTITION BY c.id)
        FROM chunks c, unnest(c.tsv) t
        """
    )
    op.execute(
        "INSERT INTO term_stats (kb_id, term, df) "
        "SELECT kb_id, term, count(*) FROM chunk_terms GROUP BY kb_id, term"
    )
    op.execute(
        """
        UPDATE knowledge_bases k
        SET chunk_count = (SELECT count(*) FROM chunks c WHERE c.kb_id = k.id),
            term_total = (SELECT coalesce(sum(tf), 0) FROM chunk_terms t WHERE t.kb_id = k.id)
        """
    )


def downgrade() -> None:
    op.drop_column("knowledge_bases", "term_total")
    op.drop_column("knowledge_bases", "chunk_count")
    op.drop_index("chunk_terms_impact", table_name="chunk_terms")
    op.drop_table("chunk_terms")
    op.drop_table("term_stats")
