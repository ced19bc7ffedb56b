"""A person logs in, gets a streamed reply from a named specialist, reloads and resumes."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from tests.browser.chat import ASSISTANT, log_in, send, stream_lengths
from tests.browser.conftest import ARTIFACTS, Served, _clean_env, serve, start_process
from tests.conftest import free_port

pytestmark = pytest.mark.browser
FAKE_REPLY = "Your ideal customer is a time-poor studio owner who wants calm, reliable bookings."


@pytest.fixture(scope="module")
def offline_app() -> Iterator[Served]:
    """The product exactly as `make run` starts it: nothing configured."""
    yield from serve()


@dataclass
class ModelServer:
    """The fake model's address and every line it printed (one per request)."""

    url: str
    output: list[str]


@pytest.fixture(scope="module")
def model_server() -> Iterator[ModelServer]:
    """The fake OpenAI-compatible server as its own process."""
    port = free_port()
    process, output = start_process(
        [
            sys.executable,
            "-m",
            "tests.fakes.openai_server",
            "--port",
            str(port),
            "--reply",
            FAKE_REPLY,
        ],
        _clean_env(),
        re.compile(r"^listening on http"),
        timeout=60,
    )
    yield ModelServer(f"http://127.0.0.1:{port}/v1", output)
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="module")
def model_app(model_server: ModelServer) -> Iterator[Served]:
    """The product pointed at the fake model through OPENAI_BASE_URL."""
    yield from serve(OPENAI_BASE_URL=model_server.url)


async def test_offline_reply_streams_from_a_named_specialist_and_resumes(
    offline_app: Served, page: Page
) -> None:
    await log_in(page, offline_app.url, offline_app.email, offline_app.password)
    await expect(page.locator(ASSISTANT).first).to_contain_text("Diagnostic")  # the welcome

    reply = await send(page, "How do I run a SWOT analysis for my brand?")
    assert "Offline mode" in reply and "[1]" in reply
    lengths = await stream_lengths(page)
    assert len(lengths) >= 3 and lengths == sorted(lengths), f"reply did not stream: {lengths}"
    await expect(
        page.locator(ASSISTANT).last.locator('img[alt="Avatar for Diagnostic"]')
    ).to_have_count(1)
    await expect(page.get_by_text("routing to Diagnostic")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "offline-chat.png"))

    await page.reload()
    session = page.locator("#thread-history a[href^='/thread/']").first
    await expect(session).to_contain_text("How do I run a SWOT", timeout=30_000)
    await session.click()
    await expect(page.locator(ASSISTANT).filter(has_text="Offline mode")).to_have_count(
        1, timeout=30_000
    )
    await expect(page.get_by_text("routing to Diagnostic")).to_be_visible()

    follow_up = await send(page, "Who exactly is my ideal customer and what are their pain points?")
    assert "Offline mode" in follow_up and "Avatar" in follow_up
    await expect(
        page.locator(ASSISTANT).last.locator('img[alt="Avatar for Avatar"]')
    ).to_have_count(1)


async def test_reply_streams_from_the_model_through_the_responses_api(
    model_app: Served, model_server: ModelServer, page: Page
) -> None:
    await log_in(page, model_app.url, model_app.email, model_app.password)
    reply = await send(page, "Who is my ideal customer?")
    assert FAKE_REPLY in reply
    assert "Offline mode" not in reply
    assert len(await stream_lengths(page)) >= 3
    await expect(
        page.locator(ASSISTANT).last.locator('img[alt="Avatar for Avatar"]')
    ).to_have_count(1)


async def test_ask_another_specialist_instead(offline_app: Served, page: Page) -> None:
    await log_in(page, offline_app.url, offline_app.email, offline_app.password)
    first = await send(page, "Who is my ideal customer and what are their pain points?")
    assert "Avatar" in first
    replies = await page.locator(ASSISTANT).count()

    await page.locator(ASSISTANT).last.get_by_role("button", name="Ask Canvas instead").click()
    await expect(page.locator(ASSISTANT)).to_have_count(replies + 1, timeout=60_000)
    await page.wait_for_selector("#stop-button", state="detached", timeout=60_000)
    redirected = page.locator(ASSISTANT).last
    await expect(redirected.locator('img[alt="Avatar for Canvas"]')).to_have_count(1)
    await expect(redirected).to_contain_text("Offline mode")
    step = page.get_by_text("routing to Canvas").last
    await expect(step).to_be_visible()
    await step.click()  # open the collapsed routing step to read why
    await expect(page.get_by_text("you asked Canvas instead")).to_be_visible()


LOYALTY_NOTE = """# Loyalty Card Economics

## Stamp cards for bakeries

A ten-stamp loyalty card for a bakery should give away no more than one item in eleven,
or the margin on regulars vanishes. Price the free item at cost when you plan the card.
"""


async def test_coach_uploads_a_document_and_it_is_cited(
    offline_app: Served, page: Page, tmp_path: Path
) -> None:
    document = tmp_path / "loyalty-card-economics.md"
    document.write_text(LOYALTY_NOTE)
    await log_in(page, offline_app.url, offline_app.email, offline_app.password)

    await page.set_input_files("#upload-button-input", str(document))
    await expect(page.locator("#attachments")).to_contain_text(
        "loyalty-card-economics", timeout=30_000
    )
    await page.wait_for_selector("#upload-button", timeout=30_000)  # upload finished
    await page.fill("textarea#chat-input", "/kb canvas")
    await page.keyboard.press("Enter")

    await page.get_by_role("button", name="Canvas", exact=True).click(timeout=60_000)
    await expect(page.get_by_text("loyalty-card-economics.md — added")).to_be_visible(
        timeout=60_000
    )
    listing = page.locator(ASSISTANT).filter(has_text="documents:").last
    await expect(listing).to_contain_text("Loyalty Card Economics")  # the /kb canvas listing

    reply = await send(page, "How should I price a loyalty stamp card for my bakery?")
    assert "Loyalty Card Economics" in reply and "[1]" in reply
    await page.screenshot(path=str(ARTIFACTS / "coach-upload-cited.png"))
