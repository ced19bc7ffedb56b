"""The app process's one `Runtime`, built on first use inside Chainlit's event loop."""

from __future__ import annotations

import asyncio
import logging

from coach.bootstrap import Runtime, build_runtime
from coach.config import load_settings

_runtime: Runtime | None = None
_worker: asyncio.Task[None] | None = None
logger = logging.getLogger(__name__)


def runtime() -> Runtime:
    """The runtime for this process (lazy: Chainlit imports app.py before its loop runs)."""
    global _runtime
    if _runtime is None:
        _runtime = build_runtime(load_settings())
    return _runtime


async def warm_up() -> None:
    """Load the embedding model, fit the router and load the fact rules before the first person
    arrives."""
    global _worker
    classifier = runtime().coach.router.classifier
    if classifier is not None:
        await classifier.warm_up()
    await runtime().memory.extractor.warm_up()
    if _worker is None:
        # Remembers each turn after its reply is sent; pending jobs from a crash run first.
        _worker = asyncio.create_task(runtime().queue.run_forever(), name="memory-worker")
        logger.info("memory worker started")
