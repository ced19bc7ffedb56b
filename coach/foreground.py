"""Replies first: background work steps aside while a reply is being prepared.

When the memory worker runs inside the app's process (`BRAND_COACH_MEMORY_WORKER=inline`, tests,
`benchmarks.first_token --worker inline`), its work (extracting facts, embedding exchanges,
reading documents) shares this process and its CPU with the replies people are waiting for. (By
default the app runs it as a separate, lower-priority process instead: `coach.memory.worker`.)
From the moment a message arrives until its first token is sent, the reply is "preparing";
background work checks `step_aside()` between its steps and waits until no reply is preparing,
for at most `longest` seconds so a constant stream of messages cannot starve it. A step already
running finishes (a slice of embedding, one transaction), so a reply waits for at most one short
step. `benchmarks/first_token.py --worker inline` measures the effect.

One gate per process (the CPU is per process); it holds only a counter, so it works across event
loops (tests run several).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager

_POLL_SECONDS = 0.004


class Foreground:
    """Counts replies being prepared; background work waits while there are any."""

    def __init__(self) -> None:
        self._preparing = 0

    @property
    def busy(self) -> bool:
        """Whether a reply is being prepared right now."""
        return self._preparing > 0

    @contextmanager
    def preparing(self) -> Iterator[None]:
        """Mark a reply as being prepared for the duration of the block."""
        self.begin()
        try:
            yield
        finally:
            self.end()

    def begin(self) -> None:
        """Mark a reply as being prepared until `end` (for generators that cannot use a block)."""
        self._preparing += 1

    def end(self) -> None:
        """The reply started streaming, or stopped."""
        self._preparing = max(0, self._preparing - 1)

    async def step_aside(self, *, longest: float = 1.0) -> float:
        """Wait while a reply is being prepared, up to `longest` seconds; the seconds waited."""
        if not self._preparing:
            return 0.0
        started = time.perf_counter()
        deadline = started + longest
        while self._preparing and time.perf_counter() < deadline:
            await asyncio.sleep(_POLL_SECONDS)
        return time.perf_counter() - started


FOREGROUND = Foreground()
