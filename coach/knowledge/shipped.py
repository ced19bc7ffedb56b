"""The coaching documents that ship in `knowledge/<slug>/`, loaded into the persona bases."""

from __future__ import annotations

import logging
from pathlib import Path

from coach.knowledge.library import IngestResult, Library
from coach.personas import SLUGS

logger = logging.getLogger(__name__)


async def load_shipped_knowledge(library: Library, folder: Path) -> list[IngestResult]:
    """Ingest every persona folder; unchanged files are skipped, so this is cheap to repeat."""
    results: list[IngestResult] = []
    for slug in SLUGS:
        if (folder / slug).is_dir():
            results += await library.ingest_folder(kb=slug, folder=folder / slug)
    changed = [r for r in results if r.outcome != "unchanged"]
    logger.info("shipped knowledge: %d documents, %d new or changed", len(results), len(changed))
    return results
