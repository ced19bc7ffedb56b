"""Read-only queries for the review console: filtered replies, transcripts (callers never commit).

A reply's question is the latest message the person sent in the same session before the reply
(a LATERAL look-up on `messages_session_time`), which is exact for routed replies and for the
"Ask … instead" re-answers of the last question.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, literal_column, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from coach.review.filters import ReviewFilter
from coach.storage.models import ChatSession, Feedback, Message, RoutingCorrection, User

Question = aliased(Message, name="question_message")


@dataclass(frozen=True)
class ReviewedReply:
    """A reply with everything the list, the transcript and the exports show."""

    message: Message
    email: str
    question_id: uuid.UUID | None
    question: str | None
    feedback: int | None
    comment: str | None
    correction: tuple[str, str, str] | None  # routed, corrected, how


def day_start(day: date) -> datetime:
    """Midnight UTC at the start of `day`."""
    return datetime.combine(day, time(0), tzinfo=UTC)


_ENGLISH: Any = literal_column("'english'::regconfig")


def _words(column: Any) -> Any:
    """The indexed expression: `to_tsvector('english', content)`."""
    return func.to_tsvector(_ENGLISH, column)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _question_lateral() -> Any:
    return (
        select(Question.id.label("id"), Question.content.label("content"))
        .where(
            Question.session_id == Message.session_id,
            Question.role == "user",
            Question.created_at <= Message.created_at,
        )
        .order_by(Question.created_at.desc())
        .limit(1)
        .lateral("question")
    )


def basic_conditions(flt: ReviewFilter) -> list[ColumnElement[bool]]:
    """Conditions on replies that need no question look-up (person, specialist, dates, status)."""
    conditions: list[ColumnElement[bool]] = [Message.role == "assistant"]
    if flt.user_id is not None:
        conditions.append(Message.user_id == flt.user_id)
    if flt.person:
        people = select(User.id).where(
            or_(
                User.email.ilike(_like(flt.person), escape="\\"),
                User.display_name.ilike(_like(flt.person), escape="\\"),
            )
        )
        conditions.append(Message.user_id.in_(people))
    if flt.persona:
        conditions.append(Message.persona == flt.persona)
    if flt.since:
        conditions.append(Message.created_at >= day_start(flt.since))
    if flt.until:
        conditions.append(Message.created_at < day_start(flt.until + timedelta(days=1)))
    if flt.status == "problem":
        conditions.append(Message.status.in_(("failed", "partial")))
    elif flt.status:
        conditions.append(Message.status == flt.status)
    return conditions


def _feedback_condition(flt: ReviewFilter) -> ColumnElement[bool] | None:
    if flt.feedback == "up":
        return Feedback.value > 0
    if flt.feedback == "down":
        return Feedback.value <= 0
    if flt.feedback == "rated":
        return Feedback.id.is_not(None)
    if flt.feedback == "unrated":
        return Feedback.id.is_(None)
    return None


def filtered_replies(flt: ReviewFilter) -> tuple[Select[Any], Any]:
    """The SELECT of matching replies (unordered) and its question look-up."""
    question = _question_lateral()
    correction = (
        select(
            func.json_build_array(
                RoutingCorrection.routed, RoutingCorrection.corrected, RoutingCorrection.how
            )
        )
        .where(RoutingCorrection.message_id == question.c.id)
        .order_by(RoutingCorrection.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(
            Message,
            User.email,
            question.c.id,
            question.c.content,
            Feedback.value,
            Feedback.comment,
            correction,
        )
        .select_from(Message)
        .join(User, User.id == Message.user_id)
        .outerjoin(Feedback, Feedback.message_id == Message.id)
        .outerjoin(question, true())
        .where(*basic_conditions(flt))
    )
    if (condition := _feedback_condition(flt)) is not None:
        query = query.where(condition)
    if flt.misrouted:
        corrected_sessions = select(Question.session_id).join(
            RoutingCorrection, RoutingCorrection.message_id == Question.id
        )
        query = query.where(
            Message.session_id.in_(corrected_sessions),
            exists().where(RoutingCorrection.message_id == question.c.id),
        )
    if flt.text:
        # Word search (English stems, web-search syntax: "quoted phrases", -not) through the
        # GIN index `messages_content_fts` (migration 0005); a substring ILIKE scanned every
        # message and measured ~1.3 s p95 at 100,000 messages.
        wanted = func.websearch_to_tsquery(_ENGLISH, flt.text)
        # The index finds the matching messages once; everything else is a hashed IN over them.
        hits = (
            select(Question.id, Question.session_id, Question.role)
            .where(_words(Question.content).op("@@")(wanted))
            .cte("text_hits")
        )
        hit_ids = select(hits.c.id)
        asked = select(hits.c.session_id).where(hits.c.role == "user")
        in_reply = Message.id.in_(hit_ids)
        query = query.where(
            # Necessary condition on the reply row alone, so PostgreSQL filters before the
            # per-reply question look-up; the exact test follows.
            or_(in_reply, Message.session_id.in_(asked)),
            or_(in_reply, question.c.id.in_(hit_ids)),
        )
    return query, question


def _reply(row: Any) -> ReviewedReply:
    message, email, question_id, question, value, comment, correction = row
    return ReviewedReply(
        message,
        email,
        question_id,
        question,
        value,
        comment,
        tuple(correction) if correction else None,  # type: ignore[arg-type]
    )


async def replies(
    session: AsyncSession,
    *,
    flt: ReviewFilter,
    limit: int,
    before: tuple[datetime, uuid.UUID] | None = None,
) -> list[ReviewedReply]:
    """Matching replies, newest first, keyset-paged on (created_at, id) before `before`."""
    query, _ = filtered_replies(flt)
    if before is not None:
        at, message_id = before
        query = query.where(
            or_(
                Message.created_at < at,
                and_(Message.created_at == at, Message.id < message_id),
            )
        )
    query = query.order_by(Message.created_at.desc(), Message.id.desc()).limit(limit)
    return [_reply(row) for row in (await session.execute(query)).all()]


async def count_replies(session: AsyncSession, *, flt: ReviewFilter, cap: int) -> int:
    """How many replies match, counting no further than `cap`."""
    query, _ = filtered_replies(flt)
    capped = query.with_only_columns(Message.id).limit(cap).subquery()
    return int(await session.scalar(select(func.count()).select_from(capped)) or 0)


async def session_replies(session: AsyncSession, *, session_id: str) -> list[ReviewedReply]:
    """Every reply of one session with its question, feedback and correction, oldest first."""
    query, _ = filtered_replies(ReviewFilter())
    query = query.where(Message.session_id == session_id).order_by(Message.created_at)
    return [_reply(row) for row in (await session.execute(query)).all()]


async def session_messages(session: AsyncSession, *, session_id: str) -> list[Message]:
    """Every message of one session, oldest first."""
    query = select(Message).where(Message.session_id == session_id).order_by(Message.created_at)
    return list(await session.scalars(query))


async def session_with_owner(
    session: AsyncSession, *, session_id: str
) -> tuple[ChatSession, str] | None:
    """The session row and its owner's email."""
    row = (
        await session.execute(
            select(ChatSession, User.email)
            .join(User, User.id == ChatSession.user_id)
            .where(ChatSession.id == session_id)
        )
    ).first()
    return (row[0], row[1]) if row else None
