"""`brand-coach kb ingest|search|list|delete`: the knowledge bases."""

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
from coach.errors import InvalidInput
from coach.knowledge.library import IngestResult
from coach.knowledge.parsers import ParsedDocument, parse_file


async def _ingest(args: argparse.Namespace, runtime: Runtime) -> int:
    documents: list[ParsedDocument] = []
    rejected: list[tuple[str, str]] = []
    max_bytes = runtime.settings.max_upload_mb * 1_000_000
    for name in args.paths:
        path = Path(name)
        try:
            if not path.is_file():
                raise InvalidInput(f"{name} is not a file.")
            documents += parse_file(path.name, path.read_bytes(), max_bytes=max_bytes)
        except InvalidInput as error:
            rejected.append((name, str(error)))
    bar = tqdm(
        total=len(documents),
        unit="doc",
        desc=f"ingesting into {args.kb}",
        disable=args.json or not sys.stderr.isatty(),
    )
    results: list[IngestResult] = await runtime.library.ingest(
        kb=args.kb, documents=documents, progress=lambda _: bar.update(1)
    )
    bar.close()
    counts = {o: sum(r.outcome == o for r in results) for o in ("added", "replaced", "unchanged")}
    payload = {
        "kb": args.kb,
        **counts,
        "chunks": sum(r.chunks for r in results),
        "rejected": [{"path": p, "error": e} for p, e in rejected],
    }
    human = (
        f"{args.kb}: {counts['added']} added, {counts['replaced']} replaced, "
        f"{counts['unchanged']} unchanged, {len(rejected)} rejected"
    )
    human += "".join(f"\n  rejected {p}: {e}" for p, e in rejected)
    emit(args, payload, human)
    return 1 if rejected and not results else 0


async def _search(args: argparse.Namespace, runtime: Runtime) -> int:
    if not args.jsonl:
        if not args.query:
            raise InvalidInput('Give a query, or --jsonl to read {"id","text"} lines on stdin.')
        hits = await runtime.library.search(
            kbs=[args.kb], query=" ".join(args.query), limit=args.limit
        )
        for n, hit in enumerate(hits, start=1):
            print(f"[{n}] {hit.score:.4f}  {hit.title} — {hit.heading}\n    {hit.text[:160]}")
        return 0
    for item in jsonl_records(sys.stdin, required=("id", "text")):
        query_id, query = item["id"], item["text"]
        hits = await runtime.library.search(kbs=[args.kb], query=query, limit=args.limit)
        results = [
            {"document_id": h.document_id, "chunk_id": h.chunk_id, "score": round(h.score, 6)}
            for h in hits
        ]
        print(json.dumps({"id": query_id, "results": results}), flush=True)
    return 0


async def _list(args: argparse.Namespace, runtime: Runtime) -> int:
    if args.kb:
        docs = await runtime.library.documents(kb=args.kb)
        payload: Any = [{"document_id": d, "title": t, "chunks": c} for d, t, c in docs]
        human = "\n".join(f"{d:<48} {c:>5} chunks  {t}" for d, t, c in docs) or "(empty)"
    else:
        bases = await runtime.library.bases()
        payload = [{"kb": n, "documents": d, "chunks": c} for n, d, c in bases]
        human = "\n".join(f"{n:<24} {d:>6} documents {c:>8} chunks" for n, d, c in bases)
    emit(args, payload, human)
    return 0


async def _delete(args: argparse.Namespace, runtime: Runtime) -> int:
    removed = await runtime.library.delete(kb=args.kb, document_id=args.document_id)
    emit(
        args,
        {"kb": args.kb, "document_id": args.document_id, "deleted": removed},
        f"Deleted {args.document_id} from {args.kb}."
        if removed
        else f"{args.kb} has no document {args.document_id}.",
    )
    return 0 if removed else 1


def cmd_kb(args: argparse.Namespace, settings: Settings) -> int:
    """Dispatch `brand-coach kb …`."""
    work = {"ingest": _ingest, "search": _search, "list": _list, "delete": _delete}[args.action]
    return asyncio.run(with_runtime(settings, lambda runtime: work(args, runtime)))


def add_kb_parser(sub: Any) -> None:
    """Register `brand-coach kb …`."""
    kb = sub.add_parser("kb", help="knowledge bases: ingest, search, list, delete")
    actions = kb.add_subparsers(dest="action", required=True)
    ingest = actions.add_parser("ingest", help="add files (pdf, docx, md, txt, html, jsonl)")
    ingest.add_argument("--kb", required=True, help="base name: a specialist slug or any other")
    ingest.add_argument("paths", nargs="+")
    search = actions.add_parser("search", help="hybrid search one base")
    search.add_argument("--kb", required=True)
    search.add_argument("query", nargs="*")
    search.add_argument("--jsonl", action="store_true", help='read {"id","text"} lines on stdin')
    search.add_argument("--limit", type=int, default=10)
    listing = actions.add_parser("list", help="bases, or one base's documents with --kb")
    listing.add_argument("--kb")
    delete = actions.add_parser("delete", help="remove one document")
    delete.add_argument("--kb", required=True)
    delete.add_argument("document_id")
    for action in (ingest, search, listing, delete):
        action.add_argument("--json", action="store_true")
        action.set_defaults(func=cmd_kb)
