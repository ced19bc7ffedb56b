"""Every supported file type turns into text; bad files get a clear refusal."""

from __future__ import annotations

import json

import pytest

from coach.errors import InvalidInput
from coach.knowledge.parsers import parse_file
from tests.knowledge.files import docx_with, encrypted_pdf, pdf_with_text

MB = 1_000_000


def test_pdf_text_is_extracted() -> None:
    (doc,) = parse_file(
        "guide.pdf", pdf_with_text(["Pricing tiers", "Anchor the middle tier."]), max_bytes=MB
    )
    assert doc.document_id == "guide.pdf"
    assert "Pricing tiers" in doc.text and "Anchor the middle tier." in doc.text


def test_docx_headings_become_markdown_headings() -> None:
    data = docx_with("Brand Story Kit", "The hook", "Start with the moment the founder got angry.")
    (doc,) = parse_file("kit.docx", data, max_bytes=MB)
    assert doc.text.splitlines()[0] == "# Brand Story Kit"
    assert "## The hook" in doc.text and "founder got angry" in doc.text


def test_html_keeps_structure_and_drops_scripts() -> None:
    html = (
        b"<html><head><title>T</title><script>alert(1)</script></head><body><h1>Voice</h1>"
        b"<p>Warm, plain words.</p><ul><li>No jargon</li></ul></body></html>"
    )
    (doc,) = parse_file("voice.html", html, max_bytes=MB)
    assert doc.text == "# Voice\n\nWarm, plain words.\n\n- No jargon"


@pytest.mark.parametrize("name", ["notes.md", "notes.txt"])
def test_markdown_and_text_are_read_as_is(name: str) -> None:
    (doc,) = parse_file(name, "# Notes\n\nCafés pay 30 percent less.".encode(), max_bytes=MB)
    assert doc.text == "# Notes\n\nCafés pay 30 percent less."


def test_jsonl_gives_one_document_per_line_with_its_id() -> None:
    lines = [
        {"id": "d1", "title": "One", "text": "first"},
        {"id": 2, "title": "Two", "text": "second"},
    ]
    docs = parse_file("corpus.jsonl", "\n".join(map(json.dumps, lines)).encode(), max_bytes=MB)
    assert [(d.document_id, d.title, d.text) for d in docs] == [
        ("d1", "One", "first"),
        ("2", "Two", "second"),
    ]


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("locked.pdf", None, "password-protected"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
        ("broken.docx", b"PK not a zip", "not a readable Word document"),
        ("empty.txt", b"   \n  ", "no text"),
        ("huge.txt", b"x" * (MB + 1), "the limit is 1 MB"),
        ("tool.exe", b"MZ", "can't be read"),
        ("bad.jsonl", b'{"id": "x"}\n', "line 1"),
        ("blob.md", b"\x00\x01\x02binary", "binary"),
    ],
    ids=[
        "encrypted-pdf",
        "corrupt-pdf",
        "corrupt-docx",
        "empty",
        "too-big",
        "unsupported",
        "bad-jsonl",
        "binary-text",
    ],
)
def test_bad_files_are_refused_with_a_reason(name: str, data: bytes | None, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem):
        parse_file(name, encrypted_pdf() if data is None else data, max_bytes=MB)
