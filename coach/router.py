"""Which specialist takes a message, and why (the seed plan's decision matrix, as rules)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from coach.personas import DEFAULT, SLUGS

# (phrase, weight) per persona: the seed's routing matrix, widened with close variants.
RULES: dict[str, list[tuple[str, float]]] = {
    "diagnostic": [
        ("assess(ing|ed)?", 2),
        ("assessments?", 2),
        ("evaluat(e|ion)", 2),
        ("analy[sz](e|is)", 1.5),
        ("audits?", 2.5),
        ("swot", 3),
        ("competitive", 2),
        ("competitors?", 2),
        ("competition", 2),
        ("market position", 2.5),
        ("benchmarks?", 2.5),
        ("strengths?", 1.5),
        ("weakness(es)?", 2),
        ("opportunities", 1.5),
        ("threats", 1.5),
        ("perception", 2),
        ("brand health", 3),
    ],
    "avatar": [
        ("ideal (customer|client)", 3),
        ("customers?", 1.5),
        ("clients?", 1.5),
        ("audience", 2),
        ("persona", 2),
        ("demographics?", 2.5),
        ("psychographics?", 3),
        ("behaviou?r", 1),
        ("pain points?", 3),
        ("needs", 1),
        ("desires", 1.5),
        ("buyer", 2),
        ("customer journey", 3),
        ("segments?", 2),
        ("who (should|do) i (target|sell)", 3),
    ],
    "canvas": [
        ("business model", 3),
        ("revenue", 2.5),
        ("value prop(osition)?", 3),
        ("channels?", 1.5),
        ("partners?", 1.5),
        ("partnerships?", 2),
        ("resources", 1),
        ("costs?", 2),
        ("pric(e|es|ing)", 2.5),
        ("moneti[sz]\\w*", 2.5),
        ("profit", 2),
        ("margins?", 2),
        ("subscriptions?", 1.5),
        ("charge", 1.5),
    ],
    "capture": [
        ("content", 2.5),
        ("social media", 3),
        ("marketing", 1.5),
        ("engage(ment)?", 2),
        ("amplify", 2.5),
        ("blogs?", 2.5),
        ("videos?", 2),
        ("emails?", 2),
        ("newsletter", 2.5),
        ("campaigns?", 2.5),
        ("instagram", 2.5),
        ("linkedin", 2.5),
        ("tiktok", 2.5),
        ("posts?", 1.5),
        ("followers", 2),
        ("thought leader(ship)?", 2.5),
        ("repurpos\\w*", 3),
        ("capture", 2),
    ],
    "core": [
        ("brand", 0.5),
        ("mission", 2.5),
        ("vision", 2.5),
        ("values", 2),
        ("story", 2),
        ("personality", 2.5),
        ("identity", 2),
        ("tagline", 2),
        ("voice", 1.5),
        ("purpose", 2),
        ("help", 1),
        ("start", 1),
        ("hello|hi|hey", 1),
        ("thanks?|thank you", 1),
    ],
}
_COMPILED = {
    slug: [(re.compile(rf"\b(?:{phrase})\b", re.IGNORECASE), phrase, w) for phrase, w in rules]
    for slug, rules in RULES.items()
}
_FOLLOW_UP = re.compile(
    r"^(yes|yeah|yep|ok(ay)?|sure|go on|continue|more|and|why|how|what about|tell me more|"
    r"make it|shorter|longer|the (first|second|third|last) one|that|this|it)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RoutingDecision:
    """The chosen specialist, how sure we are, the runner-up, how we decided, and why."""

    persona: str
    confidence: float
    secondary: str | None
    method: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (stored with the reply, printed by `brand-coach route`)."""
        return asdict(self)


class Router:
    """Scores each specialist's phrases in a message and picks the best."""

    def route(self, message: str, *, previous: str | None = None) -> RoutingDecision:
        """Decide who answers `message`; `previous` is the specialist who answered last."""
        scores: dict[str, float] = {}
        matched: dict[str, list[str]] = {}
        for slug, rules in _COMPILED.items():
            for pattern, _phrase, weight in rules:
                found = pattern.findall(message)
                if found:
                    scores[slug] = scores.get(slug, 0.0) + weight * min(len(found), 2)
                    matched.setdefault(slug, []).append(pattern.search(message).group(0).lower())  # type: ignore[union-attr]
        ranked = sorted(SLUGS, key=lambda slug: scores.get(slug, 0.0), reverse=True)
        best, second = ranked[0], ranked[1]
        top = scores.get(best, 0.0)
        words = len(message.split())
        if (
            previous in SLUGS
            and words <= 12
            and (top < 2 or (_FOLLOW_UP.match(message) and top < 2.5))
        ):
            return RoutingDecision(
                previous,
                0.7,
                None,
                "follow-up",
                "a short follow-up with no new topic, so it stays with the specialist you were "
                "talking to",
            )
        if top == 0:
            return RoutingDecision(
                DEFAULT,
                0.5,
                None,
                "default",
                "no specialist topic stood out, so Core (the generalist) takes it",
            )
        runner_up = scores.get(second, 0.0)
        confidence = round(min(0.95, 0.5 + 0.45 * (top - runner_up) / top), 2)
        phrases = ", ".join(dict.fromkeys(matched[best]))
        return RoutingDecision(
            best, confidence, second if runner_up > 0 else None, "rules", f"mentions {phrases}"
        )
