"""Helpers every subcommand shares: output and a migrated runtime."""

from __future__ import annotations

import argparse
import json
from collections.abc import Awaitable, Callable
from typing import Any

from coach.bootstrap import Runtime, build_runtime
from coach.config import Settings
from coach.storage import migrate


def emit(args: argparse.Namespace, payload: dict[str, Any], human: str) -> None:
    """Print JSON with --json, else the human text."""
    print(json.dumps(payload, default=str) if getattr(args, "json", False) else human, flush=True)


async def with_runtime(settings: Settings, work: Callable[[Runtime], Awaitable[int]]) -> int:
    """Build the runtime, migrate, run `work`, and always close connections."""
    runtime = build_runtime(settings)
    try:
        await migrate.upgrade(runtime.db)
        return await work(runtime)
    finally:
        await runtime.close()
