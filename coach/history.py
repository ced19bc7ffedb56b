"""A person's past sessions and messages, as the chat history sidebar and resume need them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from coach.storage import conversations, messages
from coach.storage.db import Database
from coach.storage.models import ChatSession, Feedback, Message


@dataclass(frozen=True)
class Transcript:
    """One session with its messages and the feedback on them."""

    session: ChatSession
    owner_email: str
    messages: list[Message]
    feedback: dict[uuid.UUID, Feedback]


class History:
    """Read and tidy the sessions of the one conversation each person has."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def sessions(
        self,
        *,
        user_id: uuid.UUID,
        limit: int,
        before: str | None = None,
        search: str | None = None,
        feedback: int | None = None,
    ) -> list[ChatSession]:
        """A person's sessions, most recently active first."""
        async with self.db.session() as session:
            return await conversations.list_sessions(
                session,
                user_id=user_id,
                limit=limit,
                before=before,
                search=search,
                feedback=feedback,
            )

    async def transcript(self, session_id: str) -> Transcript | None:
        """A session with its messages, or None when it does not exist."""
        async with self.db.session() as session:
            chat = await conversations.get_session(session, session_id=session_id)
            if chat is None:
                return None
            owner = await conversations.session_owner_email(session, session_id=session_id)
            rows = await messages.in_session(session, session_id=session_id)
            rated = await messages.feedback_for(session, message_ids=[m.id for m in rows])
            return Transcript(chat, owner or "", rows, rated)

    async def owner(self, session_id: str) -> str | None:
        """The email of the session's owner."""
        async with self.db.session() as session:
            return await conversations.session_owner_email(session, session_id=session_id)

    async def session_owner_id(self, session_id: str) -> uuid.UUID | None:
        """The id of the person a session belongs to."""
        async with self.db.session() as session:
            chat = await conversations.get_session(session, session_id=session_id)
            return chat.user_id if chat else None

    async def update(
        self,
        session_id: str,
        *,
        user_id: uuid.UUID | None,
        name: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        """Create the session for `user_id` if new, else rename it / store its metadata."""
        async with self.db.session() as session:
            chat = await conversations.get_session(session, session_id=session_id)
            if chat is None:
                if user_id is None:
                    return
                await conversations.ensure_session(
                    session, session_id=session_id, user_id=user_id, name=name
                )
            elif user_id is not None and chat.user_id != user_id:
                return
            if name is not None or metadata is not None:
                await conversations.update_session(
                    session, session_id=session_id, name=name, metadata=metadata
                )
            await session.commit()

    async def delete(self, session_id: str) -> None:
        """Delete a session and its messages."""
        async with self.db.session() as session:
            await conversations.delete_session(session, session_id=session_id)
            await session.commit()

    async def rate(
        self, *, message_id: uuid.UUID, user_id: uuid.UUID, value: int, comment: str | None
    ) -> uuid.UUID | None:
        """Store a thumbs up (1) or down (0) on a reply the person received."""
        async with self.db.session() as session:
            message = await messages.get(session, message_id=message_id)
            if message is None or message.user_id != user_id or message.role != "assistant":
                return None
            feedback_id = await messages.upsert_feedback(
                session, message_id=message_id, user_id=user_id, value=value, comment=comment
            )
            await session.commit()
            return feedback_id

    async def unrate(self, *, feedback_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        """Withdraw a rating the person gave."""
        async with self.db.session() as session:
            removed = await messages.delete_feedback(
                session, feedback_id=feedback_id, user_id=user_id
            )
            await session.commit()
            return removed
