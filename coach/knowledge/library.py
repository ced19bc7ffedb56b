"""The knowledge library: store documents in named bases and search them (hybrid, fused)."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coach.knowledge.chunking import chunk_markdown, title_of
from coach.knowledge.embeddings import Embedder
from coach.knowledge.parsers import ParsedDocument
from coach.storage import knowledge as store
from coach.storage.db import Database

logger = logging.getLogger(__name__)

RRF_K = 10  # smaller than the usual 60: top ranks matter most here (see benchmarks/retrieval.py)


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
        self._ids: dict[str, int] = {}

    async def ingest_text(
        self, *, kb: str, document_id: str, text: str, title: str | None = None
    ) -> IngestResult:
        """Store one document atomically; unchanged content is a no-op, changed replaces."""
        (result,) = await self.ingest(kb=kb, documents=[ParsedDocument(document_id, title, text)])
        return result

    async def ingest_folder(self, *, kb: str, folder: Path) -> list[IngestResult]:
        """Ingest every Markdown file in `folder` (document ids are the file names)."""
        documents = [
            ParsedDocument(path.name, None, path.read_text())
            for path in sorted(folder.glob("*.md"))
        ]
        return await self.ingest(kb=kb, documents=documents)

    async def ingest(
        self,
        *,
        kb: str,
        documents: Sequence[ParsedDocument],
        progress: Callable[[IngestResult], None] | None = None,
        batch: int = 32,
    ) -> list[IngestResult]:
        """Store documents; each is written whole or not at all, unchanged ones are skipped.

        Embedding runs outside any transaction (it is the slow part) and in batches across
        documents, so a large corpus embeds at the model's full speed.
        """
        results: list[IngestResult] = []
        async with self.db.session() as session:
            kb_id = await store.ensure_base(session, name=kb)
            stored = await store.content_hashes(
                session, kb_id=kb_id, external_ids=[d.document_id for d in documents]
            )
            await session.commit()
        pending = []
        for document in documents:
            digest = hashlib.sha256(document.text.encode()).hexdigest()
            if stored.get(document.document_id) == digest:
                result = IngestResult(document.document_id, document.title or "", "unchanged", 0)
                results.append(result)
                if progress:
                    progress(result)
            else:
                pending.append((document, digest))
        for start in range(0, len(pending), batch):
            group = pending[start : start + batch]
            chunked = [
                chunk_markdown(
                    d.text, max_tokens=self.chunk_tokens, overlap_tokens=self.overlap_tokens
                )
                for d, _ in group
            ]
            vectors = iter(
                await self.embedder.embed(
                    [f"{p.heading}\n{p.text}" for passages in chunked for p in passages],
                    background=True,
                )
            )
            written = []
            async with self.db.session() as session:
                for (document, digest), passages in zip(group, chunked, strict=True):
                    title = document.title or title_of(document.text, document.document_id)
                    replaced = await store.delete_by_external_id(
                        session, kb_id=kb_id, external_id=document.document_id
                    )
                    await store.add_document(
                        session,
                        kb_id=kb_id,
                        external_id=document.document_id,
                        title=title,
                        content_hash=digest,
                        chunks=[(p.heading, p.text, next(vectors)) for p in passages],
                    )
                    outcome: Literal["added", "replaced"] = "replaced" if replaced else "added"
                    written.append(
                        IngestResult(document.document_id, title, outcome, len(passages))
                    )
                await session.commit()
            for result in written:
                results.append(result)
                if progress:
                    progress(result)
        return results

    async def _base_ids(self, names: Sequence[str]) -> list[int]:
        """Ids of the named bases that exist (cached: a base keeps its id for life)."""
        missing = [name for name in names if name not in self._ids]
        if missing:
            async with self.db.session() as session:
                found = await store.base_id_map(session, names=missing)
            self._ids.update(found)
        return [self._ids[name] for name in names if name in self._ids]

    async def documents(self, *, kb: str) -> list[tuple[str, str, int]]:
        """(document id, title, chunk count) for every document in a base."""
        async with self.db.session() as session:
            ids = await store.base_ids(session, names=[kb])
            if not ids:
                return []
            rows = await store.list_documents(session, kb_id=ids[0])
        return [(doc.external_id, doc.title, chunks) for doc, chunks in rows]

    async def delete(self, *, kb: str, document_id: str) -> bool:
        """Remove one document and its passages; False when it was not there."""
        async with self.db.session() as session:
            ids = await store.base_ids(session, names=[kb])
            removed = bool(ids) and await store.delete_by_external_id(
                session, kb_id=ids[0], external_id=document_id
            )
            await session.commit()
        return removed

    async def bases(self) -> list[tuple[str, int, int]]:
        """(name, documents, chunks) for every knowledge base."""
        async with self.db.session() as session:
            return await store.base_sizes(session)

    async def search(
        self,
        *,
        kbs: Sequence[str],
        query: str,
        limit: int = 5,
        min_similarity: float = 0.0,
        embedding: list[float] | None = None,
    ) -> list[Passage]:
        """Hybrid search: vector and full-text rankings fused by reciprocal rank.

        Passages whose cosine similarity to the query is below `min_similarity` are dropped, so
        a weak match is never cited.
        """
        depth = max(limit * 4, 20)
        kb_ids = await self._base_ids(kbs)
        if not kb_ids:
            return []

        async def by_meaning() -> list[store.ChunkHit]:
            vector = embedding
            if vector is None:
                (vector,) = await self.embedder.embed([query])
            async with self.db.session() as session:
                return await store.vector_search(
                    session, kb_ids=kb_ids, embedding=vector, limit=depth
                )

        async def by_words() -> list[store.ChunkHit]:
            async with self.db.session() as session:
                return await store.text_search(session, kb_ids=kb_ids, text=query, limit=depth)

        # BM25 runs in Postgres while the query is embedded here; then the vector scan.
        by_vector, by_text = await asyncio.gather(by_meaning(), by_words())
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
