"""Seeded conversations for the console's tests: replies with every detail set explicitly."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.dialects.postgresql import insert

from coach.storage import conversations, knowledge, messages
from coach.storage import personas as personas_repo
from coach.storage.db import Database
from coach.storage.models import Document, Feedback

PERSONAS = ("diagnostic", "avatar", "canvas", "capture", "core")
METHODS = ("rules", "classifier", "conversation", "ask")
DOCUMENTS = {
    "diagnostic": [("swot-guide", "SWOT Guide"), ("audit-checklist", "Audit Checklist")],
    "avatar": [("persona-canvas", "Persona Canvas"), ("pain-points", "Pain Points")],
    "canvas": [("pricing-basics", "Pricing Basics"), ("revenue-models", "Revenue Models")],
    "capture": [("content-calendar", "Content Calendar")],
    "core": [("mission-statements", "Mission Statements"), ("brand-values", "Brand Values")],
}


@dataclass
class SeededReply:
    """One reply as seeded, with the question before it."""

    id: uuid.UUID
    question_id: uuid.UUID
    session_id: str
    user_id: uuid.UUID
    email: str
    persona: str
    question: str
    content: str
    at: datetime
    status: str = "complete"
    confidence: float = 0.8
    method: str = "classifier"
    reason: str = "it reads like a question for this specialist"
    sources: list[dict[str, Any]] = field(default_factory=list)
    memories: list[dict[str, Any]] = field(default_factory=list)
    input_tokens: int = 100
    output_tokens: int = 50
    cost: float = 0.0001
    latency: dict[str, float] = field(default_factory=dict)
    feedback: int | None = None
    comment: str | None = None
    correction: str | None = None


def source(number: int, persona: str, document: tuple[str, str]) -> dict[str, Any]:
    """A citation as the engine stores it."""
    return {
        "number": number,
        "chunk_id": number,
        "document_id": document[0],
        "title": document[1],
        "heading": f"{document[1]} › Basics",
        "text": f"Passage of {document[1]}.",
        "score": 0.5,
        "similarity": 0.6,
    }


def random_replies(
    rng: random.Random, people: list[tuple[uuid.UUID, str]], first_day: date, days: int, n: int
) -> list[SeededReply]:
    """`n` varied replies spread over `days` UTC days from `first_day`."""
    replies = []
    for number in range(n):
        user_id, email = rng.choice(people)
        persona = rng.choice(PERSONAS)
        at = datetime.combine(first_day, datetime.min.time(), tzinfo=UTC) + timedelta(
            days=rng.randrange(days), seconds=rng.randrange(86_000)
        )
        docs = DOCUMENTS[persona]
        cited = rng.sample(docs, rng.randint(0, len(docs)))
        total = round(rng.uniform(200, 4000), 1)
        replies.append(
            SeededReply(
                id=uuid.uuid4(),
                question_id=uuid.uuid4(),
                session_id=f"seed-{uuid.uuid4()}",
                user_id=user_id,
                email=email,
                persona=persona,
                question=f"question {number} for {persona}",
                content=f"answer {number} from {persona}",
                at=at,
                status=rng.choice(("complete",) * 8 + ("partial", "failed")),
                confidence=round(rng.uniform(0.2, 1.0), 3),
                method=rng.choice(METHODS),
                sources=[source(i, persona, d) for i, d in enumerate(cited, start=1)],
                input_tokens=rng.randint(50, 3000),
                output_tokens=rng.randint(10, 800),
                cost=round(rng.uniform(0, 0.01), 6),
                latency={
                    "route_ms": 10.0,
                    "context_ms": 30.0,
                    "first_token_ms": 100.0,
                    "total_ms": total,
                },
                feedback=rng.choice((None, None, 1, 0)),
                comment=rng.choice((None, "too vague", "spot on")),
                correction=None if persona == "canvas" else rng.choice((None,) * 6 + ("canvas",)),
            )
        )
    return replies


async def store(db: Database, replies: list[SeededReply]) -> None:
    """Insert each reply with its question, feedback and correction, in one transaction."""
    async with db.session() as session:
        for reply in replies:
            chat = await conversations.ensure_session(
                session, session_id=reply.session_id, user_id=reply.user_id, name=reply.question
            )
            await messages.add(
                session,
                id=reply.question_id,
                conversation_id=chat.conversation_id,
                session_id=reply.session_id,
                user_id=reply.user_id,
                role="user",
                content=reply.question,
                created_at=reply.at - timedelta(seconds=2),
            )
            await messages.add(
                session,
                id=reply.id,
                conversation_id=chat.conversation_id,
                session_id=reply.session_id,
                user_id=reply.user_id,
                role="assistant",
                persona=reply.persona,
                content=reply.content,
                status=reply.status,
                error=None if reply.status == "complete" else "the model stopped answering",
                model="gpt-4.1-mini",
                route={
                    "persona": reply.persona,
                    "confidence": reply.confidence,
                    "secondary": "core" if reply.persona != "core" else "avatar",
                    "method": reply.method,
                    "reason": reply.reason,
                },
                sources=reply.sources,
                usage={"input_tokens": reply.input_tokens, "output_tokens": reply.output_tokens},
                cost_usd=reply.cost,
                latency=reply.latency,
                memories=reply.memories,
                created_at=reply.at,
                completed_at=reply.at,
            )
            if reply.feedback is not None:
                session.add(
                    Feedback(
                        message_id=reply.id,
                        user_id=reply.user_id,
                        value=reply.feedback,
                        comment=reply.comment,
                        created_at=reply.at,
                    )
                )
            if reply.correction and reply.correction != reply.persona:
                await personas_repo.add_correction(
                    session,
                    message_id=reply.question_id,
                    user_id=reply.user_id,
                    routed=reply.persona,
                    corrected=reply.correction,
                    how="redirect",
                )
        await session.commit()


async def store_documents(db: Database, kb: str, documents: list[tuple[str, str]]) -> None:
    """A knowledge base with documents (no passages: the console only reads their rows)."""
    async with db.session() as session:
        kb_id = await knowledge.ensure_base(session, name=kb)
        for external_id, title in documents:
            await session.execute(
                insert(Document)
                .values(kb_id=kb_id, external_id=external_id, title=title, content_hash="seed")
                .on_conflict_do_nothing(index_elements=["kb_id", "external_id"])
            )
        await session.commit()
