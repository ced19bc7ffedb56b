"""Chat behaviour in the browser: the welcome, and streaming a turn's events as messages."""

from __future__ import annotations

import logging
import uuid

import chainlit as cl

from coach.errors import CoachError
from coach.events import Delta, Done, Failed, Routed
from coach.knowledge.library import Passage
from coach.personas import builtin_personas
from ui.datalayer import route_step_name, routing_summary
from ui.runtime import runtime

logger = logging.getLogger(__name__)
APP_AUTHOR = "Brand Coach"


def welcome_text(*, offline: bool) -> str:
    """The first message of every session: who the five specialists are."""
    lines = [
        "Welcome to **Brand Coach**. Ask anything about your brand — each message goes to the "
        "specialist best placed to answer, and all five share one conversation with you:",
        "",
    ]
    lines += [f"- **{p.name}** — {p.description}" for p in builtin_personas().values()]
    if offline:
        lines += [
            "",
            "_Offline mode: no language model is configured, so replies are composed from the "
            "coaching knowledge bases and cite the passages they use._",
        ]
    return "\n".join(lines)


async def welcome() -> None:
    """Greet the person at the start of a new session."""
    await cl.Message(
        content=welcome_text(offline=runtime().coach.offline), author=APP_AUTHOR
    ).send()


def sources_element(passages: list[Passage]) -> list[cl.Text]:
    """One side panel, titled "Sources", holding every cited passage in full."""
    if not passages:
        return []
    sections = [
        f"### [{n}] {p.title}\n_{p.heading}_\n\n{p.text}" for n, p in enumerate(passages, start=1)
    ]
    return [cl.Text(name="Sources", content="\n\n---\n\n".join(sections), display="side")]


async def answer(message: cl.Message) -> None:
    """Run one turn through the engine and stream it into the chat."""
    user = cl.user_session.get("user")
    if user is None or not getattr(user, "id", None):
        await cl.ErrorMessage(content="Please log in again.", author=APP_AUTHOR).send()
        return
    reply: cl.Message | None = None
    try:
        message_id = uuid.UUID(message.id)
    except ValueError:
        message_id = uuid.uuid4()
    try:
        async for event in runtime().coach.respond(
            user_id=uuid.UUID(user.id),
            session_id=cl.context.session.thread_id,
            text=message.content,
            message_id=message_id,
        ):
            if isinstance(event, Routed):
                async with cl.Step(name=route_step_name(event.persona.name), type="tool") as step:
                    step.output = routing_summary(event.decision.as_dict())
                reply = cl.Message(content="", author=event.persona.name, id=str(event.reply_id))
            elif isinstance(event, Delta) and reply is not None:
                await reply.stream_token(event.text)
            elif isinstance(event, Done) and reply is not None:
                reply.elements = sources_element(event.sources)  # type: ignore[assignment]
                await reply.send()
            elif isinstance(event, Failed):
                if reply is not None and event.partial_text:
                    await reply.stream_token(f"\n\n⚠️ {event.error}")
                    await reply.send()
                else:
                    await cl.ErrorMessage(content=event.error, author=APP_AUTHOR).send()
    except CoachError as error:
        await cl.ErrorMessage(content=str(error), author=APP_AUTHOR).send()
    except Exception:
        logger.exception("turn failed")
        await cl.ErrorMessage(
            content="Sorry — something went wrong on our side. Your message is saved; "
            "please try again.",
            author=APP_AUTHOR,
        ).send()
