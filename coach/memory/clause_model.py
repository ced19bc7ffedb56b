"""The learned second reader: which kind of fact, if any, each statement clause of a message is.

The rules (`coach.memory.rules`, `coach.memory.answers`) read the common wordings exactly; this
model catches the statements they have no pattern for ("Also we pack within one week of
harvest", "books closed 3 months ahead always"). Each statement clause (questions, hypotheticals
and other people's clauses are set aside first, by `rules.keep_statements`) is scored per
category by a logistic regression over:

- the MiniLM vector of the clause, of the coach's question it answers, and their product;
- TF-IDF word unigrams and bigrams of the clause and of the question.

That is the linear half. When the weights hold an encoder (`coach.memory.clause_encoder`:
MiniLM's top layers retrained to read the clause with the question, word by word), its
probabilities are averaged with the linear half's before the threshold is applied.

A clause becomes a fact only when its probability reaches the model's threshold, the rules did
not already read that category from it, and (for a category holding one value) nothing of that
category was read from the message at all. Clauses that cannot state a fact on
their own are dropped before they are embedded (`worth_reading`). The value stored is the
clause, in the person's own words; for a location, the place the clause names (`PHRASES`).

The weights ship in `clause_model.npz`: nothing is fitted or downloaded at run time.
`python -m benchmarks.train_clause_model` fits them from the project's own labelled chat sets
and records which sets it used (`trained_on`), so the benchmark can say which sets are unseen.
Only chat messages are read this way; uploaded documents are read by the rules alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from coach.memory import rules
from coach.memory.clause_encoder import PREFIX, ClauseEncoder
from coach.memory.facts import CATEGORIES as FACT_CATEGORIES
from coach.memory.facts import ExtractedFact, normalise, single_valued
from coach.memory.places import place_phrase

WEIGHTS = Path(__file__).with_name("clause_model.npz")

# Categories the model may add. Name, role, business name and type are left to the rules: they
# sit in introductions the rules read well, and a wrong one would replace a right one.
LEFT_TO_RULES = frozenset({"name", "role", "company", "industry"})
CATEGORIES = tuple(c for c in FACT_CATEGORIES if c not in LEFT_TO_RULES)
# Categories whose value is a phrase found in the clause, not the clause: a clause the model
# reads as stating where the business is stores the place it names ("yard at Wellington" →
# "Wellington"), or nothing when it names none.
PHRASES: dict[str, Callable[[str], str | None]] = {"location": place_phrase}
QUESTION_WEIGHT = 0.5  # the question's words count half as much as the clause's own
_CUT = re.compile(
    r"(?<=[.!?])\s+|\n+|;\s*|\s+[—–-]{1,2}\s+|,\s+(?=(?:but|and|so|because|which)\b)",
    re.IGNORECASE,
)
# Words that do not make a clause a fact on their own: the names of the categories, "this",
# "honestly", "now"… A clause needs two other words (of three letters or more) to be stored.
_SAYS_NOTHING = frozenset(
    (  # noqa: SIM905  (a word list reads better as one string)
        "challenge challenges problem problems issue issues goal goals decided decide decision "
        "decisions competitor competitors competition value values price prices pricing offer "
        "offers thing things stuff plan plans main biggest big core real really honestly "
        "basically actually probably just also still now yet this that these those it's that's "
        "not don't didn't yes yeah okay lol bit lot much very more most every same all one "
        "i've i'm we've we're i'd we'd have has had was were will would can could think know "
        "about beyond there here then than what which when where who why how"
    ).split()
)
_TERM = re.compile(r"(?u)\b\w\w+\b")
_NO_QUESTION = "(no question)"


def statement_clauses(text: str) -> list[str]:
    """The clauses of `text` that state something (two words or more), in order."""
    statements = "\n".join(rules.keep_statements(s) for s in rules.sentences(rules.normalise(text)))
    return [c for c in (c.strip(" ,.!?") for c in _CUT.split(statements)) if len(c.split()) >= 2]


def worth_reading(clause: str) -> bool:
    """Whether a clause could state a fact on its own, checked before it is embedded: it has
    two words besides category names and fillers ("I decided" states nothing).

    A clause need not say "I" or "we": terse openers ("hired a guy", "prob is every1 wants the
    same 15 saturdays") state facts too, and the model sees whether a question came before."""
    words = {w for w in normalise(clause).split() if len(w) > 2}
    return len(words - _SAYS_NOTHING) >= 2


def reply_to_nothing(clauses: list[str], question: str) -> bool:
    """A lone short phrase with nothing asked before it ("new mums in their 30s" opening a new
    session) answers a question the coach no longer has in view: it is not read."""
    return (
        question == _NO_QUESTION
        and len(clauses) == 1
        and len(clauses[0].split()) <= 6
        and not rules.FIRST_PERSON.search(clauses[0])
    )


def terms(text: str) -> Counter[str]:
    """Lower-case word unigrams and bigrams (two letters or more), counted."""
    words = _TERM.findall(text.lower())
    return Counter(words + [f"{a} {b}" for a, b in pairwise(words)])


@dataclass(frozen=True)
class Vocabulary:
    """TF-IDF over a fixed vocabulary: sublinear term frequency, smoothed idf, unit length."""

    index: dict[str, int]
    idf: np.ndarray

    @property
    def terms(self) -> list[str]:
        """The vocabulary in column order."""
        return sorted(self.index, key=lambda term: self.index[term])

    @classmethod
    def fit(cls, texts: list[str], min_df: int = 2) -> Vocabulary:
        """The terms in at least `min_df` of `texts`, with their idf."""
        df: Counter[str] = Counter()
        for text in texts:
            df.update(set(terms(text)))
        kept = sorted(t for t, n in df.items() if n >= min_df)
        n = len(texts)
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in kept], dtype=np.float32)
        return cls({t: i for i, t in enumerate(kept)}, idf)

    def weights(self, text: str) -> dict[int, float]:
        """Column → weight of `text`'s known terms."""
        raw = {
            self.index[t]: (1 + math.log(c)) * float(self.idf[self.index[t]])
            for t, c in terms(text).items()
            if t in self.index
        }
        norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
        return {i: w / norm for i, w in raw.items()}


