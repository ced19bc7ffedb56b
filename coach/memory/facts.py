"""What a profile fact is: its categories, how values compare, what an extractor returns."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Category = Literal[
    "name",
    "role",
    "company",
    "industry",
    "location",
    "offer",
    "price",
    "audience",
    "competitor",
    "goal",
    "challenge",
    "value",
    "decision",
    "preference",
]

# Label shown to people, and whether a category holds one current value or a growing list.
CATEGORIES: dict[str, tuple[str, bool]] = {
    "name": ("Name", True),
    "role": ("Role", True),
    "company": ("Business name", True),
    "industry": ("Business type", True),
    "location": ("Location", True),
    "audience": ("Ideal customer", True),
    "price": ("Price", True),
    "offer": ("Offers", False),
    "competitor": ("Competitors", False),
    "goal": ("Goals", False),
    "challenge": ("Challenges", False),
    "value": ("Values", False),
    "decision": ("Decisions", False),
    "preference": ("Preferences", False),
}
GROUPS: dict[str, tuple[str, ...]] = {
    "You": ("name", "role", "location", "preference"),
    "Your business": ("company", "industry", "offer", "price"),
    "Your market": ("audience", "competitor"),
    "Direction": ("goal", "challenge", "value", "decision"),
}


def single_valued(category: str) -> bool:
    """True when a new value replaces the old one (name, location…), False for lists (goals…)."""
    return CATEGORIES.get(category, ("", False))[1]


def label(category: str) -> str:
    """The heading a person sees for a category."""
    return CATEGORIES.get(category, (category.title(), False))[0]


_WORDS = re.compile(r"[a-z0-9$€£]+(?:[.,][0-9]+)?")
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "to",
        "of",
        "for",
        "and",
        "in",
        "at",
        "on",
        "with",
        "is",
        "are",
        "be",
        "i",
        "we",
        "me",
        "us",
        "it",
        "that",
        "who",
    ]
)


def normalise(value: str) -> str:
    """Lower-case content words, so 'The Fern & Flour' and 'fern and flour' compare equal."""
    words = [w for w in _WORDS.findall(value.lower().replace("&", " and ")) if w not in _FILLER]
    return " ".join(words)


def same_value(a: str, b: str) -> bool:
    """Two values say the same thing: equal once normalised, or one's words all appear in the
    other ("Leeds" / "Leeds, UK"; the longer one is then a refinement, not a contradiction)."""
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return left == right
    if left == right:
        return True
    small, large = sorted((set(left.split()), set(right.split())), key=len)
    return bool(small) and small <= large


class ExtractedFact(BaseModel):
    """One fact an extractor found in a message (also the model's structured output)."""

    model_config = ConfigDict(extra="forbid")

    category: Category
    value: str = Field(min_length=1, max_length=300)
    change: bool = Field(
        default=False,
        description="true when the person says this replaces what was true before "
        "('we moved to…', 'I've raised my price to…', 'actually…')",
    )
    retire: bool = Field(
        default=False,
        description="true when the person says this is no longer true ('we stopped selling…')",
    )
    quote: str = Field(default="", max_length=500, description="the words that state it")


class Extraction(BaseModel):
    """Structured output of the model extractor: every explicit fact in the message."""

    model_config = ConfigDict(extra="forbid")

    facts: list[ExtractedFact]
