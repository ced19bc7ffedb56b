"""`brand-coach chat`: the terminal chat, through the same engine as the browser."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import uuid
from typing import Any

from coach.bootstrap import Runtime, prepare
from coach.cli.common import with_runtime
from coach.config import Settings
from coach.errors import CoachError
from coach.events import Delta, Done, Failed, Routed


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

    return asyncio.run(with_runtime(settings, work))


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
                    memories=event.memories,
                )
            elif isinstance(event, Failed):
                record.update(reply=event.partial_text, status="failed", error=event.error)
                if not args.json:
                    print(f"\n⚠️  {event.error}", flush=True)
    except CoachError as error:
        record.update(status="error", error=str(error))
        if not args.json:
            print(f"⚠️  {error}", flush=True)
    # The terminal has no background worker between prompts: remember the turn now (after the
    # reply was shown), then put any contradiction to the person.
    await runtime.queue.drain()
    questions = await runtime.memory.profile.questions(user_id)
    record["memory_questions"] = [q.text for q in questions]
    if args.json:
        print(json.dumps(record, default=str), flush=True)
        return
    print("\n", flush=True)
    for question in questions:
        print(f"🧠 {question.text}", flush=True)
        if sys.stdin.isatty():
            accept = input("   update? [y/N] ").strip().lower() == "y"
            await runtime.memory.profile.resolve(user_id, question.fact_id, accept=accept)
            print("   Updated." if accept else "   Kept what I had.", flush=True)
