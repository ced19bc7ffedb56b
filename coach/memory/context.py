"""Assembling what the coach remembers for one message, from all three tiers at once.

Tier 1: the recent turns of the one conversation that fit the token budget, plus the rolling
summary of everything older. Tier 2: the active profile facts. Tier 3: past exchanges relevant
to this message (not already in the window). The four reads run in parallel on their own
connections; the query embedding is computed once by the caller and shared with knowledge search.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from coach.llm.base import Turn
from coach.memory.facts import label
from coach.memory.semantic import Recalled, SemanticMemory
from coach.storage import facts as fact_store
from coach.storage import messages
from coach.storage.db import Database
from coach.storage.models import Conversation, Fact
from coach.tokens import count_tokens


class ConversationWindow:
    """Recent turns across every session and specialist, newest kept first when trimming."""

    def __init__(self, db: Database, *, max_turns: int, token_budget: int) -> None:
        self.db = db
        self.max_turns = max_turns
        self.token_budget = token_budget

    async def recall(
        self, *, conversation_id: uuid.UUID, before: datetime
    ) -> tuple[list[Turn], set[str]]:
        """Turns before `before`, oldest first, trimmed from the oldest end to the budget;
        and the ids of the messages they came from."""
        async with self.db.session() as session:
            rows = await messages.recent(
                session, conversation_id=conversation_id, limit=self.max_turns, before=before
            )
        turns: list[Turn] = []
        ids: set[str] = set()
        spent = 0
        for row in reversed(rows):
            if not row.content:
                continue
            cost = count_tokens(row.content)
            if turns and spent + cost > self.token_budget:
                break
            spent += cost
            turns.append(Turn(row.role, row.content, row.persona))  # type: ignore[arg-type]
            ids.add(str(row.id))
        return list(reversed(turns)), ids


@dataclass(frozen=True)
class Context:
    """Everything remembered for one message."""

    history: list[Turn]
    summary: str | None
    facts: list[Fact]
    recalled: list[Recalled]
    timings: dict[str, float] = field(default_factory=dict)

    def profile_lines(self) -> list[str]:
        """Facts as 'Label: value' lines, grouped by category in a stable order."""
        return [f"{label(f.category)}: {f.value}" for f in self.facts]

    def recalled_lines(self) -> list[str]:
        """Recalled exchanges as dated lines."""
        return [f"{r.occurred_at:%d %b %Y}: {r.text}" for r in self.recalled]

    def used(self) -> list[dict[str, Any]]:
        """What was used, for the reply's record and its routing step."""
        used: list[dict[str, Any]] = [
            {"kind": "fact", "id": f.id, "category": f.category, "text": f.value}
            for f in self.facts
        ]
        used += [
            {
                "kind": "exchange",
                "id": r.id,
                "turn_ids": r.turn_ids,
                "text": r.text[:200],
                "date": r.occurred_at.date().isoformat(),
            }
            for r in self.recalled
        ]
        if self.summary:
            used.append({"kind": "summary", "id": None, "text": self.summary[:200]})
        return used


class Assembler:
    """Reads the three tiers for a message in parallel."""

    def __init__(
        self,
        db: Database,
        window: ConversationWindow,
        semantic: SemanticMemory,
        *,
        recall_limit: int = 3,
        recall_min_similarity: float = 0.35,
    ) -> None:
        self.db = db
        self.window = window
        self.semantic = semantic
        self.recall_limit = recall_limit
        self.recall_min_similarity = recall_min_similarity

    async def _summary(self, conversation_id: uuid.UUID) -> str | None:
        async with self.db.session() as session:
            return await session.scalar(
                select(Conversation.summary).where(Conversation.id == conversation_id)
            )

    async def _facts(self, user_id: uuid.UUID) -> list[Fact]:
        async with self.db.session() as session:
            return await fact_store.of_user(session, user_id=user_id)

    async def assemble(
        self,
        *,
        user_id: uuid.UUID,
        conversation_id: uuid.UUID,
        before: datetime,
        query: str,
        embedding: list[float] | None,
        exclude: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> Context:
        """All three tiers for `query`; `exclude` are message ids that must not be recalled."""
        (history, window_ids), summary, facts, recalled = await asyncio.gather(
            self.window.recall(conversation_id=conversation_id, before=before),
            self._summary(conversation_id),
            self._facts(user_id),
            self.semantic.search(user_id, query, limit=self.recall_limit * 3, embedding=embedding),
        )
        skip = window_ids | set(exclude)
        kept = [
            r
            for r in recalled
            if r.similarity >= self.recall_min_similarity and not skip.intersection(r.turn_ids)
        ][: self.recall_limit]
        return Context(history, summary, facts, kept)
