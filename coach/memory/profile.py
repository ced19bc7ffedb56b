"""Tier 2, the profile: facts merged as add / update / retire / no-op, with their history.

Merging rules (one place, so the next engineer can change them with the tests as a net):
- a value that says the same as an active fact is a no-op (a restatement never duplicates);
  when it says more ("Leeds" → "Leeds, UK") the old row is retired and the richer one added;
- single-valued categories (name, location, business name…): a different value with
  change language ("we moved to…", "I've raised my rate…", an edit) updates — the old row is
  retired with `valid_to` and `replaced_by`; a different value WITHOUT change language is a
  contradiction: it is stored as `pending` and the coach asks before anything is replaced;
- prices are the same, per thing priced: "the bouquet is now 520 NOK" updates the bouquet's
  price and leaves the wedding package's alone (`facts.same_subject`);
- list categories (goals, competitors…) grow; "we no longer sell X" retires X;
- ideal customers are a list (`facts.SHIFTS`): "and Airbnb owners too" adds one; a shift, "my
  main customer is corporate teams now", retires all those held before; "my ideal customer is
  new mums", without change language, is a contradiction of them all: the coach asks first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from coach.errors import InvalidInput, NotFound
from coach.memory.facts import (
    CATEGORIES,
    ExtractedFact,
    fact_key,
    label,
    normalise,
    noun,
    same_value,
    shifts,
    single_valued,
    would_replace,
)
from coach.storage import facts as store
from coach.storage.db import Database
from coach.storage.models import Fact

Op = Literal["add", "update", "retire", "noop", "ask"]


@dataclass(frozen=True)
class Merged:
    """What happened to one extracted fact."""

    op: Op
    fact: Fact | None
    previous: Fact | None = None


@dataclass(frozen=True)
class Source:
    """Where facts came from: a message, a document, an edit or an import; and when."""

    kind: str = "message"
    message_id: uuid.UUID | None = None
    at: datetime | None = None


def _richer(new: str, old: str) -> bool:
    return len(normalise(new).split()) > len(normalise(old).split())


async def merge(
    session: AsyncSession,
    *,
    user_id: uuid.UUID,
    extracted: list[ExtractedFact],
    source: Source,
    confirm: bool = True,
) -> list[Merged]:
    """Merge extracted facts into the person's profile (caller commits).

    `confirm=False` stores new facts as `pending` (facts read from an uploaded document wait for
    the person's confirmation).
    """
    results: list[Merged] = []
    for item in extracted:
        current = await store.of_user(session, user_id=user_id, statuses=("active", "pending"))
        active = [f for f in current if f.category == item.category and f.status == "active"]
        pending = [f for f in current if f.category == item.category and f.status == "pending"]
        sames = [f for f in active if same_value(f.value, item.value)]
        same = max(sames, key=lambda f: len(normalise(f.value).split()), default=None)
        if shifts(item):  # "my main customer is corporate teams now" replaces them all
            rivals = active
        else:
            rivals = [
                f for f in active if would_replace(item.category, f.value, item.value, item.quote)
            ]
        fields: dict[str, Any] = {
            "user_id": user_id,
            "category": item.category,
            "key": fact_key(item.category, item.value),
            "value": item.value.strip(),
            "source_kind": source.kind,
            "source_message_id": source.message_id,
            "source_text": item.quote or None,
        }
        if source.at is not None:
            fields["valid_from"] = source.at

        if item.retire:
            if same is None:
                results.append(Merged("noop", None))
                continue
            await store.retire(session, fact=same, at=source.at, replaced_by=None)
            results.append(Merged("retire", None, same))
        elif any(same_value(f.value, item.value) for f in pending):
            results.append(Merged("noop", None))
        elif not confirm:
            if same is not None:
                results.append(Merged("noop", same))
                continue
            fact = await store.add(session, status="pending", **fields)
            results.append(Merged("ask", fact, rivals[0] if rivals else None))
        elif same is not None:
            if not _richer(item.value, same.value):
                results.append(Merged("noop", same))
                continue
            fact = await store.add(session, status="active", **fields)
            for old in sames:  # "slow work" and "made by hand" → "slow work, made by hand"
                await store.retire(session, fact=old, at=source.at, replaced_by=fact.id)
            results.append(Merged("update", fact, same))
        elif not rivals:
            fact = await store.add(session, status="active", **fields)
            results.append(Merged("add", fact))
        elif item.tentative and single_valued(item.category):
            results.append(Merged("noop", None))  # a guess never contradicts what is held
        elif item.change or source.kind == "edit":
            fact = await store.add(session, status="active", **fields)
            for old in rivals:
                await store.retire(session, fact=old, at=source.at, replaced_by=fact.id)
            results.append(Merged("update", fact, rivals[0]))
        else:
            fact = await store.add(session, status="pending", **fields)
            results.append(Merged("ask", fact, rivals[0]))
    return results


@dataclass(frozen=True)
class Question:
    """A contradiction (or a fact read from a document) waiting for the person's answer.

    `replaces` is False for a new fact to confirm (from a document), True when saying yes
    replaces what the coach knew (the answer buttons say which).
    """

    fact_id: int
    text: str
    replaces: bool = True


def question_for(fact: Fact, previous: Fact | None) -> str:
    """'Last month you told me your location was X; today you said Y. Shall I update it?'"""
    if previous is None:
        return f"From your document — {label(fact.category)}: “{fact.value}”. Shall I remember it?"
    return (
        f"{_when(previous.valid_from).capitalize()} you told me your {noun(fact.category)} was "
        f"“{previous.value}”; today you said “{fact.value}”. Shall I update it?"
    )


def _when(moment: datetime) -> str:
    now = datetime.now(moment.tzinfo)
    days = (now - moment).days
    if days < 1:
        return "earlier today"
    if days < 2:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return "last month" if now.month != moment.month else "earlier this month"
    return f"in {moment:%B %Y}"


class Profile:
    """Read and change a person's profile; every query is scoped to that person."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def merge(
        self, user_id: uuid.UUID, extracted: list[ExtractedFact], source: Source
    ) -> list[Merged]:
        """Merge in its own transaction (scripts and tests; jobs merge in theirs)."""
        async with self.db.session() as session:
            merged = await merge(session, user_id=user_id, extracted=extracted, source=source)
            await session.commit()
        return merged

    async def active(self, user_id: uuid.UUID) -> list[Fact]:
        """What the coach currently knows, oldest first."""
        async with self.db.session() as session:
            return await store.of_user(session, user_id=user_id)

    async def everything(self, user_id: uuid.UUID) -> list[Fact]:
        """Every fact with its history (active, pending, retired, rejected)."""
        async with self.db.session() as session:
            return await store.of_user(
                session, user_id=user_id, statuses=("active", "pending", "retired", "rejected")
            )

    async def questions(self, user_id: uuid.UUID, *, unasked_only: bool = True) -> list[Question]:
        """Pending facts as questions to put to the person; marks them asked."""
        async with self.db.session() as session:
            rows = await store.of_user(session, user_id=user_id, statuses=("pending", "active"))
            pending = [f for f in rows if f.status == "pending"]
            if unasked_only:
                pending = [f for f in pending if f.asked_at is None]
            active = [f for f in rows if f.status == "active"]
            asked = []
            for f in pending:
                previous = (
                    next(
                        (
                            a
                            for a in active
                            if a.category == f.category
                            and would_replace(f.category, a.value, f.value, f.source_text or "")
                        ),
                        None,
                    )
                    if f.source_kind != "document"
                    else None
                )
                asked.append(Question(f.id, question_for(f, previous), previous is not None))
            if asked:
                await store.mark_asked(session, fact_ids=[q.fact_id for q in asked])
                await session.commit()
        return asked

    async def resolve(self, user_id: uuid.UUID, fact_id: int, *, accept: bool) -> Fact:
        """Record the person's answer to a question: replace the old value, or keep it."""
        async with self.db.session() as session:
            fact = await store.get(session, user_id=user_id, fact_id=fact_id)
            if fact is None or fact.status != "pending":
                raise NotFound("That question has already been answered.")
            if not accept:
                await store.set_status(session, fact_id=fact.id, status="rejected")
            else:
                rows = await store.of_user(session, user_id=user_id)
                quote = (fact.source_text or "") if fact.source_kind != "document" else ""
                for old in rows:
                    if old.category == fact.category and would_replace(
                        fact.category, old.value, fact.value, quote
                    ):
                        await store.retire(session, fact=old, at=None, replaced_by=fact.id)
                await store.set_status(session, fact_id=fact.id, status="active")
            await session.commit()
            await session.refresh(fact)
        return fact

    async def edit(self, user_id: uuid.UUID, fact_id: int, value: str) -> Fact:
        """The person corrects a fact: the old row is retired, the new value replaces it."""
        value = value.strip()
        if not value:
            raise InvalidInput("Type the new value, or delete the fact instead.")
        if len(value) > 300:
            raise InvalidInput("Keep a fact under 300 characters.")
        async with self.db.session() as session:
            old = await store.get(session, user_id=user_id, fact_id=fact_id)
            if old is None or old.status != "active":
                raise NotFound("That fact does not exist any more.")
            new = await store.add(
                session,
                user_id=user_id,
                category=old.category,
                key=fact_key(old.category, value),
                value=value,
                status="active",
                source_kind="edit",
                source_text=f"edited from “{old.value}”",
            )
            await store.retire(session, fact=old, at=None, replaced_by=new.id)
            await session.commit()
        return new

    async def add(self, user_id: uuid.UUID, category: str, value: str) -> Fact:
        """The person adds a fact themselves (from `/memory`)."""
        if category not in CATEGORIES:
            raise InvalidInput(f"Unknown kind of fact {category!r}.")
        merged = await self.merge(
            user_id,
            [ExtractedFact(category=category, value=value, change=True)],  # type: ignore[arg-type]
            Source(kind="edit"),
        )
        if merged[0].fact is None:
            raise InvalidInput("I already know that.")
        return merged[0].fact

    async def delete(self, user_id: uuid.UUID, fact_id: int) -> int:
        """Forget one fact and its history."""
        async with self.db.session() as session:
            removed = await store.delete_with_history(session, user_id=user_id, fact_id=fact_id)
            await session.commit()
        if not removed:
            raise NotFound("That fact does not exist any more.")
        return removed