def dense_features(clause: np.ndarray, question: np.ndarray) -> np.ndarray:
    """The clause vector, the question vector and their element-wise product."""
    return np.concatenate([clause, question, clause * question])


@dataclass(frozen=True)
class ClauseModel:
    """Per-category logistic regressions over a clause and the question it answers."""

    categories: tuple[str, ...]
    threshold: float
    clause_terms: Vocabulary
    question_terms: Vocabulary
    coef: np.ndarray  # one row per category: 3 * 384 dense, then clause and question terms
    intercept: np.ndarray
    trained_on: tuple[str, ...]
    encoder: ClauseEncoder | None = None  # the fine-tuned half; None: the linear half alone

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> ClauseModel:
        """The shipped weights."""
        with np.load(path, allow_pickle=False) as z:
            encoder = ClauseEncoder.from_arrays({k: z[k] for k in z.files if k.startswith(PREFIX)})
            return cls(
                categories=tuple(str(c) for c in z["categories"]),
                threshold=float(z["threshold"]),
                clause_terms=Vocabulary(
                    {str(t): i for i, t in enumerate(z["clause_terms"])}, z["clause_idf"]
                ),
                question_terms=Vocabulary(
                    {str(t): i for i, t in enumerate(z["question_terms"])}, z["question_idf"]
                ),
                coef=z["coef"].astype(np.float32),
                intercept=z["intercept"].astype(np.float32),
                trained_on=tuple(str(s) for s in z["trained_on"]),
                encoder=encoder,
            )

    def save(self, path: Path = WEIGHTS) -> None:
        """Write the weights (float16: a few hundred kB, and the encoder's few MB)."""
        encoder: dict[str, Any] = self.encoder.arrays() if self.encoder else {}
        np.savez_compressed(
            path,
            categories=np.array(self.categories),
            threshold=np.array(self.threshold),
            clause_terms=np.array(self.clause_terms.terms),
            clause_idf=self.clause_terms.idf,
            question_terms=np.array(self.question_terms.terms),
            question_idf=self.question_terms.idf,
            coef=self.coef.astype(np.float16),
            intercept=self.intercept,
            trained_on=np.array(self.trained_on),
            **encoder,
        )

    def probabilities(
        self, clause: str, question: str, vectors: tuple[np.ndarray, np.ndarray]
    ) -> dict[str, float]:
        """Probability per category that `clause` (a reply to `question`) states such a fact."""
        dense = dense_features(*vectors)
        logits = self.coef[:, : dense.size] @ dense + self.intercept
        offset = dense.size
        for vocabulary, text, scale in (
            (self.clause_terms, clause, 1.0),
            (self.question_terms, question, QUESTION_WEIGHT),
        ):
            for column, weight in vocabulary.weights(text).items():
                logits += self.coef[:, offset + column] * (scale * weight)
            offset += len(vocabulary.index)
        return {
            c: 1 / (1 + math.exp(-float(v))) for c, v in zip(self.categories, logits, strict=True)
        }

    def read(
        self,
        clauses: list[str],
        question: str,
        vectors: list[list[float]],
        found: list[ExtractedFact],
        tuned: np.ndarray | None = None,
    ) -> list[ExtractedFact]:
        """Facts the rules missed in `clauses` (those `worth_reading`): `vectors` holds one
        vector per clause, then the question's; `tuned` the encoder's probabilities, one row
        per clause (`ClauseEncoder.probabilities`), averaged with the linear half's."""
        question_vector = np.asarray(vectors[-1], dtype=np.float32)
        added: list[ExtractedFact] = []
        for i, (clause, vector) in enumerate(zip(clauses, vectors[:-1], strict=True)):
            scores = self.probabilities(
                clause, question, (np.asarray(vector, dtype=np.float32), question_vector)
            )
            if tuned is not None:
                pairs = zip(scores.items(), tuned[i], strict=True)
                scores = {c: (p + float(t)) / 2 for (c, p), t in pairs}
            words = set(normalise(clause).split())
            for category, probability in scores.items():
                have = [f for f in [*found, *added] if f.category == category]
                if probability < self.threshold or (single_valued(category) and have):
                    continue
                if any(_covers(f.value, words) for f in have):
                    continue  # the rules already read this from the clause
                value = PHRASES[category](clause) if category in PHRASES else shortened(clause)
                if not value or not rules.plausible(category, value):
                    continue
                added.append(rules.stated(category, value, clause))
        return added


def shortened(clause: str, words: int = 20, chars: int = 160) -> str:
    """The clause as a stored value: a long one (a formal writer's sentence) keeps its first
    `words` words and `chars` characters, ending on a word that can end a phrase."""
    value = rules.clean_value(clause)
    if len(value.split()) <= words and len(value) <= chars:
        return value
    cut = " ".join(value.split()[:words])[:chars].rsplit(" ", 1)[0]
    while True:
        trimmed = rules.trim_dangling(cut.rstrip(" ,;:—–-"))
        if trimmed == cut:
            return cut
        cut = trimmed


def _covers(value: str, words: set[str]) -> bool:
    """At least half of a stored value's words are in the clause."""
    mine = set(normalise(value).split())
    return bool(mine) and len(mine & words) >= 0.5 * len(mine)


@lru_cache
def shipped() -> ClauseModel:
    """The shipped model, loaded once per process."""
    return ClauseModel.load()


def question_text(asked: str | None) -> str:
    """What the question features are computed from when there is no question."""
    return asked.strip() if asked and asked.strip() else _NO_QUESTION
