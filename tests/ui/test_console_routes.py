"""Every console URL checks the role on the server: members and strangers are refused."""

from __future__ import annotations

import random
import uuid
from collections.abc import AsyncIterator
from datetime import date

import pytest

import ui.runtime
from coach.bootstrap import Runtime
from coach.metrics import record_turn
from tests.fakes.llm import ScriptedLLM
from tests.review.seed import DOCUMENTS, random_replies, store, store_documents
from tests.ui.console_app import client, console_app

PASSWORD = "correct horse battery staple"


@pytest.fixture
async def people(runtime: Runtime) -> AsyncIterator[dict[str, str]]:
    """One account per role, and the console app reading the test runtime."""
    tag = uuid.uuid4().hex[:8]
    await store_documents(runtime.db, "core", DOCUMENTS["core"])
    emails = {}
    for role in ("member", "coach", "reviewer", "admin"):
        account = await runtime.accounts.add(
            f"{role}-{tag}@example.com", role=role, password=PASSWORD
        )
        emails[role] = account.email
    yield emails
    ui.runtime._runtime = None


async def _session_of(runtime: Runtime, email: str) -> str:
    """A stored session of `email` with one question and its reply."""
    account = await runtime.accounts.find(email)
    assert account is not None
    reply = random_replies(random.Random(1), [(account.id, email)], date.today(), 1, 1)[0]
    reply.question, reply.content = "What should my mission say?", "Start with your mission."
    await store(runtime.db, [reply])
    return reply.session_id


READER_URLS = [
    "/console/conversations",
    "/console/conversations?feedback=down&persona=core",
    "/console/dashboard",
    "/console/api/dashboard",
    "/console/export.jsonl",
    "/console/export.csv?feedback=down",
]
KNOWLEDGE_URLS = ["/console", "/console/kb", "/console/kb/core"]
ADMIN_URLS = ["/console/users"]


async def test_a_member_is_refused_every_console_url_and_export(
    runtime: Runtime, llm: ScriptedLLM, people: dict[str, str]
) -> None:
    session_id = await _session_of(runtime, people["member"])
    app = console_app(runtime)
    urls = [*READER_URLS, *KNOWLEDGE_URLS, *ADMIN_URLS, f"/console/conversations/{session_id}"]
    async with client(app, people["member"]) as member:
        for url in urls:
            response = await member.get(url)
            assert response.status_code == 403, url
            assert "mission" not in response.text
        posted = await member.post(
            "/console/users", data={"email": "x@example.com", "role": "admin"}
        )
        assert posted.status_code == 403
        assert (await member.get("/metrics")).status_code == 403
    assert await runtime.accounts.find("x@example.com") is None


async def test_strangers_are_sent_to_log_in_and_apis_answer_401(
    runtime: Runtime, people: dict[str, str]
) -> None:
    app = console_app(runtime)
    async with client(app) as stranger:
        page = await stranger.get("/console/dashboard")
        assert page.status_code == 303 and page.headers["location"] == "/login"
        for url in ("/console/export.csv", "/console/api/dashboard", "/metrics"):
            assert (await stranger.get(url)).status_code == 401, url
    async with client(app) as forged:
        forged.cookies.set("access_token", "not-a-token")
        assert (await forged.get("/console/export.jsonl")).status_code == 401


async def test_each_role_reads_exactly_its_pages(
    runtime: Runtime, llm: ScriptedLLM, people: dict[str, str]
) -> None:
    session_id = await _session_of(runtime, people["member"])
    app = console_app(runtime)
    transcript = f"/console/conversations/{session_id}"
    expected = {
        "coach": (KNOWLEDGE_URLS, [*READER_URLS, transcript, *ADMIN_URLS]),
        "reviewer": ([*READER_URLS, *KNOWLEDGE_URLS, transcript], ADMIN_URLS),
        "admin": ([*READER_URLS, *KNOWLEDGE_URLS, transcript, *ADMIN_URLS], []),
    }
    for role, (allowed, refused) in expected.items():
        async with client(app, people[role]) as browser:
            for url in allowed:
                response = await browser.get(url, follow_redirects=True)
                assert response.status_code == 200, (role, url)
                assert '{"spa":' not in response.text, f"{url} fell through to the catch-all"
            for url in refused:
                assert (await browser.get(url)).status_code == 403, (role, url)
    async with client(app, people["reviewer"]) as reviewer:
        page = await reviewer.get(transcript)
        assert (
            "Start with your mission." in page.text and "What should my mission say?" in page.text
        )
        assert (await reviewer.get("/console/conversations/nope")).status_code == 404
        assert (await reviewer.get("/console/conversations?since=soon")).status_code == 400


