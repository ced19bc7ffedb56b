"""The `brand-coach` command: serve the app, chat in the terminal, route, manage users."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import secrets
import signal
import subprocess
import sys
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from coach.bootstrap import Runtime, build_runtime, prepare
from coach.config import PROJECT_ROOT, Settings, load_settings
from coach.errors import CoachError
from coach.events import Delta, Done, Failed, Routed
from coach.router import Router
from coach.storage import migrate

logger = logging.getLogger(__name__)


def _emit(args: argparse.Namespace, payload: dict[str, Any], human: str) -> None:
    print(json.dumps(payload, default=str) if getattr(args, "json", False) else human, flush=True)


async def _with_runtime(settings: Settings, work: Callable[[Runtime], Awaitable[int]]) -> int:
    runtime = build_runtime(settings)
    try:
        await migrate.upgrade(runtime.db)
        return await work(runtime)
    finally:
        await runtime.close()


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

    asyncio.run(_with_runtime(settings, setup))
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
        _emit(args, {"status": "ok", "revision": "head"}, "Database is at the newest schema.")
        return 0

    return asyncio.run(_with_runtime(settings, work))


def cmd_route(args: argparse.Namespace, settings: Settings) -> int:
    """Print routing decisions: one message as JSON, or a JSONL batch from stdin."""
    router = Router()
    if args.jsonl:
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                decision = router.route(item["message"], previous=item.get("previous"))
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                print(f'line {number}: expected {{"id", "message"}} ({error})', file=sys.stderr)
                return 2
            print(json.dumps({"id": item.get("id"), **decision.as_dict()}), flush=True)
        return 0
    if not args.text:
        print("Give a message to route, or --jsonl to read a batch from stdin.", file=sys.stderr)
        return 2
    print(json.dumps(router.route(" ".join(args.text), previous=args.previous).as_dict()))
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Chat in the terminal through the same engine as the browser."""

    async def work(runtime: Runtime) -> int:
        await prepare(runtime)
        account = await runtime.accounts.ensure(args.user)
        session_id = args.session or f"cli-{uuid.uuid4()}"
        lines = [args.message] if args.message else None
        if not args.json and lines is None:
            print(
                f"Brand Coach — chatting as {account.email} ({runtime.coach.llm.label}). "
                "Empty line or Ctrl-D to quit.",
                flush=True,
            )
        while True:
            if lines is not None:
                if not lines:
                    return 0
                text = lines.pop()
            else:
                try:
                    text = input("you> ") if sys.stdin.isatty() else sys.stdin.readline()
                except EOFError:
                    return 0
                if not text.strip():
                    return 0
            await _chat_turn(args, runtime, account.id, session_id, text)

    return asyncio.run(_with_runtime(settings, work))


async def _chat_turn(
    args: argparse.Namespace, runtime: Runtime, user_id: uuid.UUID, session_id: str, text: str
) -> None:
    record: dict[str, Any] = {"session_id": session_id, "message": text.strip()}
    try:
        async for event in runtime.coach.respond(user_id=user_id, session_id=session_id, text=text):
            if isinstance(event, Routed):
                record["route"] = event.decision.as_dict()
                record["persona"] = event.persona.name
                if not args.json:
                    print(f"\n{event.persona.name} ({event.decision.reason}):", flush=True)
            elif isinstance(event, Delta) and not args.json:
                print(event.text, end="", flush=True)
            elif isinstance(event, Done):
                record.update(
                    reply=event.text,
                    status="complete",
                    usage=event.usage,
                    latency=event.latency,
                    sources=[{"title": p.title, "heading": p.heading} for p in event.sources],
                )
            elif isinstance(event, Failed):
                record.update(reply=event.partial_text, status="failed", error=event.error)
                if not args.json:
                    print(f"\n⚠️  {event.error}", flush=True)
    except CoachError as error:
        record.update(status="error", error=str(error))
        if not args.json:
            print(f"⚠️  {error}", flush=True)
    if args.json:
        print(json.dumps(record, default=str), flush=True)
    else:
        print("\n", flush=True)


def cmd_users_add(args: argparse.Namespace, settings: Settings) -> int:
    """Create an account; prints a generated password unless one was given."""

    async def work(runtime: Runtime) -> int:
        password = args.password or secrets.token_urlsafe(12)
        account = await runtime.accounts.add(args.email, role=args.role, password=password)
        human = (
            f"Created {account.email} ({account.role}).\n"
            f"email: {account.email}\npassword: {password}"
        )
        _emit(args, {"email": account.email, "role": account.role, "password": password}, human)
        return 0

    return asyncio.run(_with_runtime(settings, work))


def parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    top = argparse.ArgumentParser(prog="brand-coach", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate, load knowledge, run the web app")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(func=cmd_serve)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_sub.add_parser("upgrade", help="migrate to the newest schema")
    upgrade.add_argument("--json", action="store_true")
    upgrade.set_defaults(func=cmd_db_upgrade)

    chat = sub.add_parser("chat", help="chat in the terminal")
    chat.add_argument("--user", required=True, help="your email (created if new)")
    chat.add_argument("--session", help="continue a session id")
    chat.add_argument("--message", "-m", help="send one message and exit")
    chat.add_argument("--json", action="store_true", help="one JSON object per turn")
    chat.set_defaults(func=cmd_chat)

    route = sub.add_parser("route", help="show which specialist takes a message")
    route.add_argument("text", nargs="*")
    route.add_argument("--previous", help="slug of the specialist who answered last")
    route.add_argument("--jsonl", action="store_true", help='read {"id","message"} lines on stdin')
    route.set_defaults(func=cmd_route)

    users = sub.add_parser("users", help="manage accounts")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    add = users_sub.add_parser("add", help="create an account")
    add.add_argument("email")
    add.add_argument("--role", default="member", choices=["member", "coach", "reviewer", "admin"])
    add.add_argument("--password", help="default: generate one and print it")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=cmd_users_add)
    return top


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    logging.basicConfig(
        level=os.environ.get("BRAND_COACH_LOG_LEVEL", "WARNING"),
        format="%(levelname)s %(name)s: %(message)s",
    )
    args = parser().parse_args(argv)
    try:
        return int(args.func(args, load_settings()) or 0)
    except CoachError as error:
        print(f"brand-coach: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
