"""How fast the review console answers with 100,000 stored messages.

    .venv/bin/python -m benchmarks.console [--messages 100000] [--runs 30] [--database-url URL]

Seeds a scratch embedded PostgreSQL (unless --database-url) with COPY: 2,000 people, 20,000
sessions, half the messages questions and half replies over 90 days, with sources, feedback,
corrections and failures. Then serves the console's routes in process (the same FastAPI router the
app mounts) through httpx, logged in as a reviewer, and times each page: p50/p95 over --runs
requests. The dashboard is timed both cold (cache off) and as served (30 s cache).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx

from benchmarks.common import pct

PERSONAS = ("diagnostic", "avatar", "canvas", "capture", "core")
WORDS = [
    "brand", "price", "customer", "story", "mission", "value",
    "audit", "content", "channel", "offer", "niche", "voice",
]  # fmt: skip


async def copy(
    conn: asyncpg.Connection, table: str, records: list[tuple], columns: list[str]
) -> None:
    """COPY rows in CSV form (JSON columns as JSON text, None as NULL)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for record in records:
        writer.writerow(
            [
                json.dumps(v)
                if isinstance(v, dict | list)
                else v.isoformat()
                if isinstance(v, datetime)
                else v
                for v in record
            ]
        )
    data = io.BytesIO(buffer.getvalue().encode())
    await conn.copy_to_table(table, source=data, columns=columns, format="csv")


