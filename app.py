"""Chainlit hooks: thin glue between the browser and the coach engine."""

from __future__ import annotations

import chainlit as cl
from chainlit.server import app as chainlit_app

from ui import memory
from ui.chat import REDIRECT, answer, redirect, welcome
from ui.console import mount_console
from ui.datalayer import CoachDataLayer
from ui.runtime import runtime, shut_down, warm_up
from ui.uploads import KB_DELETE, delete_document, list_documents, receive, uploaded_files

mount_console(chainlit_app)  # the review console under /console, and /metrics


@cl.data_layer
def data_layer() -> CoachDataLayer:
    """History, resume and feedback come from the project's own tables."""
    return CoachDataLayer()


@cl.on_app_startup
async def startup() -> None:
    """Get the router ready so the first message is as fast as the rest; start the worker."""
    await warm_up()


@cl.on_app_shutdown
async def shutdown() -> None:
    """Stop the memory worker and close connections."""
    await shut_down()


@cl.password_auth_callback
async def login(email: str, password: str) -> cl.User | None:
    """Check the email and password against the users table."""
    account = await runtime().accounts.authenticate(email, password)
    if account is None:
        return None
    return cl.User(
        identifier=account.email, display_name=account.display_name, metadata={"role": account.role}
    )


@cl.on_chat_start
async def start() -> None:
    """Greet a new session."""
    await welcome()


@cl.on_chat_resume
async def resume(thread: cl.types.ThreadDict) -> None:
    """Nothing to restore: the engine reads the whole conversation from the database."""


@cl.on_message
async def on_message(message: cl.Message) -> None:
    """Files go to knowledge bases (coaches) or the person's memory (members); `/kb` and
    `/memory` manage those; anything else is answered."""
    if uploaded_files(message):
        await receive(message)
    text = message.content.strip()
    if text.lower().startswith("/kb"):
        await list_documents(text[3:])
    elif text.lower().startswith("/memory"):
        await memory.memory_command(text[7:])
    elif message.content.strip():
        await answer(message)


@cl.action_callback(REDIRECT)
async def on_redirect(action: cl.Action) -> None:
    """ "Ask … instead": the chosen specialist answers the same question."""
    await redirect(action)


@cl.action_callback(KB_DELETE)
async def on_kb_delete(action: cl.Action) -> None:
    """A coach deletes a document from a `/kb` listing."""
    await delete_document(action)


@cl.action_callback(memory.ANSWER)
async def on_memory_answer(action: cl.Action) -> None:
    """ "Yes, update it" / "No, keep what you had" on a contradiction question."""
    await memory.answer(action)


@cl.action_callback(memory.EDIT)
async def on_memory_edit(action: cl.Action) -> None:
    """Edit a remembered fact from `/memory`."""
    await memory.edit(action)


@cl.action_callback(memory.DELETE)
async def on_memory_delete(action: cl.Action) -> None:
    """Delete a remembered fact from `/memory`."""
    await memory.delete(action)
