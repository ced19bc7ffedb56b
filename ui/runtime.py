"""The app process's one `Runtime`, built on first use inside Chainlit's event loop."""

from __future__ import annotations

import asyncio
import logging

from coach.bootstrap import Runtime, build_runtime
from coach.config import load_settings
from coach.memory.worker import WorkerProcess
from coach.storage.db import database_url

_runtime: Runtime | None = None
_worker: asyncio.Task[None] | WorkerProcess | None = None
logger = logging.getLogger(__name__)


def runtime() -> Runtime:
    """The runtime for this process (lazy: Chainlit imports app.py before its loop runs)."""
    global _runtime
    if _runtime is None:
        _runtime = build_runtime(load_settings())
    return _runtime


async def warm_up() -> None:
    """Load the embedding model, fit the router and load the fact rules before the first person
    arrives, and start the memory worker (it remembers each turn after its reply is sent;
    pending jobs from a crash run first)."""
    global _worker
    classifier = runtime().coach.router.classifier
    if classifier is not None:
        await classifier.warm_up()
    if _worker is not None:
        return
    settings = runtime().settings
    if settings.memory_worker == "process":
        _worker = WorkerProcess(database_url(settings), nice=settings.worker_nice)
        _worker.start()
        logger.info("memory worker process starting (nice %s)", settings.worker_nice)
    else:
        await runtime().memory.extractor.warm_up()
        _worker = asyncio.create_task(runtime().queue.run_forever(), name="memory-worker")
        logger.info("memory worker started in the app's process")


async def shut_down() -> None:
    """Stop the memory worker (it finishes the job in hand) and close connections."""
    global _worker, _runtime
    worker, _worker = _worker, None
    if isinstance(worker, WorkerProcess):
        await worker.stop()
    elif worker is not None:
        worker.cancel()
    if _runtime is not None:
        await _runtime.close()
        _runtime = None
