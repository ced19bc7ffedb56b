"""Storing documents in knowledge bases and finding them again (real pgvector)."""

from __future__ import annotations

import uuid

import pytest

from coach.bootstrap import Runtime

BAKERY = """# Bakery Pricing

## Cost-plus pricing for loaves

Add up flour, butter, labour and rent per loaf, then add a margin of 60 percent.

## Wholesale to cafes

Cafes expect a 30 percent discount off retail for standing weekly orders.
"""


async def test_ingest_search_dedupe_and_replace(runtime: Runtime) -> None:
    kb = f"test-{uuid.uuid4().hex[:8]}"
    added = await runtime.library.ingest_text(kb=kb, document_id="bakery.md", text=BAKERY)
    assert (added.outcome, added.title, added.chunks) == ("added", "Bakery Pricing", 2)

    hits = await runtime.library.search(
        kbs=[kb], query="what discount do cafes get on wholesale orders?"
    )
    assert hits[0].heading == "Wholesale to cafes" and hits[0].document_id == "bakery.md"
    assert hits[0].similarity > 0.3

    again = await runtime.library.ingest_text(kb=kb, document_id="bakery.md", text=BAKERY)
    assert again.outcome == "unchanged"

    changed = BAKERY.replace("30 percent", "25 percent")
    replaced = await runtime.library.ingest_text(kb=kb, document_id="bakery.md", text=changed)
    assert replaced.outcome == "replaced"
    hits = await runtime.library.search(kbs=[kb], query="cafe wholesale discount", limit=10)
    texts = " ".join(h.text for h in hits)
    assert "25 percent" in texts and "30 percent" not in texts
    assert len(hits) == 2


async def test_search_is_confined_to_the_named_bases_and_cuts_weak_matches(
    runtime: Runtime,
) -> None:
    mine, other = f"test-{uuid.uuid4().hex[:8]}", f"test-{uuid.uuid4().hex[:8]}"
    await runtime.library.ingest_text(kb=mine, document_id="bakery.md", text=BAKERY)
    await runtime.library.ingest_text(
        kb=other, document_id="yoga.md", text="# Yoga\n\nMorning classes for beginners."
    )
    hits = await runtime.library.search(kbs=[mine], query="yoga classes for beginners", limit=10)
    assert all(h.document_id == "bakery.md" for h in hits)
    strict = await runtime.library.search(
        kbs=[mine], query="quantum chromodynamics lattice", limit=10, min_similarity=0.5
    )
    assert strict == []


class BrokenEmbedder:
    """An embedder that fails, as a model crash mid-ingest would."""

    dimensions = 384

    async def embed(self, texts: list[str], *, background: bool = False) -> list[list[float]]:
        raise RuntimeError("model crashed")


async def test_a_failing_ingest_leaves_the_stored_version_untouched(runtime: Runtime) -> None:
    from coach.knowledge.library import Library

    kb = f"test-{uuid.uuid4().hex[:8]}"
    await runtime.library.ingest_text(kb=kb, document_id="bakery.md", text=BAKERY)
    broken = Library(runtime.db, BrokenEmbedder())
    with pytest.raises(RuntimeError):
        await broken.ingest_text(kb=kb, document_id="bakery.md", text=BAKERY.replace("30", "99"))
    with pytest.raises(RuntimeError):
        await broken.ingest_text(kb=kb, document_id="new.md", text="# New\n\nNever stored.")
    assert [d for d, _, _ in await runtime.library.documents(kb=kb)] == ["bakery.md"]
    hits = await runtime.library.search(kbs=[kb], query="cafe wholesale discount", limit=10)
    assert any("30 percent" in h.text for h in hits) and not any("99" in h.text for h in hits)


async def test_full_text_ranking_is_bm25_over_stemmed_words(runtime: Runtime) -> None:
    from coach.storage import knowledge as store

    kb = f"test-{uuid.uuid4().hex[:8]}"
    await runtime.library.ingest_text(kb=kb, document_id="bakery.md", text=BAKERY)
    async with runtime.db.session() as session:
        kb_ids = await store.base_ids(session, names=[kb])
        hits = await store.text_search(session, kb_ids=kb_ids, text="priced loaves", limit=5)
    assert [h.heading for h in hits] == ["Cost-plus pricing for loaves"]  # "priced" ~ "pricing"
    assert hits[0].score > 0


async def test_deleting_a_document_removes_it_from_both_indexes(runtime: Runtime) -> None:
    kb = f"test-{uuid.uuid4().hex[:8]}"
    await runtime.library.ingest_text(kb=kb, document_id="bakery.md", text=BAKERY)
    await runtime.library.ingest_text(
        kb=kb, document_id="yoga.md", text="# Yoga\n\nMorning classes."
    )
    assert await runtime.library.delete(kb=kb, document_id="bakery.md")
    assert not await runtime.library.delete(kb=kb, document_id="bakery.md")
    hits = await runtime.library.search(kbs=[kb], query="wholesale cafes loaves", limit=10)
    assert all(h.document_id == "yoga.md" for h in hits)
    assert [(n, d, c) for n, d, c in await runtime.library.bases() if n == kb] == [(kb, 1, 1)]
