"""The profile's SQL: facts with their history (callers commit)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from coach.storage.models import Fact


async def of_user(
    session: AsyncSession, *, user_id: uuid.UUID, statuses: tuple[str, ...] = ("active",)
) -> list[Fact]:
    """A person's facts with the given statuses, oldest first."""
    query = (
        select(Fact)
        .where(Fact.user_id == user_id, Fact.status.in_(statuses))
        .order_by(Fact.valid_from, Fact.id)
    )
    return list(await session.scalars(query))


async def get(session: AsyncSession, *, user_id: uuid.UUID, fact_id: int) -> Fact | None:
    """One of the person's facts (never another person's)."""
    return await session.scalar(select(Fact).where(Fact.id == fact_id, Fact.user_id == user_id))


async def add(session: AsyncSession, **fields: object) -> Fact:
    """Insert a fact; `fields` are `Fact` columns."""
    fact = Fact(**fields)
    session.add(fact)
    await session.flush()
    return fact


async def retire(
    session: AsyncSession, *, fact: Fact, at: datetime | None, replaced_by: int | None
) -> None:
    """Mark a fact as no longer true from `at` (now by default), keeping the row."""
    await session.execute(
        update(Fact)
        .where(Fact.id == fact.id)
        .values(status="retired", valid_to=at or func.now(), replaced_by=replaced_by)
    )


async def set_status(session: AsyncSession, *, fact_id: int, status: str) -> None:
    """Change a fact's status (pending → rejected, for example)."""
    await session.execute(update(Fact).where(Fact.id == fact_id).values(status=status))


async def mark_asked(session: AsyncSession, *, fact_ids: list[int]) -> None:
    """Remember that the person was asked about these pending facts."""
    await session.execute(update(Fact).where(Fact.id.in_(fact_ids)).values(asked_at=func.now()))


async def delete_with_history(session: AsyncSession, *, user_id: uuid.UUID, fact_id: int) -> int:
    """Delete a fact and every earlier version it replaced; returns how many rows went."""
    ids = await session.scalars(
        text(
            """
            WITH RECURSIVE chain(id) AS (
                SELECT id FROM facts WHERE id = :id AND user_id = :user
                UNION
                SELECT f.id FROM facts f JOIN chain c ON f.replaced_by = c.id
                WHERE f.user_id = :user)
            SELECT id FROM chain
            """
        ),
        {"id": fact_id, "user": user_id},
    )
    doomed = list(ids)
    if not doomed:
        return 0
    await session.execute(update(Fact).where(Fact.replaced_by.in_(doomed)).values(replaced_by=None))
    await session.execute(delete(Fact).where(Fact.id.in_(doomed), Fact.user_id == user_id))
    return len(doomed)


async def delete_all(session: AsyncSession, *, user_id: uuid.UUID) -> int:
    """Forget every fact about a person."""
    await session.execute(update(Fact).where(Fact.user_id == user_id).values(replaced_by=None))
    result = await session.execute(delete(Fact).where(Fact.user_id == user_id))
    return int(result.rowcount)  # type: ignore[attr-defined]
