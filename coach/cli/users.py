"""`brand-coach users`: accounts."""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
from typing import Any

from coach.accounts import Account
from coach.bootstrap import Runtime
from coach.cli.common import emit, with_runtime
from coach.config import Settings
from coach.storage.models import ROLES


def cmd_users_add(args: argparse.Namespace, settings: Settings) -> int:
    """Create an account; prints a generated password unless one was given."""

    async def work(runtime: Runtime) -> int:
        password = args.password or secrets.token_urlsafe(12)
        account = await runtime.accounts.add(args.email, role=args.role, password=password)
        human = (
            f"Created {account.email} ({account.role}).\n"
            f"email: {account.email}\npassword: {password}"
        )
        emit(args, {"email": account.email, "role": account.role, "password": password}, human)
        return 0

    return asyncio.run(with_runtime(settings, work))


def _record(account: Account) -> dict[str, object]:
    return {
        "email": account.email,
        "role": account.role,
        "disabled": account.disabled,
        "created_at": account.created_at.isoformat() if account.created_at else None,
    }


def cmd_users_list(args: argparse.Namespace, settings: Settings) -> int:
    """Every account with its role and whether it can log in."""

    async def work(runtime: Runtime) -> int:
        accounts = await runtime.accounts.all()
        if args.json:
            print(json.dumps([_record(a) for a in accounts]))
            return 0
        for a in accounts:
            print(f"{a.email:<40} {a.role:<9} {'disabled' if a.disabled else 'active'}")
        return 0

    return asyncio.run(with_runtime(settings, work))


def cmd_users_set_role(args: argparse.Namespace, settings: Settings) -> int:
    """Give an account another role."""

    async def work(runtime: Runtime) -> int:
        account = await runtime.accounts.set_role(args.email, args.role)
        emit(args, _record(account), f"{account.email} is now {account.role}.")
        return 0

    return asyncio.run(with_runtime(settings, work))


def cmd_users_disable(args: argparse.Namespace, settings: Settings) -> int:
    """Stop an account from logging in (`--enable` lets it in again); its history is kept."""

    async def work(runtime: Runtime) -> int:
        account = await runtime.accounts.set_disabled(args.email, disabled=not args.enable)
        state = "disabled" if account.disabled else "enabled"
        emit(args, _record(account), f"{account.email} is {state}.")
        return 0

    return asyncio.run(with_runtime(settings, work))


def add_users_parser(users_sub: Any) -> None:
    """`users list`, `users set-role` and `users disable` (beside `users add`)."""
    listing = users_sub.add_parser("list", help="every account")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_users_list)
    role = users_sub.add_parser("set-role", help="change an account's role")
    role.add_argument("email")
    role.add_argument("role", choices=list(ROLES))
    role.add_argument("--json", action="store_true")
    role.set_defaults(func=cmd_users_set_role)
    disable = users_sub.add_parser("disable", help="stop an account from logging in")
    disable.add_argument("email")
    disable.add_argument("--enable", action="store_true", help="let it log in again")
    disable.add_argument("--json", action="store_true")
    disable.set_defaults(func=cmd_users_disable)
