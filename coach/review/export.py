"""Exported replies: one flat record per reply, written as JSONL or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Iterable
from typing import Any

from coach.storage.review import ReviewedReply

CSV_FIELDS = (
    "reply_id",
    "session_id",
    "created_at",
    "person",
    "persona",
    "status",
    "error",
    "question",
    "reply",
    "route_confidence",
    "route_method",
    "route_reason",
    "route_secondary",
    "corrected_from",
    "corrected_to",
    "sources",
    "memories",
    "input_tokens",
    "output_tokens",
    "cost_usd",
    "model",
    "route_ms",
    "context_ms",
    "first_token_ms",
    "total_ms",
    "feedback",
    "feedback_comment",
)


def feedback_word(value: int | None) -> str | None:
    """'up', 'down' or None for a stored feedback value."""
    if value is None:
        return None
    return "up" if value > 0 else "down"


def record(reply: ReviewedReply) -> dict[str, Any]:
    """The JSON export of one reply (nested route, sources, memories, usage and latency)."""
    m = reply.message
    return {
        "reply_id": str(m.id),
        "session_id": m.session_id,
        "created_at": m.created_at.isoformat(),
        "person": reply.email,
        "persona": m.persona,
        "status": m.status,
        "error": m.error,
        "question": reply.question,
        "reply": m.content,
        "route": m.route,
        "correction": (
            dict(zip(("routed", "corrected", "how"), reply.correction, strict=True))
            if reply.correction
            else None
        ),
        "sources": [
            {k: s.get(k) for k in ("number", "document_id", "title", "heading", "similarity")}
            for s in (m.sources or [])
        ],
        "memories": m.memories or [],
        "usage": m.usage,
        "cost_usd": None if m.cost_usd is None else float(m.cost_usd),
        "model": m.model,
        "latency": m.latency,
        "feedback": feedback_word(reply.feedback),
        "feedback_comment": reply.comment,
    }


def flat(item: dict[str, Any]) -> dict[str, Any]:
    """A JSON export record flattened into the CSV columns."""
    route, usage, latency = item["route"] or {}, item["usage"] or {}, item["latency"] or {}
    correction = item["correction"] or {}
    return {
        **{k: item[k] for k in CSV_FIELDS if k in item},
        "route_confidence": route.get("confidence"),
        "route_method": route.get("method"),
        "route_reason": route.get("reason"),
        "route_secondary": route.get("secondary"),
        "corrected_from": correction.get("routed"),
        "corrected_to": correction.get("corrected"),
        "sources": "; ".join(f"{s['title']} ({s['document_id']})" for s in item["sources"]),
        "memories": "; ".join(str(m.get("text", "")) for m in item["memories"]),
        "input_tokens": usage.get("input_tokens"),
        "output_tokens": usage.get("output_tokens"),
        **{k: latency.get(k) for k in ("route_ms", "context_ms", "first_token_ms", "total_ms")},
    }


def jsonl_lines(records: Iterable[dict[str, Any]]) -> str:
    """Records as JSON lines."""
    return "".join(json.dumps(r, default=str) + "\n" for r in records)


def csv_text(records: Iterable[dict[str, Any]], *, header: bool) -> str:
    """Records as CSV rows (with the header row when `header`)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
    if header:
        writer.writeheader()
    for item in records:
        writer.writerow(flat(item))
    return buffer.getvalue()


async def encode(batches: AsyncIterator[list[ReviewedReply]], fmt: str) -> AsyncIterator[str]:
    """The export as text chunks, one chunk per batch of replies."""
    first = True
    async for batch in batches:
        records = [record(reply) for reply in batch]
        yield jsonl_lines(records) if fmt == "jsonl" else csv_text(records, header=first)
        first = False
    if first and fmt == "csv":
        yield csv_text([], header=True)
