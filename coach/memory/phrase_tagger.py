"""The phrase tagger: an introduction's short facts that the rules missed, word by word.

The clause reader stores a whole clause as a value, which suits a goal or a challenge but not
the four short facts of an introduction: the person's name and role, and the business's name
and kind ("fahy roofing. roofin contractor, me + 2 lads" → company "fahy roofing", industry
"roofin contractor"). The rules read those; for a kind the rules found none of in a message,
this tagger looks for one. A small network over the clause encoder's last-layer token vectors
(`coach.memory.clause_encoder`) tags each word piece of a clause O, B-<category> or
I-<category> (the BIO scheme of named-entity taggers); a run of tags, widened to whole words,
is a value in the person's own words.

It is trained after the encoder, with the encoder frozen, on the same labelled chats
(`benchmarks.train_clause_encoder.fit_tagger`); its weights (about 0.6 MB) ship in the same
file. A word piece is tagged only when the network gives "O" less than `1 - threshold`: the
threshold was chosen by four-fold cross-validation on the training sets (README, "Memory").
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np

from coach.memory import rules
from coach.memory.facts import ExtractedFact

PREFIX = "tuned.phrases."  # names of the tagger's arrays inside the weights file
OUTSIDE = "O"


def network(inputs: int, hidden: int, kernel: int, tags: int) -> Any:
    """The tagger's network: a convolution over neighbouring word pieces, then one tag score
    per word piece. Reads (pieces, inputs), returns (pieces, tags) logits."""
    import torch

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.near = torch.nn.Conv1d(inputs, hidden, kernel, padding=kernel // 2)
            self.out = torch.nn.Sequential(
                torch.nn.GELU(), torch.nn.Dropout(0.1), torch.nn.Linear(hidden, tags)
            )

        def forward(self, pieces: Any) -> Any:
            return self.out(self.near(pieces.T.unsqueeze(0))[0].T)

    return Tagger()


@dataclass(frozen=True, eq=False)
class PhraseTagger:
    """The tagger's weights (numpy arrays) and how it decides."""

    tags: tuple[str, ...]  # "O", then "B-<category>" and "I-<category>" for each category
    kernel: int  # word pieces the convolution reads at once
    threshold: float
    state: dict[str, np.ndarray]

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(t[2:] for t in self.tags if t.startswith("B-"))

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> PhraseTagger | None:
        """The tagger stored in a weights file's arrays, or None when it has none."""
        if f"{PREFIX}tags" not in arrays:
            return None
        return cls(
            tags=tuple(str(t) for t in arrays[f"{PREFIX}tags"]),
            kernel=int(arrays[f"{PREFIX}kernel"]),
            threshold=float(arrays[f"{PREFIX}threshold"]),
            state={
                name.removeprefix(f"{PREFIX}state."): value.astype(np.float32)
                for name, value in arrays.items()
                if name.startswith(f"{PREFIX}state.")
            },
        )

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays to store (float16 weights)."""
        return {
            f"{PREFIX}tags": np.array(self.tags),
            f"{PREFIX}kernel": np.array(self.kernel),
            f"{PREFIX}threshold": np.array(self.threshold),
            **{f"{PREFIX}state.{k}": v.astype(np.float16) for k, v in self.state.items()},
        }

    def tag(self, pieces: Any) -> np.ndarray:
        """Tag probabilities, one row per word piece, from its encoder vectors (a tensor)."""
        import torch

        with torch.inference_mode():
            return torch.softmax(_module(self)(pieces), -1).numpy()  # type: ignore[no-any-return]

    def phrases(
        self, probabilities: np.ndarray, offsets: list[tuple[int, int]], clause: str
    ) -> list[tuple[str, str]]:
        """(category, value) for each run of tags in `clause`: a word piece starts or continues
        a run when "O" is unlikely enough; the run is widened to whole words, and one that
        starts inside a word or is under four letters is dropped ("matologists", "it")."""
        found: list[tuple[str, str]] = []

        def tag(i: int) -> str | None:
            if 1 - probabilities[i, 0] < self.threshold:
                return None
            return self.tags[1 + int(probabilities[i, 1:].argmax())]

        i = 0
        while i < len(offsets):
            first = tag(i)
            if first is None:
                i += 1
                continue
            category = first[2:]
            end = i + 1
            while end < len(offsets) and tag(end) == f"I-{category}":
                end += 1
            start, stop = offsets[i][0], offsets[end - 1][1]
            while stop < len(clause) and clause[stop].isalnum():
                stop += 1
            if (start == 0 or not clause[start - 1].isalnum()) and stop - start >= 4:
                found.append((category, clause[start:stop]))
            i = end
        return found


def facts(
    phrases: list[list[tuple[str, str]]], clauses: list[str], found: list[ExtractedFact]
) -> list[ExtractedFact]:
    """The first plausible phrase of each category that nothing in `found` holds, as a fact
    quoting its clause (every tagged category holds one value: a name, a business name…)."""
    added: list[ExtractedFact] = []
    for clause, tagged in zip(clauses, phrases, strict=True):
        for category, value in tagged:
            value = rules.clean_value(value)
            if any(f.category == category for f in [*found, *added]):
                continue
            if (
                value
                and rules.plausible(category, value)
                and not _names_inside(category, value, clause)
            ):
                added.append(rules.stated(category, value, clause))
    return added


def _names_inside(category: str, value: str, clause: str) -> bool:
    """Whether a kind of business or a role holds a capitalised word (other than the clause's
    first): a proper name ("Orchid School", "Kinetic Rehab Centre") is some place or business,
    not what the person does."""
    if category not in ("industry", "role"):
        return False
    words = value.split()[1:] if clause.startswith(value) else value.split()
    return any(w[:1].isupper() for w in words)


_MODULES: weakref.WeakKeyDictionary[PhraseTagger, Any] = weakref.WeakKeyDictionary()


def _module(tagger: PhraseTagger) -> Any:
    """The tagger's network with its weights loaded (built once per tagger)."""
    if tagger not in _MODULES:
        import torch

        weight = tagger.state["near.weight"]
        module = network(weight.shape[1], weight.shape[0], tagger.kernel, len(tagger.tags))
        module.load_state_dict({k: torch.from_numpy(v) for k, v in tagger.state.items()})
        _MODULES[tagger] = module.eval()
    return _MODULES[tagger]
