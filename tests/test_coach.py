"""One turn through the engine, persisted in a real PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from coach.bootstrap import Runtime, build_runtime
from coach.config import Settings
from coach.errors import InvalidInput, ModelUnavailable, NotFound, RateLimited, StreamInterrupted
from coach.events import Delta, Done, Failed, Routed
from coach.knowledge.embeddings import MiniLMEmbedder
from coach.llm.base import Prompt, Usage
from coach.storage import messages
from tests.fakes.llm import ScriptedLLM


async def run_turn(
    runtime: Runtime, user_id: uuid.UUID, text: str, session_id: str | None = None
) -> list:
    session_id = session_id or f"s-{uuid.uuid4()}"
    return [
        e async for e in runtime.coach.respond(user_id=user_id, session_id=session_id, text=text)
    ]


async def stored(runtime: Runtime, session_id: str) -> list:
    async with runtime.db.session() as session:
        return await messages.in_session(session, session_id=session_id)


async def test_turn_persists_both_messages_with_route_usage_and_latency(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script("Your ideal customer ", "is a busy founder.", Usage(120, 9))
    events = await run_turn(
        runtime,
        member,
        "Who is my ideal customer and what are their pain points?",
        "s-main-" + member.hex,
    )

    routed = events[0]
    assert isinstance(routed, Routed) and routed.persona.slug == "avatar"
    assert (
        "".join(e.text for e in events if isinstance(e, Delta))
        == "Your ideal customer is a busy founder."
    )
    done = events[-1]
    assert isinstance(done, Done) and done.usage == {"input_tokens": 120, "output_tokens": 9}

    question, reply = await stored(runtime, "s-main-" + member.hex)
    assert (question.role, question.content, question.id) == (
        "user",
        "Who is my ideal customer and what are their pain points?",
        routed.message_id,
    )
    assert (reply.role, reply.persona, reply.status, reply.id) == (
        "assistant",
        "avatar",
        "complete",
        routed.reply_id,
    )
    assert reply.content == "Your ideal customer is a busy founder."
    assert reply.route["persona"] == "avatar" and reply.route["method"] == "rules"
    assert "pain point" in reply.route["reason"]
    assert reply.usage == {"input_tokens": 120, "output_tokens": 9}
    assert set(reply.latency) >= {"route_ms", "context_ms", "first_token_ms", "total_ms"}
    assert reply.latency["total_ms"] >= reply.latency["first_token_ms"] >= 0


async def test_question_is_committed_before_the_model_is_called(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    seen: list[str] = []

    async def look_from_another_connection(prompt: Prompt) -> None:
        rows = await stored(runtime, session_id)
        seen.extend(row.content for row in rows)

    session_id = f"s-{uuid.uuid4()}"
    llm.on_call = look_from_another_connection
    llm.script("ok", Usage(1, 1))
    await run_turn(runtime, member, "What should my mission statement say?", session_id)
    assert seen == ["What should my mission statement say?"]


async def test_model_failure_before_first_token_keeps_question_and_records_failure(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script(ModelUnavailable("No model reachable at http://x; check OPENAI_BASE_URL."))
    session_id = f"s-{uuid.uuid4()}"
    events = await run_turn(runtime, member, "How should I price my coaching package?", session_id)

    failed = events[-1]
    assert isinstance(failed, Failed) and failed.partial_text == ""
    assert "OPENAI_BASE_URL" in failed.error
    question, reply = await stored(runtime, session_id)
    assert question.content == "How should I price my coaching package?"
    assert (reply.status, reply.content, reply.persona) == ("failed", "", "canvas")
    assert "OPENAI_BASE_URL" in reply.error


async def test_stream_cut_midway_keeps_partial_reply_marked_partial(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script(
        "Start with a content ", "calendar that", StreamInterrupted("The reply was cut off.")
    )
    session_id = f"s-{uuid.uuid4()}"
    events = await run_turn(
        runtime, member, "Plan my social media content for next month", session_id
    )

    failed = events[-1]
    assert isinstance(failed, Failed)
    assert failed.partial_text == "Start with a content calendar that"
    assert "cut off" in failed.error
    _, reply = await stored(runtime, session_id)
    assert (reply.status, reply.content, reply.persona) == (
        "partial",
        "Start with a content calendar that",
        "capture",
    )


async def test_history_spans_sessions_of_the_one_conversation(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script("Noted.", Usage(1, 1))
    llm.script("Yes.", Usage(1, 1))
    await run_turn(runtime, member, "My bakery is called Crumb & Co.", f"s-{uuid.uuid4()}")
    await run_turn(runtime, member, "What is my bakery called?", f"s-{uuid.uuid4()}")
    history = llm.prompts[1].history
    assert [t.content for t in history] == ["My bakery is called Crumb & Co.", "Noted."]


async def test_someone_elses_session_is_refused(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script("Hi.", Usage(1, 1))
    session_id = f"s-{uuid.uuid4()}"
    await run_turn(runtime, member, "hello", session_id)
    intruder = await runtime.accounts.add(f"intruder-{uuid.uuid4().hex[:8]}@example.com")
    with pytest.raises(NotFound):
        await run_turn(runtime, intruder.id, "show me", session_id)
    assert len(await stored(runtime, session_id)) == 2


@pytest.mark.parametrize("text", ["", "   ", "x" * 8001], ids=["empty", "blank", "too-long"])
async def test_bad_input_is_refused_and_nothing_is_stored(
    runtime: Runtime, member: uuid.UUID, text: str
) -> None:
    session_id = f"s-{uuid.uuid4()}"
    with pytest.raises(InvalidInput):
        await run_turn(runtime, member, text, session_id)
    assert await stored(runtime, session_id) == []


async def test_offline_coach_answers_with_citations(
    settings: Settings, embedder: MiniLMEmbedder, shipped_knowledge: None
) -> None:
    runtime = build_runtime(settings, embedder=embedder)
    try:
        assert runtime.coach.offline
        account = await runtime.accounts.add(f"offline-{uuid.uuid4().hex[:8]}@example.com")
        session_id = f"s-{uuid.uuid4()}"
        events = await run_turn(
            runtime, account.id, "How do I run a SWOT analysis for my brand?", session_id
        )
        done = events[-1]
        assert isinstance(done, Done), done
        assert events[0].persona.slug == "diagnostic"
        assert len([e for e in events if isinstance(e, Delta)]) > 3  # it streams
        assert done.sources, "the offline coach should cite knowledge passages"
        assert "Offline mode" in done.text
        for number, passage in enumerate(done.sources, start=1):
            assert f"[{number}]" in done.text and passage.title in done.text
        assert any("swot" in (p.title + p.heading + p.text).lower() for p in done.sources)
        _, reply = await stored(runtime, session_id)
        assert [s["chunk_id"] for s in reply.sources] == [p.chunk_id for p in done.sources]
        assert reply.model == "offline" and float(reply.cost_usd) == 0.0
    finally:
        await runtime.close()


async def test_rate_limit_is_shared_through_redis(
    settings: Settings, embedder: MiniLMEmbedder, llm: ScriptedLLM, migrated: None
) -> None:
    strict = settings.model_copy(update={"messages_per_minute": 2})
    first, second = (build_runtime(strict, llm=llm, embedder=embedder) for _ in range(2))
    try:
        account = await first.accounts.add(f"fast-{uuid.uuid4().hex[:8]}@example.com")
        llm.script("one", Usage(1, 1))
        llm.script("two", Usage(1, 1))
        await run_turn(first, account.id, "hello")
        await run_turn(second, account.id, "hello again")  # another process, same Redis
        with pytest.raises(RateLimited):
            await run_turn(first, account.id, "and again")
    finally:
        await first.close()
        await second.close()


async def test_an_uploaded_document_is_cited_in_the_reply(
    settings: Settings, embedder: MiniLMEmbedder, shipped_knowledge: None
) -> None:
    runtime = build_runtime(settings, embedder=embedder)
    try:
        note = (
            "# Loyalty Card Economics\n\n## Stamp cards for bakeries\n\nA ten-stamp loyalty card "
            "for a bakery should give away no more than one item in eleven, or margins vanish."
        )
        await runtime.library.ingest_text(
            kb="canvas", document_id=f"loyalty-{uuid.uuid4().hex[:6]}.md", text=note
        )
        account = await runtime.accounts.add(f"cite-{uuid.uuid4().hex[:8]}@example.com")
        events = await run_turn(
            runtime, account.id, "How should I price a loyalty stamp card for my bakery?"
        )
        done = events[-1]
        assert isinstance(done, Done) and events[0].persona.slug == "canvas"
        assert "Loyalty Card Economics" in [p.title for p in done.sources]
        assert "Loyalty Card Economics" in done.text
    finally:
        await runtime.close()
