"""Tables: users, their one conversation, its sessions and messages, feedback, knowledge."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pgvector.sqlalchemy import Vector
from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

EMBEDDING_DIMENSIONS = 384
ROLES = ("member", "coach", "reviewer", "admin")
MESSAGE_STATUSES = ("complete", "partial", "failed")


class Base(DeclarativeBase):
    """Declarative base for every table Alembic owns."""

    type_annotation_map = {dict[str, Any]: JSONB, list[Any]: JSONB}


def _now() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now(), nullable=False)


class User(Base):
    """A person who can log in, with one role."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role in {ROLES}", name="users_role_valid"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="member")
    password_hash: Mapped[str | None] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    created_at: Mapped[datetime] = _now()


class Conversation(Base):
    """The one conversation a person has with all five specialists."""

    __tablename__ = "conversations"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), unique=True
    )
    summary: Mapped[str | None] = mapped_column(Text)
    summary_upto: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()


class ChatSession(Base):
    """A sitting inside the conversation; Chainlit shows these as threads in its sidebar."""

    __tablename__ = "sessions"
    __table_args__ = (Index("sessions_user_recent", "user_id", "updated_at"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    conversation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str | None] = mapped_column(String(200))
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict, server_default="{}")
    created_at: Mapped[datetime] = _now()
    updated_at: Mapped[datetime] = _now()


class Message(Base):
    """One turn: the person's words or a specialist's reply, with how it was produced."""

    __tablename__ = "messages"
    __table_args__ = (
        CheckConstraint("role in ('user', 'assistant')", name="messages_role_valid"),
        CheckConstraint(f"status in {MESSAGE_STATUSES}", name="messages_status_valid"),
        Index("messages_conversation_time", "conversation_id", "created_at"),
        Index("messages_session_time", "session_id", "created_at"),
        Index("messages_time", "created_at"),
        Index("messages_persona_time", "persona", "created_at"),
        Index(
            "messages_content_fts",
            text("to_tsvector('english'::regconfig, content)"),
            postgresql_using="gin",
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    conversation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    persona: Mapped[str | None] = mapped_column(String(32))
    content: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="complete")
    error: Mapped[str | None] = mapped_column(Text)
    model: Mapped[str | None] = mapped_column(String(100))
    route: Mapped[dict[str, Any] | None] = mapped_column()
    sources: Mapped[list[Any] | None] = mapped_column()
    usage: Mapped[dict[str, Any] | None] = mapped_column()
    cost_usd: Mapped[float | None] = mapped_column(Numeric(12, 6))
    latency: Mapped[dict[str, Any] | None] = mapped_column()
    memories: Mapped[list[Any] | None] = mapped_column()
    created_at: Mapped[datetime] = _now()
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Feedback(Base):
    """A thumbs up or down, with an optional comment, on one reply."""

    __tablename__ = "feedback"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    message_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), unique=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    value: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _now()


class KnowledgeBase(Base):
    """A named collection of documents; the five persona bases are named by slug."""

    __tablename__ = "knowledge_bases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    chunk_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    term_total: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    created_at: Mapped[datetime] = _now()


