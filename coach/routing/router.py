"""Which specialist takes a message, and why: rules, then examples, then the conversation."""

from __future__ import annotations

import math
from typing import Protocol

from coach.personas import DEFAULT, SLUGS
from coach.routing.classifier import ExampleClassifier
from coach.routing.conversation import sounds_like_follow_up, strip_switch
from coach.routing.decision import RoutingDecision
from coach.routing.rules import RuleScores, is_greeting, score_rules

TOPICS = {
    "diagnostic": "a brand-assessment question",
    "avatar": "a question about your ideal customer",
    "canvas": "a business-model question",
    "capture": "a content and marketing question",
    "core": "a brand-foundations question",
}
RULE_WEIGHT = 0.5  # how much one point of phrase score shifts the classifier's log-odds


class TieBreaker(Protocol):
    """Something that can pick between close candidates (an LLM with structured output)."""

    async def decide(
        self, message: str, candidates: list[str], previous: str | None
    ) -> tuple[str, str]:
        """The chosen slug among `candidates` and a short reason."""
        ...


def _softmax(logits: dict[str, float]) -> dict[str, float]:
    top = max(logits.values())
    exps = {slug: math.exp(value - top) for slug, value in logits.items()}
    total = sum(exps.values())
    return {slug: value / total for slug, value in exps.items()}


class Router:
    """Decides who answers each message, in milliseconds and without an LLM unless it is a tie."""

    def __init__(
        self,
        classifier: ExampleClassifier | None = None,
        *,
        tiebreaker: TieBreaker | None = None,
        tie_margin: float = 0.12,
    ) -> None:
        self.classifier = classifier
        self.tiebreaker = tiebreaker
        self.tie_margin = tie_margin

    async def route(self, message: str, *, previous: str | None = None) -> RoutingDecision:
        """Decide who answers `message`; `previous` is the specialist who answered last."""
        text, switched = strip_switch(message.strip())
        previous = previous if previous in SLUGS and not switched else None
        if is_greeting(text):
            return RoutingDecision(DEFAULT, 0.9, None, "rules", "a greeting or small talk")
        rules = score_rules(text)
        probs = await self._combined(text, rules)
        ranked = sorted(probs, key=lambda slug: probs[slug], reverse=True)
        best, second = ranked[0], ranked[1]
        rule_best, rule_top, rule_second = rules.top()

        if previous and sounds_like_follow_up(text):
            # Generic words ("ok", "make it shorter") look like Core to the classifier; in a
            # follow-up they belong to whoever answered last, unless a new topic is clear.
            new_topic = (rule_best not in (None, previous) and rule_top >= 2) or (
                best not in (previous, DEFAULT) and probs[best] >= 0.85
            )
            if not new_topic:
                return RoutingDecision(
                    previous,
                    0.75,
                    best if best != previous else None,
                    "follow-up",
                    "a follow-up to the last answer, so it stays with the same specialist",
                    probs,
                )

        confidence = round(probs[best], 2)
        runner_up = second if probs[second] >= 0.1 else None
        if rule_best == best and rule_top >= 3 and rule_top - rule_second >= 2:
            reason = f"mentions {', '.join(dict.fromkeys(rules.phrases[best]))}"
            return RoutingDecision(best, confidence, runner_up, "rules", reason, probs)

        if self.tiebreaker is not None and probs[best] - probs[second] < self.tie_margin:
            chosen, why = await self.tiebreaker.decide(text, [best, second], previous)
            if chosen in (best, second):
                other = second if chosen == best else best
                return RoutingDecision(chosen, round(probs[chosen], 2), other, "llm", why, probs)

        reason = f"reads like {TOPICS[best]}"
        if best in rules.phrases:
            reason += f" (mentions {', '.join(dict.fromkeys(rules.phrases[best]))})"
        if switched:
            reason += "; you changed the subject"
        return RoutingDecision(best, confidence, runner_up, "classifier", reason, probs)

    async def _combined(self, text: str, rules: RuleScores) -> dict[str, float]:
        """Classifier probabilities nudged by phrase scores (rules alone when no classifier)."""
        if self.classifier is None:
            base = {slug: 1.0 / len(SLUGS) for slug in SLUGS}
            base[DEFAULT] += 1e-3  # no signal at all: Core, the generalist, takes it
        else:
            base = await self.classifier.scores(text)
        logits = {
            slug: math.log(max(base.get(slug, 0.0), 1e-6))
            + RULE_WEIGHT * rules.scores.get(slug, 0.0)
            for slug in SLUGS
        }
        return _softmax(logits)
