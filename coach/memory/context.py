"""Tier 1: the recent turns of the person's one conversation that fit the token budget."""

from __future__ import annotations

import uuid
from datetime import datetime

from coach.llm.base import Turn
from coach.storage import messages
from coach.storage.db import Database
from coach.tokens import count_tokens


class ConversationWindow:
    """Recent turns across every session and specialist, newest kept first when trimming."""

    def __init__(self, db: Database, *, max_turns: int, token_budget: int) -> None:
        self.db = db
        self.max_turns = max_turns
        self.token_budget = token_budget

    async def recall(self, *, conversation_id: uuid.UUID, before: datetime) -> list[Turn]:
        """Turns before `before`, oldest first, trimmed from the oldest end to the budget."""
        async with self.db.session() as session:
            rows = await messages.recent(
                session, conversation_id=conversation_id, limit=self.max_turns, before=before
            )
        turns: list[Turn] = []
        spent = 0
        for row in reversed(rows):
            if not row.content:
                continue
            cost = count_tokens(row.content)
            if turns and spent + cost > self.token_budget:
                break
            spent += cost
            turns.append(Turn(row.role, row.content, row.persona))  # type: ignore[arg-type]
        return list(reversed(turns))
