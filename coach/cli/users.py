"""`brand-coach users`: accounts."""

from __future__ import annotations

import argparse
import asyncio
import secrets

from coach.bootstrap import Runtime
from coach.cli.common import emit, with_runtime
from coach.config import Settings


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
