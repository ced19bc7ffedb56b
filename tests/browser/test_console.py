"""A reviewer finds yesterday's thumbs-down replies from one specialist, reads one, exports them.

The app is `brand-coach serve` as a subprocess on a database of the test's own (a second client
of the same embedded server), seeded once the app has migrated it; people log in through
Chainlit's login, so the console's routes, their place before the catch-all and the login
cookie are all the real ones.
"""

from __future__ import annotations

import asyncio
import json
import random
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, expect

from coach.accounts import Accounts
from coach.storage.db import Database
from coach.storage.embedded import embedded_database_url
from tests.browser.conftest import ARTIFACTS, Served, serve
from tests.review.seed import DOCUMENTS, random_replies, source, store, store_documents

pytestmark = pytest.mark.browser
PASSWORD = "reviewer password 123"
TAG = uuid.uuid4().hex[:6]
REVIEWER = f"reviewer-{TAG}@example.com"
MEMBER = f"member-{TAG}@example.com"


@dataclass
class Console:
    """The served app and what was seeded into it."""

    app: Served
    yesterday: str
    target: str
    expected: list[str]


async def _seed(url: str) -> tuple[str, str, list[str]]:
    """A reviewer; a member with twelve replies yesterday and three older; a canvas base."""
    db = Database.connect(url)
    accounts = Accounts(db)
    await accounts.add(REVIEWER, role="reviewer", password=PASSWORD)
    member = await accounts.add(MEMBER, role="member", password=PASSWORD)
    people = [(member.id, member.email)]
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    replies = random_replies(random.Random(5), people, yesterday, 1, 12)
    for n, reply in enumerate(replies):
        reply.persona = ("canvas", "avatar", "core")[n % 3]
        reply.feedback = 0 if n % 2 == 0 else 1
        reply.status, reply.correction = "complete", None
        reply.sources = [source(1, reply.persona, DOCUMENTS[reply.persona][0])]
        reply.reason = f"pricing words point to Canvas (case {n})"
    target = replies[0]  # canvas, thumbs down
    target.question = "How should I price my bakery workshop?"
    target.comment = "too generic for a bakery"
    older = random_replies(random.Random(6), people, yesterday - timedelta(days=3), 1, 3)
    for reply in older:
        reply.persona, reply.feedback = "canvas", 0
    await store(db, replies + older)
    await store_documents(db, "canvas", DOCUMENTS["canvas"])
    await db.close()
    expected = [str(r.id) for r in replies if r.persona == "canvas" and r.feedback == 0]
    return yesterday.isoformat(), str(target.id), expected


@pytest.fixture(scope="module")
def console() -> Iterator[Console]:
    """The product without shipped knowledge (the console does not need it), then seeded."""
    folder = Path(tempfile.mkdtemp(prefix="bc-console-", dir="/tmp"))
    empty = Path(tempfile.mkdtemp(prefix="bc-no-knowledge-", dir="/tmp"))
    url = embedded_database_url(folder)
    for app in serve(DATABASE_URL=url, BRAND_COACH_KNOWLEDGE_DIR=str(empty)):
        yield Console(app, *asyncio.run(_seed(url)))


async def _log_in(page: Page, url: str, email: str) -> None:
    await page.goto(f"{url}/login")
    await page.fill("input#email", email)
    await page.fill("input#password", PASSWORD)
    await page.keyboard.press("Enter")
    await page.wait_for_url(lambda u: "/login" not in u, timeout=60_000)


async def test_reviewer_filters_reads_a_transcript_and_exports(
    console: Console, page: Page
) -> None:
    url = console.app.url
    await _log_in(page, url, REVIEWER)
    await page.goto(f"{url}/console/conversations")
    await page.fill("input[name=since]", console.yesterday)
    await page.fill("input[name=until]", console.yesterday)
    await page.select_option("select[name=feedback]", "down")
    await page.select_option("select[name=persona]", "canvas")
    await page.click("#apply-filters")
    await expect(page.locator("tr.reply-row")).to_have_count(len(console.expected))
    await expect(page.locator("#match-count")).to_have_text(str(len(console.expected)))

    await page.locator(f'a.open[href$="#reply-{console.target}"]').click()
    reply = page.locator(f"#reply-{console.target}")
    await expect(reply.locator(".routing")).to_contain_text(
        "pricing words point to Canvas (case 0)"
    )
    await expect(reply.locator(".routing")).to_contain_text("Canvas — confidence")
    await expect(reply.locator(".sources")).to_contain_text("Pricing Basics")
    await expect(reply.locator(".feedback")).to_contain_text("too generic for a bakery")
    await expect(
        page.get_by_text("How should I price my bakery workshop?", exact=True)
    ).to_be_visible()

    await page.go_back()
    async with page.expect_download() as download_info:
        await page.click("#export-jsonl")
    download = await download_info.value
    records = [json.loads(line) for line in Path(await download.path()).read_text().splitlines()]
    assert sorted(r["reply_id"] for r in records) == sorted(console.expected)
    assert {(r["persona"], r["feedback"]) for r in records} == {("canvas", "down")}

    await page.goto(f"{url}/console/dashboard")
    await expect(page.locator("svg.chart")).to_have_count(7)
    await expect(page.locator("#documents-table")).to_contain_text("Pricing Basics")
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)


def test_a_member_is_refused_the_console_exports_and_others_threads(console: Console) -> None:
    url = console.app.url
    with httpx.Client(base_url=url) as reviewer:
        assert reviewer.post("/login", data={"username": REVIEWER, "password": PASSWORD}).is_success
        assert reviewer.get("/console/export.csv").status_code == 200
        listing = reviewer.get("/console/conversations", params={"person": MEMBER})
        session_id = listing.text.split("/console/conversations/")[1].split("#")[0]
    with httpx.Client(base_url=url) as member:
        assert member.post("/login", data={"username": MEMBER, "password": PASSWORD}).is_success
        for path in (
            "/console",
            "/console/conversations",
            f"/console/conversations?since={console.yesterday}&feedback=down",
            f"/console/conversations/{session_id}",
            "/console/dashboard",
            "/console/api/dashboard",
            "/console/export.jsonl",
            "/console/export.csv?feedback=down",
            "/console/kb",
            "/console/kb/canvas",
            "/console/users",
            "/metrics",
        ):
            assert member.get(path).status_code == 403, path
        # Chainlit's own thread API: the member reads their session, nobody else does.
        assert member.get(f"/project/thread/{session_id}").status_code == 200
    with httpx.Client(base_url=url) as reviewer:
        reviewer.post("/login", data={"username": REVIEWER, "password": PASSWORD})
        foreign = reviewer.get(f"/project/thread/{session_id}")
        assert foreign.status_code in (401, 403, 404) and "question" not in foreign.text
    with httpx.Client(base_url=url) as stranger:
        assert stranger.get("/console/export.csv").status_code == 401
        page = stranger.get("/console/dashboard", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/login"
