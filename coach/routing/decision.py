"""The outcome of routing one message."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class RoutingDecision:
    """The chosen specialist, how sure we are, the runner-up, how we decided, and why."""

    persona: str
    confidence: float
    secondary: str | None
    method: str
    reason: str
    scores: dict[str, float] = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form without per-persona scores (stored with replies, printed by the CLI)."""
        data = asdict(self)
        data.pop("scores")
        return data
