"""The durable job queue: exactly-once work, retries with backoff, survival of a crash."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid

from sqlalchemy import func, select

from coach.bootstrap import Runtime
from coach.config import PROJECT_ROOT
from coach.memory.jobs import Claimed, Commit
from coach.storage import jobs as job_store
from coach.storage.db import Database
from coach.storage.models import Fact, Job, MemoryItem
from tests.fakes.llm import ScriptedLLM
from tests.test_coach import run_turn


async def _job(runtime: Runtime, job_id: int) -> Job:
    async with runtime.db.session() as session:
        job = await session.get(Job, job_id)
        assert job is not None
        return job


async def _enqueue(runtime: Runtime, kind: str, user: uuid.UUID | None = None) -> int:
    async with runtime.db.session() as session:
        job = await job_store.enqueue(session, kind=kind, user_id=user, payload={})
        await session.commit()
        return job.id


async def test_a_turn_is_remembered_after_the_reply_exactly_once(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    await runtime.queue.drain()
    llm.script("Lovely — tell me about your customers.")
    await run_turn(runtime, member, "I'm the founder of Wick and Wax, a candle shop in Leeds.")
    async with runtime.db.session() as session:
        pending = await session.scalar(
            select(func.count()).where(Job.user_id == member, Job.status == "pending")
        )
        facts_before = await session.scalar(select(func.count()).where(Fact.user_id == member))
    assert pending == 1 and facts_before == 0  # nothing happened on the reply's path

    assert await runtime.queue.drain() >= 1
    assert await runtime.queue.drain() == 0  # done jobs never run again
    async with runtime.db.session() as session:
        values = set(await session.scalars(select(Fact.value).where(Fact.user_id == member)))
        items = await session.scalar(select(func.count()).where(MemoryItem.user_id == member))
    assert {"Wick and Wax", "Leeds", "founder"} <= values
    assert items == 1


async def test_a_failing_job_is_retried_with_backoff_then_recorded_as_failed(
    runtime: Runtime,
) -> None:
    await runtime.queue.drain()
    calls: list[int] = []

    async def broken(job: Claimed, commit: Commit) -> None:
        calls.append(job.attempt)
        raise RuntimeError("the model is down")

    queue = runtime.queue
    queue.register("test-broken", broken)
    queue.backoff_seconds, queue.max_attempts = 0.05, 3
    try:
        job_id = await _enqueue(runtime, "test-broken")
        await queue.drain()
        first = await _job(runtime, job_id)
        assert (first.status, first.attempts) == ("pending", 1)
        assert first.run_after > first.created_at  # backed off, not due at once
        for _ in range(100):
            await queue.drain()
            if (await _job(runtime, job_id)).status == "failed":
                break
            await asyncio.sleep(0.02)
    finally:
        queue.backoff_seconds, queue.max_attempts = 2.0, 5
    final = await _job(runtime, job_id)
    assert calls == [1, 2, 3]
    assert (final.status, final.attempts) == ("failed", 3)
    assert final.last_error == "RuntimeError: the model is down"


async def test_a_worker_that_lost_its_lease_commits_nothing(runtime: Runtime) -> None:
    await runtime.queue.drain()
    writes: list[str] = []

    async def slow(job: Claimed, commit: Commit) -> None:
        async with runtime.db.session() as session:  # another worker takes the job over
            await session.execute(
                Job.__table__.update().where(Job.id == job.id).values(attempts=job.attempt + 1)
            )
            await session.commit()

        async def write(session: object) -> None:
            writes.append("written")

        await commit(write)  # type: ignore[arg-type]

    runtime.queue.register("test-slow", slow)
    job_id = await _enqueue(runtime, "test-slow")
    await runtime.queue.run_one()
    job = await _job(runtime, job_id)
    assert writes == ["written"] and job.status == "running"  # rolled back, not marked done


async def test_a_crash_mid_job_reruns_it_once(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID, database_url: str
) -> None:
    await runtime.queue.drain()
    llm.script("Noted.")
    await run_turn(runtime, member, "My ideal customer is busy nurses working night shifts.")
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.memory.crash_worker", database_url],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = await asyncio.to_thread(worker.stdout.readline)  # type: ignore[union-attr]
        assert line.startswith("claimed"), line
        job_id = int(line.split()[1])
    finally:
        worker.kill()  # SIGKILL: no cleanup, the job stays "running" with its lease
        worker.wait(10)
    crashed = await _job(runtime, job_id)
    assert (crashed.status, crashed.attempts) == ("running", 1)
    assert await runtime.queue.drain() == 0  # the lease still holds: nobody steals it early

    await asyncio.sleep(1.2)  # the lease runs out
    assert await runtime.queue.drain() == 1
    assert await runtime.queue.drain() == 0
    done = await _job(runtime, job_id)
    assert (done.status, done.attempts) == ("done", 2)
    async with runtime.db.session() as session:
        facts = list(await session.scalars(select(Fact.value).where(Fact.user_id == member)))
        items = await session.scalar(select(func.count()).where(MemoryItem.user_id == member))
    assert facts == ["busy nurses working night shifts"] and items == 1


async def test_a_job_someone_waits_for_goes_before_background_jobs(runtime: Runtime) -> None:
    await runtime.queue.drain()
    order: list[str] = []

    async def note(job: Claimed, commit: Commit) -> None:
        order.append(job.payload["name"])
        await commit(lambda session: asyncio.sleep(0))

    runtime.queue.register("test-order", note)
    async with runtime.db.session() as session:
        for name, waiting in (("older", False), ("old", False), ("awaited", True)):
            await job_store.enqueue(
                session, kind="test-order", user_id=None, payload={"name": name}, waiting=waiting
            )
        await session.commit()
    assert await runtime.queue.drain() == 3
    assert order == ["awaited", "older", "old"]


async def test_a_listening_worker_wakes_when_another_process_enqueues(runtime: Runtime) -> None:
    """PostgreSQL NOTIFY on enqueue: the worker starts at once rather than at its next poll."""
    await runtime.queue.drain()
    runtime.queue.poll_seconds = 30.0  # only a notification can wake it in time
    ran = asyncio.Event()

    async def note(job: Claimed, commit: Commit) -> None:
        await commit(lambda session: asyncio.sleep(0))
        ran.set()

    runtime.queue.register("test-wake", note)
    stop = asyncio.Event()
    async with runtime.queue.listening():
        worker = asyncio.create_task(runtime.queue.run_forever(stop))
        await asyncio.sleep(0.3)  # the worker found nothing and waits
        other = Database.connect(str(runtime.db.engine.url.render_as_string(False)))
        try:
            async with other.session() as session:  # another connection, as another process
                await job_store.enqueue(session, kind="test-wake", user_id=None, payload={})
                await session.commit()
        finally:
            await other.close()
        await asyncio.wait_for(ran.wait(), timeout=5)
        stop.set()
        runtime.queue.wake()
        await asyncio.wait_for(worker, timeout=5)  # `stop` ends the loop cleanly
