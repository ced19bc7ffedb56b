"""The rules router: the seed plan's decision matrix, follow-ups and the default."""

from __future__ import annotations

import pytest

from coach.routing import Router

CASES = [
    ("diagnostic", "Can you audit my brand and run a SWOT?"),
    ("avatar", "Help me define my ideal customer and their pain points"),
    ("canvas", "How should I price my service and what revenue streams make sense?"),
    ("capture", "Plan an email campaign and social media posts for my launch"),
    ("core", "What should my brand mission and vision be?"),
]


@pytest.mark.parametrize(("persona", "message"), CASES, ids=[c[0] for c in CASES])
def test_clear_messages_reach_their_specialist(persona: str, message: str) -> None:
    decision = Router().route(message)
    assert decision.persona == persona
    assert decision.method == "rules"
    assert decision.reason.startswith("mentions ")
    assert 0.5 <= decision.confidence <= 0.95


def test_unclear_message_goes_to_core_by_default() -> None:
    decision = Router().route("I'm not sure about anything right now")
    assert (decision.persona, decision.method) == ("core", "default")


def test_short_follow_up_stays_with_previous_specialist() -> None:
    decision = Router().route("yes, go on", previous="canvas")
    assert (decision.persona, decision.method) == ("canvas", "follow-up")


def test_clear_new_topic_is_not_treated_as_follow_up() -> None:
    decision = Router().route("Now plan my Instagram content calendar please", previous="canvas")
    assert decision.persona == "capture"


def test_runner_up_is_reported_for_mixed_intent() -> None:
    decision = Router().route("How should I price a content package for my audience?")
    assert decision.secondary is not None and decision.secondary != decision.persona


def test_a_short_question_with_a_clear_new_topic_switches_specialist() -> None:
    decision = Router().route("How should I price my yoga classes?", previous="avatar")
    assert (decision.persona, decision.method) == ("canvas", "rules")
