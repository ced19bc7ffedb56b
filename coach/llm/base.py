"""The project's own model protocol: a prompt in, a stream of text deltas and usage out."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from coach.knowledge.library import Passage
from coach.personas import Persona


@dataclass(frozen=True)
class Turn:
    """One earlier message of the conversation, as the model sees it."""

    role: Literal["user", "assistant"]
    content: str
    persona: str | None = None


@dataclass(frozen=True)
class Prompt:
    """Everything a model needs for one reply, structured so any backend can render it."""

    persona: Persona
    model: str
    instructions: str
    history: Sequence[Turn]
    message: str
    passages: Sequence[Passage] = ()
    profile: Sequence[str] = ()  # "Label: value" facts the person told us
    summary: str | None = None  # rolling summary of the conversation before `history`
    recalled: Sequence[str] = ()  # dated past exchanges relevant to this message
    temperature: float = 0.5
    max_output_tokens: int = 1200


@dataclass(frozen=True)
class TextDelta:
    """A piece of the reply."""

    text: str


@dataclass(frozen=True)
class Usage:
    """Tokens the reply cost, reported once at the end of a stream."""

    input_tokens: int
    output_tokens: int
    extra: dict[str, int] = field(default_factory=dict)


StreamEvent = TextDelta | Usage


class LLM(Protocol):
    """A backend that streams a reply to a prompt."""

    label: str  # shown to people: "offline coach" or the model family

    def stream(self, prompt: Prompt) -> AsyncIterator[StreamEvent]:
        """Yield text deltas, then one `Usage`; raise `CoachError` subclasses on failure."""
        ...
