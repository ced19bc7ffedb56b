"""The rolling summary of everything older than the prompt's window of recent turns.

Offline it is extractive: the person's own first-person statements, newest first, within a
token budget. With a model configured, the model rewrites the old summary plus the new turns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from openai import AsyncOpenAI

from coach.llm.base import Turn
from coach.tokens import count_tokens

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_PERSONAL = re.compile(r"\b(i|i'm|i've|i'd|we|we're|we've|my|our|us)\b", re.IGNORECASE)

SUMMARY_INSTRUCTIONS = """\
Update the running summary of a brand-coaching conversation. Keep every concrete fact the person
gave about themselves and their business, decisions made, advice they accepted and open
questions. Drop pleasantries. Write short bullet points, at most 250 words."""


def extractive(previous: str | None, turns: Sequence[Turn], *, budget: int = 300) -> str:
    """The person's statements (not questions), newest first, within `budget` tokens."""
    lines = [line[2:] for line in (previous or "").splitlines() if line.startswith("- ")]
    fresh = []
    for turn in turns:
        if turn.role != "user":
            continue
        for sentence in _SENTENCE.split(turn.content):
            sentence = sentence.strip()
            if len(sentence) > 12 and not sentence.endswith("?") and _PERSONAL.search(sentence):
                fresh.append(sentence)
    kept: list[str] = []
    spent = 0
    for sentence in [*reversed(fresh), *lines]:
        if sentence in kept:
            continue
        cost = count_tokens(sentence)
        if spent + cost > budget:
            break
        kept.append(sentence)
        spent += cost
    return "\n".join(f"- {s}" for s in kept)


def model_input(previous: str | None, turns: Sequence[Turn]) -> str:
    """What the model reads to update the summary."""
    transcript = "\n".join(
        f"{'Person' if t.role == 'user' else 'Coach'}: {t.content}" for t in turns
    )
    return f"Summary so far:\n{previous or '(none)'}\n\nNew turns:\n{transcript}"


class ModelSummarizer:
    """Asks the configured model to fold new turns into the summary (one non-streamed call)."""

    def __init__(self, client: AsyncOpenAI, *, model: str, api: str) -> None:
        self.client = client
        self.model = model
        self.api = api

    async def summarize(self, previous: str | None, turns: Sequence[Turn]) -> str:
        """The updated summary text."""
        client = self.client
        if self.api == "chat":
            completion = await client.chat.completions.create(
                model=self.model,
                messages=[
                    {"role": "system", "content": SUMMARY_INSTRUCTIONS},
                    {"role": "user", "content": model_input(previous, turns)},
                ],
                temperature=0,
            )
            return (completion.choices[0].message.content or "").strip()
        response = await client.responses.create(
            model=self.model,
            instructions=SUMMARY_INSTRUCTIONS,
            input=model_input(previous, turns),
            temperature=0,
        )
        return response.output_text.strip()


class ExtractiveSummarizer:
    """The offline summarizer."""

    async def summarize(self, previous: str | None, turns: Sequence[Turn]) -> str:
        """The person's own statements, newest first."""
        return extractive(previous, turns)
