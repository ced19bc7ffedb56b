"""`brand-coach route`: routing decisions for one message or a JSONL batch."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from coach.bootstrap import Runtime
from coach.cli.common import jsonl_records, with_runtime
from coach.config import Settings
from coach.knowledge.embeddings import MiniLMEmbedder
from coach.routing import Router
from coach.routing.classifier import ExampleClassifier
from coach.storage import personas as personas_repo


def cmd_route(args: argparse.Namespace, settings: Settings) -> int:
    """Print routing decisions: one message as JSON, or a JSONL batch from stdin.

    `brand-coach route corrections` instead exports the redirects people made in the chat.
    """
    if args.text == ["corrections"]:
        return asyncio.run(with_runtime(settings, lambda runtime: _corrections(args, runtime)))
    if not args.jsonl and not args.text:
        print("Give a message to route, or --jsonl to read a batch from stdin.", file=sys.stderr)
        return 2
    return asyncio.run(_route(args))


async def _route(args: argparse.Namespace) -> int:
    router = Router(ExampleClassifier(MiniLMEmbedder()))
    if not args.jsonl:
        decision = await router.route(" ".join(args.text), previous=args.previous)
        print(json.dumps(decision.as_dict()))
        return 0
    for item in jsonl_records(sys.stdin, required=("id", "message")):
        decision = await router.route(item["message"], previous=item.get("previous"))
        print(json.dumps({"id": item.get("id"), **decision.as_dict()}), flush=True)
    return 0


async def _corrections(args: argparse.Namespace, runtime: Runtime) -> int:
    """Every routing correction as {"id","message","routed","corrected","how","at"}."""
    async with runtime.db.session() as session:
        rows = await personas_repo.corrections(session)
    for correction, message in rows:
        record = {
            "id": str(correction.message_id),
            "message": message,
            "routed": correction.routed,
            "corrected": correction.corrected,
            "how": correction.how,
            "at": correction.created_at.isoformat(),
        }
        if args.jsonl:
            print(json.dumps(record), flush=True)
        else:
            print(
                f"{record['at'][:16]}  {correction.routed:>10} → {correction.corrected:<10} "
                f"{message[:70]}"
            )
    if not rows and not args.jsonl:
        print("No routing corrections yet.")
    return 0
