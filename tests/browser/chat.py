"""What a person does in the chat page, as Playwright steps."""

from __future__ import annotations

from playwright.async_api import Page

ASSISTANT = '.step[data-step-type="assistant_message"]'

# Records every length the newest reply's text goes through, to prove it streamed.
WATCH_STREAM = """() => {
  window.__lengths = [];
  const seen = document.querySelectorAll(SELECTOR).length;
  const observer = new MutationObserver(() => {
    const replies = document.querySelectorAll(SELECTOR);
    if (replies.length > seen) {
      const length = replies[replies.length - 1].innerText.length;
      if (window.__lengths[window.__lengths.length - 1] !== length) window.__lengths.push(length);
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
}""".replace("SELECTOR", repr(ASSISTANT))


async def log_in(page: Page, url: str, email: str, password: str) -> None:
    """Log in and wait for the welcome message."""
    await page.goto(f"{url}/login")
    await page.fill("input#email", email)
    await page.fill("input#password", password)
    await page.keyboard.press("Enter")
    await page.wait_for_selector(ASSISTANT, timeout=60_000)


async def send(page: Page, text: str) -> str:
    """Send a message; return the text of the reply once it has stopped changing."""
    before = await page.locator(ASSISTANT).count()
    await page.evaluate(WATCH_STREAM)
    await page.fill("textarea#chat-input", text)
    await page.keyboard.press("Enter")
    await page.wait_for_function(
        f"document.querySelectorAll({ASSISTANT!r}).length > {before}", timeout=60_000
    )
    reply = page.locator(ASSISTANT).last
    # The turn is over when the composer's stop button is gone and the text is stable.
    await page.wait_for_selector("#stop-button", state="detached", timeout=60_000)
    return await reply.inner_text()


async def stream_lengths(page: Page) -> list[int]:
    """The successive lengths the last reply went through while streaming."""
    return list(await page.evaluate("window.__lengths"))
