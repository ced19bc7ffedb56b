"""`brand-coach personas show|edit|history|rollback`: the specialists' definitions."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from coach.bootstrap import Runtime
from coach.cli.common import emit, with_runtime
from coach.config import Settings
from coach.errors import InvalidInput
from coach.personas import SLUGS, Persona


def _definition(persona: Persona) -> str:
    header = [
        f"slug: {persona.slug}",
        f"name: {persona.name}",
        f"title: {persona.title}",
        f"description: {persona.description}",
        f"temperature: {persona.temperature}",
    ]
    if persona.model:
        header.append(f"model: {persona.model}")
    return "---\n" + "\n".join(header) + "\n---\n" + persona.instructions + "\n"


def _edit_in_editor(text: str) -> str:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor or not sys.stdin.isatty():
        raise InvalidInput("No editor available: pass --file PATH (or - for stdin), or set EDITOR.")
    with tempfile.NamedTemporaryFile("w+", suffix=".md", delete=False) as handle:
        handle.write(text)
    try:
        subprocess.run([*editor.split(), handle.name], check=True)
        return Path(handle.name).read_text()
    finally:
        os.unlink(handle.name)


def cmd_personas(args: argparse.Namespace, settings: Settings) -> int:
    """Show, edit, list the versions of, or roll back a specialist's definition."""

    async def work(runtime: Runtime) -> int:
        store = runtime.coach.personas
        if args.action == "show":
            persona, source = await store.show(args.slug)
            payload: Any = {
                "slug": persona.slug,
                "source": source,
                "definition": _definition(persona),
            }
            emit(args, payload, f"# {persona.name} ({source})\n\n{_definition(persona)}")
        elif args.action == "edit":
            current, _ = await store.show(args.slug)
            if args.file == "-":
                text = sys.stdin.read()
            elif args.file:
                text = Path(args.file).read_text()
            else:
                text = _edit_in_editor(_definition(current))
            version = await store.edit(args.slug, text, author=args.author, note=args.note)
            emit(
                args,
                {"slug": args.slug, "version": version},
                f"{args.slug} is now version {version}; the app uses it from the next message.",
            )
        elif args.action == "history":
            versions = await store.history(args.slug)
            rows: list[dict[str, Any]] = [
                {
                    "version": v.version,
                    "author": v.author,
                    "note": v.note,
                    "created_at": v.created_at.isoformat(),
                }
                for v in versions
            ]
            lines = [
                f"v{r['version']:<4} {r['created_at'][:16]}  {r['author'] or '-':<24} "
                f"{r['note'] or ''}"
                for r in rows
            ] + ["v0    built-in definition"]
            emit(args, {"slug": args.slug, "versions": rows}, "\n".join(lines))
        else:
            version = await store.rollback(args.slug, to=args.to, author=args.author)
            emit(
                args,
                {"slug": args.slug, "version": version},
                f"{args.slug} rolled back; the live definition is now version {version}.",
            )
        return 0

    return asyncio.run(with_runtime(settings, work))


def add_personas_parser(sub: Any) -> None:
    """Register `brand-coach personas …`."""
    personas = sub.add_parser("personas", help="show, edit, version or roll back a specialist")
    actions = personas.add_subparsers(dest="action", required=True)
    for name, helptext in [
        ("show", "print the live definition"),
        ("edit", "store a new version (from --file, stdin or $EDITOR)"),
        ("history", "list stored versions"),
        ("rollback", "make an earlier version live again"),
    ]:
        action = actions.add_parser(name, help=helptext)
        action.add_argument("slug", choices=SLUGS)
        action.add_argument("--json", action="store_true")
        if name in ("edit", "rollback"):
            action.add_argument("--author", help="who made the change (shown in history)")
        if name == "edit":
            action.add_argument("--file", help="a persona Markdown file, or - for stdin")
            action.add_argument("--note", help="why it changed")
        if name == "rollback":
            action.add_argument(
                "--to",
                type=int,
                help="version to restore (0 = built-in); default: the one before the live version",
            )
        action.set_defaults(func=cmd_personas)
