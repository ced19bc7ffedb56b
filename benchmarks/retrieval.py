"""Retrieval quality and speed on BEIR SciFact: full text (BM25), vector (MiniLM), and hybrid.

    .venv/bin/python -m benchmarks.retrieval [--scale 100000] [--chunk-tokens 200 --overlap 40]

Reads ../shared/datasets/scifact (never copied into the project). Runs on a scratch embedded
PostgreSQL in a temporary folder unless --database-url is given. Steps: ingest the 5,183
abstracts (throughput), score the 300 test queries (nDCG@10, recall@10), time hybrid search at
SciFact size, then grow a second base to --scale chunks with perturbed copies and time it again.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import statistics
import time
from collections import defaultdict

import numpy as np
from sqlalchemy import text
from tqdm import tqdm

from benchmarks.common import pct, scratch_settings
from coach.bootstrap import Runtime, build_runtime
from coach.config import PROJECT_ROOT
from coach.knowledge.parsers import ParsedDocument
from coach.storage import knowledge as store
from coach.storage import migrate

DATASET = PROJECT_ROOT.parent / "shared" / "datasets" / "scifact"


def ndcg_at_10(ranked: list[str], relevant: dict[str, int]) -> float:
    """Normalised discounted cumulative gain of the first ten documents."""
    dcg = sum(relevant.get(doc, 0) / math.log2(i + 2) for i, doc in enumerate(ranked[:10]))
    ideal = sorted(relevant.values(), reverse=True)[:10]
    idcg = sum(r / math.log2(i + 2) for i, r in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at_10(ranked: list[str], relevant: dict[str, int]) -> float:
    """Share of the relevant documents found in the first ten."""
    return len(set(ranked[:10]) & set(relevant)) / len(relevant)


def documents_of(chunk_doc_ids: list[str]) -> list[str]:
    """Chunk hits to a document ranking (a document ranks at its best chunk)."""
    return list(dict.fromkeys(chunk_doc_ids))


async def rankings(runtime: Runtime, kb: str, query: str) -> dict[str, list[str]]:
    """Document rankings by each method for one query."""
    (embedding,) = await runtime.library.embedder.embed([query])
    async with runtime.db.session() as session:
        kb_ids = await store.base_ids(session, names=[kb])
        vector = await store.vector_search(session, kb_ids=kb_ids, embedding=embedding, limit=50)
        full = await store.text_search(session, kb_ids=kb_ids, text=query, limit=50)
        await session.commit()
    hybrid = await runtime.library.search(kbs=[kb], query=query, limit=30)
    return {
        "full text (BM25)": documents_of([h.document_id for h in full]),
        "vector (MiniLM)": documents_of([h.document_id for h in vector]),
        "hybrid (RRF)": documents_of([p.document_id for p in hybrid]),
    }


async def time_search(runtime: Runtime, kb: str, queries: list[str]) -> tuple[float, float]:
    """p50 and p95 of hybrid search, query embedding included (ms)."""
    await runtime.library.search(kbs=[kb], query="warm up", limit=5)
    times = []
    for query in queries:
        start = time.perf_counter()
        await runtime.library.search(kbs=[kb], query=query, limit=5)
        times.append((time.perf_counter() - start) * 1000)
    return pct(times, 50), pct(times, 95)


async def grow(runtime: Runtime, source: str, target: str, scale: int) -> int:
    """Fill `target` with copies of `source`'s chunks (embeddings nudged) until it holds `scale`."""
    async with runtime.db.session() as session:
        source_id = (await store.base_ids(session, names=[source]))[0]
        target_id = await store.ensure_base(session, name=target)
        per_copy = int(
            await session.scalar(
                text("SELECT count(*) FROM chunks WHERE kb_id = :k"), {"k": source_id}
            )
            or 0
        )
        await session.commit()
    copies = math.ceil(scale / per_copy)
    rng = np.random.default_rng(7)
    for copy in tqdm(range(copies), desc=f"growing {target} to {copies * per_copy:,} chunks"):
        noise = "[" + ",".join(f"{x:.5f}" for x in rng.normal(0, 0.02, 384)) + "]"
        async with runtime.db.session() as session:
            await session.execute(
                text(
                    """
                WITH d AS (
                    INSERT INTO documents (kb_id, external_id, title, content_hash)
                    SELECT :target, external_id || '#' || :copy, title, content_hash
                    FROM documents WHERE kb_id = :source RETURNING id, external_id
                )
                INSERT INTO chunks (document_id, kb_id, ordinal, heading, text, embedding)
                SELECT d.id, :target, c.ordinal, c.heading, c.text,
                       l2_normalize(c.embedding + CAST(:noise AS vector))
                FROM chunks c JOIN documents o ON o.id = c.document_id
                JOIN d ON d.external_id = o.external_id || '#' || :copy
                WHERE c.kb_id = :source
                """
                ),
                {"target": target_id, "source": source_id, "copy": str(copy), "noise": noise},
            )
            await session.commit()
    async with runtime.db.session() as session:
        await session.execute(
            text(
                """
            INSERT INTO chunk_terms (chunk_id, term, kb_id, tf, dl)
            SELECT c.id, t.lexeme, c.kb_id, coalesce(array_length(t.positions, 1), 1),
                   sum(coalesce(array_length(t.positions, 1), 1)) OVER (PARTITION BY c.id)
            FROM chunks c, unnest(c.tsv) t WHERE c.kb_id = :target
            """
            ),
            {"target": target_id},
        )
        await session.execute(
            text(
                "INSERT INTO term_stats (kb_id, term, df) SELECT kb_id, term, count(*) "
                "FROM chunk_terms WHERE kb_id = :target GROUP BY kb_id, term"
            ),
            {"target": target_id},
        )
        await session.execute(
            text(
                "UPDATE knowledge_bases SET "
                "chunk_count = (SELECT count(*) FROM chunks WHERE kb_id = :t),"
                " term_total = (SELECT coalesce(sum(tf), 0) FROM chunk_terms WHERE kb_id = :t) "
                "WHERE id = :t"
            ),
            {"t": target_id},
        )
        await session.commit()
    # Steady state, as autovacuum leaves it: visibility map set, so postings scans stay index-only.
    async with runtime.db.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
        await conn.execute(text("VACUUM ANALYZE chunk_terms, term_stats, chunks, documents"))
    async with runtime.db.session() as session:
        return int(
            await session.scalar(
                text("SELECT count(*) FROM chunks WHERE kb_id = :t"), {"t": target_id}
            )
            or 0
        )


