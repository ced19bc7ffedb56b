"""Knowledge bases, documents and chunks: storage and the two retrieval primitives."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from coach.storage.models import Chunk, Document, KnowledgeBase


@dataclass(frozen=True)
class ChunkHit:
    """A chunk found by one retriever, with that retriever's score."""

    chunk_id: int
    document_id: str
    title: str
    heading: str
    text: str
    score: float


async def ensure_base(session: AsyncSession, *, name: str) -> int:
    """The id of the named knowledge base, created if new."""
    await session.execute(
        insert(KnowledgeBase).values(name=name).on_conflict_do_nothing(index_elements=["name"])
    )
    kb_id = await session.scalar(select(KnowledgeBase.id).where(KnowledgeBase.name == name))
    assert kb_id is not None
    return kb_id


async def base_ids(session: AsyncSession, *, names: Sequence[str]) -> list[int]:
    """Ids of the named bases that exist."""
    rows = await session.scalars(select(KnowledgeBase.id).where(KnowledgeBase.name.in_(names)))
    return list(rows)


async def find_document(session: AsyncSession, *, kb_id: int, external_id: str) -> Document | None:
    """The stored document with this id in this base."""
    return await session.scalar(
        select(Document).where(Document.kb_id == kb_id, Document.external_id == external_id)
    )


async def add_document(
    session: AsyncSession,
    *,
    kb_id: int,
    external_id: str,
    title: str,
    content_hash: str,
    chunks: Sequence[tuple[str, str, list[float]]],
) -> Document:
    """Insert a document with its (heading, text, embedding) chunks."""
    document = Document(
        kb_id=kb_id, external_id=external_id, title=title, content_hash=content_hash
    )
    session.add(document)
    await session.flush()
    session.add_all(
        Chunk(document_id=document.id, kb_id=kb_id, ordinal=i, heading=h, text=t, embedding=e)
        for i, (h, t, e) in enumerate(chunks)
    )
    await session.flush()
    return document


async def delete_document(session: AsyncSession, *, document_id: int) -> None:
    """Remove a document and its chunks."""
    await session.execute(delete(Document).where(Document.id == document_id))


async def delete_by_external_id(session: AsyncSession, *, kb_id: int, external_id: str) -> bool:
    """Remove the document with this id from a base; True when there was one."""
    result = await session.execute(
        delete(Document).where(Document.kb_id == kb_id, Document.external_id == external_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def content_hashes(
    session: AsyncSession, *, kb_id: int, external_ids: Sequence[str]
) -> dict[str, str]:
    """Stored content hashes of these documents, by document id."""
    if not external_ids:
        return {}
    rows = await session.execute(
        select(Document.external_id, Document.content_hash).where(
            Document.kb_id == kb_id, Document.external_id.in_(list(external_ids))
        )
    )
    return dict(rows.tuples().all())


async def base_sizes(session: AsyncSession) -> list[tuple[str, int, int]]:
    """(name, documents, chunks) per knowledge base, by name."""
    documents = select(Document.kb_id, func.count().label("n")).group_by(Document.kb_id).subquery()
    chunks = select(Chunk.kb_id, func.count().label("n")).group_by(Chunk.kb_id).subquery()
    query = (
        select(KnowledgeBase.name, func.coalesce(documents.c.n, 0), func.coalesce(chunks.c.n, 0))
        .outerjoin(documents, documents.c.kb_id == KnowledgeBase.id)
        .outerjoin(chunks, chunks.c.kb_id == KnowledgeBase.id)
        .order_by(KnowledgeBase.name)
    )
    return [(name, int(d), int(c)) for name, d, c in (await session.execute(query)).all()]


async def list_documents(session: AsyncSession, *, kb_id: int) -> list[tuple[Document, int]]:
    """A base's documents with their chunk counts, by title."""
    query = (
        select(Document, func.count(Chunk.id))
        .outerjoin(Chunk, Chunk.document_id == Document.id)
        .where(Document.kb_id == kb_id)
        .group_by(Document.id)
        .order_by(Document.title)
    )
    return [(doc, int(n)) for doc, n in (await session.execute(query)).all()]


def _hits(rows: Sequence[tuple[Chunk, str, str, float]]) -> list[ChunkHit]:
    return [
        ChunkHit(chunk.id, external_id, title, chunk.heading, chunk.text, float(score))
        for chunk, external_id, title, score in rows
    ]


async def vector_search(
    session: AsyncSession, *, kb_ids: Sequence[int], embedding: list[float], limit: int
) -> list[ChunkHit]:
    """Nearest chunks by cosine similarity (score = 1 - distance)."""
    distance = Chunk.embedding.cosine_distance(embedding)
    query = (
        select(Chunk, Document.external_id, Document.title, (1 - distance).label("score"))
        .join(Document, Document.id == Chunk.document_id)
        .where(Chunk.kb_id.in_(kb_ids))
        .order_by(distance)
        .limit(limit)
    )
    return _hits((await session.execute(query)).tuples().all())


_WORD = re.compile(r"[A-Za-z0-9]+")


async def text_search(
    session: AsyncSession, *, kb_ids: Sequence[int], text: str, limit: int
) -> list[ChunkHit]:
    """Best full-text matches for any of the query's words, ranked by ts_rank_cd."""
    words = _WORD.findall(text)
    if not words:
        return []
    tsquery = func.to_tsquery("english", " | ".join(words))
    rank = func.ts_rank_cd(Chunk.tsv, tsquery)
    query = (
        select(Chunk, Document.external_id, Document.title, rank.label("score"))
        .join(Document, Document.id == Chunk.document_id)
        .where(Chunk.kb_id.in_(kb_ids), Chunk.tsv.op("@@")(tsquery))
        .order_by(rank.desc())
        .limit(limit)
    )
    return _hits((await session.execute(query)).tuples().all())
