# ruff: noqa: E501  (example messages read better unwrapped)
"""Requests about how the coach should talk to the person, in any wording."""

from __future__ import annotations

import pytest

from coach.memory import rules


def preferences(text: str) -> list[str]:
    return [f.value for f in rules.extract(text) if f.category == "preference"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chasin invoices. n keep it short wi me, bullet points, im on my phone on jobs", ["keep it short wi me", "bullet points"]),
        ("Also — I love action lists, please end each chat with things I can tick off.", ["end each chat with things I can tick off"]),
        ("also pls short replies, bullet pts, im in the workshop", ["short replies", "bullet pts"]),
        ("Quick ask: be honest and blunt with me.", ["be honest and blunt with me"]),
        ("can u keep it casual pls, like txt convo", ["keep it casual"]),
        ("Be direct please, and give me examples I can copy.", ["Be direct", "give me examples I can copy"]),
        ("Can you answer me with examples from Brazil when possible?", ["answer me with examples from Brazil when possible"]),
        ("oh and pls no long essays. short answers, i read on my phone", ["no long essays", "short answers"]),
    ],
)
def test_a_request_about_style_is_a_preference(text: str, expected: list[str]) -> None:
    assert preferences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "can you give me a short tagline with the new name?",  # a task, not a way of talking
        "Can you help me with my prices?",
        "Clarity, no jargon. That's the value I care about most.",  # what they stand for
        "Plain language remains central to how we work.",
        "keep the price at £40",
    ],
)
def test_tasks_and_values_are_not_preferences(text: str) -> None:
    assert preferences(text) == []
