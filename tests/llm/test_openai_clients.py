"""The real `AsyncOpenAI` against a local server speaking Responses and Chat Completions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from coach.config import Settings
from coach.errors import ModelUnavailable, StreamInterrupted
from coach.llm.base import LLM, Prompt, TextDelta, Usage
from coach.llm.chat import ChatCompletionsModel
from coach.llm.openai_client import make_client
from coach.llm.responses import ResponsesModel
from coach.personas import builtin_personas
from tests.fakes.openai_server import Cut, FakeOpenAIServer, Hang, Reply, Status

APIS = {"responses": ResponsesModel, "chat": ChatCompletionsModel}


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as running:
        yield running


@pytest.fixture
def fake(server: FakeOpenAIServer) -> Iterator[FakeOpenAIServer]:
    server.requests.clear()
    yield server
    assert server.unused == [], "scripted server behaviours were never requested"


def model(api: str, fake: FakeOpenAIServer, **overrides: object) -> LLM:
    options: dict[str, object] = {
        "openai_base_url": fake.base_url,
        "openai_api_key": "test-key",
        "llm_max_retries": 2,
        "llm_timeout": 5,
        **overrides,
    }
    settings = Settings(_env_file=None, **options)  # type: ignore[call-arg, arg-type]
    return APIS[api](make_client(settings))  # type: ignore[no-any-return]


def prompt(message: str = "Who is my ideal customer?") -> Prompt:
    persona = builtin_personas()["avatar"]
    return Prompt(
        persona=persona,
        model="gpt-test",
        instructions=persona.instructions,
        history=(),
        message=message,
        temperature=0.6,
    )


async def collect(llm: LLM, p: Prompt) -> tuple[list[str], list[Usage]]:
    deltas, usages = [], []
    async for event in llm.stream(p):
        if isinstance(event, TextDelta):
            deltas.append(event.text)
        else:
            usages.append(event)
    return deltas, usages


api_ids = pytest.mark.parametrize("api", list(APIS))


@api_ids
async def test_streams_deltas_then_usage(api: str, fake: FakeOpenAIServer) -> None:
    fake.script(Reply("Busy studio owners who value calm.", input_tokens=57, output_tokens=7))
    deltas, usages = await collect(model(api, fake), prompt())
    assert len(deltas) > 1 and "".join(deltas) == "Busy studio owners who value calm."
    assert usages == [Usage(57, 7)]
    request = fake.requests[-1]
    assert request["headers"]["authorization"] == "Bearer test-key"
    body = request["json"]
    assert body["model"] == "gpt-test" and body["stream"] is True
    sent = str(body)
    assert "Who is my ideal customer?" in sent and "IDEA" in sent


@api_ids
async def test_rate_limit_is_retried_then_succeeds(api: str, fake: FakeOpenAIServer) -> None:
    fake.script(Status(429, retry_after=0.05), Reply("Second time lucky."))
    deltas, _ = await collect(model(api, fake), prompt())
    assert "".join(deltas) == "Second time lucky."
    assert len(fake.requests) == 2


@api_ids
async def test_server_error_after_retries_says_what_to_do(api: str, fake: FakeOpenAIServer) -> None:
    fake.script(Status(500), Status(500), Status(500))
    with pytest.raises(ModelUnavailable, match=r"HTTP 500"):
        await collect(model(api, fake), prompt())
    assert len(fake.requests) == 3  # the first try and two retries


@api_ids
async def test_timeout_becomes_a_clear_error(api: str, fake: FakeOpenAIServer) -> None:
    fake.script(Hang(3))
    with pytest.raises(ModelUnavailable, match="did not answer in time"):
        await collect(model(api, fake, llm_timeout=0.5, llm_max_retries=0), prompt())


@api_ids
async def test_stream_cut_midway_keeps_what_arrived(api: str, fake: FakeOpenAIServer) -> None:
    fake.script(Cut("Start with a weekly"))
    received: list[str] = []
    with pytest.raises(StreamInterrupted, match="cut off"):
        async for event in model(api, fake).stream(prompt()):
            if isinstance(event, TextDelta):
                received.append(event.text)
    assert "".join(received) == "Start with a weekly"


async def test_unreachable_server_names_the_setting() -> None:
    settings = Settings(
        _env_file=None,
        openai_base_url="http://127.0.0.1:9/v1",  # type: ignore[call-arg]
        llm_max_retries=0,
        llm_timeout=2,
    )
    with pytest.raises(ModelUnavailable, match="OPENAI_BASE_URL"):
        await collect(ResponsesModel(make_client(settings)), prompt())


async def test_server_without_responses_api_suggests_chat_mode() -> None:
    with FakeOpenAIServer(responses_api=False) as server:
        settings = Settings(
            _env_file=None,
            openai_base_url=server.base_url,  # type: ignore[call-arg]
            llm_max_retries=0,
        )
        with pytest.raises(ModelUnavailable, match="BRAND_COACH_OPENAI_API=chat"):
            await collect(ResponsesModel(make_client(settings)), prompt())
        deltas, _ = await collect(ChatCompletionsModel(make_client(settings)), prompt())
        assert "".join(deltas) == "Hello from the fake model."
