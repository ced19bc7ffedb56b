"""The router's last stage: a model picks between two close specialists (structured output)."""

from __future__ import annotations

import logging
from typing import Literal

import openai
from openai import AsyncOpenAI
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coach.llm import structured
from coach.personas import Persona

logger = logging.getLogger(__name__)


class RouteChoice(BaseModel):
    """The model's answer: which specialist, and why in one short sentence."""

    model_config = ConfigDict(extra="forbid")

    persona: Literal["diagnostic", "avatar", "canvas", "capture", "core"]
    reason: str = Field(max_length=300)


def tiebreak_instructions(candidates: list[Persona], previous: str | None) -> str:
    """What the model is asked: choose one of the candidates for the message."""
    lines = [
        "You route a message in a brand-coaching chat to the specialist best placed to answer.",
        "Choose exactly one of these specialists (by slug):",
        *[f"- {p.slug}: {p.name}, {p.title}. {p.description}" for p in candidates],
        "Give a reason of at most one short sentence that a person would understand.",
    ]
    if previous:
        lines.append(f"The previous answer came from {previous}; keep it only for follow-ups.")
    return "\n".join(lines)


class ModelTieBreaker:
    """Asks the configured model to break a near-tie; falls back to the best score on failure."""

    def __init__(
        self, client: AsyncOpenAI, *, model: str, api: str, personas: dict[str, Persona]
    ) -> None:
        self.client = client
        self.model = model
        self.api = api
        self.personas = personas

    async def _ask(self, instructions: str, message: str) -> RouteChoice | None:
        return await structured.parse(
            self.client,
            model=self.model,
            api=self.api,
            instructions=instructions,
            message=message,
            schema=RouteChoice,
        )

    async def decide(
        self, message: str, candidates: list[str], previous: str | None
    ) -> tuple[str, str]:
        """The model's pick among `candidates` with its reason (best score on any failure)."""
        options = [self.personas[slug] for slug in candidates if slug in self.personas]
        try:
            choice = await self._ask(tiebreak_instructions(options, previous), message)
        except (openai.APIError, ValidationError) as error:
            logger.warning(
                "routing tie-break failed (%s); using the best score", type(error).__name__
            )
            return candidates[0], "closest match (the tie-break model did not answer)"
        if choice is None or choice.persona not in candidates:
            return candidates[0], "closest match (the tie-break model chose outside the options)"
        return choice.persona, choice.reason.rstrip(".")
