"""A seeded data set in a date range of its own, so other tests' rows never mix in."""

from __future__ import annotations

import random
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date

import pytest

from coach.bootstrap import Runtime, build_runtime
from coach.config import Settings
from coach.knowledge.embeddings import MiniLMEmbedder
from coach.review.console import Review
from tests.review.seed import SeededReply, random_replies, store

FIRST_DAY = date(2001, 3, 1)
DAYS = 5


@dataclass
class Seeded:
    """The seeded replies and the people who received them."""

    replies: list[SeededReply]
    people: list[tuple[uuid.UUID, str]]


@pytest.fixture(scope="package")
async def seeded(
    settings: Settings, embedder: MiniLMEmbedder, migrated: None
) -> AsyncIterator[Seeded]:
    """120 varied replies over five days of March 2001, for three fresh people (once per run)."""
    runtime = build_runtime(settings, embedder=embedder)
    tag = uuid.uuid4().hex[:8]
    people = []
    for name in ("ada", "ben", "cy"):
        account = await runtime.accounts.add(f"{name}-{tag}@example.com")
        people.append((account.id, account.email))
    replies = random_replies(random.Random(7), people, FIRST_DAY, DAYS, 120)
    await store(runtime.db, replies)
    await runtime.close()
    yield Seeded(replies, people)


@pytest.fixture
def review(runtime: Runtime) -> Review:
    """The console's read model without the dashboard cache."""
    return Review(runtime.db, dashboard_ttl=0)
