"""Tier 3's SQL: a person's past exchanges, imported turns and document passages.

Every query takes the person's id: there is no way to search across people. Search is an exact
scan of one person's rows through the btree on `user_id` (measured faster than a filtered HNSW
walk at these sizes: DESIGN.md), fused from a vector ranking and an Okapi BM25 ranking computed
over that person's rows only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from coach.storage.models import MemoryItem


@dataclass(frozen=True)
class ItemHit:
    """One remembered item and how well it matched."""

    id: int
    kind: str
    turn_ids: list[str]
    text: str
    occurred_at: datetime
    score: float


async def add_many(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """Insert items; one already stored under the same (user, source_key) is left alone."""
    if not rows:
        return 0
    result = await session.execute(
        insert(MemoryItem)
        .values(rows)
        .on_conflict_do_nothing(constraint="memory_items_user_source")
        .returning(MemoryItem.id)
    )
    return len(result.all())


async def by_vector(
    session: AsyncSession, *, user_id: uuid.UUID, embedding: list[float], limit: int
) -> list[ItemHit]:
    """The person's items nearest in meaning (score: cosine similarity)."""
    distance = MemoryItem.embedding.cosine_distance(embedding)
    rows = await session.execute(
        select(
            MemoryItem.id,
            MemoryItem.kind,
            MemoryItem.turn_ids,
            MemoryItem.text,
            MemoryItem.occurred_at,
            (1 - distance).label("score"),
        )
        .where(MemoryItem.user_id == user_id)
        .order_by(distance)
        .limit(limit)
    )
    return [ItemHit(*row) for row in rows.all()]


_BM25 = text(
    """
    WITH q AS (SELECT DISTINCT lexeme FROM unnest(to_tsvector('english', :query))),
    mine AS (SELECT id, tsv FROM memory_items WHERE user_id = :user),
    stats AS (SELECT count(*) AS n, greatest(avg(length(tsv)), 1) AS avgdl FROM mine),
    post AS (
        SELECT m.id, t.lexeme, coalesce(array_length(t.positions, 1), 1) AS tf,
               length(m.tsv) AS dl
        FROM mine m, unnest(m.tsv) t
        WHERE t.lexeme IN (SELECT lexeme FROM q)),
    df AS (SELECT lexeme, count(*) AS df FROM post GROUP BY lexeme),
    scored AS (
        SELECT p.id, sum(ln(1 + (s.n - df.df + 0.5) / (df.df + 0.5))
                         * p.tf * 2.2 / (p.tf + 1.2 * (0.25 + 0.75 * p.dl / s.avgdl))) AS score
        FROM post p JOIN df USING (lexeme) CROSS JOIN stats s
        GROUP BY p.id ORDER BY score DESC LIMIT :limit)
    SELECT i.id, i.kind, i.turn_ids, i.text, i.occurred_at, s.score
    FROM scored s JOIN memory_items i ON i.id = s.id
    ORDER BY s.score DESC
    """
)


async def by_words(
    session: AsyncSession, *, user_id: uuid.UUID, query: str, limit: int
) -> list[ItemHit]:
    """The person's items ranked by BM25 over English stems."""
    rows = await session.execute(_BM25, {"query": query, "user": user_id, "limit": limit})
    return [ItemHit(*row) for row in rows.all()]


async def count(session: AsyncSession, *, user_id: uuid.UUID) -> int:
    """How many items a person has."""
    query = select(func.count()).select_from(MemoryItem).where(MemoryItem.user_id == user_id)
    return int(await session.scalar(query) or 0)


async def of_user(session: AsyncSession, *, user_id: uuid.UUID) -> list[MemoryItem]:
    """Every item of a person, oldest first (export)."""
    query = select(MemoryItem).where(MemoryItem.user_id == user_id).order_by(MemoryItem.occurred_at)
    return list(await session.scalars(query))


async def delete_all(session: AsyncSession, *, user_id: uuid.UUID) -> int:
    """Forget every item of a person."""
    result = await session.execute(delete(MemoryItem).where(MemoryItem.user_id == user_id))
    return int(result.rowcount)  # type: ignore[attr-defined]
