"""The `brand-coach` command: serve the app, chat in the terminal, route, manage users."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from coach.cli.chat import cmd_chat
from coach.cli.export import add_export_parser
from coach.cli.kb import add_kb_parser
from coach.cli.memory import add_memory_parser
from coach.cli.personas import add_personas_parser
from coach.cli.route import cmd_route
from coach.cli.serve import cmd_db_upgrade, cmd_serve
from coach.cli.users import add_users_parser, cmd_users_add
from coach.cli.worker import add_worker_parser
from coach.config import load_settings
from coach.errors import CoachError


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
    route.add_argument("text", nargs="*", help='a message, or "corrections" to export redirects')
    route.add_argument("--previous", help="slug of the specialist who answered last")
    route.add_argument("--jsonl", action="store_true", help='read {"id","message"} lines on stdin')
    route.set_defaults(func=cmd_route)

    add_personas_parser(sub)
    add_kb_parser(sub)
    add_memory_parser(sub)

    users = sub.add_parser("users", help="manage accounts")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    add = users_sub.add_parser("add", help="create an account")
    add.add_argument("email")
    add.add_argument("--role", default="member", choices=["member", "coach", "reviewer", "admin"])
    add.add_argument("--password", help="default: generate one and print it")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=cmd_users_add)
    add_users_parser(users_sub)
    add_export_parser(sub)
    add_worker_parser(sub)
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
