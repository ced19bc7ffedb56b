"""Coaches add documents to a specialist's knowledge base from the chat, and manage them (`/kb`)."""

from __future__ import annotations

import logging
from pathlib import Path

import chainlit as cl

from coach.errors import CoachError, InvalidInput
from coach.knowledge.parsers import ParsedDocument, parse_file
from coach.personas import SLUGS
from ui.runtime import runtime

logger = logging.getLogger(__name__)
AUTHOR = "Knowledge"
KB_DELETE = "kb_delete"
WRITERS = ("coach", "admin")


def can_write(user: object) -> bool:
    """Coaches and admins may change the knowledge bases; members may not."""
    return (getattr(user, "metadata", None) or {}).get("role") in WRITERS


def uploaded_files(message: cl.Message) -> list[cl.File]:
    """The files attached to a message."""
    return [e for e in (message.elements or []) if getattr(e, "path", None)]  # type: ignore[misc]


async def _suggest(documents: list[ParsedDocument]) -> str:
    sample = " ".join(d.text[:600] for d in documents[:3])
    decision = await runtime().coach.router.route(sample or "brand")
    return decision.persona


async def _choose_base(count: int, suggested: str) -> str | None:
    personas = await runtime().coach.personas.all()
    order = [suggested, *[s for s in SLUGS if s != suggested]]
    what = "this file" if count == 1 else f"these {count} files"
    answer = await cl.AskActionMessage(
        content=f"Which specialist's knowledge base should {what} go into? "
        f"It reads like **{personas[suggested].name}** material.",
        actions=[
            cl.Action(name="kb_choice", payload={"kb": slug}, label=personas[slug].name)
            for slug in order
        ],
        author=AUTHOR,
        timeout=300,
    ).send()
    return str(answer["payload"]["kb"]) if answer else None


async def receive(message: cl.Message) -> None:
    """Parse the attached files, ask which base, ingest each with progress, then report."""
    user = cl.user_session.get("user")
    files = uploaded_files(message)
    if not can_write(user):
        from ui.memory import receive_own_documents

        await receive_own_documents(files)  # a member's brief goes into their own memory
        return
    settings = runtime().settings
    parsed: list[tuple[str, list[ParsedDocument]]] = []
    rejected: list[str] = []
    for file in files:
        try:
            data = Path(str(file.path)).read_bytes()
            parsed.append(
                (
                    file.name,
                    parse_file(file.name, data, max_bytes=settings.max_upload_mb * 1_000_000),
                )
            )
        except (InvalidInput, OSError) as error:
            rejected.append(f"❌ **{file.name}** — {error}")
    documents = [d for _, docs in parsed for d in docs]
    kb = await _choose_base(len(parsed), await _suggest(documents)) if documents else None
    report = cl.Message(content="", author=AUTHOR)
    lines: list[str] = []
    if documents and kb is None:
        lines.append("No knowledge base was chosen, so nothing was stored.")
    elif documents and kb is not None:
        name = (await runtime().coach.personas.all())[kb].name
        lines.append(f"Adding to **{name}**'s knowledge base:")
        report.content = "\n".join(lines)
        await report.send()
        for file_name, docs in parsed:
            lines.append(f"⏳ {file_name}…")
            report.content = "\n".join(lines)
            await report.update()
            try:
                results = await runtime().library.ingest(kb=kb, documents=docs)
            except CoachError as error:
                lines[-1] = f"❌ **{file_name}** — {error}"
                continue
            except Exception:
                logger.exception("ingesting %s failed", file_name)
                lines[-1] = f"❌ **{file_name}** — could not be stored; nothing was changed."
                continue
            outcome = ", ".join(
                f"{r.outcome} ({r.chunks} passages)" if r.chunks else r.outcome for r in results
            )
            lines[-1] = f"✅ **{file_name}** — {outcome}"
    lines += rejected
    report.content = "\n".join(lines)
    await (report.update() if report.id and documents and kb else report.send())


async def list_documents(argument: str) -> None:
    """`/kb` lists the bases; `/kb canvas` lists Canvas's documents with delete buttons."""
    user = cl.user_session.get("user")
    if not can_write(user):
        await cl.Message(
            content="Only coaches can manage the knowledge bases.", author=AUTHOR
        ).send()
        return
    library = runtime().library
    wanted = argument.strip().lower()
    if not wanted:
        bases = await library.bases()
        rows = [f"| {n} | {d} | {c} |" for n, d, c in bases]
        await cl.Message(
            content="| base | documents | passages |\n|---|---|---|\n"
            + "\n".join(rows)
            + "\n\nType `/kb <base>` to see and delete its documents.",
            author=AUTHOR,
        ).send()
        return
    docs = await library.documents(kb=wanted)
    if not docs:
        await cl.Message(
            content=f"The **{wanted}** knowledge base has no documents.", author=AUTHOR
        ).send()
        return
    await cl.Message(
        content=f"**{wanted}** — {len(docs)} documents:\n\n"
        + "\n".join(f"- {title} (`{doc_id}`, {chunks} passages)" for doc_id, title, chunks in docs),
        actions=[
            cl.Action(
                name=KB_DELETE,
                payload={"kb": wanted, "document": doc_id},
                label=f"Delete {doc_id}",
                tooltip=f"Remove {title} from {wanted}",
            )
            for doc_id, title, _ in docs
        ],
        author=AUTHOR,
    ).send()


async def delete_document(action: cl.Action) -> None:
    """Delete the document a coach picked in a `/kb` listing."""
    if not can_write(cl.user_session.get("user")):
        return
    kb, document = str(action.payload.get("kb")), str(action.payload.get("document"))
    removed = await runtime().library.delete(kb=kb, document_id=document)
    await action.remove()
    await cl.Message(
        content=f"Deleted `{document}` from **{kb}**."
        if removed
        else f"`{document}` was already gone.",
        author=AUTHOR,
    ).send()
