"""Memory through the engine: facts from one session used in the next, isolation, export,
deletion, imports keeping their ids, the model extractor, the rolling summary."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from coach.bootstrap import Runtime, build_runtime
from coach.config import Settings
from coach.events import Done
from coach.knowledge.embeddings import MiniLMEmbedder
from coach.llm.openai_client import make_client
from coach.memory.extract import ModelExtractor
from coach.storage.models import Conversation, Fact, Job, MemoryItem, Message
from tests.fakes.llm import ScriptedLLM
from tests.fakes.openai_server import FakeOpenAIServer, Json, Status
from tests.test_cli import run
from tests.test_coach import run_turn


async def test_facts_from_one_session_are_used_in_the_next(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script("Nice to meet you, Dana.")
    await run_turn(
        runtime,
        member,
        "Hi, my name is Dana and I run a candle shop called Wick & Wax in Leeds.",
        f"first-{member}",
    )
    await runtime.queue.drain()

    llm.script("Busy night-shift nurses want calm.")
    events = await run_turn(
        runtime, member, "Who should my candles be for? Pricing ideas?", f"second-{member}"
    )
    prompt = llm.prompts[-1]
    assert {"Name: Dana", "Business name: Wick & Wax", "Locations: Leeds"} <= set(prompt.profile)
    done = events[-1]
    assert isinstance(done, Done)
    used = {(m["kind"], m["text"]) for m in done.memories}
    assert ("fact", "Wick & Wax") in used and ("fact", "Dana") in used
    async with runtime.db.session() as session:
        stored = await session.get(Message, done.reply_id)
    assert stored is not None and stored.memories == done.memories


async def profile(runtime: Runtime, member: uuid.UUID) -> set[tuple[str, str]]:
    return {(f.category, f.value) for f in await runtime.memory.profile.active(member)}


async def test_a_short_reply_answers_the_coachs_question(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    session = f"ask-{member}"
    llm.script("Candles are a lovely trade. Who buys from you most?")
    await run_turn(runtime, member, "I make soy candles.", session)
    llm.script("Good to know.")
    await run_turn(runtime, member, "new mums in their 30s", session)
    await runtime.queue.drain()
    assert ("audience", "new mums in their 30s") in await profile(runtime, member)


async def test_a_question_from_an_earlier_session_is_not_answered(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script("Candles are a lovely trade. Who buys from you most?")
    await run_turn(runtime, member, "I make soy candles.", f"first-{member}")
    llm.script("Hello again.")
    await run_turn(runtime, member, "new mums in their 30s", f"second-{member}")
    await runtime.queue.drain()
    assert not any(c == "audience" for c, _ in await profile(runtime, member))


async def test_offline_coach_answers_from_memory_in_a_new_session(
    settings: Settings, embedder: MiniLMEmbedder, member: uuid.UUID, runtime: Runtime
) -> None:
    offline = build_runtime(settings, embedder=embedder)  # no model: the offline coach
    try:
        await run_turn(
            offline, member, "Our company is called Fern and Flour and we sell sourdough."
        )
        await offline.queue.drain()
        events = await run_turn(offline, member, "What is my company called again?")
    finally:
        await offline.close()
    done = events[-1]
    assert isinstance(done, Done) and "Fern and Flour" in done.text
    assert "Offline mode" in done.text


async def test_recalled_exchanges_come_from_this_person_only(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    other = (await runtime.accounts.add(f"other-{uuid.uuid4().hex[:8]}@example.com")).id
    llm.script("ok")
    llm.script("ok")
    await run_turn(runtime, member, "Our launch event is a candlelit supper club in October.")
    await run_turn(runtime, other, "Our launch event is a candlelit supper club in October.")
    await runtime.queue.drain()
    mine = await runtime.memory.search(member, "supper club launch event", limit=10)
    theirs = await runtime.memory.search(other, "supper club launch event", limit=10)
    async with runtime.db.session() as session:
        my_ids = set(await session.scalars(select(Message.id).where(Message.user_id == member)))
        their_ids = set(await session.scalars(select(Message.id).where(Message.user_id == other)))
    assert mine and theirs
    assert {t for r in mine for t in r.turn_ids} <= {str(i) for i in my_ids}
    assert {t for r in theirs for t in r.turn_ids} <= {str(i) for i in their_ids}
    assert (await runtime.memory.export(member))["messages"][0]["id"] not in {
        str(i) for i in their_ids
    }


async def test_export_forget_and_delete_account(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script("Got it.")
    await run_turn(runtime, member, "We're based in Porto and my goal is to sell 500 candles.")
    await runtime.queue.drain()
    data = await runtime.memory.export(member)
    assert [m["role"] for m in data["messages"]] == ["user", "assistant"]
    assert {f["value"] for f in data["facts"]} == {"Porto", "sell 500 candles"}
    assert len(data["memories"]) == 1

    assert await runtime.memory.forget(member) == {"facts": 2, "memories": 1}
    assert (await runtime.memory.export(member))["facts"] == []

    assert await runtime.accounts.delete(member)
    async with runtime.db.session() as session:
        for table in (Message, Fact, MemoryItem, Conversation, Job):
            left = await session.scalar(
                select(func.count()).select_from(table).where(table.user_id == member)
            )
            assert left == 0, table.__name__


async def test_summary_folds_turns_that_left_the_window(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    runtime.memory.window.max_turns = 4
    try:
        for n in range(7):
            llm.script(f"reply {n}")
            await run_turn(runtime, member, f"Note {n}: we always hand-pour batch number {n}.")
            await runtime.queue.drain()
    finally:
        runtime.memory.window.max_turns = runtime.settings.history_turns
    async with runtime.db.session() as session:
        conversation = await session.scalar(
            select(Conversation).where(Conversation.user_id == member)
        )
    assert conversation is not None and conversation.summary
    assert "we always hand-pour batch number 0" in conversation.summary
    assert conversation.summary_upto is not None


def test_memory_import_and_search_keep_turn_ids(settings: Settings, tmp_path: object) -> None:
    email = f"import-{uuid.uuid4().hex[:8]}@example.com"
    history = {
        "sessions": [
            {
                "started_at": "2026-03-02T10:00:00Z",
                "turns": [
                    {
                        "id": "D1:1",
                        "speaker": "Maya",
                        "role": "user",
                        "text": "I run a bakery called Fern and Flour in Lisbon.",
                    },
                    {
                        "id": "D1:2",
                        "speaker": "coach",
                        "role": "assistant",
                        "text": "Lovely, tell me about your customers.",
                    },
                    {
                        "id": "D1:3",
                        "speaker": "Maya",
                        "role": "user",
                        "text": "Mostly office workers who buy sourdough at lunch.",
                    },
                ],
            }
        ]
    }
    path = f"{tmp_path}/history.json"
    with open(path, "w") as handle:
        json.dump(history, handle)
    imported = run("memory", "import", "--user", email, path, "--json", settings=settings)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["turns"] == 3
    again = run("memory", "import", "--user", email, path, "--json", settings=settings)
    assert json.loads(again.stdout)["added"] == 0  # re-import is a no-op

    queries = "\n".join(
        json.dumps(q)
        for q in [
            {"id": "q1", "text": "Where is the bakery?"},
            {"id": "q2", "text": "who buys sourdough"},
        ]
    )
    found = run("memory", "search", "--user", email, "--jsonl", stdin=queries, settings=settings)
    assert found.returncode == 0, found.stderr
    lines = [json.loads(line) for line in found.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["q1", "q2"]
    assert lines[0]["results"][0]["turn_ids"] == ["D1:1"]
    assert lines[1]["results"][0]["turn_ids"] == ["D1:3"]

    shown = run("memory", "show", "--user", email, "--json", settings=settings)
    values = {f["value"] for f in json.loads(shown.stdout)["facts"]}
    assert {"Fern and Flour", "Lisbon"} <= values
    refused = run("memory", "forget", "--user", email, settings=settings)
    assert refused.returncode == 1 and "--yes" in refused.stderr


@pytest.fixture
def model_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server
        assert server.unused == []


@pytest.mark.parametrize("api", ["responses", "chat"])
async def test_model_extractor_reads_structured_output(
    model_server: FakeOpenAIServer, api: str
) -> None:
    settings = Settings(_env_file=None, openai_base_url=model_server.base_url, llm_max_retries=0)  # type: ignore[call-arg]
    extractor = ModelExtractor(make_client(settings), model="gpt-test", api=api)
    model_server.script(
        Json(
            '{"facts": [{"category": "location", "value": "Bristol", "change": true,'
            ' "retire": false, "quote": "We moved to Bristol."}]}'
        )
    )
    (fact,) = await extractor.extract("We moved to Bristol.", "Where are you based now?")
    assert (fact.category, fact.value, fact.change) == ("location", "Bristol", True)
    sent = str(model_server.requests[-1]["json"])
    assert "We moved to Bristol." in sent and "competitor" in sent
    assert "Where are you based now?" in sent  # the question makes a short reply clear


async def test_model_extractor_errors_fail_the_job_for_a_retry(
    model_server: FakeOpenAIServer,
) -> None:
    settings = Settings(_env_file=None, openai_base_url=model_server.base_url, llm_max_retries=0)  # type: ignore[call-arg]
    extractor = ModelExtractor(make_client(settings), model="gpt-test", api="responses")
    model_server.script(Status(500))
    with pytest.raises(Exception, match=r"500|Internal|server"):
        await extractor.extract("We moved to Bristol.")


@pytest.mark.parametrize("path", ["read directly", "read by the worker, as the app does"])
async def test_a_members_document_is_recalled_and_its_facts_wait_for_confirmation(
    runtime: Runtime, member: uuid.UUID, path: str
) -> None:
    brief = (
        "# Brand brief\n\n"
        "Our company is called Saltmarsh Candles and we are based in Whitby.\n\n"
        "We make hand-poured soy candles scented like the North Sea coast. "
        "Every jar is reused from a local café."
    )
    if path == "read directly":
        passages, proposed = await runtime.memory.add_document(member, "Brand brief", brief)
    else:
        await runtime.queue.drain()
        job_id = await runtime.memory.submit_document(member, "Brand brief", brief)
        assert await runtime.queue.wait(job_id, timeout=0) is None  # not read yet
        await runtime.queue.drain()
        job = await runtime.queue.wait(job_id, timeout=5)
        assert job is not None and job.status == "done" and job.result is not None
        passages, proposed = job.result["passages"], job.result["proposed"]
    assert passages >= 1 and proposed >= 2
    found = await runtime.memory.search(member, "what are the candles scented like?", limit=3)
    assert any("North Sea" in r.text for r in found)

    assert await profile(runtime, member) == set()  # nothing is known until the person says so
    questions = {q.text: q for q in await runtime.memory.profile.questions(member)}
    company = questions[
        "From your document — Business name: “Saltmarsh Candles”. Shall I remember it?"
    ]
    assert not company.replaces  # a new fact to confirm, not a replacement
    await runtime.memory.profile.resolve(member, company.fact_id, accept=True)
    assert ("company", "Saltmarsh Candles") in await profile(runtime, member)
