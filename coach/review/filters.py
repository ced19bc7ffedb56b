"""Which replies a reviewer is looking at: the console's filters, parsed from a query string.

Decisions:
- The unit of review is a *reply* (one specialist turn) with the question it answered; a
  transcript shows the whole session around it.
- Dates are UTC calendar days, both ends inclusive (`since=2025-01-01&until=2025-01-01` is one
  day), because stored times are UTC and the team works across time zones.
- Feedback is "up" when the stored value is positive and "down" otherwise: Chainlit stores 1 and
  0, older data may hold -1.
- A reply is *mis-routed* when the question it answers carries a routing correction (the person
  pressed "Ask … instead" or used `/ask`), so both the router's reply and the corrected one match.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from coach.errors import InvalidInput

FEEDBACK = ("up", "down", "rated", "unrated")
STATUSES = ("failed", "partial", "problem")


def _date(name: str, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise InvalidInput(f"{name} must be a date like 2025-01-31, not {value!r}.") from error


def _choice(name: str, value: str, choices: tuple[str, ...]) -> str | None:
    if not value:
        return None
    if value not in choices:
        raise InvalidInput(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


@dataclass(frozen=True)
class ReviewFilter:
    """The replies to show: every field left empty matches everything."""

    person: str | None = None
    persona: str | None = None
    since: date | None = None
    until: date | None = None
    feedback: str | None = None
    misrouted: bool = False
    status: str | None = None
    text: str | None = None
    user_id: uuid.UUID | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> ReviewFilter:
        """Parse the console's query string (unknown keys are ignored); bad values raise."""

        def get(key: str) -> str:
            return (params.get(key) or "").strip()

        since, until = _date("since", get("since")), _date("until", get("until"))
        if since and until and since > until:
            raise InvalidInput("since must not be after until.")
        return cls(
            person=get("person") or None,
            persona=get("persona") or None,
            since=since,
            until=until,
            feedback=_choice("feedback", get("feedback"), FEEDBACK),
            misrouted=get("misrouted").lower() in ("1", "true", "on", "yes"),
            status=_choice("status", get("status"), STATUSES),
            text=get("q") or None,
        )

    def as_params(self) -> dict[str, str]:
        """The query string that reproduces this filter (for links, paging and exports)."""
        params: dict[str, str] = {}
        for key, value in asdict(self).items():
            if value in (None, False, "") or key == "user_id":
                continue
            name = "q" if key == "text" else key
            params[name] = "1" if value is True else str(value)
        return params

    def with_(self, **changes: Any) -> ReviewFilter:
        """A copy with some fields changed."""
        return replace(self, **changes)
