"""Split a document into passages that respect its headings and paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.tokens import count_tokens

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")


@dataclass(frozen=True)
class Passage:
    """A chunk of text and the heading trail it sits under ("Pricing › Tiers")."""

    heading: str
    text: str


def _blocks(markdown: str) -> list[tuple[list[str], str]]:
    """(heading trail, paragraph) pairs in document order."""
    trail: list[str] = []
    blocks: list[tuple[list[str], str]] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append((list(trail), "\n".join(paragraph).strip()))
            paragraph.clear()

    for line in markdown.splitlines():
        match = _HEADING.match(line)
        if match:
            flush()
            level = len(match.group(1))
            trail[:] = [*trail[: level - 1], match.group(2)]
            trail[:] = [part for part in trail if part]
        elif not line.strip():
            flush()
        else:
            paragraph.append(line.rstrip())
    flush()
    return [(t, p) for t, p in blocks if p]


def _pieces(paragraph: str, max_tokens: int) -> list[str]:
    """A paragraph, split at sentence ends (then words) so no piece exceeds `max_tokens`."""
    if count_tokens(paragraph) <= max_tokens:
        return [paragraph]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(paragraph):
        candidate = f"{current} {sentence}".strip()
        if current and count_tokens(candidate) > max_tokens:
            pieces.append(current)
            current = sentence
        else:
            current = candidate
    if current:
        pieces.append(current)
    out: list[str] = []
    for piece in pieces:
        words = piece.split()
        while count_tokens(" ".join(words)) > max_tokens and len(words) > 1:
            cut = max(1, len(words) * max_tokens // max(count_tokens(" ".join(words)), 1))
            out.append(" ".join(words[:cut]))
            words = words[cut:]
        out.append(" ".join(words))
    return [p for p in out if p]


def chunk_markdown(
    markdown: str, *, max_tokens: int = 200, overlap_tokens: int = 40
) -> list[Passage]:
    """Pack paragraphs into passages of at most ~`max_tokens`, never across a heading.

    Consecutive passages of one section share up to `overlap_tokens` of trailing paragraphs, so
    a sentence that needs its neighbour still finds it.
    """
    passages: list[Passage] = []
    section: tuple[str, ...] | None = None
    current: list[str] = []

    def emit() -> None:
        if current and section is not None:
            passages.append(Passage(" › ".join(section[1:] or section), "\n\n".join(current)))

    for trail, paragraph in _blocks(markdown):
        key = tuple(trail)
        if key != section:
            emit()
            section, current = key, []
        for piece in _pieces(paragraph, max_tokens):
            if current and count_tokens("\n\n".join([*current, piece])) > max_tokens:
                emit()
                carry: list[str] = []
                for previous in reversed(current):
                    if count_tokens("\n\n".join([previous, *carry])) > overlap_tokens:
                        break
                    carry.insert(0, previous)
                current = carry
            current.append(piece)
    emit()
    return passages


def title_of(markdown: str, fallback: str) -> str:
    """The first level-one heading, or `fallback`."""
    for line in markdown.splitlines():
        match = _HEADING.match(line)
        if match and len(match.group(1)) == 1:
            return match.group(2)
    return fallback
