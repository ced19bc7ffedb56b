"""Messages and feedback on them (callers commit)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from coach.storage.models import Feedback, Message


async def add(session: AsyncSession, **fields: Any) -> Message:
    """Insert one message row; `fields` are `Message` columns."""
    message = Message(**fields)
    session.add(message)
    await session.flush()
    return message


async def get(session: AsyncSession, *, message_id: uuid.UUID) -> Message | None:
    """One message by id."""
    return await session.get(Message, message_id)


async def recent(
    session: AsyncSession, *, conversation_id: uuid.UUID, limit: int, before: datetime | None = None
) -> list[Message]:
    """The latest `limit` messages of a conversation, oldest first."""
    query = select(Message).where(Message.conversation_id == conversation_id)
    if before is not None:
        query = query.where(Message.created_at < before)
    rows = await session.scalars(query.order_by(Message.created_at.desc()).limit(limit))
    return list(reversed(list(rows)))


async def in_session(session: AsyncSession, *, session_id: str) -> list[Message]:
    """Every message of one session, oldest first."""
    query = select(Message).where(Message.session_id == session_id).order_by(Message.created_at)
    return list(await session.scalars(query))


async def last_persona(session: AsyncSession, *, conversation_id: uuid.UUID) -> str | None:
    """The specialist who answered last in this conversation."""
    return await session.scalar(
        select(Message.persona)
        .where(Message.conversation_id == conversation_id, Message.role == "assistant")
        .order_by(Message.created_at.desc())
        .limit(1)
    )


async def feedback_for(
    session: AsyncSession, *, message_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Feedback]:
    """Feedback keyed by the message it rates."""
    if not message_ids:
        return {}
    rows = await session.scalars(select(Feedback).where(Feedback.message_id.in_(message_ids)))
    return {row.message_id: row for row in rows}


async def upsert_feedback(
    session: AsyncSession,
    *,
    message_id: uuid.UUID,
    user_id: uuid.UUID,
    value: int,
    comment: str | None,
) -> uuid.UUID:
    """Record (or change) the rating of one reply; returns the feedback id."""
    statement = (
        insert(Feedback)
        .values(
            id=uuid.uuid4(), message_id=message_id, user_id=user_id, value=value, comment=comment
        )
        .on_conflict_do_update(
            index_elements=["message_id"], set_={"value": value, "comment": comment}
        )
        .returning(Feedback.id)
    )
    return (await session.execute(statement)).scalar_one()


async def delete_feedback(
    session: AsyncSession, *, feedback_id: uuid.UUID, user_id: uuid.UUID
) -> bool:
    """Remove a rating the user gave; False when there was none."""
    result = await session.execute(
        delete(Feedback).where(Feedback.id == feedback_id, Feedback.user_id == user_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
