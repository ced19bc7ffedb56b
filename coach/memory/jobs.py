"""Durable background work: after a reply is sent, remember what was said.

Jobs live in the `jobs` table, so nothing is lost when the process stops. A worker claims a job
with a lease (`FOR UPDATE SKIP LOCKED`, so several processes can work side by side); a handler
does the slow part (a model call, an embedding) outside any transaction, then writes its results
and marks the job done in ONE transaction that only commits while the worker still owns the job.
So a crash before that commit re-runs the job once the lease expires, a crash after it never
re-runs it, and the work lands exactly once. A failing job is retried with exponential backoff
and jitter, then recorded as `failed` with its error; the conversation never waits for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from coach.foreground import FOREGROUND
from coach.storage import jobs as store
from coach.storage.db import Database
from coach.storage.models import Job

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Claimed:
    """A job this worker owns until its lease runs out."""

    id: int
    kind: str
    user_id: uuid.UUID | None
    payload: dict[str, Any]
    attempt: int


class LostLease(Exception):
    """Another worker took the job over; this attempt's writes were rolled back."""


Commit = Callable[[Callable[[AsyncSession], Awaitable[None]]], Awaitable[None]]
Handler = Callable[[Claimed, Commit], Awaitable[None]]


class JobQueue:
    """Enqueue, claim and run jobs; `run_forever` is the in-process worker."""

    def __init__(
        self,
        db: Database,
        *,
        lease_seconds: float = 60.0,
        max_attempts: int = 5,
        backoff_seconds: float = 2.0,
        poll_seconds: float = 1.0,
    ) -> None:
        self.db = db
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self.backoff_seconds = backoff_seconds
        self.poll_seconds = poll_seconds
        self.handlers: dict[str, Handler] = {}
        self._wake = asyncio.Event()

    def register(self, kind: str, handler: Handler) -> None:
        """Run `handler` for jobs of `kind`."""
        self.handlers[kind] = handler

    def wake(self) -> None:
        """Tell a waiting worker there is new work (it also polls)."""
        self._wake.set()

    def retry_delay(self, attempt: int) -> timedelta | None:
        """Exponential backoff with full jitter; None once `max_attempts` are spent."""
        if attempt >= self.max_attempts:
            return None
        ceiling = self.backoff_seconds * 2 ** (attempt - 1)
        return timedelta(seconds=ceiling / 2 + random.uniform(0, ceiling / 2))

    async def _claim(self) -> Claimed | None:
        async with self.db.session() as session:
            row = await store.claim(session, lease_seconds=self.lease_seconds)
            await session.commit()
        if row is None:
            return None
        return Claimed(row["id"], row["kind"], row["user_id"], row["payload"], row["attempts"])

    def _commit_for(self, job: Claimed) -> Commit:
        async def commit(write: Callable[[AsyncSession], Awaitable[None]]) -> None:
            async with self.db.session() as session:
                await write(session)
                if not await store.finish(session, job_id=job.id, attempt=job.attempt):
                    await session.rollback()
                    raise LostLease(f"job {job.id} was taken over by another worker")
                await session.commit()

        return commit

    async def run_one(self) -> bool:
        """Claim and run one due job; False when there was none. Waits first while a reply is
        being prepared in this process (`coach.foreground`)."""
        await FOREGROUND.step_aside()
        job = await self._claim()
        if job is None:
            return False
        handler = self.handlers.get(job.kind)
        try:
            if handler is None:
                raise LookupError(f"no handler for jobs of kind {job.kind!r}")
            await handler(job, self._commit_for(job))
        except LostLease:
            logger.warning("job %s: lease lost, another worker finishes it", job.id)
        except Exception as error:  # a failing job must never take the worker down
            retry = self.retry_delay(job.attempt)
            logger.warning(
                "job %s (%s) attempt %s failed: %r%s",
                job.id,
                job.kind,
                job.attempt,
                error,
                "" if retry is None else f"; retrying in {retry.total_seconds():.1f} s",
            )
            async with self.db.session() as session:
                await store.fail(
                    session,
                    job_id=job.id,
                    attempt=job.attempt,
                    error=f"{type(error).__name__}: {error}",
                    retry_in=retry,
                )
                await session.commit()
        return True

    async def drain(self, *, limit: int = 10_000) -> int:
        """Run due jobs until none is left (tests, imports, scripts); returns how many ran."""
        ran = 0
        while ran < limit and await self.run_one():
            ran += 1
        return ran

    @contextlib.asynccontextmanager
    async def listening(self) -> AsyncIterator[None]:
        """For the block, wake on every job enqueued by any process (PostgreSQL LISTEN on
        `store.CHANNEL`), so a worker in its own process starts new work at once. If that
        connection drops, the worker still finds work at its next poll."""
        async with self.db.engine.connect() as connection:
            raw = (await connection.get_raw_connection()).driver_connection
            assert raw is not None

            def heard(*_: object) -> None:
                self.wake()

            await raw.add_listener(store.CHANNEL, heard)
            try:
                yield
            finally:
                with contextlib.suppress(Exception):
                    await raw.remove_listener(store.CHANNEL, heard)

    async def run_forever(self, stop: asyncio.Event | None = None) -> None:
        """The worker loop: run jobs as they come, wait for a wake-up or poll when idle. With
        `stop`, return once it is set and the job in hand (if any) is finished."""
        while stop is None or not stop.is_set():
            try:
                if await self.run_one():
                    continue
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("job worker: could not reach the queue; retrying")
            self._wake.clear()
            if stop is not None and stop.is_set():
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)

    async def wait(self, job_id: int, *, timeout: float) -> Job | None:
        """The job once it is done or failed (its `result`, its `last_error`); None while it
        is still unfinished after `timeout` seconds, or if it no longer exists."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            async with self.db.session() as session:
                job = await store.outcome(session, job_id=job_id)
            if job is None or job.status in ("done", "failed"):
                return job
            if asyncio.get_running_loop().time() >= deadline:
                return None
            await asyncio.sleep(0.1)

    async def wait_idle(self, *, user_id: uuid.UUID, timeout: float) -> bool:
        """Wait until a person's jobs have all run (or failed); False on timeout."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            async with self.db.session() as session:
                if not await store.unfinished(session, user_id=user_id):
                    return True
            if asyncio.get_running_loop().time() >= deadline:
                return False
            await asyncio.sleep(0.1)