async def main(args: argparse.Namespace) -> None:
    """Run every measurement and print the tables."""
    corpus = [json.loads(line) for line in (DATASET / "corpus.jsonl").open()]
    queries = {q["_id"]: q["text"] for q in map(json.loads, (DATASET / "queries.jsonl").open())}
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    for line in list((DATASET / "qrels" / "test.tsv").open())[1:]:
        query_id, doc_id, score = line.split()
        qrels[query_id][doc_id] = int(score)

    settings = scratch_settings(
        "bc-bench-",
        args.database_url,
        chunk_tokens=args.chunk_tokens,
        chunk_overlap_tokens=args.overlap,
    )
    runtime = build_runtime(settings)
    await migrate.upgrade(runtime.db)
    documents = [
        ParsedDocument(c["_id"], c["title"], f"# {c['title']}\n\n{c['text']}") for c in corpus
    ]
    bar = tqdm(total=len(documents), desc="ingesting SciFact", unit="doc")
    start = time.perf_counter()
    results = await runtime.library.ingest(
        kb="scifact", documents=documents, progress=lambda _: bar.update(1), batch=64
    )
    seconds = time.perf_counter() - start
    bar.close()
    chunks = sum(r.chunks for r in results)

    scores: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for query_id in tqdm(sorted(qrels), desc="scoring 300 queries"):
        for method, ranked in (await rankings(runtime, "scifact", queries[query_id])).items():
            scores[method].append(
                (ndcg_at_10(ranked, qrels[query_id]), recall_at_10(ranked, qrels[query_id]))
            )
    test_queries = [queries[q] for q in sorted(qrels)]
    small = await time_search(runtime, "scifact", test_queries)
    total, large = 0, (float("nan"), float("nan"))
    if args.scale > 0:  # --scale 0 skips the large base (e.g. when comparing chunk sizes)
        total = await grow(runtime, "scifact", "scifact-scaled", args.scale)
        large = await time_search(runtime, "scifact-scaled", test_queries)
    await runtime.close()

    print(
        f"\nSciFact ({len(corpus):,} abstracts, {len(qrels)} test queries), bundled MiniLM, "
        f"chunks of {args.chunk_tokens} tokens with {args.overlap} overlap\n"
    )
    print(f"{'method':<20}{'nDCG@10':>10}{'recall@10':>11}")
    for method, values in scores.items():
        print(
            f"{method:<20}{statistics.mean(v[0] for v in values):>10.3f}"
            f"{statistics.mean(v[1] for v in values):>11.3f}"
        )
    print(
        "published anchors: BM25 0.665, all-MiniLM-L6-v2 0.645, text-embedding-3-small 0.734,"
        " BM25+bge-base RRF 0.742"
    )
    print(
        f"\ningestion: {len(documents) / seconds:.1f} documents/s, {chunks / seconds:.1f} chunks/s "
        f"({chunks:,} chunks in {seconds:.0f} s, embedding included)"
    )
    print(f"{'hybrid search, query embedding included':<44}{'p50 ms':>8}{'p95 ms':>8}")
    print(f"{f'at {chunks:,} chunks (SciFact)':<44}{small[0]:>8.1f}{small[1]:>8.1f}")
    if total:
        print(f"{f'at {total:,} chunks (scaled base)':<44}{large[0]:>8.1f}{large[1]:>8.1f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--chunk-tokens", type=int, default=200)
    parser.add_argument("--overlap", type=int, default=40)
    parser.add_argument("--database-url")
    asyncio.run(main(parser.parse_args()))
