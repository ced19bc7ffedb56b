"""Stage 2: a classifier over embeddings of labelled example messages shipped with the product."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path
from typing import Any

import numpy as np

from coach.knowledge.embeddings import Embedder
from coach.personas import SLUGS

EXAMPLES = Path(__file__).parent / "examples"


def load_examples(folder: Path = EXAMPLES) -> dict[str, list[str]]:
    """Labelled example messages: one file per persona slug, one message per line."""
    return {
        slug: [
            line.strip()
            for line in (folder / f"{slug}.txt").read_text().splitlines()
            if line.strip()
        ]
        for slug in SLUGS
        if (folder / f"{slug}.txt").exists()
    }


# Fitted models by a digest of their examples: fitting is the same work for every runtime.
_FITTED: dict[str, Any] = {}


def _fit(vectors: np.ndarray, labels: list[int]) -> Any:
    """A multinomial logistic regression on the example vectors."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=8.0, max_iter=2000)
    model.fit(vectors, np.array(labels))
    return model


class ExampleClassifier:
    """Calibrated per-persona probabilities for a message, learned from example messages."""

    def __init__(self, embedder: Embedder, examples: dict[str, list[str]] | None = None) -> None:
        self.embedder = embedder
        self.examples = examples if examples is not None else load_examples()
        self._model: Any = None
        self._lock = asyncio.Lock()

    async def _ensure_fitted(self) -> Any:
        async with self._lock:
            if self._model is None:
                texts = [text for slug in SLUGS for text in self.examples.get(slug, [])]
                labels = [SLUGS.index(slug) for slug in SLUGS for _ in self.examples.get(slug, [])]
                key = hashlib.sha256(
                    f"{type(self.embedder).__name__}\n{labels}\n{texts}".encode()
                ).hexdigest()
                if key not in _FITTED:
                    vectors = np.asarray(await self.embedder.embed(texts), dtype=np.float32)
                    _FITTED[key] = await asyncio.to_thread(_fit, vectors, labels)
                self._model = _FITTED[key]
            return self._model

    async def warm_up(self) -> None:
        """Embed the examples and fit now rather than on the first message."""
        await self._ensure_fitted()

    async def scores(self, message: str) -> dict[str, float]:
        """Probability per persona slug (summing to 1)."""
        model = await self._ensure_fitted()
        (vector,) = await self.embedder.embed([message])
        # predict_proba by hand: same numbers, without scikit-learn's per-call input checks.
        logits = model.coef_ @ np.asarray(vector, dtype=np.float64) + model.intercept_
        exps = np.exp(logits - logits.max())
        probs = exps / exps.sum()
        return {SLUGS[int(label)]: float(p) for label, p in zip(model.classes_, probs, strict=True)}
