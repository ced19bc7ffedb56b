"""Knowledge bases, documents and chunks: storage and the two retrieval primitives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, text
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


async def base_id_map(session: AsyncSession, *, names: Sequence[str]) -> dict[str, int]:
    """Name → id for the named bases that exist."""
    rows = await session.execute(
        select(KnowledgeBase.name, KnowledgeBase.id).where(KnowledgeBase.name.in_(names))
    )
    return dict(rows.tuples().all())


async def base_ids(session: AsyncSession, *, names: Sequence[str]) -> list[int]:
    """Ids of the named bases that exist."""
    rows = await session.scalars(select(KnowledgeBase.id).where(KnowledgeBase.name.in_(names)))
    return list(rows)


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
    await index_postings(session, document_id=document.id, kb_id=kb_id, chunks=len(chunks))
    return document


async def delete_by_external_id(session: AsyncSession, *, kb_id: int, external_id: str) -> bool:
    """Remove the document with this id from a base (and from BM25); True when there was one."""
    document_id = await session.scalar(
        select(Document.id).where(Document.kb_id == kb_id, Document.external_id == external_id)
    )
    if document_id is None:
        return False
    await unindex_postings(session, document_id=document_id, kb_id=kb_id)
    await session.execute(delete(Document).where(Document.id == document_id))
    return True


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


# Columns a hit needs: never the embedding, whose decoding would cost more than the search.
_HIT_COLUMNS = (Chunk.id, Document.external_id, Document.title, Chunk.heading, Chunk.text)


async def vector_search(
    session: AsyncSession, *, kb_ids: Sequence[int], embedding: list[float], limit: int
) -> list[ChunkHit]:
    """Nearest chunks by cosine similarity (score = 1 - distance)."""
    # Keep scanning the HNSW graph until enough rows pass the base filter (pgvector 0.8).
    await session.execute(text("SET LOCAL hnsw.iterative_scan = 'relaxed_order'"))
    await session.execute(text(f"SET LOCAL hnsw.ef_search = {max(40, int(limit))}"))
    distance = Chunk.embedding.cosine_distance(embedding)
    query = (
        select(*_HIT_COLUMNS, (1 - distance).label("score"))
        .join(Document, Document.id == Chunk.document_id)
        .where(Chunk.kb_id.in_(kb_ids))
        .order_by(distance)
        .limit(limit)
    )
    rows = (await session.execute(query)).tuples().all()
    hits = [
        ChunkHit(cid, doc, title, heading, body, float(score))
        for cid, doc, title, heading, body, score in rows
    ]
    return sorted(hits, key=lambda hit: hit.score, reverse=True)  # relaxed order: re-sort


_INDEX_POSTINGS = text(
    """
    WITH p AS (
        INSERT INTO chunk_terms (chunk_id, term, kb_id, tf, dl)
        SELECT c.id, t.lexeme, c.kb_id, coalesce(array_length(t.positions, 1), 1),
               sum(coalesce(array_length(t.positions, 1), 1)) OVER (PARTITION BY c.id)
        FROM chunks c, unnest(c.tsv) t
        WHERE c.document_id = :document_id
        RETURNING kb_id, term, tf
    ), s AS (
        INSERT INTO term_stats (kb_id, term, df)
        SELECT kb_id, term, count(*) FROM p GROUP BY kb_id, term
        ON CONFLICT (kb_id, term) DO UPDATE SET df = term_stats.df + excluded.df
    )
    UPDATE knowledge_bases k
    SET term_total = k.term_total + (SELECT coalesce(sum(tf), 0) FROM p),
        chunk_count = k.chunk_count + :chunks
    WHERE k.id = :kb_id
    """
)
_UNINDEX_POSTINGS = text(
    """
    WITH p AS (
        SELECT t.kb_id, t.term, t.tf FROM chunk_terms t
        JOIN chunks c ON c.id = t.chunk_id WHERE c.document_id = :document_id
    ), s AS (
        UPDATE term_stats s SET df = s.df - d.n
        FROM (SELECT kb_id, term, count(*) AS n FROM p GROUP BY kb_id, term) d
        WHERE s.kb_id = d.kb_id AND s.term = d.term
    )
    UPDATE knowledge_bases k
    SET term_total = k.term_total - (SELECT coalesce(sum(tf), 0) FROM p),
        chunk_count = k.chunk_count - (SELECT count(*) FROM chunks WHERE document_id = :document_id)
    WHERE k.id = :kb_id
    """
)
# Okapi BM25 over the postings, with Anserini's defaults (k1 0.9, b 0.4); terms are Postgres's
# English stems, so "pricing" finds "price". Each query term reads at most :per_term postings, best
# first by an index on their BM25 weight at a reference length (120): at 100,000 chunks a common
# word has tens of thousands of postings, and the tail of those never reaches the top ten.
_BM25 = text(
    """
    WITH q AS (SELECT DISTINCT lexeme AS term FROM unnest(to_tsvector('english', :query))),
    kb AS (
        SELECT greatest(sum(chunk_count), 1)::float8 AS n,
               greatest(sum(term_total), 1)::float8 / greatest(sum(chunk_count), 1) AS avgdl
        FROM knowledge_bases WHERE id = ANY(:kb_ids)
    ),
    w AS (
        SELECT s.kb_id, s.term,
               ln(1 + (kb.n - sum(s.df) OVER terms + 0.5) / (sum(s.df) OVER terms + 0.5)) AS idf
        FROM term_stats s JOIN q USING (term) CROSS JOIN kb
        WHERE s.kb_id = ANY(:kb_ids) AND s.df > 0
        WINDOW terms AS (PARTITION BY s.term)
    )
    SELECT p.chunk_id,
           sum(w.idf * p.tf * 1.9 / (p.tf + 0.9 * (0.6 + 0.4 * p.dl / kb.avgdl))) AS score
    FROM w CROSS JOIN kb CROSS JOIN LATERAL (
        SELECT t.chunk_id, t.tf, t.dl FROM chunk_terms t
        WHERE t.kb_id = w.kb_id AND t.term = w.term
        ORDER BY ((t.tf * 1.9) / (t.tf + 0.9 * (0.6 + 0.4 * t.dl / 120.0))) DESC
        LIMIT :per_term
    ) p
    GROUP BY p.chunk_id ORDER BY score DESC LIMIT :limit
    """
)


async def index_postings(
    session: AsyncSession, *, document_id: int, kb_id: int, chunks: int
) -> None:
    """Add a freshly stored document's terms to the BM25 postings and statistics."""
    await session.execute(
        _INDEX_POSTINGS, {"document_id": document_id, "kb_id": kb_id, "chunks": chunks}
    )


async def unindex_postings(session: AsyncSession, *, document_id: int, kb_id: int) -> None:
    """Take a document's terms out of the BM25 statistics (its postings go with its chunks)."""
    await session.execute(_UNINDEX_POSTINGS, {"document_id": document_id, "kb_id": kb_id})


async def text_search(
    session: AsyncSession, *, kb_ids: Sequence[int], text: str, limit: int, per_term: int = 1000
) -> list[ChunkHit]:
    """Best BM25 matches for the query's words (stemmed, stop words dropped)."""
    ranked = (
        await session.execute(
            _BM25, {"query": text, "kb_ids": list(kb_ids), "limit": limit, "per_term": per_term}
        )
    ).all()
    if not ranked:
        return []
    scores = {chunk_id: float(score) for chunk_id, score in ranked}
    rows = await session.execute(
        select(*_HIT_COLUMNS)
        .join(Document, Document.id == Chunk.document_id)
        .where(Chunk.id.in_(list(scores)))
    )
    hits = [
        ChunkHit(cid, doc, title, heading, body, scores[cid])
        for cid, doc, title, heading, body in rows.tuples().all()
    ]
    return sorted(hits, key=lambda hit: hit.score, reverse=True)
