"""What `Coach.respond` yields while a turn happens."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from coach.knowledge.library import Passage
from coach.personas import Persona
from coach.routing import RoutingDecision


@dataclass(frozen=True)
class Routed:
    """A specialist has been chosen; the reply will carry `reply_id`."""

    decision: RoutingDecision
    persona: Persona
    message_id: uuid.UUID
    reply_id: uuid.UUID
    backend: str


@dataclass(frozen=True)
class Delta:
    """More text of the reply."""

    text: str


@dataclass(frozen=True)
class Done:
    """The reply is complete and stored."""

    reply_id: uuid.UUID
    text: str
    sources: list[Passage]
    usage: dict[str, int]
    cost_usd: float | None
    latency: dict[str, float] = field(default_factory=dict)
    memories: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Failed:
    """The reply failed or was cut off; what arrived (if anything) is stored as partial."""

    reply_id: uuid.UUID | None
    error: str
    partial_text: str
    sources: list[Passage] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)


Event = Routed | Delta | Done | Failed
