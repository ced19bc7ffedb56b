"""Stage 1: the seed plan's decision matrix as weighted phrases, for unmistakable messages."""

from __future__ import annotations

import re
from dataclasses import dataclass

# (phrase regex, weight) per persona: the seed's routing matrix, widened with close variants.
RULES: dict[str, list[tuple[str, float]]] = {
    "diagnostic": [
        ("assess(ing|ed|ment|ments)?", 2),
        ("evaluat(e|ion|ing)", 2),
        ("analy[sz](e|is)", 1.5),
        ("audits?", 2.5),
        ("swot", 3),
        ("competitive", 2),
        ("competitors?", 2),
        ("competition", 2),
        ("market position", 2.5),
        ("benchmark(s|ing)?", 2.5),
        ("strengths?", 1.5),
        ("weakness(es)?", 2),
        ("opportunities", 1.5),
        ("threats", 1.5),
        ("perception", 2),
        ("brand health", 3),
        ("reputation", 2),
    ],
    "avatar": [
        ("ideal (customer|client)s?", 3),
        ("customers?", 1.5),
        ("clients?", 1.5),
        ("audiences?", 2),
        ("personas?", 2),
        ("demographics?", 2.5),
        ("psychographics?", 3),
        ("behaviou?rs?", 1),
        ("pain ?points?", 3),
        ("desires", 1.5),
        ("buyers?", 2),
        ("customer journey", 3),
        ("segments?", 2),
        ("target market", 2.5),
        ("niche", 1.5),
    ],
    "canvas": [
        ("business model", 3),
        ("revenue", 2.5),
        ("value prop(osition)?", 3),
        ("channels?", 1.5),
        ("partners?", 1.5),
        ("partnerships?", 2),
        ("costs?", 2),
        ("pric(e|es|ing|ed)", 2.5),
        ("moneti[sz]\\w*", 2.5),
        ("profit(s|able|ability)?", 2),
        ("margins?", 2),
        ("subscriptions?", 1.5),
        ("charg(e|ing)", 2),
        ("income", 1.5),
        ("packages?", 1),
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
        ("newsletters?", 2.5),
        ("campaigns?", 2.5),
        ("instagram|insta|ig", 2.5),
        ("linkedin", 2.5),
        ("tiktok", 2.5),
        ("youtube", 2.5),
        ("posts?|posting", 1.5),
        ("followers", 2),
        ("reels?", 2.5),
        ("thought leader(ship)?", 2.5),
        ("repurpos\\w*", 3),
        ("podcasts?", 2),
    ],
    "core": [
        ("mission", 2.5),
        ("vision", 2.5),
        ("values", 2),
        ("story", 2),
        ("personality", 2.5),
        ("identity", 2),
        ("tagline", 2),
        ("voice", 1.5),
        ("tone", 1.5),
        ("purpose", 2),
        ("stand for", 2),
        ("brand name", 2),
    ],
}
GREETING = re.compile(
    r"^\W*(hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|thanks?( you)?|thank u|thx|ty|"
    r"cheers|ok(ay)?|cool|great|awesome|bye|goodbye|who are you|what can you do|help)\b[\s\W]*"
    r"(there|so much|a lot|again|everyone|coach)?[\s\W]*$",
    re.IGNORECASE,
)
_COMPILED = {
    slug: [(re.compile(rf"\b(?:{phrase})\b", re.IGNORECASE), weight) for phrase, weight in rules]
    for slug, rules in RULES.items()
}


@dataclass(frozen=True)
class RuleScores:
    """Per-persona phrase scores and the phrases that earned them."""

    scores: dict[str, float]
    phrases: dict[str, list[str]]

    def top(self) -> tuple[str | None, float, float]:
        """The best persona, its score, and the runner-up's score."""
        ranked = sorted(self.scores.items(), key=lambda item: item[1], reverse=True)
        if not ranked:
            return None, 0.0, 0.0
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        return ranked[0][0], ranked[0][1], second


def score_rules(message: str) -> RuleScores:
    """Weighted phrase matches per persona (a phrase counts at most twice)."""
    scores: dict[str, float] = {}
    phrases: dict[str, list[str]] = {}
    for slug, rules in _COMPILED.items():
        for pattern, weight in rules:
            found = pattern.findall(message)
            if found:
                scores[slug] = scores.get(slug, 0.0) + weight * min(len(found), 2)
                match = pattern.search(message)
                if match:
                    phrases.setdefault(slug, []).append(match.group(0).lower())
    return RuleScores(scores, phrases)


def is_greeting(message: str) -> bool:
    """Hello, thanks, ok, who are you: small talk that Core answers."""
    return bool(GREETING.match(message.strip()))
