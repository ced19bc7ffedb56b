"""One turn of the conversation, end to end: persist, route, gather context, stream, persist."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from coach.config import Settings
from coach.errors import CoachError, InvalidInput, NotFound, RateLimited
from coach.events import Delta, Done, Event, Failed, Routed
from coach.foreground import FOREGROUND
from coach.knowledge.library import Library, Passage
from coach.kv import Counters
from coach.llm.base import LLM, Prompt, TextDelta, Usage
from coach.memory.context import Context
from coach.memory.service import Memory
from coach.metrics import record_turn
from coach.personas import Persona
from coach.personas.store import PersonaStore
from coach.routing import Router, RoutingDecision
from coach.storage import conversations, messages
from coach.storage import personas as personas_repo
from coach.storage.db import Database
from coach.storage.models import Message

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Reply:
    """Where a reply belongs and how it was produced; its text and status come at the end."""

    id: uuid.UUID
    question_id: uuid.UUID
    conversation_id: uuid.UUID
    session_id: str
    user_id: uuid.UUID
    decision: RoutingDecision
    prompt: Prompt
    latency: dict[str, float]
    memories: list[dict[str, object]]


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)


async def _before_first_token(events: AsyncIterator[Event]) -> AsyncIterator[Event]:
    """Pass a turn's events on, marking the reply as being prepared until its first token (or
    its end, or an error) so background work steps aside meanwhile."""
    FOREGROUND.begin()
    preparing = True
    try:
        async for event in events:
            if preparing and isinstance(event, Delta | Done | Failed):
                FOREGROUND.end()
                preparing = False
            yield event
    finally:
        if preparing:
            FOREGROUND.end()


class Coach:
    """The brand coach: routes each message to a specialist and streams the reply."""

    def __init__(
        self,
        *,
        settings: Settings,
        db: Database,
        router: Router,
        personas: PersonaStore,
        llm: LLM,
        library: Library,
        memory: Memory,
        counters: Counters,
    ) -> None:
        self.settings = settings
        self.db = db
        self.router = router
        self.personas = personas
        self.llm = llm
        self.library = library
        self.memory = memory
        self.counters = counters

    @property
    def offline(self) -> bool:
        """True when replies come from the offline coach rather than a language model."""
        return self.llm.label == "offline coach"

    async def _check(self, user_id: uuid.UUID, text: str) -> str:
        text = text.strip()
        if not text:
            raise InvalidInput("Your message is empty; type a question for the coach.")
        if len(text) > self.settings.max_message_chars:
            raise InvalidInput(
                f"That message is {len(text):,} characters; the limit is "
                f"{self.settings.max_message_chars:,}. Split it or attach it as a document."
            )
        await self._limit(user_id)
        return text

    async def _limit(self, user_id: uuid.UUID) -> None:
        minute = int(time.time() // 60)
        count = await self.counters.hit(f"turns:{user_id}:{minute}", ttl_seconds=120)
        if count > self.settings.messages_per_minute:
            raise RateLimited(
                "You're sending messages faster than the coach can answer; "
                "wait a minute and try again."
            )

    async def respond(
        self,
        *,
        user_id: uuid.UUID,
        session_id: str,
        text: str,
        message_id: uuid.UUID | None = None,
        persona: str | None = None,
    ) -> AsyncIterator[Event]:
        """Run one turn; the person's message is committed before any model is called.

        `persona` is the person's own choice of specialist (`/ask canvas …`); when it differs from
        the router's, the difference is stored as a routing correction. Until the first token,
        background work in this process steps aside (`coach.foreground`).
        """
        turn = self._respond(
            user_id=user_id,
            session_id=session_id,
            text=text,
            message_id=message_id,
            persona=persona,
        )
        async for event in _before_first_token(turn):
            yield event

    async def _respond(
        self,
        *,
        user_id: uuid.UUID,
        session_id: str,
        text: str,
        message_id: uuid.UUID | None,
        persona: str | None,
    ) -> AsyncIterator[Event]:
        started = time.perf_counter()
        text = await self._check(user_id, text)
        personas = await self.personas.all()
        if persona is not None and persona not in personas:
            raise InvalidInput(f"There is no specialist called {persona!r}.")
        async with self.db.session() as session:
            chat = await conversations.ensure_session(
                session, session_id=session_id, user_id=user_id, name=text[:80]
            )
            if chat.user_id != user_id:
                raise NotFound("That conversation does not exist.")
            previous = await messages.last_persona(session, conversation_id=chat.conversation_id)
            question = await messages.add(
                session,
                id=message_id or uuid.uuid4(),
                conversation_id=chat.conversation_id,
                session_id=session_id,
                user_id=user_id,
                role="user",
                content=text,
            )
            await conversations.update_session(session, session_id=session_id)
            await session.commit()

        mark = time.perf_counter()
        decision = await self.router.route(text, previous=previous)
        if persona is not None:
            if persona != decision.persona:
                await self._correct(question, routed=decision.persona, corrected=persona, how="ask")
            decision = RoutingDecision(
                persona,
                1.0,
                decision.persona if decision.persona != persona else None,
                "ask",
                f"you asked for {personas[persona].name}",
            )
        latency = {"route_ms": _ms(mark)}
        async for event in self._answer(question, decision, personas, started, latency):
            yield event

    async def redirect(
        self, *, user_id: uuid.UUID, question_id: uuid.UUID, persona: str, routed: str | None
    ) -> AsyncIterator[Event]:
        """Answer an earlier question again with the specialist the person chose instead."""
        turn = self._redirect(
            user_id=user_id, question_id=question_id, persona=persona, routed=routed
        )
        async for event in _before_first_token(turn):
            yield event

    async def _redirect(
        self, *, user_id: uuid.UUID, question_id: uuid.UUID, persona: str, routed: str | None
    ) -> AsyncIterator[Event]:
        started = time.perf_counter()
        personas = await self.personas.all()
        if persona not in personas:
            raise InvalidInput(f"There is no specialist called {persona!r}.")
        async with self.db.session() as session:
            question = await messages.get(session, message_id=question_id)
        if question is None or question.user_id != user_id or question.role != "user":
            raise NotFound("That message does not exist.")
        await self._limit(user_id)
        await self._correct(question, routed=routed or "unknown", corrected=persona, how="redirect")
        decision = RoutingDecision(
            persona, 1.0, routed, "redirect", f"you asked {personas[persona].name} instead"
        )
        async for event in self._answer(question, decision, personas, started, {"route_ms": 0.0}):
            yield event

    async def _correct(self, question: Message, *, routed: str, corrected: str, how: str) -> None:
        async with self.db.session() as session:
            await personas_repo.add_correction(
                session,
                message_id=question.id,
                user_id=question.user_id,
                routed=routed,
                corrected=corrected,
                how=how,
            )
            await session.commit()

    async def _answer(
        self,
        question: Message,
        decision: RoutingDecision,
        personas: dict[str, Persona],
        started: float,
        latency: dict[str, float],
    ) -> AsyncIterator[Event]:
        """Gather context, stream the chosen specialist's reply and store it."""
        chosen = personas[decision.persona]
        reply_id = uuid.uuid4()
        yield Routed(decision, chosen, question.id, reply_id, self.llm.label)

        mark = time.perf_counter()
        (embedding,) = await self.library.embedder.embed([question.content])
        context, passages = await asyncio.gather(
            self.memory.assembler.assemble(
                user_id=question.user_id,
                conversation_id=question.conversation_id,
                before=question.created_at,
                query=question.content,
                embedding=embedding,
                exclude={str(question.id)},
            ),
            self.library.search(
                kbs=[chosen.knowledge_base],
                query=question.content,
                limit=self.settings.knowledge_results,
                min_similarity=self.settings.citation_min_similarity,
                embedding=embedding,
            ),
        )
        latency["context_ms"] = _ms(mark)
        passages = _distinct(passages)
        prompt = _prompt(chosen, self.settings.model_for(chosen.slug), question, context, passages)

        reply: list[str] = []
        usage = Usage(0, 0)
        mark = time.perf_counter()
        record = _Reply(
            reply_id,
            question.id,
            question.conversation_id,
            question.session_id,
            question.user_id,
            decision,
            prompt,
            latency,
            context.used(),
        )
        try:
            async for event in self.llm.stream(prompt):
                if isinstance(event, TextDelta):
                    if not reply:
                        latency["first_token_ms"] = _ms(mark)
                    reply.append(event.text)
                    yield Delta(event.text)
                elif isinstance(event, Usage):
                    usage = event
        except CoachError as error:
            latency["total_ms"] = _ms(started)
            partial = "".join(reply)
            status = "partial" if partial else "failed"
            await self._save(record, text=partial, usage=usage, status=status, error=str(error))
            yield Failed(reply_id, str(error), partial, list(passages))
            return
        except (asyncio.CancelledError, GeneratorExit):
            latency["total_ms"] = _ms(started)
            await asyncio.shield(
                self._save(
                    record,
                    text="".join(reply),
                    usage=usage,
                    status="partial" if reply else "failed",
                    error="stopped before the reply finished",
                )
            )
            raise
        latency["total_ms"] = _ms(started)
        text_out = "".join(reply)
        cost = await self._save(record, text=text_out, usage=usage, status="complete", error=None)
        yield Done(
            reply_id, text_out, list(passages), _usage_dict(usage), cost, latency, record.memories
        )

    def _cost(self, model: str, usage: Usage) -> float | None:
        if self.offline:
            return 0.0
        price = self.settings.prices.get(model)
        if price is None:
            return None
        return round((usage.input_tokens * price[0] + usage.output_tokens * price[1]) / 1e6, 6)

    async def _save(
        self,
        reply: _Reply,
        *,
        text: str,
        usage: Usage,
        status: str,
        error: str | None,
    ) -> float | None:
        prompt = reply.prompt
        cost = self._cost(prompt.model, usage)
        async with self.db.session() as session:
            await messages.add(
                session,
                id=reply.id,
                conversation_id=reply.conversation_id,
                session_id=reply.session_id,
                user_id=reply.user_id,
                role="assistant",
                persona=prompt.persona.slug,
                content=text,
                status=status,
                error=error,
                model="offline" if self.offline else prompt.model,
                route=reply.decision.as_dict(),
                sources=[_source(n, p) for n, p in enumerate(prompt.passages, start=1)],
                usage=_usage_dict(usage),
                cost_usd=cost,
                latency=reply.latency,
                memories=reply.memories,
                completed_at=datetime.now(UTC),
            )
            await conversations.update_session(session, session_id=reply.session_id)
            await Memory.after_turn(
                session, user_id=reply.user_id, question_id=reply.question_id, reply_id=reply.id
            )
            await session.commit()
        self.memory.queue.wake()
        decision, tokens = reply.decision, _usage_dict(usage)
        record_turn(prompt.persona.slug, decision.method, status, reply.latency, tokens, cost)
        return cost


def _prompt(
    persona: Persona, model: str, question: Message, context: Context, passages: list[Passage]
) -> Prompt:
    return Prompt(
        persona=persona,
        model=persona.model or model,
        instructions=persona.instructions,
        history=context.history,
        message=question.content,
        passages=passages,
        profile=context.profile_lines(),
        summary=context.summary,
        recalled=context.recalled_lines(),
        temperature=persona.temperature,
    )


def _distinct(passages: list[Passage]) -> list[Passage]:
    """One passage per document section: overlapping chunks of a section would cite it twice."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for passage in passages:
        if (passage.document_id, passage.heading) not in seen:
            seen.add((passage.document_id, passage.heading))
            kept.append(passage)
    return kept


def _usage_dict(usage: Usage) -> dict[str, int]:
    return {"input_tokens": usage.input_tokens, "output_tokens": usage.output_tokens}


def _source(number: int, passage: Passage) -> dict[str, object]:
    return {"number": number, **asdict(passage)}
