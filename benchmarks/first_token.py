"""Does remembering slow replies down? Time to first token with the memory worker idle and busy.

    .venv/bin/python -m benchmarks.first_token [--turns 60] [--pause 0.5] [--backlog 300]
        [--worker process|inline]

On a scratch embedded PostgreSQL, with the offline coach (no stream delay) and the shipped
knowledge loaded:

1. Other people hold a backlog of `--backlog` unremembered exchanges: real turns through the
   engine with the worker stopped, so each left a durable "remember" job (fact extraction,
   embedding) in the queue.
2. quiet: one person sends `--turns` messages with the worker stopped, one every `--pause`
   seconds on average after the last reply (people read and type between messages).
3. busy: the same person sends the same messages while the memory worker drains that backlog
   and a member document (~2,300 words: chunked, embedded, facts extracted) is uploaded again
   and again. As in the app, the worker is a child process at the configured `worker_nice`;
   `--worker inline` runs it in this process and event loop instead, as the app can be told to.

Time to first token is measured from the message being handed to the engine to the first piece of
the reply (it includes storing the message, routing, the context of all three memory tiers and
knowledge search). The benchmark checks that the worker really was busy for the whole busy phase,
and prints where the time goes: the stage timings the engine stores with each reply (routing,
context, the coach's first piece), p50 and p95 per phase.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import text

from benchmarks.common import pct, scratch_settings
from coach.bootstrap import Runtime, build_runtime, prepare
from coach.config import PROJECT_ROOT
from coach.events import Delta, Done
from coach.memory.worker import WorkerProcess
from coach.storage.db import database_url

DATASET = PROJECT_ROOT / "benchmarks" / "data" / "memory_people.jsonl"


def user_turns(person: dict[str, Any]) -> list[str]:
    """What a person said, in order."""
    return [t["text"] for s in person["sessions"] for t in s["turns"] if t["role"] == "user"]


async def turn(runtime: Runtime, user_id: uuid.UUID, session_id: str, message: str) -> float:
    """One turn through the engine; milliseconds until the first piece of the reply."""
    started = time.perf_counter()
    first: float | None = None
    async for event in runtime.coach.respond(user_id=user_id, session_id=session_id, text=message):
        if isinstance(event, Delta | Done) and first is None:
            first = (time.perf_counter() - started) * 1000
    assert first is not None, "the engine produced no reply"
    return first


async def jobs(runtime: Runtime, *statuses: str) -> int:
    """How many jobs have one of `statuses`."""
    async with runtime.db.session() as session:
        value = await session.scalar(
            text("SELECT count(*) FROM jobs WHERE status = ANY(:s)"), {"s": list(statuses)}
        )
    return int(value or 0)


async def upload_loop(runtime: Runtime, user_id: uuid.UUID, document: str) -> None:
    """Upload the document again and again, a new version each time, until cancelled; as in
    the app, the worker reads each one while the uploader waits for it."""
    uploads = 0
    while True:
        job = await runtime.memory.submit_document(
            user_id, "Business plan", f"{document}\n\nv{uploads}"
        )
        await runtime.queue.wait(job, timeout=600)
        uploads += 1


async def start_worker(runtime: Runtime, how: str) -> Callable[[], Awaitable[None]]:
    """Start the memory worker as the app does (`process`: a child at the configured nice;
    `inline`: a task in this process); returns how to stop it. Waits until it has run a job."""
    if how == "process":
        child = WorkerProcess(database_url(runtime.settings), nice=runtime.settings.worker_nice)
        child.start()
        stop: Callable[[], Awaitable[None]] = child.stop
    else:
        task = asyncio.create_task(runtime.queue.run_forever())

        async def stop() -> None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    done = await jobs(runtime, "done", "failed")
    for _ in range(1200):
        if await jobs(runtime, "done", "failed") > done:
            break
        await asyncio.sleep(0.1)
    return stop


async def phase(
    runtime: Runtime, user_id: uuid.UUID, messages: list[str], name: str, pause: float = 0.0
) -> list[float]:
    """The person's messages in a session of their own, each sent `pause` seconds (on average,
    uniformly 0.5×–1.5×) after the last reply, so they land at random points of background work."""
    session_id = f"{name}-{uuid.uuid4().hex[:8]}"
    rng = random.Random(7)
    # Both phases send the same messages: without this the busy phase would find the ones the
    # quiet phase embedded still cached, and skip the router's embedding.
    forget = getattr(runtime.library.embedder, "forget_recent", None)
    if forget is not None:
        forget()
    times = []
    for message in messages:
        await asyncio.sleep(pause * rng.uniform(0.5, 1.5))
        times.append(await turn(runtime, user_id, session_id, message))
    return times


async def main(args: argparse.Namespace) -> None:
    """Build the backlog, run both phases and print the comparison."""
    wall = time.perf_counter()
    people = [json.loads(line) for line in DATASET.open()]
    settings = scratch_settings(
        "bc-first-token-",
        args.database_url,
        offline_stream_delay=0,
        messages_per_minute=100_000,
    )
    runtime = build_runtime(settings)
    await prepare(runtime)

    asker = (await runtime.accounts.add(f"asker-{uuid.uuid4().hex[:6]}@bench.local")).id
    said = user_turns(people[0]) + [q["text"] for p in people for q in p["questions"]]
    messages = [said[i % len(said)] for i in range(args.turns)]
    await runtime.memory.extractor.warm_up()  # as the app does at start (ui/runtime.py)
    await phase(runtime, asker, messages[:5], "warm-up")  # model, classifier, pools

    others = people[1:]
    backlog_turns = [(p, m) for p in others for m in user_turns(p)]
    backlog_turns = [backlog_turns[i % len(backlog_turns)] for i in range(args.backlog)]
    accounts: dict[str, uuid.UUID] = {}
    t0 = time.perf_counter()
    for person, message in backlog_turns:
        if person["person"] not in accounts:
            email = f"{person['person']}-{uuid.uuid4().hex[:6]}@bench.local"
            accounts[person["person"]] = (await runtime.accounts.add(email)).id
        await turn(runtime, accounts[person["person"]], f"backlog-{person['person']}", message)
    backlog = await jobs(runtime, "pending", "running")
    where = (
        f"a child process at nice {settings.worker_nice}" if args.worker == "process" else "inline"
    )
    print(
        f"Brand Coach time-to-first-token benchmark — offline coach, {len(messages)} messages per "
        f"phase; memory worker {where}; backlog: {backlog} memory jobs from {len(accounts)} people "
        f"(built in {time.perf_counter() - t0:.0f} s)",
        flush=True,
    )

    quiet = await phase(runtime, asker, messages, "quiet", args.pause)

    document = "\n\n".join(f"## {p['person']}\n\n" + " ".join(user_turns(p)) for p in people[1:14])
    uploader = (await runtime.accounts.add(f"uploader-{uuid.uuid4().hex[:6]}@bench.local")).id
    stop_worker = await start_worker(runtime, args.worker)
    uploads = asyncio.create_task(upload_loop(runtime, uploader, document))
    await asyncio.sleep(0.5)  # let the upload get going
    done_before = await jobs(runtime, "done", "failed")
    failed_before = await jobs(runtime, "failed")
    busy = await phase(runtime, asker, messages, "busy", args.pause)
    ran = await jobs(runtime, "done", "failed") - done_before
    failed = await jobs(runtime, "failed") - failed_before
    after = await jobs(runtime, "pending", "running")
    uploads.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await uploads
    await stop_worker()
    uploaded = await _count(runtime, uploader)
    stages = {name: await _stages(runtime, asker, name) for name in ("quiet", "busy")}
    await runtime.close()

    print(f"\n{'time to first token (ms)':<44}{'p50':>8}{'p95':>8}{'max':>8}")
    for label, values in (("quiet: memory worker idle", quiet), ("busy: worker + uploads", busy)):
        print(f"{label:<44}{pct(values, 50):>8.1f}{pct(values, 95):>8.1f}{max(values):>8.1f}")
    print(
        f"\nduring the busy phase the worker ran {ran} jobs ({failed} failed, {after} still "
        f"queued at its end) and {uploaded} document versions were stored "
        f"({len(document.split()):,} words each)"
    )
    print(f"\n{'where the time goes (ms), p50 / p95':<44}{'quiet':>16}{'busy':>16}")
    for stage, label in STAGES.items():
        cells = [
            f"{pct(stages[n][stage], 50):.1f} / {pct(stages[n][stage], 95):.1f}" for n in stages
        ]
        print(f"{label:<44}{cells[0]:>16}{cells[1]:>16}")
    if after == 0:
        print("WARNING: the backlog ran out before the busy phase ended; raise --backlog")
    print(
        f"busy/quiet: p50 ×{pct(busy, 50) / pct(quiet, 50):.2f}, "
        f"p95 ×{pct(busy, 95) / pct(quiet, 95):.2f}"
    )
    print(f"wall time {time.perf_counter() - wall:.0f} s")


STAGES = {
    "route_ms": "routing",
    "context_ms": "embedding the message + all three tiers",
    "first_token_ms": "the offline coach's first piece",
}


async def _stages(runtime: Runtime, user_id: uuid.UUID, name: str) -> dict[str, list[float]]:
    """The stage timings the engine stored with each reply of phase `name`."""
    async with runtime.db.session() as session:
        rows = await session.execute(
            text(
                "SELECT latency FROM messages WHERE user_id = :u AND role = 'assistant' "
                "AND session_id LIKE :s"
            ),
            {"u": user_id, "s": f"{name}-%"},
        )
        latencies = [row[0] for row in rows]
    return {stage: [float(x[stage]) for x in latencies if stage in x] for stage in STAGES}


async def _count(runtime: Runtime, user_id: uuid.UUID) -> int:
    async with runtime.db.session() as session:
        value = await session.scalar(
            text(
                "SELECT count(DISTINCT split_part(source_key, ':', 2)) FROM memory_items "
                "WHERE user_id = :u AND kind = 'document'"
            ),
            {"u": user_id},
        )
    return int(value or 0)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=60)
    parser.add_argument(
        "--pause", type=float, default=0.5, help="mean seconds between a reply and the next message"
    )
    parser.add_argument("--backlog", type=int, default=300)
    parser.add_argument(
        "--worker",
        choices=["process", "inline"],
        default="process",
        help="run the memory worker as the app does (a child process) or in this process",
    )
    parser.add_argument("--database-url")
    asyncio.run(main(parser.parse_args()))
