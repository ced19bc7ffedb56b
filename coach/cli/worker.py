"""`brand-coach worker`: the memory worker on its own (the app starts one itself)."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from typing import Any

from coach.config import Settings
from coach.memory.worker import run


def add_worker_parser(sub: Any) -> None:
    """`brand-coach worker [--nice N] [--parent PID]`."""
    worker = sub.add_parser(
        "worker",
        help="run the memory worker: remember turns and read documents after replies are sent",
    )
    worker.add_argument(
        "--nice", type=int, default=0, help="lower the CPU priority by this much (0-19)"
    )
    worker.add_argument(
        "--parent",
        type=int,
        help="the pid of the process that started this one (the app): stop if it goes away",
    )
    worker.set_defaults(func=cmd_worker)


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    """Work through the job queue until stopped (SIGTERM finishes the job in hand)."""
    if not 0 <= args.nice <= 19:
        print("brand-coach worker: --nice must be between 0 and 19.", file=sys.stderr)
        return 2
    if args.parent is not None and args.parent != os.getppid():
        print(
            f"brand-coach worker: --parent {args.parent} is not the process that started this "
            f"one (pid {os.getppid()}).",
            file=sys.stderr,
        )
        return 2
    asyncio.run(run(settings, nice=args.nice, parent=args.parent))
    return 0
