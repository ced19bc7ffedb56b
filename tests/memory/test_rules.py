"""The offline extractor: explicit statements in, nothing invented."""

from __future__ import annotations

import pytest

from coach.memory.rules import extract


def facts(text: str) -> set[tuple[str, str]]:
    return {(f.category, f.value) for f in extract(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hi, my name is Dana and I run a candle shop called Wick & Wax in Leeds.",
            {
                ("name", "Dana"),
                ("company", "Wick & Wax"),
                ("industry", "candle shop"),
                ("location", "Leeds"),
            },
        ),
        ("I charge $150 per session.", {("price", "$150 per session")}),
        (
            "My ideal customer is busy nurses working night shifts.",
            {("audience", "busy nurses working night shifts")},
        ),
        (
            "My main competitors are Glossier, Fenty and Rare Beauty.",
            {("competitor", "Glossier"), ("competitor", "Fenty"), ("competitor", "Rare Beauty")},
        ),
        (
            "My goal is to grow to 1,000 newsletter subscribers by June.",
            {("goal", "grow to 1,000 newsletter subscribers by June")},
        ),
        (
            "We've decided to launch a podcast in spring.",
            {("decision", "launch a podcast in spring")},
        ),
        (
            "I'm Priya, a freelance copywriter.",
            {("name", "Priya"), ("role", "freelance copywriter")},
        ),
    ],
)
def test_explicit_statements_are_extracted(text: str, expected: set[tuple[str, str]]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "What if I charged $500?",
        "Should I move to Berlin?",
        "My friend's company is called Zap Studio.",
        "How do I write a tagline for my bakery?",
        "I'm not sure what to do about pricing.",
        "Maybe we could compete with Etsy sellers.",
    ],
)
def test_questions_hypotheticals_and_other_people_give_nothing(text: str) -> None:
    assert extract(text) == []


def test_change_language_is_flagged() -> None:
    (moved,) = extract("We moved the studio to Bristol last month.")
    assert (moved.category, moved.value, moved.change) == ("location", "Bristol", True)
    (stated,) = extract("We're based in Bristol.")
    assert stated.change is False


def test_no_longer_retires() -> None:
    (stopped,) = extract("We no longer sell gift boxes.")
    assert (stopped.category, stopped.value, stopped.retire) == ("offer", "gift boxes", True)
