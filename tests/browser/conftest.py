"""`brand-coach serve` as a subprocess on a fresh embedded database, and Debian's chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright

from coach.config import PROJECT_ROOT
from tests.conftest import free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT_ROOT / "test-artifacts"


@dataclass
class Served:
    """A running app: where it is, the admin it printed, and everything it said."""

    url: str
    email: str
    password: str
    output: list[str] = field(default_factory=list)


def _clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("OPENAI_", "DATABASE_URL", "REDIS_URL", "BRAND_COACH_", "CHAINLIT_"))
    }
    return {**env, **extra}


def start_process(
    command: list[str], env: dict[str, str], ready: re.Pattern[str], timeout: float = 240
) -> tuple[subprocess.Popen[str], list[str]]:
    """Start a process and wait until a line of its output matches `ready`."""
    process = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    seen = threading.Event()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip())
            if ready.search(line):
                seen.set()

    threading.Thread(target=pump, daemon=True).start()
    if not seen.wait(timeout):
        process.kill()
        raise AssertionError("process never became ready:\n" + "\n".join(lines[-40:]))
    return process, lines


def wait_http(url: str, timeout: float = 60) -> None:
    """Block until `url` answers 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


def serve(**extra_env: str) -> Iterator[Served]:
    """Run `brand-coach serve` with nothing configured but a data folder and a port."""
    data_dir = Path(tempfile.mkdtemp(prefix="bc-serve-", dir="/tmp"))
    port = free_port()
    # CI=true always, as in CI: Chainlit reacts to it (see cmd_serve), and the app must not.
    env = _clean_env(
        BRAND_COACH_DATA_DIR=str(data_dir), BRAND_COACH_PORT=str(port), CI="true", **extra_env
    )
    command = [str(Path(sys.executable).parent / "brand-coach"), "serve"]
    process, lines = start_process(command, env, re.compile(r"^Brand Coach on http"))
    try:
        text = "\n".join(lines)
        email = re.search(r"^email: (\S+)$", text, re.MULTILINE)
        password = re.search(r"^password: (\S+)$", text, re.MULTILINE)
        assert email and password, f"no credentials printed:\n{text}"
        url = f"http://127.0.0.1:{port}"
        wait_http(f"{url}/login")
        yield Served(url, email.group(1), password.group(1), lines)
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """Debian's chromium, headless."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    """A fresh browser context and page."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    yield await context.new_page()
    await context.close()
