"""The person overrides the router: `/ask` and "Ask … instead", stored as corrections."""

from __future__ import annotations

import uuid

import pytest

from coach.bootstrap import Runtime
from coach.errors import NotFound
from coach.events import Done, Routed
from coach.llm.base import Usage
from coach.storage import messages
from coach.storage import personas as repo
from tests.fakes.llm import ScriptedLLM


async def collect(events) -> list:  # type: ignore[no-untyped-def]
    return [event async for event in events]


async def corrections_for(runtime: Runtime, message_id: uuid.UUID) -> list[tuple[str, str, str]]:
    async with runtime.db.session() as session:
        rows = await repo.corrections(session)
    return [(c.routed, c.corrected, c.how) for c, _ in rows if c.message_id == message_id]


async def test_redirect_re_answers_the_same_question_and_records_a_correction(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    session_id = f"s-{uuid.uuid4()}"
    llm.script("Your buyers are…", Usage(1, 1))
    first = await collect(
        runtime.coach.respond(
            user_id=member, session_id=session_id, text="Who would pay for premium dog grooming?"
        )
    )
    routed = first[0]
    assert isinstance(routed, Routed) and routed.persona.slug == "avatar"

    llm.script("Charge by coat type…", Usage(1, 1))
    second = await collect(
        runtime.coach.redirect(
            user_id=member, question_id=routed.message_id, persona="canvas", routed="avatar"
        )
    )
    again = second[0]
    assert isinstance(again, Routed) and again.persona.slug == "canvas"
    assert (again.decision.method, again.decision.secondary) == ("redirect", "avatar")
    assert isinstance(second[-1], Done) and second[-1].text == "Charge by coat type…"
    assert llm.prompts[1].message == "Who would pay for premium dog grooming?"
    assert [t.content for t in llm.prompts[1].history] == []  # the first answer is not context

    async with runtime.db.session() as session:
        rows = await messages.in_session(session, session_id=session_id)
    assert [(m.role, m.persona) for m in rows] == [
        ("user", None),
        ("assistant", "avatar"),
        ("assistant", "canvas"),
    ]
    assert await corrections_for(runtime, routed.message_id) == [("avatar", "canvas", "redirect")]


async def test_ask_command_forces_the_specialist_and_records_the_disagreement(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script("From a content angle…", Usage(1, 1))
    events = await collect(
        runtime.coach.respond(
            user_id=member,
            session_id=f"s-{uuid.uuid4()}",
            text="How should I price my workshop?",
            persona="capture",
        )
    )
    routed = events[0]
    assert (routed.persona.slug, routed.decision.method, routed.decision.secondary) == (
        "capture",
        "ask",
        "canvas",
    )
    assert await corrections_for(runtime, routed.message_id) == [("canvas", "capture", "ask")]


async def test_nobody_can_redirect_someone_elses_question(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    llm.script("ok", Usage(1, 1))
    events = await collect(
        runtime.coach.respond(
            user_id=member, session_id=f"s-{uuid.uuid4()}", text="What is my mission?"
        )
    )
    stranger = await runtime.accounts.add(f"stranger-{uuid.uuid4().hex[:8]}@example.com")
    with pytest.raises(NotFound):
        await collect(
            runtime.coach.redirect(
                user_id=stranger.id,
                question_id=events[0].message_id,
                persona="canvas",
                routed="core",
            )
        )
    assert await corrections_for(runtime, events[0].message_id) == []
