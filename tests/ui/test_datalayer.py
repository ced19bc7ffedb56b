"""Chainlit's history sidebar and resume read the project's own tables."""

from __future__ import annotations

import random
import uuid
from datetime import date

from chainlit.types import Pagination, ThreadFilter

from coach.bootstrap import Runtime
from coach.llm.base import Usage
from tests.fakes.llm import ScriptedLLM
from ui.datalayer import CoachDataLayer


async def _turn(runtime: Runtime, user_id: uuid.UUID, session_id: str, text: str) -> None:
    async for _ in runtime.coach.respond(user_id=user_id, session_id=session_id, text=text):
        pass


async def test_thread_is_rebuilt_from_stored_messages(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    layer = CoachDataLayer(lambda: runtime)
    session_id = str(uuid.uuid4())
    llm.script("Start with your mission.", Usage(3, 4))
    await layer.update_thread(session_id, name="Where do I start?", user_id=str(member))
    await _turn(runtime, member, session_id, "Where do I start with my brand mission?")

    thread = await layer.get_thread(session_id)
    assert thread is not None and thread["userId"] == str(member)
    assert thread["name"] == "Where do I start?"
    kinds = [(s["type"], s["name"]) for s in thread["steps"]]
    user = await runtime.accounts.find(thread["userIdentifier"])
    assert user is not None and user.id == member
    assert kinds == [
        ("user_message", thread["userIdentifier"]),
        ("tool", "routing to Core"),
        ("assistant_message", "Core"),
    ]
    assert thread["steps"][2]["output"] == "Start with your mission."
    assert "mission" in thread["steps"][1]["output"]
    assert await layer.get_thread_author(session_id) == thread["userIdentifier"]


async def test_sidebar_lists_only_the_persons_sessions_newest_first(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    layer = CoachDataLayer(lambda: runtime)
    other = await runtime.accounts.add(f"other-{uuid.uuid4().hex[:8]}@example.com")
    sessions = [str(uuid.uuid4()) for _ in range(3)]
    for number, session_id in enumerate(sessions):
        llm.script("ok", Usage(1, 1))
        await _turn(runtime, member, session_id, f"question {number} about my brand story")
    llm.script("ok", Usage(1, 1))
    await _turn(runtime, other.id, str(uuid.uuid4()), "someone else's question")

    first = await layer.list_threads(Pagination(first=2), ThreadFilter(userId=str(member)))
    assert [t["id"] for t in first.data] == [sessions[2], sessions[1]]
    assert first.pageInfo.hasNextPage
    rest = await layer.list_threads(
        Pagination(first=2, cursor=first.pageInfo.endCursor), ThreadFilter(userId=str(member))
    )
    assert [t["id"] for t in rest.data] == [sessions[0]] and not rest.pageInfo.hasNextPage
    found = await layer.list_threads(
        Pagination(first=10), ThreadFilter(userId=str(member), search="question 1")
    )
    assert [t["id"] for t in found.data] == [sessions[1]]


async def test_a_session_never_changes_owner(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    layer = CoachDataLayer(lambda: runtime)
    intruder = await runtime.accounts.add(f"intruder-{uuid.uuid4().hex[:8]}@example.com")
    session_id = str(uuid.uuid4())
    llm.script("ok", Usage(1, 1))
    await _turn(runtime, member, session_id, "my secret plan")
    await layer.update_thread(session_id, name="pwned", user_id=str(intruder.id))
    thread = await layer.get_thread(session_id)
    assert thread is not None and thread["userId"] == str(member) and thread["name"] != "pwned"


async def test_feedback_is_kept_on_the_reply_and_shown_on_resume(
    runtime: Runtime, llm: ScriptedLLM, member: uuid.UUID
) -> None:
    layer = CoachDataLayer(lambda: runtime)
    session_id = str(uuid.uuid4())
    llm.script("Try a SWOT.", Usage(1, 1))
    await _turn(runtime, member, session_id, "How do I audit my brand?")
    thread = await layer.get_thread(session_id)
    assert thread is not None
    reply_id = uuid.UUID(thread["steps"][-1]["id"])
    intruder = await runtime.accounts.add(f"rater-{uuid.uuid4().hex[:8]}@example.com")
    assert (
        await runtime.history.rate(message_id=reply_id, user_id=intruder.id, value=0, comment=None)
        is None
    )
    feedback_id = await runtime.history.rate(
        message_id=reply_id, user_id=member, value=1, comment="useful"
    )
    assert feedback_id is not None
    thread = await layer.get_thread(session_id)
    assert thread is not None
    assert thread["steps"][-1]["feedback"] == {
        "id": str(feedback_id),
        "forId": str(reply_id),
        "value": 1,
        "comment": "useful",
    }


async def test_the_data_layer_refuses_another_persons_thread_inside_their_session(
    runtime: Runtime, member: uuid.UUID
) -> None:
    from chainlit.context import ChainlitContext, context_var
    from chainlit.session import HTTPSession
    from chainlit.user import PersistedUser

    from tests.review.seed import random_replies, store

    layer = CoachDataLayer(lambda: runtime)
    victim = await runtime.accounts.add(f"victim-{uuid.uuid4().hex[:8]}@example.com")
    (secret,) = random_replies(random.Random(3), [(victim.id, victim.email)], date.today(), 1, 1)
    secret.content = "the victim's secret pricing plan"
    await store(runtime.db, [secret])
    intruder = PersistedUser(
        id=str(member), identifier="intruder@example.com", createdAt="", metadata={}
    )
    token = context_var.set(
        ChainlitContext(HTTPSession(id="s", thread_id="t", user=intruder, client_type="webapp"))
    )
    try:
        assert await layer.get_thread(secret.session_id) is None
        assert await layer.get_thread_author(secret.session_id) == ""
        await layer.delete_thread(secret.session_id)
    finally:
        context_var.reset(token)
    thread = await layer.get_thread(secret.session_id)  # still there, for its owner
    assert thread is not None and thread["userIdentifier"] == victim.email
    assert "the victim's secret pricing plan" in thread["steps"][-1]["output"]
