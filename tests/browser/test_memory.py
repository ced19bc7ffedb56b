"""A member tells the coach about their business; a new session knows it and says so; a
contradiction is asked about, and the answer shows in `/memory` with the old value kept as history.

The app is `brand-coach serve` as a subprocess on a database of the test's own (as in
test_console), where a member account is added once the app has migrated it. Every fact comes
from the offline rules extractor in the durable `remember` job that runs after each reply.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.async_api import Browser, BrowserContext, Locator, Page, expect

from coach.accounts import Accounts
from coach.storage.db import Database
from coach.storage.embedded import embedded_database_url
from tests.browser.chat import ASSISTANT, log_in, send
from tests.browser.conftest import ARTIFACTS, Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "member password 123"
MEMBER = f"priya-{uuid.uuid4().hex[:6]}@example.com"
UPLOADER = f"mara-{uuid.uuid4().hex[:6]}@example.com"
USER_MESSAGE = '.step[data-step-type="user_message"]'
ROUTING_STEP = '.step[data-step-type="tool"]'
HEADINGS = ("You", "Your business", "Your market", "Direction")  # as `/memory` groups facts

NewPage = Callable[[], Awaitable[Page]]


@dataclass
class MemberApp:
    """The served app and the member who logs in to it."""

    app: Served
    email: str


async def _add_members(url: str) -> None:
    db = Database.connect(url)
    for email in (MEMBER, UPLOADER):
        await Accounts(db).add(email, role="member", password=PASSWORD)
    await db.close()


@pytest.fixture(scope="module")
def member_app() -> Iterator[MemberApp]:
    """The product as `make run` starts it (offline, shipped knowledge) plus two members."""
    folder = Path(tempfile.mkdtemp(prefix="bc-memory-", dir="/tmp"))
    url = embedded_database_url(folder)
    for app in serve(DATABASE_URL=url):
        asyncio.run(_add_members(url))
        yield MemberApp(app, MEMBER)


@pytest.fixture
async def new_browser(browser: Browser) -> AsyncIterator[NewPage]:
    """Opens a page in a fresh browser context (no cookies, no storage) each time it is called."""
    contexts: list[BrowserContext] = []

    async def open_page() -> Page:
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return await context.new_page()

    yield open_page
    for context in contexts:
        await context.close()


def sections(text: str) -> dict[str, list[str]]:
    """The lines of a `/memory` message under each group heading (a heading is a whole line)."""
    grouped: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in (raw.strip() for raw in text.splitlines()):
        if line in HEADINGS:
            current = grouped.setdefault(line, [])
        elif line.startswith("/memory"):  # the help line closes the listing
            current = None
        elif line and current is not None:
            current.append(line)
    return grouped


def line_of(lines: list[str], start: str) -> str:
    """The one line that starts with `start`."""
    found = [line for line in lines if line.startswith(start)]
    assert len(found) == 1, f"expected exactly one line starting {start!r} in {lines}"
    return found[0]


async def show_memory(page: Page, *, until: str, timeout: float = 30) -> Locator:
    """Send `/memory` until its message contains `until`; return that message. Facts come from
    a background job after the reply, so an early look may not have them yet."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        text = await send(page, "/memory")
        if until in text:
            message = page.locator(ASSISTANT).last
            await expect(message).to_contain_text("What I remember about you")
            return message
        assert loop.time() < deadline, f"/memory never showed {until!r}:\n{text}"
        await page.wait_for_timeout(500)  # poll again: the job has not landed yet


