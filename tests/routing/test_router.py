"""The router end to end: each stage, follow-ups and switches, and the LLM tie-break."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from coach.config import Settings
from coach.llm.openai_client import make_client
from coach.llm.tiebreak import ModelTieBreaker
from coach.personas import builtin_personas
from coach.routing import Router
from coach.routing.classifier import ExampleClassifier
from tests.fakes.openai_server import FakeOpenAIServer, Json, Status


@pytest.fixture
def router(classifier: ExampleClassifier) -> Router:
    return Router(classifier)


async def test_unmistakable_message_is_decided_by_rules(router: Router) -> None:
    decision = await router.route("Can you run a SWOT analysis and audit of my brand?")
    assert (decision.persona, decision.method) == ("diagnostic", "rules")
    assert decision.reason == "mentions analysis, audit, swot"


@pytest.mark.parametrize(
    ("message", "persona"),
    [
        ("I keep attracting bargain hunters who never come back", "avatar"),
        ("am I leaving money on the table with my weekend workshops?", "canvas"),
        ("nobody opens what I send to my list any more", "capture"),
        ("why would anyone choose my salon over the one next door?", "diagnostic"),
        ("what do we actually stand for as a company?", "core"),
    ],
    ids=["avatar", "canvas", "capture", "diagnostic", "core"],
)
async def test_paraphrases_without_keywords_reach_the_right_specialist(
    router: Router, message: str, persona: str
) -> None:
    decision = await router.route(message)
    assert decision.persona == persona
    assert decision.method == "classifier" and decision.reason.startswith("reads like")


async def test_scores_are_calibrated_probabilities(router: Router) -> None:
    decision = await router.route("How should I price my coaching packages?")
    assert set(decision.scores) == set(builtin_personas())
    assert sum(decision.scores.values()) == pytest.approx(1.0)
    assert decision.confidence == round(max(decision.scores.values()), 2)


async def test_greeting_goes_to_core(router: Router) -> None:
    decision = await router.route("Hello there!", previous="canvas")
    assert decision.persona == "core"


async def test_follow_up_stays_with_the_previous_specialist(router: Router) -> None:
    decision = await router.route("can you make that shorter?", previous="capture")
    assert (decision.persona, decision.method) == ("capture", "follow-up")


async def test_follow_up_with_a_clear_new_topic_moves_on(router: Router) -> None:
    decision = await router.route("ok, and how much should I charge for it?", previous="avatar")
    assert decision.persona == "canvas"


async def test_explicit_switch_ignores_the_previous_specialist(router: Router) -> None:
    decision = await router.route(
        "Different question: what should I post this week?", previous="canvas"
    )
    assert decision.persona == "capture"
    assert "changed the subject" in decision.reason or decision.method == "rules"


@pytest.fixture
def model_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server
        assert server.unused == []


def tiebreaker(server: FakeOpenAIServer, api: str = "responses") -> ModelTieBreaker:
    settings = Settings(_env_file=None, openai_base_url=server.base_url, llm_max_retries=0)  # type: ignore[call-arg]
    return ModelTieBreaker(
        make_client(settings), model="gpt-test", api=api, personas=builtin_personas()
    )


@pytest.mark.parametrize("api", ["responses", "chat"])
async def test_close_call_is_broken_by_the_model_with_structured_output(
    classifier: ExampleClassifier, model_server: FakeOpenAIServer, api: str
) -> None:
    router = Router(classifier, tiebreaker=tiebreaker(model_server, api), tie_margin=1.01)
    model_server.script(Json('{"persona": "avatar", "reason": "it is about who buys"}'))
    decision = await router.route("Who would pay more for my premium candles, and how much?")
    assert (decision.persona, decision.method, decision.reason) == (
        "avatar",
        "llm",
        "it is about who buys",
    )
    sent = str(model_server.requests[-1]["json"])
    assert "avatar" in sent and "canvas" in sent  # the two candidates were offered


async def test_tie_break_failure_falls_back_to_the_best_score(
    classifier: ExampleClassifier, model_server: FakeOpenAIServer
) -> None:
    router = Router(classifier, tiebreaker=tiebreaker(model_server), tie_margin=1.01)
    model_server.script(Status(500))
    offline = await Router(classifier).route(
        "Who would pay more for my premium candles, and how much?"
    )
    decision = await router.route("Who would pay more for my premium candles, and how much?")
    assert decision.persona == offline.persona
    assert "did not answer" in decision.reason


async def test_clear_decisions_never_call_the_model(
    classifier: ExampleClassifier, model_server: FakeOpenAIServer
) -> None:
    router = Router(classifier, tiebreaker=tiebreaker(model_server))
    await router.route("Can you run a SWOT analysis and audit of my brand?")
    assert model_server.requests == []