class Document(Base):
    """One uploaded or shipped document; `external_id` is the id its uploader gave it."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("kb_id", "external_id", name="documents_kb_external"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kb_id: Mapped[int] = mapped_column(ForeignKey("knowledge_bases.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(500))
    title: Mapped[str] = mapped_column(String(500))
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = _now()


class Chunk(Base):
    """A passage of a document, embedded and indexed for full-text search."""

    __tablename__ = "chunks"
    __table_args__ = (
        Index(
            "chunks_embedding_hnsw",
            "embedding",
            postgresql_using="hnsw",
            postgresql_ops={"embedding": "vector_cosine_ops"},
        ),
        Index("chunks_tsv", "tsv", postgresql_using="gin"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    kb_id: Mapped[int] = mapped_column(
        ForeignKey("knowledge_bases.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    embedding: Mapped[list[float]] = mapped_column(Vector(EMBEDDING_DIMENSIONS))
    tsv: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed("to_tsvector('english', coalesce(heading, '') || ' ' || text)", persisted=True),
    )


class PersonaVersion(Base):
    """An admin's edit of a specialist's definition; the highest version of a slug is live."""

    __tablename__ = "persona_versions"
    __table_args__ = (UniqueConstraint("slug", "version", name="persona_versions_slug_version"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    slug: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    definition: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(320))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _now()


class RoutingCorrection(Base):
    """A person sent a message to a different specialist than the router chose."""

    __tablename__ = "routing_corrections"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    message_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    routed: Mapped[str] = mapped_column(String(32))
    corrected: Mapped[str] = mapped_column(String(32))
    how: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = _now()


class ChunkTerm(Base):
    """A posting for BM25: how often a stemmed term occurs in a chunk, and the chunk's length."""

    __tablename__ = "chunk_terms"
    __table_args__ = (
        Index(
            "chunk_terms_impact",
            "kb_id",
            "term",
            text("((tf * 1.9) / (tf + 0.9 * (0.6 + 0.4 * dl / 120.0))) DESC"),
            postgresql_include=["chunk_id", "tf", "dl"],
        ),
    )

    chunk_id: Mapped[int] = mapped_column(
        ForeignKey("chunks.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(Text, primary_key=True)
    kb_id: Mapped[int] = mapped_column(Integer)
    tf: Mapped[int] = mapped_column(Integer)
    dl: Mapped[int] = mapped_column(Integer)


class TermStat(Base):
    """Document frequency of a term in one knowledge base (kept current on ingest and delete)."""

    __tablename__ = "term_stats"

    kb_id: Mapped[int] = mapped_column(
        ForeignKey("knowledge_bases.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(Text, primary_key=True)
    df: Mapped[int] = mapped_column(Integer)


FACT_STATUSES = ("active", "retired", "pending", "rejected")
JOB_STATUSES = ("pending", "running", "done", "failed")


class Fact(Base):
    """Something the person told us about themselves or their business (tier 2, the profile).

    Facts are never overwritten: an update retires the old row (`valid_to`, `replaced_by`) and
    adds a new one, so the profile's history stays visible. `pending` facts contradict an active
    one and wait for the person to confirm; `rejected` ones were declined.
    """

    __tablename__ = "facts"
    __table_args__ = (
        CheckConstraint(f"status in {FACT_STATUSES}", name="facts_status_valid"),
        Index("facts_user_status", "user_id", "status", "category"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(200))
    value: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="active")
    source_kind: Mapped[str] = mapped_column(String(16), default="message")
    source_message_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL")
    )
    source_text: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[datetime] = _now()
    valid_to: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    replaced_by: Mapped[int | None] = mapped_column(ForeignKey("facts.id", ondelete="SET NULL"))
    asked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()


class MemoryItem(Base):
    """A past exchange, imported turn or passage of the person's own document (tier 3).

    `turn_ids` are the message ids (or imported turn ids) the item holds; `source_key` makes
    writing an item idempotent, so a re-run job never stores it twice.
    """

    __tablename__ = "memory_items"
    __table_args__ = (
        UniqueConstraint("user_id", "source_key", name="memory_items_user_source"),
        # Covering index: one person's vectors are read by an index-only scan of contiguous
        # pages instead of ~1,000 random heap reads scattered across a large table.
        Index("memory_items_user", "user_id", postgresql_include=["id", "length", "embedding"]),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    source_key: Mapped[str] = mapped_column(String(300))
    turn_ids: Mapped[list[Any]] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    embedding: Mapped[list[float]] = mapped_column(Vector(EMBEDDING_DIMENSIONS))
    tsv: Mapped[str] = mapped_column(
        TSVECTOR, Computed("to_tsvector('english', text)", persisted=True)
    )
    length: Mapped[int] = mapped_column(
        Integer, Computed("length(to_tsvector('english', text))", persisted=True)
    )
    occurred_at: Mapped[datetime] = _now()


class MemoryTerm(Base):
    """A BM25 posting of a memory item, keyed by person first so a query reads one range."""

    __tablename__ = "memory_terms"
    __table_args__ = (Index("memory_terms_item", "item_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(Text, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("memory_items.id", ondelete="CASCADE"), primary_key=True
    )
    tf: Mapped[int] = mapped_column(Integer)
    dl: Mapped[int] = mapped_column(Integer)


class Job(Base):
    """Durable background work (fact extraction, embedding) that runs after a reply is sent."""

    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint(f"status in {JOB_STATUSES}", name="jobs_status_valid"),
        Index(
            "jobs_due",
            "run_after",
            postgresql_where=text("status in ('pending', 'running')"),
        ),
        Index("jobs_user", "user_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    run_after: Mapped[datetime] = _now()
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _now()
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    result: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    # Someone is waiting for this job (a member's upload): it is claimed before the others.
    waiting: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
