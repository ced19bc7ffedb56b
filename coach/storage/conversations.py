"""Conversations (one per user) and the sessions inside them (callers commit)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from coach.storage.models import ChatSession, Conversation, Feedback, Message, User


async def ensure_conversation(session: AsyncSession, *, user_id: uuid.UUID) -> uuid.UUID:
    """The id of the user's one conversation, created on first use."""
    await session.execute(
        insert(Conversation)
        .values(id=uuid.uuid4(), user_id=user_id)
        .on_conflict_do_nothing(index_elements=["user_id"])
    )
    conversation_id = await session.scalar(
        select(Conversation.id).where(Conversation.user_id == user_id)
    )
    assert conversation_id is not None
    return conversation_id


async def ensure_session(
    session: AsyncSession, *, session_id: str, user_id: uuid.UUID, name: str | None = None
) -> ChatSession:
    """The session row with this id, created for `user_id` if new; never changes its owner."""
    conversation_id = await ensure_conversation(session, user_id=user_id)
    await session.execute(
        insert(ChatSession)
        .values(
            id=session_id,
            conversation_id=conversation_id,
            user_id=user_id,
            name=(name or None) and name[:200],
        )
        .on_conflict_do_nothing(index_elements=["id"])
    )
    row = await session.get(ChatSession, session_id)
    assert row is not None
    return row


async def get_session(session: AsyncSession, *, session_id: str) -> ChatSession | None:
    """The session row, if any."""
    return await session.get(ChatSession, session_id)


async def session_owner_email(session: AsyncSession, *, session_id: str) -> str | None:
    """The email of the person a session belongs to."""
    return await session.scalar(
        select(User.email)
        .join(ChatSession, ChatSession.user_id == User.id)
        .where(ChatSession.id == session_id)
    )


async def update_session(
    session: AsyncSession,
    *,
    session_id: str,
    name: str | None = None,
    metadata: dict[str, Any] | None = None,
) -> None:
    """Rename a session or replace its metadata; touches its updated time."""
    values: dict[str, Any] = {"updated_at": func.now()}
    if name is not None:
        values["name"] = name[:200]
    if metadata is not None:
        values["meta"] = metadata
    await session.execute(update(ChatSession).where(ChatSession.id == session_id).values(**values))


async def delete_session(session: AsyncSession, *, session_id: str) -> None:
    """Remove a session and its messages."""
    await session.execute(delete(ChatSession).where(ChatSession.id == session_id))


async def list_sessions(
    session: AsyncSession,
    *,
    user_id: uuid.UUID,
    limit: int,
    before: str | None = None,
    search: str | None = None,
    feedback: int | None = None,
) -> list[ChatSession]:
    """A user's sessions, most recently active first, with keyset paging on `before`."""
    query = select(ChatSession).where(ChatSession.user_id == user_id)
    if before:
        cursor = await session.get(ChatSession, before)
        if cursor is not None:
            query = query.where(
                or_(
                    ChatSession.updated_at < cursor.updated_at,
                    (ChatSession.updated_at == cursor.updated_at) & (ChatSession.id < cursor.id),
                )
            )
    if search:
        pattern = f"%{search}%"
        matching = select(Message.session_id).where(
            Message.user_id == user_id, Message.content.ilike(pattern)
        )
        query = query.where(or_(ChatSession.name.ilike(pattern), ChatSession.id.in_(matching)))
    if feedback is not None:
        rated = (
            select(Message.session_id)
            .join(Feedback, Feedback.message_id == Message.id)
            .where(Message.user_id == user_id, Feedback.value == feedback)
        )
        query = query.where(ChatSession.id.in_(rated))
    query = query.order_by(ChatSession.updated_at.desc(), ChatSession.id.desc()).limit(limit)
    return list(await session.scalars(query))