async def test_facts_from_one_session_are_remembered_and_used_in_the_next(
    member_app: MemberApp, new_browser: NewPage
) -> None:
    url = member_app.app.url

    # Session 1: the member states facts about themselves and their business.
    page = await new_browser()
    await log_in(page, url, member_app.email, PASSWORD)
    first = await send(page, "Hi, I'm Priya and I run a candle studio called Wick & Wild in Leeds.")
    assert "Offline mode" in first
    await send(page, "My ideal customer is busy nurses who want a calm evening ritual.")

    memory = await show_memory(page, until="Ideal customers: busy nurses")
    grouped = sections(await memory.inner_text())
    line_of(grouped["You"], "Name: Priya · since ")
    line_of(grouped["You"], "Locations: ")  # one location: Leeds
    line_of(grouped["You"], "Locations: Leeds · since ")
    line_of(grouped["Your business"], "Business name: Wick & Wild · since ")
    line_of(grouped["Your market"], "Ideal customers: busy nurses who want a calm evening ritual")
    for heading in ("You", "Your business", "Your market"):  # rendered in italics, as headings
        await expect(
            memory.locator("span.italic", has_text=re.compile(f"^{heading}$"))
        ).to_have_count(1)
    await expect(memory.get_by_role("button", name="🗑️ Locations: Leeds")).to_be_visible()
    first_thread = page.url
    assert "/thread/" in first_thread
    await page.context.close()

    # Session 2: another browser, a new login, a new conversation showing none of session 1.
    page = await new_browser()
    await log_in(page, url, member_app.email, PASSWORD)
    await expect(page.locator(ASSISTANT)).to_have_count(1)
    await expect(page.locator(ASSISTANT).first).to_contain_text("Welcome to Brand Coach")
    await expect(page.locator(USER_MESSAGE)).to_have_count(0)
    await expect(page.locator(".step").filter(has_text="Wick & Wild")).to_have_count(0)

    recall = await send(page, "What's my business called?")
    assert "Here's what you've told me:" in recall and "Business name: Wick & Wild" in recall
    assert "/thread/" in page.url and page.url != first_thread  # a thread of its own
    step = page.locator(ROUTING_STEP).last
    await step.get_by_role("button", name=re.compile(r"routing to \w+$")).click()  # expand it
    await expect(step).to_contain_text("Memories used:", timeout=10_000)
    used = step.get_by_role("listitem").filter(has_text=re.compile(r"^profile: "))
    for value in (
        "Name: Priya",
        "Business name: Wick & Wild",
        "Locations: Leeds",
        "Ideal customers: busy nurses who want a calm evening ritual",
    ):
        await expect(used).to_contain_text(value)

    tagline = await send(page, "Help me write a tagline")
    assert re.search(
        r"^Priya, I'm keeping in mind what you've told me — .*(Wick & Wild|busy nurses)",
        tagline,
        re.MULTILINE,
    ), tagline

    # A bare contradiction (no "moved"/"now", which would update at once): the coach asks.
    await send(page, "Our studio is based in York.")
    question = page.locator(ASSISTANT).filter(has_text="Shall I update it?")
    await expect(question).to_have_count(1, timeout=15_000)
    await expect(question).to_contain_text(
        "you told me your location was “Leeds”; today you said “York”. Shall I update it?"
    )
    yes = question.get_by_role("button", name="Yes, update it")
    no = question.get_by_role("button", name="No, keep what you had")
    await expect(no).to_be_visible()
    await yes.click()
    await expect(
        page.locator(ASSISTANT).filter(has_text="Updated — Locations: “York”.")
    ).to_have_count(1, timeout=15_000)
    await expect(yes).to_have_count(0)  # answered: neither button is left to press
    await expect(no).to_have_count(0)

    memory = await show_memory(page, until="Locations: York")
    you = sections(await memory.inner_text())["You"]
    line_of(you, "Locations: York · since ")
    # Leeds stays as history: struck through and dated from-to instead of "since".
    await expect(memory.locator("del", has_text=re.compile("^Locations: Leeds$"))).to_have_count(1)
    retired = line_of(you, "Locations: Leeds · ")
    assert re.fullmatch(r"Locations: Leeds · \d{2} \w{3} \d{4} – \d{2} \w{3} \d{4}", retired)
    await expect(memory.get_by_role("button", name="✏️ Locations: York")).to_be_visible()
    await expect(memory.get_by_role("button", name="✏️ Locations: Leeds")).to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    await page.set_viewport_size({"width": 1280, "height": 1400})  # the whole listing in view
    await memory.scroll_into_view_if_needed()
    await page.screenshot(path=str(ARTIFACTS / "memory.png"))


BRIEF = """# Brand brief

Our company is called Saltmarsh Candles and we are based in Whitby.

We make hand-poured soy candles scented like the North Sea coast. Every jar is reused from a
local café.
"""


async def test_a_members_own_document_is_read_after_upload_and_its_facts_await_an_ok(
    member_app: MemberApp, new_browser: NewPage, tmp_path: Path
) -> None:
    """The app's memory worker (a process of its own) reads the brief while the member waits;
    what it proposes is asked about, not stored."""
    brief = tmp_path / "brand-brief.md"
    brief.write_text(BRIEF)
    page = await new_browser()
    await log_in(page, member_app.app.url, UPLOADER, PASSWORD)
    await page.set_input_files("#upload-button-input", str(brief))
    await expect(page.locator("#attachments")).to_contain_text("brand-brief", timeout=30_000)
    await page.wait_for_selector("#upload-button", timeout=30_000)  # upload finished
    await page.fill("textarea#chat-input", "Here is my brand brief.")
    await page.keyboard.press("Enter")

    report = page.locator(ASSISTANT).filter(has_text="brand-brief.md —")
    await expect(report).to_contain_text(
        re.compile(r"✅ brand-brief\.md — [1-9]\d* passages remembered, [1-9]\d* facts to confirm"),
        timeout=60_000,
    )
    question = page.locator(ASSISTANT).filter(
        has_text="From your document — Business name: “Saltmarsh Candles”. Shall I remember it?"
    )
    await expect(question).to_have_count(1, timeout=15_000)
    await page.wait_for_selector("#stop-button", state="detached", timeout=60_000)  # turn over
    memory = await show_memory(page, until="Saltmarsh Candles")
    business = sections(await memory.inner_text())["Your business"]
    line = line_of(business, "Business name: Saltmarsh Candles · since ")
    assert line.endswith("waiting for your OK")  # proposed, not yet remembered