async def test_a_disabled_reviewer_loses_access_at_once(
    runtime: Runtime, people: dict[str, str]
) -> None:
    app = console_app(runtime)
    async with client(app, people["reviewer"]) as reviewer:
        assert (await reviewer.get("/console/api/dashboard")).status_code == 200
        await runtime.accounts.set_disabled(people["reviewer"])
        assert (await reviewer.get("/console/api/dashboard")).status_code == 401
    assert await runtime.accounts.authenticate(people["reviewer"], PASSWORD) is None


async def test_admin_manages_users_with_csrf_protected_forms(
    runtime: Runtime, people: dict[str, str]
) -> None:
    app = console_app(runtime)
    newcomer = f"new-{uuid.uuid4().hex[:8]}@example.com"
    async with client(app, people["admin"]) as admin:
        page = await admin.get("/console/users")
        csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
        refused = await admin.post("/console/users", data={"email": newcomer, "role": "coach"})
        assert refused.status_code == 403
        foreign = await admin.post(
            "/console/users",
            data={"email": newcomer, "role": "coach", "csrf": csrf},
            headers={"Origin": "http://evil.example"},
        )
        assert foreign.status_code == 403 and await runtime.accounts.find(newcomer) is None
        added = await admin.post(
            "/console/users", data={"email": newcomer, "role": "coach", "csrf": csrf}
        )
        assert added.status_code == 200 and "Password (shown once)" in added.text
        role = await admin.post(
            "/console/users/role", data={"email": newcomer, "role": "reviewer", "csrf": csrf}
        )
        assert role.status_code == 200
        disabled = await admin.post(
            "/console/users/disabled", data={"email": newcomer, "disabled": "1", "csrf": csrf}
        )
        assert disabled.status_code == 200
        itself = await admin.post(
            "/console/users/disabled", data={"email": people["admin"], "csrf": csrf}
        )
        assert itself.status_code == 400
    account = await runtime.accounts.find(newcomer)
    assert account is not None and account.role == "reviewer" and account.disabled
    admin_account = await runtime.accounts.find(people["admin"])
    assert admin_account is not None and not admin_account.disabled


async def test_metrics_need_the_token_or_a_reviewer(
    runtime: Runtime, people: dict[str, str]
) -> None:
    latency = {"route_ms": 4.0, "context_ms": 20.0, "first_token_ms": 90.0, "total_ms": 800.0}
    record_turn("core", "rules", "partial", latency, {"input_tokens": 30, "output_tokens": 7}, 0.1)
    runtime.settings.metrics_token = None
    app = console_app(runtime)
    async with client(app, people["reviewer"]) as reviewer:
        body = (await reviewer.get("/metrics")).text
    assert 'brand_coach_turn_seconds_bucket{le="0.01",persona="core",stage="route"}' in body
    assert "brand_coach_routing_total{method=" in body and "example.com" not in body
    from pydantic import SecretStr

    runtime.settings.metrics_token = SecretStr("scrape-me")
    try:
        async with client(app) as scraper:
            ok = await scraper.get("/metrics", headers={"Authorization": "Bearer scrape-me"})
            bad = await scraper.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert ok.status_code == 200 and "brand_coach_tokens_total" in ok.text
        assert bad.status_code == 401
    finally:
        runtime.settings.metrics_token = None
