"""The app process's one `Runtime`, built on first use inside Chainlit's event loop."""

from __future__ import annotations

from coach.bootstrap import Runtime, build_runtime
from coach.config import load_settings

_runtime: Runtime | None = None


def runtime() -> Runtime:
    """The runtime for this process (lazy: Chainlit imports app.py before its loop runs)."""
    global _runtime
    if _runtime is None:
        _runtime = build_runtime(load_settings())
    return _runtime


async def warm_up() -> None:
    """Load the embedding model and fit the router before the first person arrives."""
    classifier = runtime().coach.router.classifier
    if classifier is not None:
        await classifier.warm_up()
