"""Chainlit's history, resume and feedback, read from the project's own tables.

The engine is the only writer of messages, so `create_step`/`update_step` store nothing: every
message exists once, in `messages`, and threads are rebuilt from it on resume.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from chainlit.data.base import BaseDataLayer
from chainlit.step import StepDict
from chainlit.types import (
    Feedback,
    PageInfo,
    PaginatedResponse,
    Pagination,
    ThreadDict,
    ThreadFilter,
)
from chainlit.user import PersistedUser, User

from coach.bootstrap import Runtime
from coach.memory.facts import label
from coach.personas import Persona
from coach.storage.models import ChatSession, Message
from ui.runtime import runtime

logger = logging.getLogger(__name__)


def _iso(moment: datetime | None) -> str:
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def route_step_name(persona_name: str) -> str:
    """The title of the collapsible routing step above a reply."""
    return f"routing to {persona_name}"


def routing_summary(route: dict[str, Any], personas: dict[str, Persona]) -> str:
    """The routing decision as a person reads it."""
    name = personas[route["persona"]].name if route["persona"] in personas else route["persona"]
    lines = [
        f"**{name}** takes this — confidence {route['confidence']:.0%} ({route['method']}).",
        f"Why: {route['reason']}.",
    ]
    if route.get("secondary") in personas:
        lines.append(f"Runner-up: {personas[route['secondary']].name}.")
    return "\n\n".join(lines)


def _fact_line(memory: dict[str, Any]) -> str:
    """ "Business name: Wick & Wild" (older rows without a category show the value alone)."""
    category = memory.get("category")
    return f"{label(category)}: {memory['text']}" if category else str(memory["text"])


def memories_summary(memories: list[Any] | None) -> str:
    """Which memories a reply used, as the routing step lists them."""
    if not memories:
        return ""
    facts = [m for m in memories if m.get("kind") == "fact"]
    exchanges = [m for m in memories if m.get("kind") == "exchange"]
    lines = ["**Memories used:**"]
    if facts:
        lines.append("- profile: " + "; ".join(_fact_line(m) for m in facts[:12]))
    lines += [f"- {m.get('date', '')}: “{str(m['text'])[:120]}”" for m in exchanges]
    if any(m.get("kind") == "summary" for m in memories):
        lines.append("- the summary of your earlier conversation")
    return "\n\n" + "\n".join(lines)


def message_steps(
    message: Message, feedback: Any, thread_id: str, author: str, personas: dict[str, Persona]
) -> list[StepDict]:
    """The Chainlit steps one stored message shows as: a user message, or routing + reply."""
    created = _iso(message.created_at)
    if message.role == "user":
        return [
            {
                "id": str(message.id),
                "threadId": thread_id,
                "type": "user_message",
                "name": author,
                "output": message.content,
                "createdAt": created,
                "start": created,
                "end": created,
                "metadata": {},
                "streaming": False,
            }
        ]
    persona = personas.get(message.persona or "", personas["core"])
    steps: list[StepDict] = []
    if message.route:
        steps.append(
            {
                "id": f"{message.id}-route",
                "threadId": thread_id,
                "type": "tool",
                "name": route_step_name(persona.name),
                "output": routing_summary(message.route, personas)
                + memories_summary(message.memories),
                "createdAt": created,
                "start": created,
                "end": created,
                "metadata": {},
                "streaming": False,
            }
        )
    content = message.content
    if message.status != "complete" and message.error:
        content = f"{content}\n\n⚠️ {message.error}".strip()
    step: StepDict = {
        "id": str(message.id),
        "threadId": thread_id,
        "type": "assistant_message",
        "name": persona.name,
        "output": content,
        "createdAt": created,
        "start": created,
        "end": _iso(message.completed_at),
        "metadata": {"persona": persona.slug},
        "streaming": False,
        "isError": message.status == "failed",
    }
    if feedback is not None:
        step["feedback"] = {
            "id": str(feedback.id),
            "forId": str(message.id),
            "value": feedback.value,
            "comment": feedback.comment,
        }
    return [*steps, step]


def thread_dict(chat: ChatSession, owner: str, steps: list[StepDict]) -> ThreadDict:
    """A session in Chainlit's thread shape."""
    return {
        "id": chat.id,
        "createdAt": _iso(chat.created_at),
        "name": chat.name,
        "userId": str(chat.user_id),
        "userIdentifier": owner,
        "tags": [],
        "metadata": chat.meta or {},
        "steps": steps,
        "elements": [],
    }


def _viewer_id() -> uuid.UUID | None:
    """The person of the current Chainlit session, when there is one (socket events)."""
    from chainlit.context import ChainlitContextException, context

    try:
        return _uuid(getattr(context.session.user, "id", None))
    except ChainlitContextException:
        return None


