"""The coach's memory: one facade over the three tiers and the jobs that fill them."""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from coach.errors import InvalidInput, NotFound
from coach.knowledge.chunking import chunk_markdown
from coach.knowledge.embeddings import Embedder
from coach.llm.base import Turn
from coach.memory.context import Assembler, ConversationWindow
from coach.memory.extract import Extractor
from coach.memory.jobs import Claimed, Commit, JobQueue
from coach.memory.profile import Merged, Profile, Source, merge
from coach.memory.semantic import NewItem, Recalled, SemanticMemory
from coach.storage import facts as fact_store
from coach.storage import jobs as job_store
from coach.storage import memory_items as item_store
from coach.storage import messages as message_store
from coach.storage.db import Database
from coach.storage.models import Conversation, Message

logger = logging.getLogger(__name__)
REMEMBER = "remember"
SUMMARIZE = "summarize"
READ_DOCUMENT = "document"


class Summarizer(Protocol):
    """Folds new turns into the rolling summary."""

    async def summarize(self, previous: str | None, turns: list[Turn]) -> str:
        """The updated summary."""
        ...


@dataclass(frozen=True)
class Imported:
    """What `import_history` stored."""

    sessions: int
    turns: int
    items_added: int
    facts: dict[str, int]


class Memory:
    """Everything the coach remembers about people, and the background work that keeps it."""

    def __init__(
        self,
        db: Database,
        embedder: Embedder,
        *,
        extractor: Extractor,
        summarizer: Summarizer,
        queue: JobQueue,
        window_turns: int,
        window_tokens: int,
        recall_limit: int = 3,
        recall_min_similarity: float = 0.35,
    ) -> None:
        self.db = db
        self.extractor = extractor
        self.summarizer = summarizer
        self.queue = queue
        self.window = ConversationWindow(db, max_turns=window_turns, token_budget=window_tokens)
        self.semantic = SemanticMemory(db, embedder)
        self.profile = Profile(db)
        self.assembler = Assembler(
            db,
            self.window,
            self.semantic,
            recall_limit=recall_limit,
            recall_min_similarity=recall_min_similarity,
        )
        queue.register(REMEMBER, self._remember)
        queue.register(SUMMARIZE, self._summarize)
        queue.register(READ_DOCUMENT, self._read_document)

    # -- the turn ---------------------------------------------------------------------------

    @staticmethod
    async def after_turn(
        session: AsyncSession, *, user_id: uuid.UUID, question_id: uuid.UUID, reply_id: uuid.UUID
    ) -> None:
        """Queue the work that remembers this turn, in the transaction that stores the reply."""
        await job_store.enqueue(
            session,
            kind=REMEMBER,
            user_id=user_id,
            payload={"question": str(question_id), "reply": str(reply_id)},
        )

    async def _remember(self, job: Claimed, commit: Commit) -> None:
        """Extract facts from the person's message and embed the exchange; one transaction."""
        async with self.db.session() as session:
            question = await session.get(Message, uuid.UUID(job.payload["question"]))
            reply = await session.get(Message, uuid.UUID(job.payload["reply"]))
            asked = await _coach_asked(session, question) if question is not None else None
        if question is None:  # the person deleted their data meanwhile: nothing to remember
            await commit(_nothing)
            return
        extracted = await self.extractor.extract(question.content, asked)
        turn_ids = [str(question.id)] + ([str(reply.id)] if reply is not None else [])
        rows = await self.semantic.rows(
            question.user_id,
            [
                NewItem(
                    f"exchange:{question.id}",
                    "exchange",
                    turn_ids,
                    question.content,
                    question.created_at,
                )
            ],
        )

        async def write(session: AsyncSession) -> None:
            await merge(
                session,
                user_id=question.user_id,
                extracted=extracted,
                source=Source("message", question.id, question.created_at),
            )
            await item_store.add_many(session, rows)
            if await self._summary_due(session, question.conversation_id):
                await job_store.enqueue(
                    session,
                    kind=SUMMARIZE,
                    user_id=question.user_id,
                    payload={"conversation": str(question.conversation_id)},
                )

        await commit(write)

    async def _older_than_window(
        self, session: AsyncSession, conversation_id: uuid.UUID
    ) -> tuple[Conversation | None, list[Message]]:
        conversation = await session.get(Conversation, conversation_id)
        if conversation is None:
            return None, []
        query = select(Message).where(Message.conversation_id == conversation_id)
        if conversation.summary_upto is not None:
            query = query.where(Message.created_at > conversation.summary_upto)
        rows = list(await session.scalars(query.order_by(Message.created_at)))
        return conversation, rows[: max(0, len(rows) - self.window.max_turns)]

    async def _summary_due(self, session: AsyncSession, conversation_id: uuid.UUID) -> bool:
        conversation = await session.get(Conversation, conversation_id)
        if conversation is None:
            return False
        query = select(func.count()).where(Message.conversation_id == conversation_id)
        if conversation.summary_upto is not None:
            query = query.where(Message.created_at > conversation.summary_upto)
        unsummarized = int(await session.scalar(query) or 0)
        return unsummarized >= self.window.max_turns + 8

    async def _summarize(self, job: Claimed, commit: Commit) -> None:
        """Fold turns that left the window into the conversation's rolling summary."""
        async with self.db.session() as session:
            conversation, older = await self._older_than_window(
                session, uuid.UUID(job.payload["conversation"])
            )
        if conversation is None or not older:
            await commit(_nothing)
            return
        turns = [Turn(m.role, m.content, m.persona) for m in older if m.content]  # type: ignore[arg-type]
        text = await self.summarizer.summarize(conversation.summary, turns)
        upto = older[-1].created_at

        async def write(session: AsyncSession) -> None:
            await session.execute(
                update(Conversation)
                .where(Conversation.id == conversation.id)
                .values(summary=text, summary_upto=upto)
            )

        await commit(write)

    # -- what the person can see and change --------------------------------------------------

    async def search(self, user_id: uuid.UUID, query: str, *, limit: int = 10) -> list[Recalled]:
        """The person's most relevant past turns and exchanges."""
        return await self.semantic.search(user_id, query, limit=limit)

    async def import_history(
        self,
        user_id: uuid.UUID,
        history: dict[str, Any],
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> Imported:
        """Store an exported conversation: every turn into semantic memory (ids kept), and
        the facts in the person's turns into the profile. Re-importing is a no-op."""
        sessions = _validate_history(history)
        items: list[NewItem] = []
        user_turns: list[tuple[str, str | None, datetime]] = []
        for started, turns in sessions:
            asked: str | None = None  # the coach's message each turn replies to, per session
            for turn in turns:
                items.append(
                    NewItem(
                        f"turn:{turn['id']}",
                        "turn",
                        [str(turn["id"])],
                        f"{turn.get('speaker') or turn['role']}: {turn['text']}",
                        started,
                    )
                )
                if turn["role"] == "user":
                    user_turns.append((turn["text"], asked, started))
                asked = turn["text"] if turn["role"] == "assistant" else None
        added = 0
        batch = 256
        for start in range(0, len(items), batch):
            added += await self.semantic.add(user_id, items[start : start + batch])
            if progress is not None:
                progress(min(start + batch, len(items)), len(items))
        ops: dict[str, int] = {}
        async with self.db.session() as session:
            for text, asked, started in user_turns:
                merged: list[Merged] = await merge(
                    session,
                    user_id=user_id,
                    extracted=await self.extractor.extract(text, asked),
                    source=Source("import", None, started),
                )
                for item in merged:
                    ops[item.op] = ops.get(item.op, 0) + 1
            await session.commit()
        return Imported(len(sessions), len(items), added, ops)

    async def add_document(self, user_id: uuid.UUID, title: str, text: str) -> tuple[int, int]:
        """A member's own document (brand brief, plan), read here and now: its passages go into
        their semantic memory, and one pass proposes profile facts, stored as `pending` until
        confirmed. The app queues `submit_document` instead, so the worker reads it.

        Returns (passages added, facts proposed).
        """
        write, found = await self._read(user_id, title, text)
        async with self.db.session() as session:
            await write(session)
            await session.commit()
        return found["passages"], found["proposed"]

    async def submit_document(self, user_id: uuid.UUID, title: str, text: str) -> int:
        """Queue a member's document for the worker (it goes before background jobs, since the
        member waits for it); the job's id. `JobQueue.wait` gives its result:
        {"passages": added, "proposed": facts to confirm}."""
        async with self.db.session() as session:
            job = await job_store.enqueue(
                session,
                kind=READ_DOCUMENT,
                user_id=user_id,
                payload={"title": title, "text": text},
                waiting=True,
            )
            await session.commit()
        self.queue.wake()
        return job.id

    async def _read_document(self, job: Claimed, commit: Commit) -> None:
        assert job.user_id is not None
        write, found = await self._read(job.user_id, job.payload["title"], job.payload["text"])

        async def write_and_report(session: AsyncSession) -> None:
            await write(session)
            await job_store.report(session, job_id=job.id, result=found)

        await commit(write_and_report)

    async def _read(
        self, user_id: uuid.UUID, title: str, text: str
    ) -> tuple[Callable[[AsyncSession], Awaitable[None]], dict[str, int]]:
        """The slow part of reading a document (chunks, embeddings, facts), outside any
        transaction; returns the write that stores it, and the counts it fills in."""
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        chunks = chunk_markdown(text, max_tokens=200, overlap_tokens=40)
        now = datetime.now(UTC)
        items = [
            NewItem(f"doc:{digest}:{i}", "document", [f"{title}#{i + 1}"], chunk.text, now)
            for i, chunk in enumerate(chunks)
        ]
        extracted = await self.extractor.extract(text)
        rows = await self.semantic.rows(user_id, items)
        found = {"passages": 0, "proposed": 0}

        async def write(session: AsyncSession) -> None:
            found["passages"] = await item_store.add_many(session, rows)
            merged = await merge(
                session,
                user_id=user_id,
                extracted=extracted,
                source=Source("document", None, now),
                confirm=False,
            )
            found["proposed"] = sum(1 for m in merged if m.op == "ask")

        return write, found

    async def export(self, user_id: uuid.UUID) -> dict[str, Any]:
        """Everything stored about a person, as JSON-ready data."""
        async with self.db.session() as session:
            conversation = await session.scalar(
                select(Conversation).where(Conversation.user_id == user_id)
            )
            rows = []
            if conversation is not None:
                rows = list(
                    await session.scalars(
                        select(Message)
                        .where(Message.conversation_id == conversation.id)
                        .order_by(Message.created_at)
                    )
                )
            facts = await fact_store.of_user(
                session, user_id=user_id, statuses=("active", "pending", "retired", "rejected")
            )
            items = await item_store.of_user(session, user_id=user_id)
        return {
            "exported_at": datetime.now(UTC).isoformat(),
            "summary": conversation.summary if conversation else None,
            "messages": [
                {
                    "id": str(m.id),
                    "session_id": m.session_id,
                    "role": m.role,
                    "persona": m.persona,
                    "content": m.content,
                    "status": m.status,
                    "created_at": m.created_at.isoformat(),
                }
                for m in rows
            ],
            "facts": [
                {
                    "id": f.id,
                    "category": f.category,
                    "value": f.value,
                    "status": f.status,
                    "source": f.source_kind,
                    "source_message_id": str(f.source_message_id) if f.source_message_id else None,
                    "valid_from": f.valid_from.isoformat(),
                    "valid_to": f.valid_to.isoformat() if f.valid_to else None,
                    "replaced_by": f.replaced_by,
                }
                for f in facts
            ],
            "memories": [
                {
                    "id": i.id,
                    "kind": i.kind,
                    "turn_ids": i.turn_ids,
                    "text": i.text,
                    "occurred_at": i.occurred_at.isoformat(),
                }
                for i in items
            ],
        }

    async def forget(self, user_id: uuid.UUID) -> dict[str, int]:
        """Forget the profile, semantic memory and summary (the conversation itself stays)."""
        async with self.db.session() as session:
            facts = await fact_store.delete_all(session, user_id=user_id)
            items = await item_store.delete_all(session, user_id=user_id)
            await session.execute(
                update(Conversation)
                .where(Conversation.user_id == user_id)
                .values(summary=None, summary_upto=None)
            )
            await session.commit()
        return {"facts": facts, "memories": items}


async def _nothing(session: AsyncSession) -> None:
    """A job with nothing left to do still finishes."""


def _validate_history(history: dict[str, Any]) -> list[tuple[datetime, list[dict[str, Any]]]]:
    """Check the import format and parse session start times; a clear error names the problem."""
    if not isinstance(history, dict) or not isinstance(history.get("sessions"), list):
        raise InvalidInput('A history file is {"sessions": [{"started_at", "turns": [...]}]}.')
    parsed = []
    seen: set[str] = set()
    for n, item in enumerate(history["sessions"], start=1):
        if not isinstance(item, dict) or not isinstance(item.get("turns"), list):
            raise InvalidInput(f"Session {n} has no list of turns.")
        try:
            started = datetime.fromisoformat(str(item.get("started_at")).replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput(
                f"Session {n}: started_at {item.get('started_at')!r} is not an ISO date."
            ) from None
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        for turn in item["turns"]:
            if not isinstance(turn, dict) or not {"id", "role", "text"} <= turn.keys():
                raise InvalidInput(f"Session {n}: every turn needs id, role and text.")
            if str(turn["id"]) in seen:
                raise InvalidInput(f"Turn id {turn['id']!r} appears twice.")
            seen.add(str(turn["id"]))
        parsed.append((started, item["turns"]))
    if not seen:
        raise NotFound("The history holds no turns.")
    return parsed


async def _coach_asked(session: AsyncSession, question: Message) -> str | None:
    """The coach's message that `question` replies to: the one just before it, in the same
    chat session (a new session starts a new thread of talk)."""
    before = await message_store.recent(
        session, conversation_id=question.conversation_id, limit=1, before=question.created_at
    )
    if before and before[0].role == "assistant" and before[0].session_id == question.session_id:
        return before[0].content
    return None