async def seed(url: str, messages: int, rng: random.Random) -> dict[str, str]:
    """Bulk-load people, sessions, messages, feedback and corrections; return sample ids."""
    host = url.split("host=", 1)[1] if "host=" in url else None
    conn = await (
        asyncpg.connect(host=host, user="postgres", database="postgres")
        if host
        else asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    )
    people = [(uuid.uuid4(), f"person{n}@example.com") for n in range(2000)]
    await conn.copy_records_to_table(
        "users", records=[(i, e, "member") for i, e in people], columns=["id", "email", "role"]
    )
    conversations = {i: uuid.uuid4() for i, _ in people}
    await conn.copy_records_to_table(
        "conversations",
        records=[(c, u) for u, c in conversations.items()],
        columns=["id", "user_id"],
    )
    sessions = []
    for n in range(20_000):
        user_id = people[n % len(people)][0]
        sessions.append((f"bench-{n}", conversations[user_id], user_id))
    await conn.copy_records_to_table(
        "sessions",
        records=[(s, c, u, s) for s, c, u in sessions],
        columns=["id", "conversation_id", "user_id", "name"],
    )
    start = datetime.now(UTC) - timedelta(days=90)
    rows, feedback, corrections = [], [], []
    for n in range(messages // 2):
        session_id, conversation_id, user_id = sessions[n % len(sessions)]
        at = start + timedelta(seconds=rng.randrange(90 * 86_400))
        persona = rng.choice(PERSONAS)
        question_id, reply_id = uuid.uuid4(), uuid.uuid4()
        text = " ".join(rng.choices(WORDS, k=40))
        rows.append(
            (
                question_id,
                conversation_id,
                session_id,
                user_id,
                "user",
                None,
                text,
                "complete",
                None,
                None,
                None,
                None,
                None,
                None,
                at - timedelta(seconds=3),
            )
        )
        status = rng.choice(("complete",) * 30 + ("partial", "failed"))
        sources = [
            {
                "number": k,
                "chunk_id": k,
                "document_id": f"{persona}-doc-{rng.randrange(6)}",
                "title": f"{persona.title()} guide {k}",
                "heading": "Basics",
                "score": 0.5,
                "similarity": 0.6,
            }
            for k in range(1, rng.randint(0, 4) + 1)
        ]
        rows.append(
            (
                reply_id,
                conversation_id,
                session_id,
                user_id,
                "assistant",
                persona,
                " ".join(rng.choices(WORDS, k=120)),
                status,
                {
                    "persona": persona,
                    "confidence": round(rng.random(), 3),
                    "secondary": "core",
                    "method": rng.choice(("rules", "classifier", "conversation")),
                    "reason": "it reads like a question for this specialist",
                },
                sources,
                {"input_tokens": rng.randint(100, 3000), "output_tokens": rng.randint(50, 800)},
                round(rng.random() / 100, 6),
                {
                    "route_ms": 9.0,
                    "context_ms": 30.0,
                    "first_token_ms": 300.0,
                    "total_ms": round(rng.uniform(500, 9000), 1),
                },
                "gpt-4.1-mini",
                at,
            )
        )
        if rng.random() < 0.3:
            feedback.append((uuid.uuid4(), reply_id, user_id, rng.choice((0, 1)), None, at))
        if rng.random() < 0.02:
            corrections.append((question_id, user_id, persona, "canvas", "redirect", at))
    await copy(
        conn,
        "messages",
        rows,
        columns=[
            "id",
            "conversation_id",
            "session_id",
            "user_id",
            "role",
            "persona",
            "content",
            "status",
            "route",
            "sources",
            "usage",
            "cost_usd",
            "latency",
            "model",
            "created_at",
        ],
    )
    await conn.copy_records_to_table(
        "feedback",
        records=feedback,
        columns=["id", "message_id", "user_id", "value", "comment", "created_at"],
    )
    await conn.copy_records_to_table(
        "routing_corrections",
        records=corrections,
        columns=["message_id", "user_id", "routed", "corrected", "how", "created_at"],
    )
    kb_id = await conn.fetchval("insert into knowledge_bases (name) values ('canvas') returning id")
    await conn.executemany(
        "insert into documents (kb_id, external_id, title, content_hash) values ($1, $2, $3, 'x')",
        [(kb_id, f"canvas-doc-{k}", f"Canvas guide {k}") for k in range(6)],
    )
    await conn.execute(
        "insert into users (id, email, role) values ($1, 'reviewer@example.com', 'reviewer')",
        uuid.uuid4(),
    )
    await conn.execute("vacuum analyze")
    await conn.close()
    return {"session": sessions[0][0]}


async def measure(url: str, runs: int, sample: dict[str, str]) -> list[tuple[str, float, float]]:
    """p50/p95 (ms) of each console page, served in process through httpx."""
    os.environ.setdefault("CHAINLIT_AUTH_SECRET", "benchmark-secret-" + "x" * 32)
    from chainlit.auth import create_jwt
    from chainlit.user import User
    from fastapi import FastAPI

    import ui.console.routes as routes
    import ui.runtime
    from coach.bootstrap import build_runtime
    from coach.config import Settings
    from coach.review.console import Review
    from ui.console import mount_console

    runtime = build_runtime(Settings(_env_file=None, database_url=url))  # type: ignore[call-arg]
    ui.runtime._runtime = runtime
    app = FastAPI()
    mount_console(app)
    cookies = {"access_token": create_jwt(User(identifier="reviewer@example.com"))}
    today = datetime.now(UTC).date()
    week = f"since={today - timedelta(days=7)}&until={today}"
    pages = [
        ("list, unfiltered", "/console/conversations", 30.0),
        ("list, filtered", f"/console/conversations?{week}&feedback=down&persona=canvas", 30.0),
        ("list, text search", "/console/conversations?q=zebra", 30.0),
        ("list, mis-routed", "/console/conversations?misrouted=1", 30.0),
        ("transcript", f"/console/conversations/{sample['session']}", 30.0),
        ("dashboard (cold)", "/console/dashboard", 0.0),
        ("dashboard (cached 30 s)", "/console/dashboard", 30.0),
        ("export, filtered CSV", f"/console/export.csv?{week}&persona=canvas&feedback=down", 30.0),
        ("knowledge base page", "/console/kb/canvas", 30.0),
    ]
    results = []
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://bench", cookies=cookies
    ) as client:
        for name, path, ttl in pages:
            routes._review = Review(runtime.db, dashboard_ttl=ttl)
            times = []
            for _ in range(runs + 2):
                began = time.perf_counter()
                response = await client.get(path)
                times.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, (path, response.status_code)
            times = times[2:]  # connection pool and template warm-up
            results.append((name, statistics.median(times), pct(times, 95)))
    await runtime.close()
    return results


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    from coach.storage import migrate
    from coach.storage.db import Database
    from coach.storage.embedded import embedded_database_url

    folder = Path(tempfile.mkdtemp(prefix="bc-bench-console-", dir="/tmp"))
    url = args.database_url or embedded_database_url(folder)
    db = Database.connect(url)
    await migrate.upgrade(db)
    await db.close()
    began = time.perf_counter()
    sample = await seed(url, args.messages, random.Random(11))
    print(f"seeded {args.messages:,} messages in {time.perf_counter() - began:.1f} s")
    results = await measure(url, args.runs, sample)
    print(f"\n{'page':<28} {'p50 ms':>8} {'p95 ms':>8}  (target p95 <= 300 ms)")
    for name, p50, p95 in results:
        print(f"{name:<28} {p50:>8.1f} {p95:>8.1f}  {'ok' if p95 <= 300 else 'SLOW'}")
    print(f"\n{date.today()} · {args.runs} requests per page after 2 warm-up requests")


if __name__ == "__main__":
    asyncio.run(main())