class CoachDataLayer(BaseDataLayer):
    """Chainlit's persistence hooks over the project's users, sessions and messages."""

    def __init__(self, get_runtime: Callable[[], Runtime] = runtime) -> None:
        self.runtime = get_runtime

    async def get_user(self, identifier: str) -> PersistedUser | None:
        """The account as Chainlit's persisted user (id is the account id)."""
        account = await self.runtime().accounts.find(identifier)
        if account is None:
            return None
        return PersistedUser(
            id=str(account.id),
            identifier=account.email,
            display_name=account.display_name,
            metadata={"role": account.role},
            createdAt=_iso(None),
        )

    async def create_user(self, user: User) -> PersistedUser | None:
        """Accounts are created by admins and the CLI; logging in never creates one."""
        return await self.get_user(user.identifier)

    async def upsert_feedback(self, feedback: Feedback) -> str:
        """Store a rating on a reply the current person received."""
        from chainlit.context import context

        user = context.session.user if context.session else None
        message_id, user_id = _uuid(feedback.forId), _uuid(getattr(user, "id", None))
        if message_id is None or user_id is None:
            return ""
        feedback_id = await self.runtime().history.rate(
            message_id=message_id,
            user_id=user_id,
            value=int(feedback.value),
            comment=feedback.comment,
        )
        return str(feedback_id or "")

    async def delete_feedback(self, feedback_id: str) -> bool:
        """Withdraw the current person's rating."""
        from chainlit.context import context

        user = context.session.user if context.session else None
        fid, user_id = _uuid(feedback_id), _uuid(getattr(user, "id", None))
        if fid is None or user_id is None:
            return False
        return await self.runtime().history.unrate(feedback_id=fid, user_id=user_id)

    async def create_element(self, element: Any) -> None:
        """Citations are rebuilt from each reply's stored sources, not stored as elements."""

    async def get_element(self, thread_id: str, element_id: str) -> Any:
        """No elements are stored separately."""
        return None

    async def delete_element(self, element_id: str, thread_id: str | None = None) -> None:
        """No elements are stored separately."""

    async def create_step(self, step_dict: StepDict) -> None:
        """The engine already stored this message; keep one copy."""

    async def update_step(self, step_dict: StepDict) -> None:
        """The engine already stored this message; keep one copy."""

    async def delete_step(self, step_id: str) -> None:
        """Messages are not deleted one by one from the chat."""

    async def _foreign(self, thread_id: str) -> bool:
        """True when a session's person is known and the thread belongs to someone else."""
        viewer = _viewer_id()
        if viewer is None:
            return False  # HTTP routes and the socket handshake check the author themselves
        chat = await self.runtime().history.session_owner_id(thread_id)
        return chat is not None and chat != viewer

    async def get_thread_author(self, thread_id: str) -> str:
        """The email of the session's owner ('' when unknown or not the current person's)."""
        if await self._foreign(thread_id):
            return ""
        return await self.runtime().history.owner(thread_id) or ""

    async def delete_thread(self, thread_id: str) -> None:
        """Delete a session and its messages (never another person's)."""
        if await self._foreign(thread_id):
            return
        await self.runtime().history.delete(thread_id)

    async def list_threads(
        self, pagination: Pagination, filters: ThreadFilter
    ) -> PaginatedResponse[ThreadDict]:
        """The person's sessions for the sidebar, newest activity first."""
        user_id = _uuid(filters.userId)
        if user_id is None:
            return PaginatedResponse(PageInfo(False, None, None), [])
        rows = await self.runtime().history.sessions(
            user_id=user_id,
            limit=pagination.first + 1,
            before=pagination.cursor,
            search=filters.search,
            feedback=filters.feedback,
        )
        page = rows[: pagination.first]
        owner = ""
        data = [thread_dict(chat, owner, []) for chat in page]
        return PaginatedResponse(
            PageInfo(
                len(rows) > len(page), page[0].id if page else None, page[-1].id if page else None
            ),
            data,
        )

    async def get_thread(self, thread_id: str) -> ThreadDict | None:
        """A session rebuilt from stored messages; None for another person's session."""
        if await self._foreign(thread_id):
            return None
        transcript = await self.runtime().history.transcript(thread_id)
        if transcript is None:
            return None
        personas = await self.runtime().coach.personas.all()
        steps: list[StepDict] = []
        for message in transcript.messages:
            steps += message_steps(
                message,
                transcript.feedback.get(message.id),
                thread_id,
                transcript.owner_email,
                personas,
            )
        return thread_dict(transcript.session, transcript.owner_email, steps)

    async def update_thread(
        self,
        thread_id: str,
        name: str | None = None,
        user_id: str | None = None,
        metadata: dict | None = None,
        tags: list[str] | None = None,
    ) -> None:
        """Create the session on first message, or rename it / store Chainlit's metadata."""
        await self.runtime().history.update(
            thread_id, user_id=_uuid(user_id), name=name, metadata=metadata
        )

    async def build_debug_url(self) -> str:
        """No external debugger."""
        return ""

    async def get_favorite_steps(self, user_id: str) -> list[StepDict]:
        """Favourites are not a feature here."""
        return []

    async def close(self) -> None:
        """The runtime owns the connections."""
