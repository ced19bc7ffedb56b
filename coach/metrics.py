"""Prometheus metrics for operators: turn latency per specialist and stage, tokens, errors, routing.

Labels carry specialist slugs, stages, statuses and routing methods only — never a person, a
session or any text — so the metrics page cannot leak conversations. The registry is the
process's default one; each app process is scraped on its own `/metrics`.
"""

from __future__ import annotations

from collections.abc import Mapping

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest

STAGES = ("route", "context", "first_token", "total")

TURN_SECONDS = Histogram(
    "brand_coach_turn_seconds",
    "Time spent in each stage of a turn, by specialist.",
    ("persona", "stage"),
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
TURNS = Counter(
    "brand_coach_turns_total", "Replies stored, by specialist and status.", ("persona", "status")
)
TURN_ERRORS = Counter(
    "brand_coach_turn_errors_total", "Replies that failed or were cut off.", ("persona", "status")
)
TOKENS = Counter(
    "brand_coach_tokens_total", "Model tokens, by specialist and direction.", ("persona", "kind")
)
COST = Counter("brand_coach_cost_usd_total", "Model cost in US dollars.", ("persona",))
ROUTES = Counter("brand_coach_routing_total", "Routing decisions, by method.", ("method",))


def record_turn(
    persona: str,
    method: str,
    status: str,
    latency: Mapping[str, float],
    usage: Mapping[str, int],
    cost: float | None,
) -> None:
    """Count one stored reply: its stage latencies, tokens, cost, status and routing method."""
    for stage in STAGES:
        if (ms := latency.get(f"{stage}_ms")) is not None:
            TURN_SECONDS.labels(persona, stage).observe(ms / 1000)
    TURNS.labels(persona, status).inc()
    if status != "complete":
        TURN_ERRORS.labels(persona, status).inc()
    for kind in ("input", "output"):
        TOKENS.labels(persona, kind).inc(usage.get(f"{kind}_tokens", 0))
    if cost:
        COST.labels(persona).inc(cost)
    ROUTES.labels(method).inc()


def exposition() -> tuple[bytes, str]:
    """The metrics page body and its content type."""
    return generate_latest(), CONTENT_TYPE_LATEST
