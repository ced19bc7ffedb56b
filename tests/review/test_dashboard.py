"""The dashboard's figures equal what the seeded rows say, recomputed here in Python."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta

import numpy as np
import pytest

from coach.review.console import Review
from coach.review.filters import ReviewFilter
from tests.review.conftest import DAYS, FIRST_DAY, Seeded

RANGE = ReviewFilter(since=FIRST_DAY, until=FIRST_DAY + timedelta(days=DAYS - 1))


async def test_replies_tokens_cost_and_latency_per_day(seeded: Seeded, review: Review) -> None:
    board = await review.dashboard.compute(RANGE)
    per_day: dict = defaultdict(Counter)
    for r in seeded.replies:
        per_day[r.at.date()][r.persona] += 1
    assert board.days == [FIRST_DAY + timedelta(days=n) for n in range(DAYS)]
    assert {d: dict(c) for d, c in board.replies.items()} == {
        d: dict(c) for d, c in per_day.items()
    }
    for day in board.days:
        today = [r for r in seeded.replies if r.at.date() == day]
        totals = [r.latency["total_ms"] for r in today]
        p50, p95 = board.latency[day]
        assert p50 == pytest.approx(np.percentile(totals, 50))
        assert p95 == pytest.approx(np.percentile(totals, 95))
        assert board.tokens[day] == (
            sum(r.input_tokens for r in today),
            sum(r.output_tokens for r in today),
        )
        assert board.cost[day] == pytest.approx(sum(r.cost for r in today))
    assert board.total_replies == len(seeded.replies)


async def test_feedback_per_specialist_confidence_and_methods(
    seeded: Seeded, review: Review
) -> None:
    board = await review.dashboard.compute(RANGE)
    for persona in {r.persona for r in seeded.replies}:
        mine = [r for r in seeded.replies if r.persona == persona]
        figures = board.feedback[persona]
        assert figures.replies == len(mine)
        assert figures.up == sum(1 for r in mine if r.feedback == 1)
        assert figures.down == sum(1 for r in mine if r.feedback == 0)
        assert figures.rated == figures.up + figures.down
    buckets = [0] * 10
    for r in seeded.replies:
        buckets[min(int(r.confidence * 10), 9)] += 1
    assert board.confidence == buckets
    assert board.methods == dict(Counter(r.method for r in seeded.replies))


async def test_top_cited_documents_with_their_feedback(seeded: Seeded, review: Review) -> None:
    board = await review.dashboard.compute(RANGE)
    cited: dict = defaultdict(lambda: [0, 0, 0])
    for r in seeded.replies:
        for s in r.sources:
            counts = cited[(r.persona, s["document_id"])]
            counts[0] += 1
            counts[1] += r.feedback == 1
            counts[2] += r.feedback == 0
    expected = sorted(cited.items(), key=lambda item: -item[1][0])[:10]
    got = {(d.kb, d.document_id): [d.replies, d.up, d.down] for d in board.documents}
    assert len(board.documents) == min(10, len(cited))
    for key, counts in expected:
        if counts[0] > expected[-1][1][0]:  # ties at the cut-off may fall either way
            assert got[key] == counts
    assert [d.replies for d in board.documents] == sorted(
        (d.replies for d in board.documents), reverse=True
    )


async def test_filters_narrow_the_dashboard(seeded: Seeded, review: Review) -> None:
    _, email = seeded.people[0]
    board = await review.dashboard.compute(RANGE.with_(person=email, persona="canvas"))
    mine = [r for r in seeded.replies if r.email == email and r.persona == "canvas"]
    assert board.total_replies == len(mine) > 0
    assert set(board.feedback) == {"canvas"}
