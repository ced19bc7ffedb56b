"""Helpers every subcommand shares: output and a migrated runtime."""

from __future__ import annotations

import argparse
import json
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TextIO

from coach.bootstrap import Runtime, build_runtime
from coach.config import Settings
from coach.errors import InvalidInput
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


def jsonl_records(stream: TextIO, *, required: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """JSON objects, one per non-blank line; a bad line stops with an error naming it."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            missing = [key for key in required if key not in item]
        except (json.JSONDecodeError, TypeError) as error:
            raise InvalidInput(f"line {number}: not a JSON object ({error}).") from error
        if missing:
            fields = ", ".join(f'"{key}"' for key in required)
            raise InvalidInput(
                f"line {number}: expected {{{fields}}}; missing {', '.join(missing)}."
            )
        yield item
