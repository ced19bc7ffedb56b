"""`brand-coach memory import|search|show|export|forget`: what the coach remembers."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from tqdm import tqdm

from coach.bootstrap import Runtime
from coach.cli.common import emit, jsonl_records, with_runtime
from coach.config import Settings
from coach.errors import InvalidInput, NotFound
from coach.memory.facts import GROUPS, label


async def _person(runtime: Runtime, email: str, *, create: bool = False) -> Any:
    account = await (runtime.accounts.ensure(email) if create else runtime.accounts.find(email))
    if account is None:
        raise NotFound(f"There is no account {email!r}.")
    return account


async def _import(args: argparse.Namespace, runtime: Runtime) -> int:
    path = Path(args.path)
    try:
        history = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InvalidInput(f"Could not read {args.path}: {error}") from error
    account = await _person(runtime, args.user, create=True)
    bar = tqdm(unit="turn", desc="embedding", disable=args.json or not sys.stderr.isatty())

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    result = await runtime.memory.import_history(account.id, history, progress=progress)
    bar.close()
    payload = {
        "user": account.email,
        "sessions": result.sessions,
        "turns": result.turns,
        "added": result.items_added,
        "facts": result.facts,
    }
    facts = ", ".join(f"{n} {op}" for op, n in sorted(result.facts.items())) or "none"
    emit(
        args,
        payload,
        f"Imported {result.turns} turns from {result.sessions} sessions for {account.email} "
        f"({result.items_added} new); facts: {facts}.",
    )
    return 0


async def _search(args: argparse.Namespace, runtime: Runtime) -> int:
    account = await _person(runtime, args.user)
    if not args.jsonl:
        if not args.query:
            raise InvalidInput('Give a query, or --jsonl to read {"id","text"} lines on stdin.')
        hits = await runtime.memory.search(account.id, " ".join(args.query), limit=args.limit)
        for n, hit in enumerate(hits, start=1):
            print(f"[{n}] {hit.score:.4f}  {', '.join(hit.turn_ids)}  {hit.text[:140]}")
        return 0
    for item in jsonl_records(sys.stdin, required=("id", "text")):
        hits = await runtime.memory.search(account.id, str(item["text"]), limit=args.limit)
        results = [{"turn_ids": h.turn_ids, "score": h.score} for h in hits]
        print(json.dumps({"id": item["id"], "results": results}), flush=True)
    return 0


async def _show(args: argparse.Namespace, runtime: Runtime) -> int:
    account = await _person(runtime, args.user)
    facts = await runtime.memory.profile.everything(account.id)
    payload = [
        {
            "id": f.id,
            "category": f.category,
            "value": f.value,
            "status": f.status,
            "source": f.source_kind,
            "valid_from": f.valid_from.isoformat(),
            "valid_to": f.valid_to.isoformat() if f.valid_to else None,
        }
        for f in facts
    ]
    lines = [f"What the coach knows about {account.email}:"]
    for group, categories in GROUPS.items():
        rows = [f for f in facts if f.category in categories]
        if not rows:
            continue
        lines.append(f"\n{group}")
        for f in rows:
            dated = f"since {f.valid_from:%d %b %Y}"
            if f.status == "retired":
                dated = f"{f.valid_from:%d %b %Y} – {f.valid_to:%d %b %Y}" if f.valid_to else ""
            mark = {"active": " ", "pending": "?", "retired": "~", "rejected": "x"}[f.status]
            lines.append(f"  {mark} [{f.id}] {label(f.category)}: {f.value}  ({f.status}, {dated})")
    if len(lines) == 1:
        lines.append("  nothing yet")
    emit(args, {"user": account.email, "facts": payload}, "\n".join(lines))
    return 0


async def _export(args: argparse.Namespace, runtime: Runtime) -> int:
    account = await _person(runtime, args.user)
    data = {"user": account.email, **await runtime.memory.export(account.id)}
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"Wrote everything stored about {account.email} to {args.out}.")
    else:
        print(text)
    return 0


async def _forget(args: argparse.Namespace, runtime: Runtime) -> int:
    account = await _person(runtime, args.user)
    what = "the account and everything in it" if args.account else "the profile and memories"
    if not args.yes:
        if not sys.stdin.isatty():
            raise InvalidInput(f"This deletes {what} of {account.email}; add --yes to confirm.")
        if input(f"Delete {what} of {account.email}? [y/N] ").strip().lower() != "y":
            print("Nothing deleted.")
            return 1
    if args.account:
        await runtime.accounts.delete(account.id)
        emit(args, {"user": account.email, "account_deleted": True}, f"Deleted {account.email}.")
        return 0
    counts = await runtime.memory.forget(account.id)
    emit(
        args,
        {"user": account.email, **counts},
        f"Forgot {counts['facts']} facts and {counts['memories']} memories of {account.email}.",
    )
    return 0


def cmd_memory(args: argparse.Namespace, settings: Settings) -> int:
    """Dispatch `brand-coach memory …`."""
    work = {
        "import": _import,
        "search": _search,
        "show": _show,
        "export": _export,
        "forget": _forget,
    }[args.action]
    return asyncio.run(with_runtime(settings, lambda runtime: work(args, runtime)))


def add_memory_parser(sub: Any) -> None:
    """Register `brand-coach memory …`."""
    memory = sub.add_parser("memory", help="a person's memory: import, search, show, forget")
    actions = memory.add_subparsers(dest="action", required=True)
    imp = actions.add_parser("import", help='import {"sessions":[{"started_at","turns":[…]}]}')
    imp.add_argument("path")
    search = actions.add_parser("search", help="search a person's past turns")
    search.add_argument("query", nargs="*")
    search.add_argument("--jsonl", action="store_true", help='read {"id","text"} lines on stdin')
    search.add_argument("--limit", type=int, default=10)
    show = actions.add_parser("show", help="the profile, grouped and dated, with history")
    export = actions.add_parser("export", help="everything stored about a person, as JSON")
    export.add_argument("--out", help="write to this file instead of standard output")
    forget = actions.add_parser("forget", help="delete the profile and memories")
    forget.add_argument("--account", action="store_true", help="delete the whole account")
    forget.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    for action in (imp, search, show, export, forget):
        action.add_argument("--user", required=True, help="the person's email")
        action.add_argument("--json", action="store_true")
        action.set_defaults(func=cmd_memory)
