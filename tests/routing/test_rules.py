"""Stage 1: the decision matrix as weighted phrases."""

from __future__ import annotations

import pytest

from coach.routing.rules import is_greeting, score_rules

CASES = [
    ("diagnostic", "Can you audit my brand and run a SWOT?"),
    ("avatar", "Help me define my ideal customer and their pain points"),
    ("canvas", "How should I price my service and what revenue streams make sense?"),
    ("capture", "Plan an email campaign and social media posts for my launch"),
    ("core", "What should my brand mission and vision be?"),
]


@pytest.mark.parametrize(("persona", "message"), CASES, ids=[c[0] for c in CASES])
def test_unmistakable_phrases_score_their_specialist_highest(persona: str, message: str) -> None:
    best, top, second = score_rules(message).top()
    assert best == persona and top >= 3 and top - second >= 2


def test_phrases_match_whole_words_only() -> None:
    assert score_rules("anything like hiring a cost-conscious team").phrases.get("core") is None
    assert "cost" in score_rules("what does it cost?").phrases["canvas"]


@pytest.mark.parametrize("text", ["hi", "Hello there!", "thanks so much", "ok", "good morning"])
def test_greetings_are_recognised(text: str) -> None:
    assert is_greeting(text)


def test_a_question_that_starts_with_hi_is_not_small_talk() -> None:
    assert not is_greeting("hi, how should I price my workshop?")
