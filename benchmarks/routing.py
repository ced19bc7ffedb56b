"""Routing accuracy and latency on the labelled evaluation set, beside the seed plan's matcher.

    .venv/bin/python -m benchmarks.routing [--set tests/data/routing_eval.jsonl]

No LLM is called: the tie-break stage is off, as it is offline.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path

from coach.knowledge.embeddings import MiniLMEmbedder
from coach.personas import SLUGS
from coach.routing import Router
from coach.routing.classifier import ExampleClassifier

DEFAULT_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "routing_eval.jsonl"

# The seed plan's `_compile_routing_patterns` (appendix A), verbatim.
SEED_PATTERNS = {
    "diagnostic": r"\b(assess|evaluate|analyze|audit|swot|competitive|benchmark|weakness|strength)\b",
    "avatar": r"\b(customer|client|audience|persona|demographic|psychographic|pain point|behavior)\b",
    "canvas": r"\b(business model|revenue|value prop|channel|partner|resource|cost|pricing)\b",
    "capture": r"\b(content|social|marketing|engage|amplify|position|blog|video|email|campaign)\b",
    "core": r"\b(brand|mission|vision|values|story|personality|identity|help|start)\b",
}


def seed_route(message: str) -> str:
    """The seed's fast path: most pattern hits wins; no hit means its LLM (here: Core) decides."""
    text = message.lower()
    scores = {slug: len(re.findall(p, text)) for slug, p in SEED_PATTERNS.items()}
    scores = {slug: n for slug, n in scores.items() if n}
    return max(scores, key=lambda slug: scores[slug]) if scores else "core"


def correct(item: dict, persona: str) -> bool:
    """Right when it is the expected persona or one the item accepts."""
    return persona == item["expected"] or persona in item.get("accept", [])


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def main(path: Path) -> None:
    """Run both routers over the set and print the tables."""
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    router = Router(ExampleClassifier(MiniLMEmbedder()))
    await router.route("warm up the model and fit the classifier")

    ours, seed, ours_ms, seed_ms = [], [], [], []
    for item in items:
        start = time.perf_counter()
        decision = await router.route(item["message"], previous=item.get("previous"))
        ours_ms.append((time.perf_counter() - start) * 1000)
        ours.append(decision.persona)
        start = time.perf_counter()
        seed.append(seed_route(item["message"]))
        seed_ms.append((time.perf_counter() - start) * 1000)

    total = len(items)
    ours_ok = sum(correct(i, p) for i, p in zip(items, ours, strict=True))
    seed_ok = sum(correct(i, p) for i, p in zip(items, seed, strict=True))
    print(f"Routing benchmark: {total} labelled messages from {path.name}\n")
    print(f"{'router':<22}{'accuracy':>10}{'p50 ms':>10}{'p95 ms':>10}")
    print(
        f"{'ours (no LLM)':<22}{ours_ok / total:>10.1%}{percentile(ours_ms, 50):>10.2f}"
        f"{percentile(ours_ms, 95):>10.2f}"
    )
    print(
        f"{'seed regex matcher':<22}{seed_ok / total:>10.1%}{percentile(seed_ms, 50):>10.3f}"
        f"{percentile(seed_ms, 95):>10.3f}"
    )

    print("\nAccuracy per message kind")
    kinds: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for item, mine, theirs in zip(items, ours, seed, strict=True):
        kinds[item.get("kind", "-")].append((correct(item, mine), correct(item, theirs)))
    print(f"{'kind':<14}{'n':>5}{'ours':>9}{'seed':>9}")
    for kind, results in kinds.items():
        n = len(results)
        print(
            f"{kind:<14}{n:>5}{sum(r[0] for r in results) / n:>9.1%}"
            f"{sum(r[1] for r in results) / n:>9.1%}"
        )

    print(
        "\nConfusion matrix, ours (rows: expected, columns: routed; mixed items count as expected)"
    )
    matrix = Counter(
        (i["expected"], i["expected"] if correct(i, p) else p)
        for i, p in zip(items, ours, strict=True)
    )
    print(f"{'':<12}" + "".join(f"{s:>12}" for s in SLUGS))
    for row in SLUGS:
        print(f"{row:<12}" + "".join(f"{matrix[(row, col)]:>12}" for col in SLUGS))

    misses = [(i, p) for i, p in zip(items, ours, strict=True) if not correct(i, p)]
    if misses:
        print(f"\nMisses ({len(misses)}):")
        for item, persona in misses:
            prev = f" [previous {item['previous']}]" if item.get("previous") else ""
            print(
                f"  {item['id']} {item['kind']:<10} expected {item['expected']:<10} got "
                f"{persona:<10} {item['message'][:80]!r}{prev}"
            )
    print(f"\nmean decision latency {statistics.mean(ours_ms):.2f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    asyncio.run(main(parser.parse_args().set))
