"""What the coach remembers, in the chat: `/memory`, contradiction questions, a member's own
documents, export and account deletion. Every call is scoped to the logged-in person."""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path

import chainlit as cl

from coach.errors import CoachError, InvalidInput
from coach.knowledge.parsers import ParsedDocument, parse_file
from coach.memory.facts import GROUPS, label
from coach.storage.models import Fact
from ui.runtime import runtime

logger = logging.getLogger(__name__)
AUTHOR = "Memory"
ANSWER = "memory_answer"
EDIT = "memory_edit"
DELETE = "memory_delete"
HELP = (
    "`/memory` shows what I know · `/memory export` downloads all your data · "
    "`/memory forget` clears the profile and memories · `/memory delete-account` deletes everything"
)


def user_id() -> uuid.UUID | None:
    """The logged-in person's id."""
    try:
        return uuid.UUID(str(getattr(cl.user_session.get("user"), "id", "")))
    except ValueError:
        return None


def _dated(fact: Fact) -> str:
    if fact.status == "retired" and fact.valid_to is not None:
        return f"{fact.valid_from:%d %b %Y} – {fact.valid_to:%d %b %Y}"
    return f"since {fact.valid_from:%d %b %Y}"


def profile_markdown(facts: list[Fact]) -> str:
    """The profile grouped by theme, each fact dated; replaced values shown struck through."""
    if not facts:
        return (
            "I don't know anything about you yet. Tell me about yourself and your business — "
            "your name, what you sell, to whom — and I'll remember it across sessions."
        )
    lines = ["**What I remember about you**"]
    for group, categories in GROUPS.items():
        rows = [f for f in facts if f.category in categories and f.status != "rejected"]
        if not rows:
            continue
        lines += ["", f"_{group}_"]
        for fact in rows:
            text = f"**{label(fact.category)}:** {fact.value} · {_dated(fact)}"
            if fact.status == "retired":
                text = f"~~{label(fact.category)}: {fact.value}~~ · {_dated(fact)}"
            elif fact.status == "pending":
                text += " · _waiting for your OK_"
            lines.append(f"- {text}")
    lines += ["", HELP]
    return "\n".join(lines)


async def show_memory() -> None:
    """`/memory`: the profile with edit and delete buttons for every current fact."""
    uid = user_id()
    if uid is None:
        return
    facts = await runtime().memory.profile.everything(uid)
    actions = []
    for fact in facts:
        if fact.status == "active":
            value = fact.value if len(fact.value) <= 30 else fact.value[:29].rstrip() + "…"
            name = f"{label(fact.category)}: {value}"
            actions += [
                cl.Action(name=EDIT, payload={"fact": fact.id}, label=f"✏️ {name}"),
                cl.Action(name=DELETE, payload={"fact": fact.id}, label=f"🗑️ {name}"),
            ]
    await cl.Message(content=profile_markdown(facts), actions=actions, author=AUTHOR).send()


async def memory_command(argument: str) -> None:
    """`/memory [export|forget|delete-account]`."""
    command = argument.strip().lower()
    if not command:
        await show_memory()
    elif command == "export":
        await export()
    elif command in ("forget", "delete-account"):
        await forget(account=command == "delete-account")
    else:
        await cl.Message(content=HELP, author=AUTHOR).send()


def answer_ids(fact_id: int) -> tuple[str, str]:
    """The ids of a question's Yes and No buttons, so answering one removes both."""
    yes, no = (uuid.uuid5(uuid.NAMESPACE_URL, f"memory-answer:{fact_id}:{a}") for a in ("y", "n"))
    return str(yes), str(no)


async def ask_questions(uid: uuid.UUID, *, wait: float = 3.0) -> None:
    """After a reply: once this turn is remembered (usually well under a second; a slower job's
    question is asked after the next reply instead), ask about any contradiction it revealed."""
    await runtime().queue.wait_idle(user_id=uid, timeout=wait)
    for question in await runtime().memory.profile.questions(uid):
        yes, no = answer_ids(question.fact_id)
        await cl.Message(
            content=f"🧠 {question.text}",
            actions=[
                cl.Action(
                    name=ANSWER,
                    payload={"fact": question.fact_id, "accept": True},
                    label="Yes, update it" if question.replaces else "Yes, remember it",
                    id=yes,
                ),
                cl.Action(
                    name=ANSWER,
                    payload={"fact": question.fact_id, "accept": False},
                    label="No, keep what you had" if question.replaces else "No, leave it out",
                    id=no,
                ),
            ],
            author=AUTHOR,
        ).send()


async def answer(action: cl.Action) -> None:
    """The person answered a contradiction question (or confirmed a fact from a document)."""
    uid = user_id()
    if uid is None:
        return
    accept = bool(action.payload.get("accept"))
    try:
        fact = await runtime().memory.profile.resolve(
            uid, int(action.payload["fact"]), accept=accept
        )
    except (CoachError, KeyError, ValueError) as error:
        await cl.Message(content=f"{error}", author=AUTHOR).send()
        return
    for button in answer_ids(fact.id):  # both buttons go: the question is answered
        await cl.Action(name=ANSWER, payload={}, id=button, forId=action.forId).remove()
    text = f"Updated — {label(fact.category)}: “{fact.value}”." if accept else "Kept what I had."
    await cl.Message(content=text, author=AUTHOR).send()


