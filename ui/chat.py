"""Chat behaviour in the browser: the welcome, streaming a turn, `/ask` and redirects."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import AsyncIterator

import chainlit as cl

from coach.errors import CoachError
from coach.events import Delta, Done, Event, Failed, Routed
from coach.knowledge.library import Passage
from coach.personas import SLUGS, Persona
from ui.datalayer import memories_summary, route_step_name, routing_summary
from ui.memory import ask_questions
from ui.runtime import runtime
from ui.uploads import can_write

logger = logging.getLogger(__name__)
APP_AUTHOR = "Brand Coach"
REDIRECT = "redirect"
_ASK = re.compile(r"^/ask\s+(\S+)\s*(.*)$", re.IGNORECASE | re.DOTALL)


def welcome_text(personas: dict[str, Persona], *, offline: bool, coach: bool = False) -> str:
    """The first message of every session: who the five specialists are."""
    lines = [
        "Welcome to **Brand Coach**. Ask anything about your brand — each message goes to the "
        "specialist best placed to answer, and all five share one conversation with you:",
        "",
    ]
    lines += [f"- **{p.name}** — {p.description}" for p in personas.values()]
    lines += [
        "",
        "Not the right specialist? Use the **Ask … instead** buttons under a reply, or start a "
        "message with `/ask canvas` (or diagnostic, avatar, capture, core).",
        "",
        "I remember what you tell me across sessions: type `/memory` to see, correct or delete "
        "it, or attach your own brand brief and I'll read it.",
    ]
    if coach:
        lines += [
            "",
            "As a coach you can attach documents (PDF, Word, Markdown, text, HTML, JSONL) to add "
            "them to a specialist's knowledge base; `/kb` lists and manages what is there.",
        ]
    if offline:
        lines += [
            "",
            "_Offline mode: no language model is configured, so replies are composed from the "
            "coaching knowledge bases and cite the passages they use._",
        ]
    return "\n".join(lines)


async def welcome() -> None:
    """Greet the person at the start of a new session."""
    offline = runtime().coach.offline
    coach = can_write(cl.user_session.get("user"))
    personas = await runtime().coach.personas.all()
    text = welcome_text(personas, offline=offline, coach=coach)
    await cl.Message(content=text, author=APP_AUTHOR).send()


def sources_element(passages: list[Passage]) -> list[cl.Text]:
    """One side panel, titled "Sources", holding every cited passage in full."""
    if not passages:
        return []
    sections = [
        f"### [{n}] {p.title}\n_{p.heading}_\n\n{p.text}" for n, p in enumerate(passages, start=1)
    ]
    return [cl.Text(name="Sources", content="\n\n---\n\n".join(sections), display="side")]


def redirect_actions(
    personas: dict[str, Persona], question_id: uuid.UUID, routed: str
) -> list[cl.Action]:
    """ "Ask … instead" buttons for every specialist but the one who answered."""
    return [
        cl.Action(
            name=REDIRECT,
            payload={"question": str(question_id), "persona": persona.slug, "routed": routed},
            label=f"Ask {persona.name} instead",
            tooltip=f"Have {persona.name} ({persona.title}) answer this instead",
        )
        for persona in personas.values()
        if persona.slug != routed
    ]


def parse_ask(text: str, personas: dict[str, Persona]) -> tuple[str | None, str]:
    """`/ask canvas how do I…` → ("canvas", "how do I…"); other text → (None, text)."""
    match = _ASK.match(text.strip())
    if not match:
        return None, text
    wanted = match.group(1).lower()
    for slug, persona in personas.items():
        if wanted in (slug, persona.name.lower()):
            return slug, match.group(2).strip()
    raise CoachError(
        f"There is no specialist called {match.group(1)!r}; try /ask followed by "
        f"one of {', '.join(SLUGS)}."
    )


def _current_user_id() -> uuid.UUID | None:
    user = cl.user_session.get("user")
    try:
        return uuid.UUID(str(getattr(user, "id", "")))
    except ValueError:
        return None


async def show(events: AsyncIterator[Event]) -> None:
    """Render a turn's events: routing step, streamed reply, sources, redirect buttons."""
    reply: cl.Message | None = None
    routed: Routed | None = None
    step: cl.Step | None = None
    personas = await runtime().coach.personas.all()
    try:
        async for event in events:
            if isinstance(event, Routed):
                routed = event
                async with cl.Step(name=route_step_name(event.persona.name), type="tool") as step:
                    step.output = routing_summary(event.decision.as_dict(), personas)
                # (the step is updated with the memories used once the reply is done)
                reply = cl.Message(content="", author=event.persona.name, id=str(event.reply_id))
            elif isinstance(event, Delta) and reply is not None:
                await reply.stream_token(event.text)
            elif isinstance(event, Done | Failed) and reply is not None and routed is not None:
                if isinstance(event, Failed):
                    if not event.partial_text:
                        await cl.ErrorMessage(content=event.error, author=APP_AUTHOR).send()
                        return
                    await reply.stream_token(f"\n\n⚠️ {event.error}")
                reply.elements = sources_element(event.sources)  # type: ignore[assignment]
                reply.actions = redirect_actions(personas, routed.message_id, routed.persona.slug)
                await reply.send()
                if isinstance(event, Done) and event.memories and step is not None:
                    step.output = routing_summary(
                        routed.decision.as_dict(), personas
                    ) + memories_summary(event.memories)
                    await step.update()
                user_id = _current_user_id()
                if user_id is not None:
                    await ask_questions(user_id)
    except CoachError as error:
        await cl.ErrorMessage(content=str(error), author=APP_AUTHOR).send()
    except Exception:
        logger.exception("turn failed")
        await cl.ErrorMessage(
            content="Sorry — something went wrong on our side. Your message is saved; "
            "please try again.",
            author=APP_AUTHOR,
        ).send()


async def answer(message: cl.Message) -> None:
    """Run one turn through the engine (honouring `/ask <specialist>`) and stream it."""
    user_id = _current_user_id()
    if user_id is None:
        await cl.ErrorMessage(content="Please log in again.", author=APP_AUTHOR).send()
        return
    try:
        persona, text = parse_ask(message.content, await runtime().coach.personas.all())
        message_id = uuid.UUID(message.id)
    except CoachError as error:
        await cl.ErrorMessage(content=str(error), author=APP_AUTHOR).send()
        return
    except ValueError:
        message_id = uuid.uuid4()
    await show(
        runtime().coach.respond(
            user_id=user_id,
            session_id=cl.context.session.thread_id,
            text=text,
            message_id=message_id,
            persona=persona,
        )
    )


async def redirect(action: cl.Action) -> None:
    """Answer the same question again with the specialist the person picked."""
    user_id = _current_user_id()
    if user_id is None:
        return
    try:
        question_id = uuid.UUID(str(action.payload["question"]))
        persona, routed = str(action.payload["persona"]), action.payload.get("routed")
    except (KeyError, ValueError):
        await cl.ErrorMessage(content="That button is out of date.", author=APP_AUTHOR).send()
        return
    await show(
        runtime().coach.redirect(
            user_id=user_id, question_id=question_id, persona=persona, routed=routed
        )
    )
