"""The memory worker in a process of its own, at a lower CPU priority than the app's replies.

Remembering a turn (fact extraction, embedding) and reading a member's document are CPU work.
In the app's own process they shared the model, the GIL and the two cores with the replies people
wait for; stepping aside between small slices (`coach.foreground`) still let a reply wait for the
slice in hand, and busy p95 time to first token was ×2.5–3.1 of quiet (`benchmarks.first_token`).
In a separate process started with `os.nice`, the kernel hands the CPU to a reply the moment it
needs it, mid-slice, and the worker gets whatever the replies leave.

- `run(settings)` is the process: `brand-coach worker`. It wakes on PostgreSQL notifications
  (`JobQueue.listening`), finishes the job in hand on SIGTERM, and exits when its parent does.
- `WorkerProcess` is how the app starts it, restarts it if it dies (with backoff) and stops it.

The jobs are durable and claimed with leases, so a worker killed mid-job loses nothing: the job
runs again, once, when its lease runs out. Several workers may run side by side.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys

from coach.config import Settings

logger = logging.getLogger(__name__)

READY = "memory worker ready"
"""Printed on stdout once the worker listens for jobs (scripts and tests wait for it)."""


async def run(settings: Settings, *, nice: int = 0, parent: int | None = None) -> None:
    """Work through the job queue until SIGTERM/SIGINT, or until this process is orphaned: its
    parent is no longer `parent` (the app that started it crashed)."""
    from coach.bootstrap import build_runtime  # the runtime imports this package

    if nice:
        os.nice(nice)
    runtime = build_runtime(settings)
    stop = asyncio.Event()

    def stopping() -> None:
        stop.set()
        runtime.queue.wake()

    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping)
    try:
        await runtime.memory.extractor.warm_up()
        async with runtime.queue.listening():
            worker = asyncio.create_task(runtime.queue.run_forever(stop), name="memory-worker")
            print(READY, flush=True)
            while not worker.done():
                await asyncio.wait({worker}, timeout=1.0)
                if parent is not None and os.getppid() != parent and not stop.is_set():
                    logger.warning("the app (pid %s) is gone; the memory worker stops", parent)
                    stopping()
            await worker
    finally:
        await runtime.close()


class WorkerProcess:
    """The app's memory worker: `brand-coach worker` as a child process, restarted if it dies."""

    def __init__(self, database_url: str, *, nice: int = 10) -> None:
        self.database_url = database_url
        self.nice = nice
        self.process: asyncio.subprocess.Process | None = None
        self._supervisor: asyncio.Task[None] | None = None

    def command(self) -> list[str]:
        """The child's command line."""
        return [
            sys.executable,
            "-m",
            "coach.cli",
            "worker",
            "--nice",
            str(self.nice),
            "--parent",
            str(os.getpid()),
        ]

    def start(self) -> None:
        """Start the worker and keep it running."""
        if self._supervisor is None:
            self._supervisor = asyncio.create_task(self._supervise(), name="memory-worker")

    async def _supervise(self) -> None:
        # The resolved URL, so the child attaches to this app's (possibly embedded) database.
        env = os.environ | {"DATABASE_URL": self.database_url}
        delay = 1.0
        loop = asyncio.get_running_loop()
        while True:
            self.process = await asyncio.create_subprocess_exec(*self.command(), env=env)
            started = loop.time()
            logger.info("memory worker started (pid %s)", self.process.pid)
            code = await self.process.wait()
            if loop.time() - started > 60:
                delay = 1.0
            logger.warning("memory worker exited with code %s; restarting in %.0f s", code, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30.0)

    async def stop(self, *, grace: float = 15.0) -> None:
        """Let the worker finish its job in hand, then make sure it is gone."""
        if self._supervisor is not None:
            self._supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
            self._supervisor = None
        process, self.process = self.process, None
        if process is None or process.returncode is not None:
            return
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), timeout=grace)
        except TimeoutError:
            process.kill()
            await process.wait()
