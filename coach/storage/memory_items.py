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
class Ranked:
    """An item id and its score in one ranking."""

    id: int
    score: float


@dataclass(frozen=True)
class ItemHit:
    """One remembered item and how well it matched."""

    id: int
    kind: str
    turn_ids: list[str]
    text: str
    occurred_at: datetime
    score: float


_POSTINGS = text(
    """
    INSERT INTO memory_terms (user_id, term, item_id, tf, dl)
    SELECT i.user_id, t.lexeme, i.id, coalesce(array_length(t.positions, 1), 1), i.length
    FROM memory_items i, unnest(i.tsv) t
    WHERE i.id = ANY(:ids)
    """
)


async def add_many(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """Insert items and their BM25 postings; an item already stored under the same
    (user, source_key) is left alone."""
    if not rows:
        return 0
    result = await session.execute(
        insert(MemoryItem)
        .values(rows)
        .on_conflict_do_nothing(constraint="memory_items_user_source")
        .returning(MemoryItem.id)
    )
    ids = [row[0] for row in result.all()]
    if ids:
        await session.execute(_POSTINGS, {"ids": ids})
    return len(ids)


async def by_vector(
    session: AsyncSession, *, user_id: uuid.UUID, embedding: list[float], limit: int
) -> list[Ranked]:
    """The person's items nearest in meaning (score: cosine similarity), from the covering
    index alone."""
    distance = MemoryItem.embedding.cosine_distance(embedding)
    rows = await session.execute(
        select(MemoryItem.id, (1 - distance).label("score"))
        .where(MemoryItem.user_id == user_id)
        .order_by(distance)
        .limit(limit)
    )
    return [Ranked(*row) for row in rows.all()]


_BM25 = text(
    """
    WITH q AS (SELECT DISTINCT lexeme FROM unnest(to_tsvector('english', :query))),
    stats AS MATERIALIZED (  -- once, not once per posting (measured: 59 re-scans)
        SELECT count(*) AS n, greatest(avg(length), 1) AS avgdl
        FROM memory_items WHERE user_id = :user),
    post AS (
        SELECT p.item_id, p.term, p.tf, p.dl
        FROM q JOIN memory_terms p ON p.user_id = :user AND p.term = q.lexeme),
    df AS MATERIALIZED (SELECT term, count(*) AS df FROM post GROUP BY term)
    SELECT p.item_id, sum(ln(1 + (s.n - df.df + 0.5) / (df.df + 0.5))
                          * p.tf * 2.2 / (p.tf + 1.2 * (0.25 + 0.75 * p.dl / s.avgdl))) AS score
    FROM post p JOIN df USING (term) CROSS JOIN stats s
    GROUP BY p.item_id ORDER BY score DESC LIMIT :limit
    """
)


async def by_words(
    session: AsyncSession, *, user_id: uuid.UUID, query: str, limit: int
) -> list[Ranked]:
    """The person's items ranked by Okapi BM25 over English stems (their own postings only)."""
    rows = await session.execute(_BM25, {"query": query, "user": user_id, "limit": limit})
    return [Ranked(*row) for row in rows.all()]


async def details(
    session: AsyncSession, *, user_id: uuid.UUID, ids: list[int]
) -> dict[int, ItemHit]:
    """The stored items behind ranked ids (still scoped to the person)."""
    rows = await session.execute(
        select(
            MemoryItem.id,
            MemoryItem.kind,
            MemoryItem.turn_ids,
            MemoryItem.text,
            MemoryItem.occurred_at,
        ).where(MemoryItem.user_id == user_id, MemoryItem.id.in_(ids))
    )
    return {r[0]: ItemHit(r[0], r[1], r[2], r[3], r[4], 0.0) for r in rows.all()}


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
