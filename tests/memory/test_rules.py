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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # self-introductions without "my name is"
        (
            "Hi, Sven. Creative director at Nordform.",
            {("name", "Sven"), ("role", "Creative director"), ("company", "Nordform")},
        ),
        ("hey, ollie here, I make soy candles", {("name", "Ollie"), ("offer", "soy candles")}),
        # a lower-case city is trusted only when it is a known place
        ("we moved to denver in feb", {("location", "Denver")}),
        ("I'm working in hospitality", set()),
        # a price with what is priced, and a unit when one is given
        (
            "oh and a loaf is £4.50 at the moment, is that too cheap?",
            {("price", "£4.50 for a loaf")},
        ),
        ("I charge $95 an hour.", {("price", "$95 an hour")}),
        # lists
        (
            "Competitors: Great Notion and Breakside.",
            {("competitor", "Great Notion"), ("competitor", "Breakside")},
        ),
        (
            "We sell beard oil and a charcoal face wash.",
            {("offer", "beard oil"), ("offer", "a charcoal face wash")},
        ),
        # who is served: people are an audience, things are an offer
        ("We serve busy parents.", {("audience", "busy parents")}),
        ("We serve high-mountain oolong.", {("offer", "high-mountain oolong")}),
        # values stated before the word that names them
        ("Slowness and craft. Those are our values.", {("value", "Slowness"), ("value", "craft")}),
        (
            "Goal: 20 participants in the first cohort.",
            {("goal", "20 participants in the first cohort")},
        ),
        (
            "Challenge: clients think designers are only for rich people.",
            {("challenge", "clients think designers are only for rich people")},
        ),
    ],
)
def test_common_phrasings(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(c, v) for c, v in facts(text) if c != "industry"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "There is already a language company in Paris with that name.",
        "she's based in Phoenix and does similar watercolor",
        "my mate Imran runs a school in Coventry and charges £42",
        "thank you so much, you are very helpful",
        "I want to open a second branch in Ikeja by next year.",
        "launch a course for people moving to Belgium",
        "goal is ₹1 crore revenue this financial year",
    ],
)
def test_other_businesses_plans_and_pleasantries_store_no_place_name_or_price(text: str) -> None:
    assert not [f for f in extract(text) if f.category in ("location", "name", "price", "company")]
