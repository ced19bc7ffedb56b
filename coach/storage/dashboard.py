"""Aggregates for the dashboard and the knowledge pages, computed by PostgreSQL in one pass each.

Days are UTC days. Latency percentiles are `percentile_cont` (linear interpolation) over each
reply's `latency.total_ms`; tokens come from `usage`, cost from `cost_usd`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Float, Integer, column, distinct, func, literal_column, select, tuple_
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from coach.review.filters import ReviewFilter
from coach.storage.models import Chunk, Document, Feedback, KnowledgeBase, Message
from coach.storage.review import basic_conditions

CONFIDENCE_BUCKETS = 10
BY_DAY_PERSONA, BY_DAY, BY_PERSONA, BY_BUCKET, BY_METHOD = 0b0011, 0b0111, 0b1011, 0b1101, 0b1110


@dataclass(frozen=True)
class Group:
    """One row of the grouped aggregate: which grouping it belongs to and its figures.

    `grouping` is PostgreSQL's GROUPING(day, persona, bucket, method) bit mask: a set bit means
    that column is *not* part of this row's grouping (see the GROUPED_BY_* constants).
    """

    grouping: int
    day: date | None
    persona: str | None
    bucket: int | None
    method: str | None
    replies: int
    input_tokens: int
    output_tokens: int
    cost_usd: float
    p50_ms: float | None
    p95_ms: float | None
    rated: int
    up: int
    down: int


@dataclass(frozen=True)
class DocumentUse:
    """How often replies cited one document, and the feedback on those replies."""

    kb: str
    document_id: str
    title: str
    replies: int
    rated: int
    up: int
    down: int


def _day() -> Any:
    return func.date(func.timezone("UTC", Message.created_at))


async def grouped(session: AsyncSession, *, flt: ReviewFilter) -> list[Group]:
    """Replies grouped by (day, specialist), (day), (specialist), (confidence bucket), (method)."""
    confidence = Message.route["confidence"].astext.cast(Float)
    buckets: Any = literal_column(str(CONFIDENCE_BUCKETS))
    base = (
        select(
            _day().label("day"),
            Message.persona.label("persona"),
            func.least(func.floor(confidence * buckets), buckets - 1).cast(Integer).label("bucket"),
            Message.route["method"].astext.label("method"),
            Message.latency["total_ms"].astext.cast(Float).label("ms"),
            Message.usage["input_tokens"].astext.cast(Integer).label("input_tokens"),
            Message.usage["output_tokens"].astext.cast(Integer).label("output_tokens"),
            Message.cost_usd.label("cost"),
            Feedback.id.label("feedback_id"),
            Feedback.value.label("feedback"),
        )
        .select_from(Message)
        .outerjoin(Feedback, Feedback.message_id == Message.id)
        .where(*basic_conditions(flt))
        .subquery("reply")
    )
    c = base.c
    query = select(
        func.grouping(c.day, c.persona, c.bucket, c.method),
        c.day,
        c.persona,
        c.bucket,
        c.method,
        func.count(),
        func.coalesce(func.sum(c.input_tokens), 0),
        func.coalesce(func.sum(c.output_tokens), 0),
        func.coalesce(func.sum(c.cost), 0),
        func.percentile_cont(0.5).within_group(c.ms),
        func.percentile_cont(0.95).within_group(c.ms),
        func.count(c.feedback_id),
        func.count(c.feedback_id).filter(c.feedback > 0),
        func.count(c.feedback_id).filter(c.feedback <= 0),
    ).group_by(
        func.grouping_sets(
            tuple_(c.day, c.persona),
            tuple_(c.day),
            tuple_(c.persona),
            tuple_(c.bucket),
            tuple_(c.method),
        )
    )
    rows = (await session.execute(query)).all()
    return [
        Group(
            int(row[0]),
            row[1],
            row[2],
            row[3],
            row[4],
            int(row[5]),
            int(row[6]),
            int(row[7]),
            float(row[8]),
            None if row[9] is None else float(row[9]),
            None if row[10] is None else float(row[10]),
            int(row[11]),
            int(row[12]),
            int(row[13]),
        )
        for row in rows
    ]


def _citations(flt: ReviewFilter, *, kb: str | None) -> Any:
    elements = func.jsonb_array_elements(Message.sources)
    source = elements.table_valued(column("value", JSONB)).alias("source")
    document_id = source.c.value["document_id"].astext
    conditions = [*basic_conditions(flt), func.jsonb_typeof(Message.sources) == "array"]
    if kb is not None:
        conditions.append(Message.persona == kb)
    return (
        select(
            Message.persona,
            document_id.label("document_id"),
            func.max(source.c.value["title"].astext).label("title"),
            func.count(distinct(Message.id)).label("replies"),
            func.count(distinct(Feedback.id)).label("rated"),
            func.count(distinct(Feedback.id)).filter(Feedback.value > 0).label("up"),
            func.count(distinct(Feedback.id)).filter(Feedback.value <= 0).label("down"),
        )
        .select_from(Message)
        .join(source, literal_column("true"))
        .outerjoin(Feedback, Feedback.message_id == Message.id)
        .where(*conditions)
        .group_by(Message.persona, document_id)
    )


async def top_documents(
    session: AsyncSession, *, flt: ReviewFilter, limit: int
) -> list[DocumentUse]:
    """The documents cited by the most replies (a specialist cites its own base, named by slug)."""
    query = _citations(flt, kb=None).order_by(literal_column("replies").desc()).limit(limit)
    return [DocumentUse(*row) for row in (await session.execute(query)).all()]


async def document_use(session: AsyncSession, *, kb: str) -> dict[str, DocumentUse]:
    """Citations of every document of one base, keyed by the document's id."""
    rows = (await session.execute(_citations(ReviewFilter(), kb=kb))).all()
    return {row[1]: DocumentUse(*row) for row in rows}


async def bases(session: AsyncSession) -> list[tuple[str, int, int]]:
    """Every knowledge base as (name, documents, chunks), by name."""
    documents = (
        select(func.count(Document.id)).where(Document.kb_id == KnowledgeBase.id).scalar_subquery()
    )
    rows = await session.execute(
        select(KnowledgeBase.name, documents, KnowledgeBase.chunk_count).order_by(
            KnowledgeBase.name
        )
    )
    return [(name, int(docs or 0), int(chunks or 0)) for name, docs, chunks in rows.tuples()]


async def base_documents(session: AsyncSession, *, kb: str) -> list[tuple[Document, int]] | None:
    """The documents of a base with their passage counts; None when the base does not exist."""
    kb_id = await session.scalar(select(KnowledgeBase.id).where(KnowledgeBase.name == kb))
    if kb_id is None:
        return None
    chunks = select(func.count(Chunk.id)).where(Chunk.document_id == Document.id).scalar_subquery()
    rows = await session.execute(
        select(Document, chunks).where(Document.kb_id == kb_id).order_by(Document.title)
    )
    return [(document, int(count or 0)) for document, count in rows.tuples()]
