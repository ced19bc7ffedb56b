"""The `brand-coach` command, run as a person or a script would run it."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

from coach.config import Settings

BIN = Path(sys.executable).parent / "brand-coach"


def run(
    *args: str, settings: Settings | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(BIN.parent), "HOME": "/tmp", "HF_HUB_OFFLINE": "1"}
    if settings is not None:
        env |= {
            "DATABASE_URL": settings.database_url or "",
            "REDIS_URL": settings.redis_url or "",
            "BRAND_COACH_DATA_DIR": str(settings.data_dir),
            "BRAND_COACH_OFFLINE_STREAM_DELAY": "0",
        }
    return subprocess.run(
        [str(BIN), *args], input=stdin, capture_output=True, text=True, env=env, timeout=300
    )


def test_route_prints_one_decision_as_json() -> None:
    result = run("route", "How should I price my new workshop?")
    assert result.returncode == 0, result.stderr
    decision = json.loads(result.stdout)
    assert decision["persona"] == "canvas" and decision["method"] in ("rules", "classifier")
    assert set(decision) == {"persona", "confidence", "secondary", "method", "reason"}


def test_route_batch_keeps_ids_and_honours_previous() -> None:
    lines = [
        {"id": "a", "message": "Plan my newsletter"},
        {"id": "b", "message": "yes, go on", "previous": "avatar"},
    ]
    result = run("route", "--jsonl", stdin="\n".join(json.dumps(x) for x in lines))
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["persona"]) for o in out] == [("a", "capture"), ("b", "avatar")]


def test_route_batch_rejects_a_bad_line_clearly() -> None:
    result = run("route", "--jsonl", stdin='{"id": "a"}\n')
    assert result.returncode == 1 and "line 1" in result.stderr and "message" in result.stderr


def test_terminal_chat_answers_through_the_same_engine(
    settings: Settings, shipped_knowledge: None
) -> None:
    email = f"cli-{uuid.uuid4().hex[:8]}@example.com"
    result = run(
        "chat",
        "--user",
        email,
        "--json",
        "-m",
        "What should my brand mission say?",
        settings=settings,
    )
    assert result.returncode == 0, result.stderr
    turn = json.loads(result.stdout.strip().splitlines()[-1])
    assert turn["persona"] == "Core" and turn["status"] == "complete"
    assert "Offline mode" in turn["reply"] and turn["sources"]


def test_users_add_prints_credentials_and_refuses_duplicates(
    settings: Settings, migrated: None
) -> None:
    email = f"coach-{uuid.uuid4().hex[:8]}@example.com"
    first = run("users", "add", email, "--role", "coach", settings=settings)
    assert first.returncode == 0, first.stderr
    assert f"email: {email}" in first.stdout and "password: " in first.stdout
    again = run("users", "add", email, settings=settings)
    assert again.returncode == 1 and "already has an account" in again.stderr


def test_corrections_export_as_jsonl(settings: Settings, migrated: None) -> None:
    import asyncio

    from coach.bootstrap import build_runtime
    from coach.storage import conversations, messages
    from coach.storage import personas as repo

    async def seed() -> str:
        runtime = build_runtime(settings)
        try:
            account = await runtime.accounts.add(f"fix-{uuid.uuid4().hex[:8]}@example.com")
            async with runtime.db.session() as session:
                chat = await conversations.ensure_session(
                    session, session_id=str(uuid.uuid4()), user_id=account.id
                )
                question = await messages.add(
                    session,
                    conversation_id=chat.conversation_id,
                    session_id=chat.id,
                    user_id=account.id,
                    role="user",
                    content="price my class?",
                )
                await repo.add_correction(
                    session,
                    message_id=question.id,
                    user_id=account.id,
                    routed="avatar",
                    corrected="canvas",
                    how="redirect",
                )
                await session.commit()
            return str(question.id)
        finally:
            await runtime.close()

    message_id = asyncio.run(seed())
    result = run("route", "corrections", "--jsonl", settings=settings)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    mine = [r for r in rows if r["id"] == message_id]
    assert mine and mine[0]["message"] == "price my class?"
    assert (mine[0]["routed"], mine[0]["corrected"], mine[0]["how"]) == (
        "avatar",
        "canvas",
        "redirect",
    )


def test_kb_ingest_search_list_delete(settings: Settings, migrated: None, tmp_path: Path) -> None:
    kb = f"bench-{uuid.uuid4().hex[:6]}"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(
            json.dumps(d)
            for d in [
                {
                    "id": "doc-a",
                    "title": "Sourdough",
                    "text": "Sourdough needs a starter fed twice a day.",
                },
                {
                    "id": "doc-b",
                    "title": "Espresso",
                    "text": "Espresso extraction takes 25 to 30 seconds.",
                },
            ]
        )
    )
    (tmp_path / "locked.pdf").write_bytes(b"%PDF-1.4 broken")
    result = run(
        "kb",
        "ingest",
        "--kb",
        kb,
        str(corpus),
        str(tmp_path / "locked.pdf"),
        "--json",
        settings=settings,
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["added"], summary["unchanged"], len(summary["rejected"])) == (2, 0, 1)

    again = json.loads(
        run("kb", "ingest", "--kb", kb, str(corpus), "--json", settings=settings).stdout
    )
    assert (again["added"], again["unchanged"]) == (0, 2)

    queries = '{"id": "q1", "text": "how long to pull an espresso shot"}\n'
    found = run("kb", "search", "--kb", kb, "--jsonl", settings=settings, stdin=queries)
    assert found.returncode == 0, found.stderr
    answer = json.loads(found.stdout)
    assert answer["id"] == "q1" and answer["results"][0]["document_id"] == "doc-b"
    assert set(answer["results"][0]) == {"document_id", "chunk_id", "score"}

    listing = json.loads(run("kb", "list", "--kb", kb, "--json", settings=settings).stdout)
    assert sorted(d["document_id"] for d in listing) == ["doc-a", "doc-b"]
    assert run("kb", "delete", "--kb", kb, "doc-a", settings=settings).returncode == 0
    listing = json.loads(run("kb", "list", "--kb", kb, "--json", settings=settings).stdout)
    assert [d["document_id"] for d in listing] == ["doc-b"]
