"""The console's reply list, transcripts and exports match the seeded rows exactly."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta

import pytest

from coach.errors import InvalidInput
from coach.review import export
from coach.review.console import PAGE_SIZE, Review
from coach.review.filters import ReviewFilter
from tests.review.conftest import DAYS, FIRST_DAY, Seeded
from tests.review.seed import SeededReply

RANGE = ReviewFilter(since=FIRST_DAY, until=FIRST_DAY + timedelta(days=DAYS - 1))


async def _all(review: Review, flt: ReviewFilter) -> list:
    return [r async for batch in review.export(flt) for r in batch]


def _ids(replies: list[SeededReply]) -> list[str]:
    ordered = sorted(replies, key=lambda r: (r.at, str(r.id)), reverse=True)
    return [str(r.id) for r in ordered]


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        ({"persona": "avatar"}, lambda r: r.persona == "avatar"),
        ({"feedback": "down"}, lambda r: r.feedback == 0),
        ({"feedback": "up"}, lambda r: r.feedback == 1),
        ({"feedback": "unrated"}, lambda r: r.feedback is None),
        ({"misrouted": "1"}, lambda r: r.correction is not None),
        ({"status": "failed"}, lambda r: r.status == "failed"),
        ({"status": "problem"}, lambda r: r.status != "complete"),
        # word search, as people type it into a search box: a quoted phrase, any case
        ({"q": '"answer 7"'}, lambda r: re.search(r"\banswer 7\b", r.content, re.I)),
        ({"q": "QUESTION 11 "}, lambda r: re.search(r"\bquestion 11\b", r.question, re.I)),
        ({"since": "2001-03-02", "until": "2001-03-02"}, lambda r: r.at.day == 2),
    ],
    ids=[
        "specialist",
        "down",
        "up",
        "unrated",
        "misrouted",
        "failed",
        "problem",
        "text",
        "question",
        "one-day",
    ],
)
async def test_each_filter_keeps_exactly_the_matching_replies(
    seeded: Seeded, review: Review, params: dict[str, str], keep: object
) -> None:
    flt = ReviewFilter.from_params({"since": "2001-03-01", "until": "2001-03-05", **params})
    expected = [r for r in seeded.replies if keep(r)]  # type: ignore[operator]
    assert expected, "the seed must exercise this filter"
    got = [str(r.message.id) for r in await _all(review, flt)]
    assert got == _ids(expected)


async def test_filters_combine_and_people_match_by_email(seeded: Seeded, review: Review) -> None:
    email = seeded.people[1][1]
    flt = RANGE.with_(person=email.split("@")[0].upper(), persona="core", feedback="down")
    expected = [
        r for r in seeded.replies if r.email == email and r.persona == "core" and r.feedback == 0
    ]
    assert [str(r.message.id) for r in await _all(review, flt)] == _ids(expected)


async def test_pages_follow_each_other_without_gaps(seeded: Seeded, review: Review) -> None:
    first = await review.page(RANGE)
    assert first.total == len(seeded.replies) and not first.capped
    assert len(first.replies) == PAGE_SIZE and first.after
    second = await review.page(RANGE, after=first.after)
    seen = [str(r.message.id) for r in first.replies + second.replies]
    assert seen == _ids(seeded.replies)[: len(seen)]


async def test_transcript_shows_route_sources_feedback_and_correction(
    seeded: Seeded, review: Review
) -> None:
    sample = next(
        r for r in seeded.replies if r.correction and r.feedback is not None and r.sources
    )
    transcript = await review.transcript(sample.session_id)
    assert transcript is not None and transcript.owner == sample.email
    assert [m.role for m in transcript.messages] == ["user", "assistant"]
    detail = transcript.replies[sample.id]
    assert detail.question == sample.question and detail.feedback == sample.feedback
    assert detail.correction == (sample.persona, "canvas", "redirect")
    assert detail.message.route and detail.message.route["reason"] == sample.reason
    assert await review.transcript("no-such-session") is None


async def test_exports_carry_every_detail_in_jsonl_and_csv(seeded: Seeded, review: Review) -> None:
    flt = RANGE.with_(feedback="down", persona="diagnostic")
    expected = [r for r in seeded.replies if r.feedback == 0 and r.persona == "diagnostic"]
    jsonl = "".join([c async for c in export.encode(review.export(flt), "jsonl")])
    records = [json.loads(line) for line in jsonl.splitlines()]
    assert [r["reply_id"] for r in records] == _ids(expected)
    by_id = {str(r.id): r for r in expected}
    for item in records:
        seeded_reply = by_id[item["reply_id"]]
        assert item["question"] == seeded_reply.question and item["feedback"] == "down"
        assert item["route"]["confidence"] == seeded_reply.confidence
        assert [s["document_id"] for s in item["sources"]] == [
            s["document_id"] for s in seeded_reply.sources
        ]
        assert item["usage"]["input_tokens"] == seeded_reply.input_tokens
    text = "".join([c async for c in export.encode(review.export(flt), "csv")])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["reply_id"] for r in rows] == _ids(expected)
    assert rows[0]["total_ms"] == str(by_id[rows[0]["reply_id"]].latency["total_ms"])
    empty = "".join([c async for c in export.encode(review.export(RANGE.with_(text="zzz")), "csv")])
    assert empty.strip() == ",".join(export.CSV_FIELDS)


def test_bad_filter_values_are_refused_clearly() -> None:
    with pytest.raises(InvalidInput, match="since"):
        ReviewFilter.from_params({"since": "yesterday"})
    with pytest.raises(InvalidInput, match="feedback"):
        ReviewFilter.from_params({"feedback": "meh"})
    flt = ReviewFilter.from_params({"persona": "canvas", "misrouted": "on", "q": "price"})
    assert ReviewFilter.from_params(flt.as_params()) == flt
