"""Tier 3, semantic memory: every exchange, embedded, recalled when it matters again."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coach.knowledge.embeddings import Embedder
from coach.storage import memory_items as store
from coach.storage.db import Database
from coach.storage.memory_items import Ranked

RRF_K = 10


@dataclass(frozen=True)
class Recalled:
    """A past item recalled for the current message."""

    id: int
    kind: str
    turn_ids: list[str]
    text: str
    occurred_at: datetime
    score: float
    similarity: float


@dataclass(frozen=True)
class NewItem:
    """Something to remember: its text is what gets embedded and searched."""

    source_key: str
    kind: str
    turn_ids: list[str]
    text: str
    occurred_at: datetime | None = None


class SemanticMemory:
    """Per-person store of past exchanges; hybrid (vector + BM25) recall."""

    def __init__(self, db: Database, embedder: Embedder) -> None:
        self.db = db
        self.embedder = embedder

    async def rows(self, user_id: uuid.UUID, items: Sequence[NewItem]) -> list[dict[str, Any]]:
        """Embed items into insertable rows (slow part, done outside any transaction)."""
        vectors = await self.embedder.embed([item.text for item in items], background=True)
        rows = []
        for item, vector in zip(items, vectors, strict=True):
            row: dict[str, Any] = {
                "user_id": user_id,
                "kind": item.kind,
                "source_key": item.source_key[:300],
                "turn_ids": item.turn_ids,
                "text": item.text,
                "embedding": vector,
            }
            if item.occurred_at is not None:
                row["occurred_at"] = item.occurred_at
            rows.append(row)
        return rows

    async def add(self, user_id: uuid.UUID, items: Sequence[NewItem]) -> int:
        """Embed and store items now (imports, scripts); returns how many were new."""
        rows = await self.rows(user_id, items)
        async with self.db.session() as session:
            added = await store.add_many(session, rows)
            await session.commit()
        return added

    async def search(
        self,
        user_id: uuid.UUID,
        query: str,
        *,
        limit: int = 10,
        embedding: list[float] | None = None,
        exclude_turns: set[str] | None = None,
    ) -> list[Recalled]:
        """The person's most relevant items: vector and BM25 rankings fused by reciprocal rank."""
        depth = max(limit * 3, 30)

        async def by_meaning() -> list[Ranked]:
            vector = embedding
            if vector is None:
                (vector,) = await self.embedder.embed([query])
            async with self.db.session() as session:
                return await store.by_vector(
                    session, user_id=user_id, embedding=vector, limit=depth
                )

        async def by_words() -> list[Ranked]:
            async with self.db.session() as session:
                return await store.by_words(session, user_id=user_id, query=query, limit=depth)

        vector_hits, word_hits = await asyncio.gather(by_meaning(), by_words())
        fused: dict[int, float] = {}
        for ranking in (vector_hits, word_hits):
            for rank, hit in enumerate(ranking):
                fused[hit.id] = fused.get(hit.id, 0.0) + 1.0 / (RRF_K + rank + 1)
        similarity = {hit.id: hit.score for hit in vector_hits}
        ranked = sorted(fused, key=lambda i: fused[i], reverse=True)[: limit * 2 + 10]
        async with self.db.session() as session:
            items = await store.details(session, user_id=user_id, ids=ranked)
        recalled = []
        for item_id in ranked:
            item = items.get(item_id)
            if item is None or (exclude_turns and exclude_turns.issuperset(item.turn_ids)):
                continue
            recalled.append(
                Recalled(
                    item.id,
                    item.kind,
                    list(item.turn_ids),
                    item.text,
                    item.occurred_at,
                    round(fused[item_id], 6),
                    round(similarity.get(item_id, 0.0), 4),
                )
            )
            if len(recalled) == limit:
                break
        return recalled
