"""The memory worker as the app runs it: `brand-coach worker`, a child process at a lower CPU
priority, restarted when it dies, stopped cleanly, gone when the app is gone."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from coach.bootstrap import Runtime
from coach.cli import main
from coach.memory.worker import READY, WorkerProcess
from coach.storage.models import Fact
from tests.browser.conftest import start_process
from tests.fakes.llm import ScriptedLLM
from tests.test_coach import run_turn


async def _facts(runtime: Runtime, member: uuid.UUID) -> set[tuple[str, str]]:
    async with runtime.db.session() as session:
        rows = await session.execute(
            select(Fact.category, Fact.value).where(Fact.user_id == member, Fact.status == "active")
        )
        return {(c, v) for c, v in rows.all()}


async def _new_child(worker: WorkerProcess, old_pid: int, timeout: float) -> int:
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        child = worker.process
        if child is not None and child.pid != old_pid and child.returncode is None:
            return child.pid
        await asyncio.sleep(0.1)
    raise AssertionError("the worker was not started again")


async def test_the_worker_process_remembers_is_restarted_and_stops_cleanly(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID, database_url: str
) -> None:
    await runtime.queue.drain()
    llm.script("Noted.")
    llm.script("Noted.")
    await run_turn(runtime, member, "My ideal customer is busy nurses working night shifts.")
    worker = WorkerProcess(database_url, nice=7)
    worker.start()
    try:
        assert await runtime.queue.wait_idle(user_id=member, timeout=120)
        assert ("audience", "busy nurses working night shifts") in await _facts(runtime, member)
        first = worker.process
        assert first is not None
        assert os.getpriority(os.PRIO_PROCESS, first.pid) == 7  # replies go first

        first.kill()  # a crash: the app starts another worker, which hears new work
        await _new_child(worker, first.pid, timeout=30)
        await run_turn(runtime, member, "We're based in Leeds.")
        assert await runtime.queue.wait_idle(user_id=member, timeout=120)
        assert ("location", "Leeds") in await _facts(runtime, member)
        last = worker.process
        assert last is not None
    finally:
        await worker.stop()
    assert last.returncode == 0  # SIGTERM: it finished and closed its connections
    assert worker.process is None


def _running(pid: int) -> bool:
    """Whether `pid` is alive (a zombie waiting to be reaped counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_the_worker_stops_when_the_app_that_started_it_is_gone(database_url: str) -> None:
    """`--parent`: a worker orphaned by a crashed app exits instead of running on alone."""
    app, lines = start_process(  # a stand-in for the app: a shell that starts the worker
        ["sh", "-c", f'"{sys.executable}" -m coach.cli worker --parent $$ & echo $!; wait'],
        os.environ | {"DATABASE_URL": database_url},
        re.compile(READY),  # it loaded its models and listens
    )
    worker_pid = int(lines[0])
    try:
        assert _running(worker_pid)
        app.kill()  # the app crashes; the worker is orphaned
        app.wait(10)
        deadline = time.monotonic() + 15
        while _running(worker_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(worker_pid), "the orphaned worker kept running"
    finally:
        if _running(worker_pid):
            os.kill(worker_pid, signal.SIGKILL)


def test_a_parent_that_did_not_start_the_worker_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["worker", "--parent", str(os.getpid())]) == 2
    assert "is not the process that started this one" in capsys.readouterr().err
