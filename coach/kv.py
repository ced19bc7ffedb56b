"""Shared counters with expiry: Redis when REDIS_URL is set, this process's memory otherwise.

This is the one module that talks to Redis.
"""

from __future__ import annotations

import time
from typing import Protocol

import redis.asyncio as aioredis


class Counters(Protocol):
    """Counters that reset after a time-to-live."""

    async def hit(self, key: str, *, ttl_seconds: int) -> int:
        """Add one to `key` (starting its expiry on the first hit) and return the new count."""
        ...

    async def close(self) -> None:
        """Release connections."""
        ...


class MemoryCounters:
    """In-process counters: right for one app process, not shared across several."""

    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, float]] = {}

    async def hit(self, key: str, *, ttl_seconds: int) -> int:
        """Add one to `key` and return the new count."""
        now = time.monotonic()
        count, expires = self._counts.get(key, (0, now + ttl_seconds))
        if expires <= now:
            count, expires = 0, now + ttl_seconds
        self._counts[key] = (count + 1, expires)
        return count + 1

    async def close(self) -> None:
        """Nothing to release."""


class RedisCounters:
    """Counters shared by every app process through Redis."""

    def __init__(self, url: str, *, prefix: str = "brand-coach:") -> None:
        self.redis = aioredis.from_url(url)
        self.prefix = prefix

    async def hit(self, key: str, *, ttl_seconds: int) -> int:
        """Add one to `key` atomically and return the new count."""
        async with self.redis.pipeline(transaction=True) as pipe:
            full = self.prefix + key
            pipe.set(full, 0, ex=ttl_seconds, nx=True)  # EXPIRE NX needs Redis 7; this works on 6
            pipe.incr(full)
            _, count = await pipe.execute()
        return int(count)

    async def close(self) -> None:
        """Close the connection pool."""
        await self.redis.aclose()


def make_counters(redis_url: str | None) -> Counters:
    """Redis-backed counters when a URL is given, in-process ones otherwise."""
    return RedisCounters(redis_url) if redis_url else MemoryCounters()
