"""`brand-coach serve` and `brand-coach db upgrade`."""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import subprocess
import sys

from coach.bootstrap import Runtime, prepare
from coach.cli.common import emit, with_runtime
from coach.config import PROJECT_ROOT, Settings


def auth_secret(settings: Settings) -> str:
    """CHAINLIT_AUTH_SECRET from settings, else the one kept in the data folder (made once)."""
    if settings.auth_secret:
        return settings.auth_secret.get_secret_value()
    path = settings.data_dir / "auth_secret"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Migrate, load shipped knowledge, create the first admin, then run the Chainlit app."""
    host, port = args.host or settings.host, args.port or settings.port

    async def setup(runtime: Runtime) -> int:
        credentials = await prepare(runtime)
        if credentials:
            print("First run: created an admin account (shown only this once).", flush=True)
            print(f"email: {credentials[0]}", flush=True)
            print(f"password: {credentials[1]}", flush=True)
        return 0

    asyncio.run(with_runtime(settings, setup))
    mode = "OpenAI-compatible model" if settings.llm_configured else "offline coach (no LLM key)"
    print(f"Brand Coach on http://{host}:{port} — {mode}", flush=True)
    # Chainlit reads CI=true as `--ci` and then plants a fake OPENAI_API_KEY, which would switch
    # the app from the offline coach to a model that does not exist; never pass it on.
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env |= {"CHAINLIT_AUTH_SECRET": auth_secret(settings), "CHAINLIT_APP_ROOT": str(PROJECT_ROOT)}
    command = [
        sys.executable,
        "-m",
        "chainlit",
        "run",
        str(PROJECT_ROOT / "app.py"),
        "--headless",
        "--host",
        host,
        "--port",
        str(port),
    ]
    child = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env)
    signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.terminate()
        return child.wait()


def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    """Migrate the configured database to the newest schema."""

    async def work(runtime: Runtime) -> int:
        emit(args, {"status": "ok", "revision": "head"}, "Database is at the newest schema.")
        return 0

    return asyncio.run(with_runtime(settings, work))
