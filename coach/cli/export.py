"""`brand-coach export`: the replies the console shows, as JSONL (default) or CSV on stdout."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from coach.bootstrap import Runtime
from coach.cli.common import with_runtime
from coach.config import Settings
from coach.review import export
from coach.review.console import Review
from coach.review.filters import ReviewFilter


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    """Write every reply matching the filters, newest first, with the same fields as the console."""
    flt = ReviewFilter.from_params(
        {
            "since": args.since or "",
            "until": args.until or "",
            "person": args.person or "",
            "persona": args.persona or "",
            "feedback": args.feedback or "",
            "status": args.status or "",
            "misrouted": "1" if args.misrouted else "",
            "q": args.text or "",
        }
    )

    async def work(runtime: Runtime) -> int:
        async for chunk in export.encode(Review(runtime.db).export(flt), args.format):
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return 0

    return asyncio.run(with_runtime(settings, work))


def add_export_parser(sub: Any) -> None:
    """`brand-coach export [--since DATE] [--format jsonl|csv]` and the console's filters."""
    parser = sub.add_parser("export", help="export replies with their routing, sources and cost")
    parser.add_argument("--since", help="first UTC day, e.g. 2025-01-31")
    parser.add_argument("--until", help="last UTC day (inclusive)")
    parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    parser.add_argument("--jsonl", action="store_const", const="jsonl", dest="format")
    parser.add_argument("--person", help="email or name contains")
    parser.add_argument("--persona", help="specialist slug")
    parser.add_argument("--feedback", choices=["up", "down", "rated", "unrated"])
    parser.add_argument("--status", choices=["failed", "partial", "problem"])
    parser.add_argument("--misrouted", action="store_true", help="only corrected routings")
    parser.add_argument("--text", help="words in the question or the reply")
    parser.set_defaults(func=cmd_export)