async def edit(action: cl.Action) -> None:
    """Ask for a new value and replace the fact (the old value stays in its history)."""
    uid = user_id()
    if uid is None:
        return
    reply = await cl.AskUserMessage(
        content="Type the new value:", author=AUTHOR, timeout=300
    ).send()
    if not reply:
        return
    try:
        fact = await runtime().memory.profile.edit(
            uid, int(action.payload["fact"]), str(reply.get("output", ""))
        )
    except CoachError as error:
        await cl.Message(content=str(error), author=AUTHOR).send()
        return
    await cl.Message(
        content=f"Saved: {label(fact.category)} — “{fact.value}”.", author=AUTHOR
    ).send()


async def delete(action: cl.Action) -> None:
    """Forget one fact and its history."""
    uid = user_id()
    if uid is None:
        return
    try:
        await runtime().memory.profile.delete(uid, int(action.payload["fact"]))
    except CoachError as error:
        await cl.Message(content=str(error), author=AUTHOR).send()
        return
    await action.remove()
    await cl.Message(content="Forgotten.", author=AUTHOR).send()


async def export() -> None:
    """Everything stored about the person, as a JSON file to download."""
    uid = user_id()
    if uid is None:
        return
    data = await runtime().memory.export(uid)
    await cl.Message(
        content="Here is everything Brand Coach stores about you: your conversation, the "
        "profile with its history, and your semantic memories.",
        elements=[
            cl.File(
                name="brand-coach-export.json",
                content=json.dumps(data, indent=2, ensure_ascii=False).encode(),
                mime="application/json",
            )
        ],
        author=AUTHOR,
    ).send()


async def forget(*, account: bool) -> None:
    """Confirm, then clear the profile and memories — or delete the whole account."""
    uid = user_id()
    if uid is None:
        return
    what = (
        "your account, your whole conversation and everything remembered from it"
        if account
        else "your profile and semantic memories (the conversation stays)"
    )
    choice = await cl.AskActionMessage(
        content=f"This permanently deletes {what}. Are you sure?",
        actions=[
            cl.Action(name="confirm", payload={"go": True}, label="Yes, delete"),
            cl.Action(name="confirm", payload={"go": False}, label="Cancel"),
        ],
        author=AUTHOR,
        timeout=120,
    ).send()
    if not choice or not choice["payload"].get("go"):
        await cl.Message(content="Nothing was deleted.", author=AUTHOR).send()
        return
    if account:
        await runtime().accounts.delete(uid)
        await cl.Message(
            content="Your account and all its data are deleted. Goodbye!", author=AUTHOR
        ).send()
        return
    counts = await runtime().memory.forget(uid)
    await cl.Message(
        content=f"Forgotten: {counts['facts']} facts and {counts['memories']} memories.",
        author=AUTHOR,
    ).send()


READ_TIMEOUT = 300.0
"""Seconds a member's upload report waits for the worker before saying it is still reading."""


async def _read(uid: uuid.UUID, name: str, docs: list[ParsedDocument]) -> str:
    """Have the memory worker read one uploaded file's documents; the report's line for it."""
    memory, queue = runtime().memory, runtime().queue
    added = proposed = 0
    for doc in docs:
        job_id = await memory.submit_document(uid, doc.title or name, doc.text)
        job = await queue.wait(job_id, timeout=READ_TIMEOUT)
        if job is None:
            return (
                f"⏳ **{name}** — still being read; its facts will appear in `/memory` to confirm."
            )
        if job.status == "failed" or job.result is None:
            logger.warning("reading %s failed: %s", name, job.last_error)
            return f"❌ **{name}** — could not be stored; nothing was changed."
        added += job.result["passages"]
        proposed += job.result["proposed"]
    return f"✅ **{name}** — {added} passages remembered, {proposed} facts to confirm"


async def receive_own_documents(files: list[cl.File]) -> None:
    """A member's own documents go into their semantic memory; proposed facts await an OK."""
    uid = user_id()
    if uid is None:
        return
    settings = runtime().settings
    lines: list[str] = []
    report = cl.Message(content="Reading your documents…", author=AUTHOR)
    await report.send()
    for file in files:
        try:
            data = Path(str(file.path)).read_bytes()
            docs = parse_file(file.name, data, max_bytes=settings.max_upload_mb * 1_000_000)
            report.content = "\n".join([*lines, f"Reading **{file.name}**…"])
            await report.update()
            lines.append(await _read(uid, file.name, docs))
        except (InvalidInput, OSError) as error:
            lines.append(f"❌ **{file.name}** — {error}")
        except Exception:
            logger.exception("remembering %s failed", file.name)
            lines.append(f"❌ **{file.name}** — could not be stored; nothing was changed.")
        report.content = "\n".join(lines)
        await report.update()
    await ask_questions(uid, wait=0)
