"""Chunking respects headings and paragraphs and stays within the token budget."""

from __future__ import annotations

from coach.knowledge.chunking import chunk_markdown, title_of
from coach.tokens import count_tokens

DOC = (
    """# Pricing Guide

Intro paragraph about pricing.

## Value-based pricing

"""
    + "\n\n".join(
        f"Paragraph {i} explains value-based pricing with a worked example. " * 4 for i in range(8)
    )
    + """

## Tiers

Three tiers anchor the middle one.
"""
)


def test_title_is_the_first_level_one_heading() -> None:
    assert title_of(DOC, "fallback.md") == "Pricing Guide"
    assert title_of("no heading here", "fallback.md") == "fallback.md"


def test_passages_never_cross_a_heading_and_carry_their_trail() -> None:
    passages = chunk_markdown(DOC, max_tokens=120, overlap_tokens=30)
    headings = [p.heading for p in passages]
    assert headings[0] == "Pricing Guide"
    assert headings[-1] == "Tiers" and passages[-1].text == "Three tiers anchor the middle one."
    assert all("Three tiers" not in p.text for p in passages if p.heading != "Tiers")
    assert headings.count("Value-based pricing") >= 3


def test_passages_fit_the_budget_plus_overlap() -> None:
    passages = chunk_markdown(DOC, max_tokens=120, overlap_tokens=30)
    assert max(count_tokens(p.text) for p in passages) <= 150


def test_consecutive_passages_of_a_section_overlap() -> None:
    section = [
        p
        for p in chunk_markdown(DOC, max_tokens=120, overlap_tokens=60)
        if p.heading == "Value-based pricing"
    ]
    first_tail = section[0].text.split("\n\n")[-1]
    assert section[1].text.startswith(first_tail)


def test_a_huge_paragraph_is_split_at_sentences() -> None:
    text = "# T\n\n" + " ".join(f"Sentence number {i} is here." for i in range(300))
    passages = chunk_markdown(text, max_tokens=100, overlap_tokens=0)
    assert len(passages) > 5
    assert all(count_tokens(p.text) <= 100 for p in passages)
    assert passages[0].text.startswith("Sentence number 0 is here.")
