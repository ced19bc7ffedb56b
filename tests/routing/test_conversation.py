"""Stage 3: follow-ups stay, explicit switches leave."""

from __future__ import annotations

import pytest

from coach.routing.conversation import sounds_like_follow_up, strip_switch


@pytest.mark.parametrize(
    "text",
    ["yes, go on", "make it shorter", "what about the third one?", "give me an example", "why?"],
)
def test_follow_ups_are_recognised(text: str) -> None:
    assert sounds_like_follow_up(text)


def test_a_long_new_question_is_not_a_follow_up() -> None:
    assert not sounds_like_follow_up(
        "I run a dental clinic in Leeds and want to know which patients to focus on next year"
    )


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Different question: how do I price this?", "how do I price this?"),
        ("changing topic — who is my ideal customer?", "who is my ideal customer?"),
        ("unrelated, but can you write a tagline?", "can you write a tagline?"),
    ],
)
def test_explicit_switch_markers_are_removed(text: str, rest: str) -> None:
    assert strip_switch(text) == (rest, True)


def test_plain_messages_are_untouched() -> None:
    assert strip_switch("how do I price this?") == ("how do I price this?", False)
