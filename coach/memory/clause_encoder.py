"""The fine-tuned half of the clause reader: MiniLM's layers retrained to score clauses.

The linear half (`coach.memory.clause_model.ClauseModel`) reads the sentence vectors the
semantic store already computes: a clause is averaged into one vector before anything is
learned, so "Reformer Club is opening a branch four blocks from me" and "a branch four blocks
from me is opening soon" look much alike. This half reads the clause and the coach's question
together, word by word: the bundled all-MiniLM-L6-v2's word-piece embeddings (and any layers
below the retrained ones) as they ship, its top `layers` (all six, in the shipped weights)
retrained with a small head that gives one probability per category. On held-out
chats the two halves averaged keep several points more facts than the linear half alone at
the same precision (README, "Memory").

Only the retrained layers and the head ship (float16, in `clause_model.npz` beside the linear
weights): the embeddings are the bundled model's. Scoring runs a private copy of the bundled
model with the retrained layers loaded (about 90 MB of memory, made once per process).
`benchmarks.train_clause_encoder` fits the weights; nothing is fitted or downloaded at run time.

The same pass over a clause also feeds the phrase tagger (`coach.memory.phrase_tagger`), when
the weights hold one: it reads the encoder's token vectors to find a name, role, business name
or kind of business the rules missed.
"""

from __future__ import annotations

import copy
import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np

from coach.memory.phrase_tagger import PhraseTagger

MAX_TOKENS = 96  # the clause, then the end of the question, in word pieces
PREFIX = "tuned."  # names of the encoder's arrays inside the weights file


@dataclass(frozen=True, eq=False)
class ClauseEncoder:
    """Retrained top layers of MiniLM and a per-category head (weights as numpy arrays)."""

    layers: int  # how many of the top layers were retrained
    question_chars: int  # how much of the end of the coach's message is read
    state: dict[str, np.ndarray]  # the retrained layers and the head, by parameter name
    tagger: PhraseTagger | None = None  # reads the same token vectors; None: no phrases

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> ClauseEncoder | None:
        """The encoder stored in a weights file's arrays, or None when it has none."""
        if f"{PREFIX}layers" not in arrays:
            return None
        state = {
            name.removeprefix(f"{PREFIX}state."): value.astype(np.float32)
            for name, value in arrays.items()
            if name.startswith(f"{PREFIX}state.")
        }
        return cls(
            layers=int(arrays[f"{PREFIX}layers"]),
            question_chars=int(arrays[f"{PREFIX}question_chars"]),
            state=state,
            tagger=PhraseTagger.from_arrays(arrays),
        )

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays to store (float16 weights: about 3.5 MB per retrained layer)."""
        return {
            f"{PREFIX}layers": np.array(self.layers),
            f"{PREFIX}question_chars": np.array(self.question_chars),
            **{f"{PREFIX}state.{k}": v.astype(np.float16) for k, v in self.state.items()},
            **(self.tagger.arrays() if self.tagger else {}),
        }

    def batch(
        self, tokenizer: Any, clauses: list[str], questions: list[str], offsets: bool = False
    ) -> Any:
        """What the encoder reads, tokenised: each clause with the end of its question (and,
        with `offsets`, where each word piece sits in its text, for `pieces`)."""
        return tokenizer(
            clauses,
            [q[-self.question_chars :] for q in questions],
            truncation="only_second",
            max_length=MAX_TOKENS,
            padding=True,
            return_offsets_mapping=offsets,
            return_tensors="pt",
        )

    def read(self, clauses: list[str], question: str, minilm: Any) -> Reading:
        """The head's probabilities for each clause and the tagger's phrases in it.

        `minilm` is the loaded bundled SentenceTransformer (its tokenizer and lower layers).
        Call it in a worker thread: it runs the model on the CPU."""
        import torch

        network, head = _network(self, minilm)
        batch = self.batch(minilm.tokenizer, clauses, [question] * len(clauses), offsets=True)
        offsets = batch.pop("offset_mapping")
        with torch.inference_mode():
            hidden = network(**batch).last_hidden_state
            probabilities = torch.sigmoid(head(pooled(hidden, batch))).numpy()
        phrases: list[list[tuple[str, str]]] = [[] for _ in clauses]
        if self.tagger is not None:
            for i, clause in enumerate(clauses):
                vectors, spans = pieces(batch, hidden, offsets, i)
                phrases[i] = self.tagger.phrases(self.tagger.tag(vectors), spans, clause)
        return Reading(probabilities, phrases)


@dataclass(frozen=True)
class Reading:
    """What the encoder read in some clauses."""

    probabilities: np.ndarray  # one row per clause, one probability per category (head order)
    phrases: list[list[tuple[str, str]]]  # per clause, the tagger's (category, value) pairs

    def __add__(self, other: Reading) -> Reading:
        return Reading(
            np.concatenate([self.probabilities, other.probabilities]),
            self.phrases + other.phrases,
        )


def pooled(hidden: Any, batch: Any) -> Any:
    """The mean of the last-layer token vectors `hidden` over each pair's real tokens."""
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)


def pieces(batch: Any, hidden: Any, offsets: Any, i: int) -> tuple[Any, list[tuple[int, int]]]:
    """The token vectors of pair `i`'s clause (not its question), and where each sits."""
    own = [j for j, part in enumerate(batch.sequence_ids(i)) if part == 0]
    return hidden[i, own], [(int(a), int(b)) for a, b in offsets[i, own].tolist()]


_NETWORKS: weakref.WeakKeyDictionary[ClauseEncoder, tuple[Any, Any]] = weakref.WeakKeyDictionary()


def _network(encoder: ClauseEncoder, minilm: Any) -> tuple[Any, Any]:
    """The bundled model with `encoder`'s layers loaded, and its head (built once each)."""
    if encoder not in _NETWORKS:
        _NETWORKS[encoder] = build(encoder, minilm)
    return _NETWORKS[encoder]


def build(encoder: ClauseEncoder, minilm: Any) -> tuple[Any, Any]:
    """A copy of MiniLM's transformer with the retrained layers, and the head, ready to run."""
    import torch

    network = copy.deepcopy(minilm[0].auto_model)
    tuned = {
        k.removeprefix("base."): torch.from_numpy(v)
        for k, v in encoder.state.items()
        if k.startswith("base.")
    }
    missing = set(tuned) - set(network.state_dict())
    if missing:
        raise ValueError(f"the clause encoder's weights do not fit MiniLM: {sorted(missing)[:3]}")
    network.load_state_dict(tuned, strict=False)
    weight = torch.from_numpy(encoder.state["head.weight"])
    head = torch.nn.Linear(weight.shape[1], weight.shape[0])
    head.load_state_dict({"weight": weight, "bias": torch.from_numpy(encoder.state["head.bias"])})
    return network.eval(), head.eval()
