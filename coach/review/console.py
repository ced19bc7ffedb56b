"""The review console's read model: replies, transcripts, exports and knowledge-base use."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

from coach.review.dashboard import DashboardFigures
from coach.review.filters import ReviewFilter
from coach.storage import dashboard as figures
from coach.storage import review as store
from coach.storage.dashboard import DocumentUse
from coach.storage.db import Database
from coach.storage.models import ChatSession, Document, Message
from coach.storage.review import ReviewedReply

PAGE_SIZE = 50
COUNT_CAP = 10_000
EXPORT_BATCH = 1_000


@dataclass(frozen=True)
class Page:
    """One page of matching replies; `after` is the cursor of the next page, if any."""

    replies: list[ReviewedReply]
    total: int
    capped: bool
    after: str | None


@dataclass(frozen=True)
class SessionTranscript:
    """A whole session: every message, with each reply's review details keyed by id."""

    session: ChatSession
    owner: str
    messages: list[Message]
    replies: dict[uuid.UUID, ReviewedReply]


@dataclass(frozen=True)
class DocumentRow:
    """A document of a base and how its citations fared."""

    document: Document
    passages: int
    use: DocumentUse | None


def cursor(reply: ReviewedReply) -> str:
    """The paging cursor that continues after `reply`."""
    return f"{reply.message.created_at.isoformat()}_{reply.message.id}"


def parse_cursor(value: str | None) -> tuple[datetime, uuid.UUID] | None:
    """The (created_at, id) of a cursor; None for a missing or malformed one."""
    if not value or "_" not in value:
        return None
    at, _, message_id = value.rpartition("_")
    try:
        return datetime.fromisoformat(at), uuid.UUID(message_id)
    except ValueError:
        return None


class Review:
    """Read-only access to every conversation for reviewers; it never writes."""

    def __init__(self, db: Database, *, dashboard_ttl: float = 30.0) -> None:
        self.db = db
        self.dashboard = DashboardFigures(db, ttl=dashboard_ttl)

    async def page(self, flt: ReviewFilter, *, after: str | None = None) -> Page:
        """Matching replies, newest first, PAGE_SIZE at a time."""

        async def rows_() -> list[ReviewedReply]:
            async with self.db.session() as session:
                return await store.replies(
                    session, flt=flt, limit=PAGE_SIZE + 1, before=parse_cursor(after)
                )

        async def total_() -> int:
            async with self.db.session() as session:
                return await store.count_replies(session, flt=flt, cap=COUNT_CAP + 1)

        rows, total = await asyncio.gather(rows_(), total_())  # two connections, one wait
        shown = rows[:PAGE_SIZE]
        more = cursor(shown[-1]) if len(rows) > PAGE_SIZE else None
        return Page(shown, min(total, COUNT_CAP), total > COUNT_CAP, more)

    async def transcript(self, session_id: str) -> SessionTranscript | None:
        """A session with its review details, or None when there is no such session."""
        async with self.db.session() as session:
            found = await store.session_with_owner(session, session_id=session_id)
            if found is None:
                return None
            rows = await store.session_messages(session, session_id=session_id)
            replies = await store.session_replies(session, session_id=session_id)
        return SessionTranscript(found[0], found[1], rows, {r.message.id: r for r in replies})

    async def export(self, flt: ReviewFilter) -> AsyncIterator[list[ReviewedReply]]:
        """Every matching reply, newest first, in batches (keyset paging keeps memory flat)."""
        before = None
        while True:
            async with self.db.session() as session:
                batch = await store.replies(session, flt=flt, limit=EXPORT_BATCH, before=before)
            if batch:
                yield batch
            if len(batch) < EXPORT_BATCH:
                return
            before = (batch[-1].message.created_at, batch[-1].message.id)

    async def bases(self) -> list[tuple[str, int, int]]:
        """Every knowledge base as (name, documents, passages)."""
        async with self.db.session() as session:
            return await figures.bases(session)

    async def base(self, name: str) -> list[DocumentRow] | None:
        """A base's documents, most cited first, or None when the base does not exist."""
        async with self.db.session() as session:
            documents = await figures.base_documents(session, kb=name)
            if documents is None:
                return None
            use = await figures.document_use(session, kb=name)
        rows = [DocumentRow(doc, passages, use.get(doc.external_id)) for doc, passages in documents]
        return sorted(rows, key=lambda r: (-(r.use.replies if r.use else 0), r.document.title))
