"""The dashboard's figures, shaped from the database's grouped aggregates.

Decision: with no dates given the dashboard covers the last 30 UTC days up to today. Figures are
cached in-process for `ttl` seconds per filter, so a page refresh or many reviewers at once cost
one aggregate pass; a reply saved meanwhile shows up after at most `ttl` seconds.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from coach.review.filters import ReviewFilter
from coach.storage import dashboard as figures
from coach.storage.dashboard import CONFIDENCE_BUCKETS, DocumentUse, Group
from coach.storage.db import Database

DEFAULT_DAYS = 30
TOP_DOCUMENTS = 10


@dataclass(frozen=True)
class PersonaFeedback:
    """Replies of one specialist and how people rated them."""

    replies: int
    rated: int
    up: int
    down: int

    @property
    def rate(self) -> float:
        """Share of replies that got a rating."""
        return self.rated / self.replies if self.replies else 0.0

    @property
    def positive(self) -> float:
        """Share of ratings that were thumbs up."""
        return self.up / self.rated if self.rated else 0.0


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard draws, per UTC day over [since, until]."""

    since: date
    until: date
    days: list[date]
    replies: dict[date, dict[str, int]]
    latency: dict[date, tuple[float, float]]
    tokens: dict[date, tuple[int, int]]
    cost: dict[date, float]
    feedback: dict[str, PersonaFeedback]
    confidence: list[int]
    methods: dict[str, int]
    documents: list[DocumentUse] = field(default_factory=list)

    @property
    def total_replies(self) -> int:
        """Replies in the whole range."""
        return sum(f.replies for f in self.feedback.values())

    def as_json(self) -> dict[str, Any]:
        """JSON-ready figures (the `/console/api/dashboard` body)."""
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "replies_per_day": {d.isoformat(): self.replies.get(d, {}) for d in self.days},
            "latency_ms": {
                d.isoformat(): {"p50": v[0], "p95": v[1]} for d, v in self.latency.items()
            },
            "tokens": {
                d.isoformat(): {"input": v[0], "output": v[1]} for d, v in self.tokens.items()
            },
            "cost_usd": {d.isoformat(): round(v, 6) for d, v in self.cost.items()},
            "feedback": {
                p: {"replies": f.replies, "rated": f.rated, "up": f.up, "down": f.down}
                for p, f in self.feedback.items()
            },
            "confidence": self.confidence,
            "methods": self.methods,
            "documents": [d.__dict__ for d in self.documents],
        }


def shape(groups: list[Group], since: date, until: date, documents: list[DocumentUse]) -> Dashboard:
    """Turn grouped rows into per-day and per-specialist figures."""
    days = [since + timedelta(days=n) for n in range((until - since).days + 1)]
    board = Dashboard(since, until, days, {}, {}, {}, {}, {}, [0] * CONFIDENCE_BUCKETS, {})
    for g in groups:
        if g.grouping == figures.BY_DAY_PERSONA and g.day and g.persona:
            board.replies.setdefault(g.day, {})[g.persona] = g.replies
        elif g.grouping == figures.BY_DAY and g.day:
            if g.p50_ms is not None and g.p95_ms is not None:
                board.latency[g.day] = (g.p50_ms, g.p95_ms)
            board.tokens[g.day] = (g.input_tokens, g.output_tokens)
            board.cost[g.day] = g.cost_usd
        elif g.grouping == figures.BY_PERSONA and g.persona:
            board.feedback[g.persona] = PersonaFeedback(g.replies, g.rated, g.up, g.down)
        elif g.grouping == figures.BY_BUCKET and g.bucket is not None:
            board.confidence[max(0, min(g.bucket, CONFIDENCE_BUCKETS - 1))] += g.replies
        elif g.grouping == figures.BY_METHOD and g.method:
            board.methods[g.method] = g.replies
    board.documents.extend(documents)
    return board


def date_range(flt: ReviewFilter, *, today: date | None = None) -> tuple[date, date]:
    """The filter's dates, or the last DEFAULT_DAYS UTC days."""
    today = today or datetime.now(UTC).date()
    until = flt.until or today
    since = flt.since or until - timedelta(days=DEFAULT_DAYS - 1)
    return since, until


class DashboardFigures:
    """Computes (and briefly caches) the dashboard for a filter."""

    def __init__(self, db: Database, *, ttl: float = 30.0) -> None:
        self.db = db
        self.ttl = ttl
        self._cache: dict[ReviewFilter, tuple[float, Dashboard]] = {}

    async def compute(self, flt: ReviewFilter) -> Dashboard:
        """The figures for person/specialist/date filters (other filters do not apply here)."""
        since, until = date_range(flt)
        key = ReviewFilter(
            person=flt.person, persona=flt.persona, since=since, until=until, user_id=flt.user_id
        )
        cached = self._cache.get(key)
        if cached and time.monotonic() - cached[0] < self.ttl:
            return cached[1]

        async def grouped() -> list[Group]:
            async with self.db.session() as session:
                return await figures.grouped(session, flt=key)

        async def documents() -> list[DocumentUse]:
            async with self.db.session() as session:
                return await figures.top_documents(session, flt=key, limit=TOP_DOCUMENTS)

        groups, top = await asyncio.gather(grouped(), documents())
        board = shape(groups, since, until, top)
        if self.ttl > 0:
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = (time.monotonic(), board)
        return board
