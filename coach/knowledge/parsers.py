"""Turn uploaded files into Markdown-ish text (PDF, DOCX, Markdown, text, HTML) or JSONL records."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import PurePath

from coach.errors import InvalidInput

SUPPORTED = (".pdf", ".docx", ".md", ".markdown", ".txt", ".html", ".htm", ".jsonl")


@dataclass(frozen=True)
class ParsedDocument:
    """One document's id (the file name or the JSONL id), title and text."""

    document_id: str
    title: str | None
    text: str


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096]:
        raise InvalidInput(f"{name} looks like a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _pdf(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InvalidInput(f"{name} is password-protected; upload an unlocked copy.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InvalidInput:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise InvalidInput(f"{name} is not a readable PDF ({type(error).__name__}).") from error
    return "\n\n".join(page.strip() for page in pages if page.strip())


def _docx(data: bytes, name: str) -> str:
    import zipfile

    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InvalidInput(f"{name} is not a readable Word document.") from error
    lines = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = re.match(r"Heading (\d)", style)
        if style == "Title":
            lines.append(f"# {text}")
        elif level:
            lines.append(f"{'#' * min(int(level.group(1)) + 1, 6)} {text}")
        else:
            lines.append(text)
    return "\n\n".join(lines)


def _html(data: bytes, name: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_decode(data, name), "html.parser")
    for junk in soup(["script", "style", "nav", "footer", "header", "noscript", "form"]):
        junk.decompose()
    lines = []
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if title and not soup.find("h1"):
        lines.append(f"# {title}")
    for element in soup.find_all(["h1", "h2", "h3", "h4", "p", "li", "blockquote", "pre", "td"]):
        text = element.get_text(" ", strip=True)
        if not text:
            continue
        if element.name and element.name[0] == "h" and element.name[1:].isdigit():
            lines.append(f"{'#' * int(element.name[1:])} {text}")
        elif element.name == "li":
            lines.append(f"- {text}")
        else:
            lines.append(text)
    return "\n\n".join(lines)


def _jsonl(data: bytes, name: str) -> list[ParsedDocument]:
    records = []
    for number, line in enumerate(_decode(data, name).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            records.append(
                ParsedDocument(str(item["id"]), item.get("title") or None, str(item["text"]))
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise InvalidInput(
                f'{name} line {number}: expected {{"id", "title", "text"}} '
                f"({type(error).__name__})."
            ) from error
    return records


def parse_file(name: str, data: bytes, *, max_bytes: int) -> list[ParsedDocument]:
    """The documents in one uploaded file; InvalidInput says what is wrong with it."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise InvalidInput(
            f"{name}: {suffix or 'files without an extension'} can't be read; use PDF, DOCX, "
            "Markdown, text, HTML or JSONL."
        )
    if len(data) > max_bytes:
        raise InvalidInput(
            f"{name} is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB."
        )
    if suffix == ".jsonl":
        documents = _jsonl(data, name)
    else:
        reader = {".pdf": _pdf, ".docx": _docx, ".html": _html, ".htm": _html}.get(suffix, _decode)
        documents = [ParsedDocument(PurePath(name).name, None, reader(data, name))]
    documents = [d for d in documents if d.text.strip()]
    if not documents:
        raise InvalidInput(f"{name} has no text to learn from (is it a scan or empty?).")
    return documents
