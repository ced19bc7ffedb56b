"""The knowledge library: store documents in named bases and search them (hybrid, fused)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coach.knowledge.chunking import chunk_markdown, title_of
from coach.knowledge.embeddings import Embedder
from coach.storage import knowledge as store
from coach.storage.db import Database

logger = logging.getLogger(__name__)

RRF_K = 60


@dataclass(frozen=True)
class Passage:
    """A retrieved passage, ready to cite."""

    chunk_id: int
    document_id: str
    title: str
    heading: str
    text: str
    score: float
    similarity: float


@dataclass(frozen=True)
class IngestResult:
    """What happened to one document."""

    document_id: str
    title: str
    outcome: Literal["added", "replaced", "unchanged"]
    chunks: int


class Library:
    """Documents in named knowledge bases, searchable by meaning and by words."""

    def __init__(
        self, db: Database, embedder: Embedder, *, chunk_tokens: int = 200, overlap_tokens: int = 40
    ) -> None:
        self.db = db
        self.embedder = embedder
        self.chunk_tokens = chunk_tokens
        self.overlap_tokens = overlap_tokens

    async def ingest_text(
        self, *, kb: str, document_id: str, text: str, title: str | None = None
    ) -> IngestResult:
        """Store one document atomically; unchanged content is a no-op, changed replaces."""
        digest = hashlib.sha256(text.encode()).hexdigest()
        title = title or title_of(text, document_id)
        passages = chunk_markdown(
            text, max_tokens=self.chunk_tokens, overlap_tokens=self.overlap_tokens
        )
        async with self.db.session() as session:
            kb_id = await store.ensure_base(session, name=kb)
            existing = await store.find_document(session, kb_id=kb_id, external_id=document_id)
            if existing is not None and existing.content_hash == digest:
                await session.commit()
                return IngestResult(document_id, existing.title, "unchanged", 0)
        # Embed outside the transaction: it is the slow part and needs no locks.
        vectors = await self.embedder.embed([f"{p.heading}\n{p.text}" for p in passages])
        async with self.db.session() as session:
            kb_id = await store.ensure_base(session, name=kb)
            existing = await store.find_document(session, kb_id=kb_id, external_id=document_id)
            if existing is not None:
                await store.delete_document(session, document_id=existing.id)
            await store.add_document(
                session,
                kb_id=kb_id,
                external_id=document_id,
                title=title,
                content_hash=digest,
                chunks=[(p.heading, p.text, v) for p, v in zip(passages, vectors, strict=True)],
            )
            await session.commit()
        return IngestResult(
            document_id, title, "replaced" if existing is not None else "added", len(passages)
        )

    async def ingest_folder(self, *, kb: str, folder: Path) -> list[IngestResult]:
        """Ingest every Markdown file in `folder` (document ids are the file names)."""
        results = []
        for path in sorted(folder.glob("*.md")):
            results.append(
                await self.ingest_text(kb=kb, document_id=path.name, text=path.read_text())
            )
        return results

    async def search(
        self, *, kbs: Sequence[str], query: str, limit: int = 5, min_similarity: float = 0.0
    ) -> list[Passage]:
        """Hybrid search: vector and full-text rankings fused by reciprocal rank.

        Passages whose cosine similarity to the query is below `min_similarity` are dropped, so
        a weak match is never cited.
        """
        depth = max(limit * 4, 20)
        (embedding,) = await self.embedder.embed([query])
        async with self.db.session() as session:
            kb_ids = await store.base_ids(session, names=kbs)
            if not kb_ids:
                return []
            by_vector = await store.vector_search(
                session, kb_ids=kb_ids, embedding=embedding, limit=depth
            )
            by_text = await store.text_search(session, kb_ids=kb_ids, text=query, limit=depth)
        fused: dict[int, float] = {}
        hits = {hit.chunk_id: hit for hit in [*by_text, *by_vector]}
        for ranking in (by_vector, by_text):
            for rank, hit in enumerate(ranking):
                fused[hit.chunk_id] = fused.get(hit.chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
        similarity = {hit.chunk_id: hit.score for hit in by_vector}
        ranked = sorted(fused, key=lambda chunk_id: fused[chunk_id], reverse=True)
        passages = []
        for chunk_id in ranked:
            sim = similarity.get(chunk_id, 0.0)
            if sim < min_similarity:
                continue
            hit = hits[chunk_id]
            passages.append(
                Passage(
                    hit.chunk_id,
                    hit.document_id,
                    hit.title,
                    hit.heading,
                    hit.text,
                    fused[chunk_id],
                    sim,
                )
            )
            if len(passages) == limit:
                break
        return passages
