"""The durable job queue's SQL: enqueue, claim with a lease, finish, retry or give up."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from coach.storage.models import Job

CHANNEL = "brand_coach_jobs"
"""PostgreSQL notifies this channel when a job is enqueued, so a worker in another process wakes
at once instead of at its next poll."""


async def enqueue(
    session: AsyncSession,
    *,
    kind: str,
    user_id: uuid.UUID | None,
    payload: dict[str, Any],
    waiting: bool = False,
) -> Job:
    """Add a job (it becomes due at once); callers commit, usually with the work that caused it.
    The notification is transactional too: listeners hear it when the caller commits. A job
    someone is `waiting` for is claimed before the background ones."""
    job = Job(kind=kind, user_id=user_id, payload=payload, status="pending", waiting=waiting)
    session.add(job)
    await session.flush()
    await session.execute(
        text("SELECT pg_notify(:channel, :kind)"), {"channel": CHANNEL, "kind": kind}
    )
    return job


_CLAIM = text(
    """
    UPDATE jobs SET status = 'running', attempts = attempts + 1,
                    locked_until = now() + make_interval(secs => :lease)
    WHERE id = (
        SELECT id FROM jobs
        WHERE (status = 'pending' AND run_after <= now())
           OR (status = 'running' AND locked_until < now())
        ORDER BY waiting DESC, run_after, id
        FOR UPDATE SKIP LOCKED
        LIMIT 1)
    RETURNING id, kind, user_id, payload, attempts
    """
)


async def claim(session: AsyncSession, *, lease_seconds: float) -> dict[str, Any] | None:
    """Take the oldest due job, or one whose worker's lease ran out (it crashed); None if idle."""
    row = (await session.execute(_CLAIM, {"lease": lease_seconds})).mappings().first()
    return dict(row) if row else None


async def finish(session: AsyncSession, *, job_id: int, attempt: int) -> bool:
    """Mark the job done in the caller's transaction.

    False when this attempt no longer owns the job (its lease ran out and another worker took it
    over): the caller must roll back, so the work is committed exactly once.
    """
    result = await session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == "running", Job.attempts == attempt)
        .values(status="done", finished_at=func.now(), locked_until=None, last_error=None)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def report(session: AsyncSession, *, job_id: int, result: dict[str, Any]) -> None:
    """Store what the job found, in the transaction that finishes it."""
    await session.execute(update(Job).where(Job.id == job_id).values(result=result))


async def outcome(session: AsyncSession, *, job_id: int) -> Job | None:
    """The job as it stands now."""
    return await session.get(Job, job_id, populate_existing=True)


async def fail(
    session: AsyncSession,
    *,
    job_id: int,
    attempt: int,
    error: str,
    retry_in: timedelta | None,
) -> None:
    """Schedule a retry after `retry_in`, or record the job as failed when it is None."""
    values: dict[str, Any] = {"last_error": error[:2000], "locked_until": None}
    if retry_in is None:
        values |= {"status": "failed", "finished_at": func.now()}
    else:
        values |= {"status": "pending", "run_after": func.now() + retry_in}
    await session.execute(
        update(Job).where(Job.id == job_id, Job.attempts == attempt).values(**values)
    )


async def unfinished(session: AsyncSession, *, user_id: uuid.UUID | None = None) -> int:
    """How many jobs are pending or running (for one person, or everyone)."""
    query = select(func.count()).select_from(Job).where(Job.status.in_(("pending", "running")))
    if user_id is not None:
        query = query.where(Job.user_id == user_id)
    return int(await session.scalar(query) or 0)


async def counts(session: AsyncSession) -> dict[str, int]:
    """Jobs by status."""
    rows = await session.execute(select(Job.status, func.count()).group_by(Job.status))
    return {status: int(n) for status, n in rows.all()}
