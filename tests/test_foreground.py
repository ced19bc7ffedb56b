"""Replies first: background work steps aside until a reply's first token; the model serves a
reply before queued background slices."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest

from coach.bootstrap import Runtime
from coach.errors import InvalidInput
from coach.events import Delta, Routed
from coach.foreground import FOREGROUND, Foreground
from coach.knowledge.embeddings import MiniLMEmbedder, PriorityLock, slices
from coach.memory.extract import RuleExtractor, _pieces
from coach.storage import jobs as job_store
from coach.storage.models import Job
from tests.fakes.llm import ScriptedLLM


async def test_step_aside_waits_for_the_reply_then_goes_on() -> None:
    gate = Foreground()
    assert await gate.step_aside() == 0.0

    async def finish_soon() -> None:
        await asyncio.sleep(0.1)
        gate.end()

    gate.begin()
    finisher = asyncio.create_task(finish_soon())
    waited = await gate.step_aside(longest=5)
    await finisher
    assert 0.08 <= waited < 1 and not gate.busy


async def test_step_aside_never_waits_longer_than_asked() -> None:
    gate = Foreground()
    with gate.preparing():
        started = time.perf_counter()
        await gate.step_aside(longest=0.05)
        assert 0.04 <= time.perf_counter() - started < 0.5
        assert gate.busy
    assert not gate.busy


async def test_a_waiting_foreground_caller_goes_before_waiting_background_ones() -> None:
    lock = PriorityLock()
    order: list[str] = []

    async def take(name: str, priority: int) -> None:
        await lock.acquire(priority)
        order.append(name)
        await asyncio.sleep(0.01)
        lock.release()

    await lock.acquire(PriorityLock.BACKGROUND)  # a background slice is running
    waiting = [
        asyncio.create_task(take("background 1", PriorityLock.BACKGROUND)),
        asyncio.create_task(take("background 2", PriorityLock.BACKGROUND)),
    ]
    await asyncio.sleep(0.01)
    waiting.append(asyncio.create_task(take("reply", PriorityLock.FOREGROUND)))
    await asyncio.sleep(0.01)
    assert lock.foreground_waiting
    lock.release()
    await asyncio.gather(*waiting)
    assert order == ["reply", "background 1", "background 2"]


async def test_a_cancelled_waiter_does_not_keep_the_lock() -> None:
    lock = PriorityLock()
    await lock.acquire(PriorityLock.FOREGROUND)
    waiter = asyncio.create_task(lock.acquire(PriorityLock.BACKGROUND))
    await asyncio.sleep(0.01)
    waiter.cancel()
    lock.release()
    await asyncio.wait_for(lock.acquire(PriorityLock.FOREGROUND), timeout=1)
    lock.release()


async def test_background_slices_give_the_same_vectors_in_order(
    embedder: MiniLMEmbedder,
) -> None:
    texts = [f"sourdough loaf number {n} from the Bristol bakery" for n in range(9)]
    sliced = await embedder.embed(texts, background=True)
    whole = embedder.embed_now(texts)
    assert len(sliced) == 9
    for a, b in zip(sliced, whole, strict=True):
        assert sum(x * y for x, y in zip(a, b, strict=True)) > 0.999


def test_background_slices_hold_few_texts_and_few_characters() -> None:
    short, long = "a" * 100, "b" * 900
    runs = slices([short] * 6 + [long, short, short, long], most=4, chars=600)
    assert runs == [[short] * 4, [short] * 2, [long], [short, short], [long]]
    assert [t for run in runs for t in run] == [short] * 6 + [long, short, short, long]
    assert slices([], most=4, chars=600) == []


async def test_a_long_document_is_read_paragraph_by_paragraph() -> None:
    filler = "We talked about the weather and the roads for a while. " * 30
    document = (
        f"My name is Priya and I run a bakery called Rise & Shine.\n\n{filler}\n\n"
        f"Our biggest challenge is parking near the shop.\n\n{filler}"
    )
    assert len(document) > RuleExtractor.long_text
    found = {(f.category, f.value) for f in await RuleExtractor().extract(document)}
    assert {("name", "Priya"), ("company", "Rise & Shine")} <= found
    assert ("challenge", "parking near the shop") in found


async def test_a_long_paragraph_is_read_in_runs_of_whole_sentences() -> None:
    filler = "We talked about the weather and the roads for a while. " * 60
    document = f"{filler}My name is Priya and I run a bakery called Rise & Shine. {filler}"
    assert len(document) > 3 * RuleExtractor.long_text and "\n" not in document
    pieces = _pieces(document, RuleExtractor.long_text)
    assert len(pieces) >= 3 and all(len(p) <= RuleExtractor.long_text for p in pieces)
    assert all(p.endswith(".") for p in pieces)  # cut between sentences, never inside one
    found = {(f.category, f.value) for f in await RuleExtractor().extract(document)}
    assert {("name", "Priya"), ("company", "Rise & Shine")} <= found


async def test_a_reply_is_marked_as_preparing_until_its_first_token(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script("First part. ", "Second part.")
    seen: list[tuple[str, bool]] = []
    async for event in runtime.coach.respond(
        user_id=member, session_id=f"s-{uuid.uuid4().hex[:8]}", text="How do I price my cakes?"
    ):
        seen.append((type(event).__name__, FOREGROUND.busy))
    assert seen[0] == (Routed.__name__, True)
    first_delta = next(i for i, (name, _) in enumerate(seen) if name == Delta.__name__)
    assert all(busy is False for _, busy in seen[first_delta:])
    assert not FOREGROUND.busy


async def test_a_failed_turn_releases_the_gate(runtime: Runtime, member: uuid.UUID) -> None:
    with pytest.raises(InvalidInput):
        async for _ in runtime.coach.respond(user_id=member, session_id="s-empty", text="   "):
            pass
    assert not FOREGROUND.busy


async def test_the_worker_waits_while_a_reply_is_prepared(runtime: Runtime) -> None:
    await runtime.queue.drain()
    ran: list[int] = []

    async def handler(job: object, commit: object) -> None:
        ran.append(1)
        await commit(lambda session: asyncio.sleep(0))  # type: ignore[operator]

    runtime.queue.register("test-foreground", handler)  # type: ignore[arg-type]
    async with runtime.db.session() as session:
        job = await job_store.enqueue(session, kind="test-foreground", user_id=None, payload={})
        await session.commit()
    with FOREGROUND.preparing():
        worker = asyncio.create_task(runtime.queue.run_one())
        await asyncio.sleep(0.2)
        assert ran == [] and not worker.done()
    assert await asyncio.wait_for(worker, timeout=5)
    async with runtime.db.session() as session:
        stored = await session.get(Job, job.id)
        assert stored is not None and stored.status == "done"
    assert ran == [1]
