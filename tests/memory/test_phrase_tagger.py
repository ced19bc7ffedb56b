"""The phrase tagger: how tags become phrases and facts, its shipped weights, and its use."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from benchmarks.train_clause_encoder import piece_tags
from coach.knowledge.embeddings import MiniLMEmbedder
from coach.memory import clause_model, phrase_tagger, rules
from coach.memory.clause_encoder import ClauseEncoder
from coach.memory.clause_model import ClauseModel
from coach.memory.extract import RuleExtractor
from coach.memory.phrase_tagger import PhraseTagger

TAGS = ("O", "B-industry", "I-industry", "B-role", "I-role")
CLAUSE = "i do drone surveying mostly"
# word pieces: i | do | drone | survey | ##ing | mostly
OFFSETS = [(0, 1), (2, 4), (5, 10), (11, 17), (17, 20), (21, 27)]


def probabilities(**tagged: tuple[str, float]) -> np.ndarray:
    """One row per word piece of CLAUSE: "O" unless `tagged` names the piece (by index)."""
    rows = np.zeros((len(OFFSETS), len(TAGS)))
    rows[:, 0] = 1.0
    for index, (tag, p) in tagged.items():
        row = int(index.removeprefix("piece"))
        rows[row] = 0.0
        rows[row, 0], rows[row, TAGS.index(tag)] = 1 - p, p
    return rows


def tagger(threshold: float = 0.85) -> PhraseTagger:
    return PhraseTagger(tags=TAGS, kernel=3, threshold=threshold, state={})


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        (  # a run of tags, widened to the end of its last word
            {"piece2": ("B-industry", 0.95), "piece3": ("I-industry", 0.9)},
            [("industry", "drone surveying")],
        ),
        ({"piece2": ("B-industry", 0.6)}, []),  # "O" not unlikely enough
        ({"piece4": ("B-industry", 0.95)}, []),  # starts inside a word: "ing"
        ({"piece1": ("B-role", 0.95)}, []),  # under four letters: "do"
        (  # a run ends where the category changes
            {"piece2": ("B-industry", 0.95), "piece3": ("I-role", 0.9)},
            [("industry", "drone"), ("role", "surveying")],
        ),
    ],
)
def test_phrases_are_runs_of_tags_in_whole_words(
    tagged: dict[str, tuple[str, float]], expected: list[tuple[str, str]]
) -> None:
    assert tagger().phrases(probabilities(**tagged), OFFSETS, CLAUSE) == expected


def test_a_phrase_becomes_a_fact_only_for_a_kind_nothing_else_read() -> None:
    clauses = ["we run the after-school club at Orchid School", "tiny drone survey outfit"]
    phrases = [[("industry", "after-school club at Orchid School")], [("industry", "drone survey")]]
    added = phrase_tagger.facts(phrases, clauses, [])
    # a proper name inside a kind of business is a place or another business: skipped
    assert [(f.category, f.value, f.quote) for f in added] == [
        ("industry", "drone survey", "tiny drone survey outfit")
    ]
    rule_read = [rules.stated("industry", "surveying", "I do surveying")]
    assert phrase_tagger.facts(phrases, clauses, rule_read) == []


def test_training_tags_the_word_pieces_of_each_phrase() -> None:
    row = {"clause": CLAUSE, "phrases": [("industry", "Drone Survey")]}
    b, i = TAGS.index("B-industry"), TAGS.index("I-industry")
    assert piece_tags(row, OFFSETS, TAGS) == [0, 0, b, i, 0, 0]
    assert piece_tags({"clause": CLAUSE, "phrases": [("industry", "kayaks")]}, OFFSETS, TAGS) == [
        0
    ] * len(OFFSETS)


def test_the_tagger_ships_and_survives_save_and_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    encoder = clause_model.shipped().encoder
    assert encoder is not None and encoder.tagger is not None
    assert set(encoder.tagger.categories) == clause_model.LEFT_TO_RULES
    path = tmp_path / "copy.npz"
    clause_model.shipped().save(path)
    again = ClauseModel.load(path).encoder
    assert again is not None and again.tagger is not None
    assert again.tagger.tags == encoder.tagger.tags
    assert again.tagger.threshold == encoder.tagger.threshold
    assert all(np.array_equal(again.tagger.state[k], v) for k, v in encoder.tagger.state.items())
    without = {k: v for k, v in encoder.arrays().items() if not k.startswith(phrase_tagger.PREFIX)}
    older = ClauseEncoder.from_arrays(without)  # weights from before the tagger: no phrases
    assert older is not None and older.tagger is None


def test_the_shipped_tagger_reads_a_business_name(embedder: MiniLMEmbedder) -> None:
    from coach.knowledge.embeddings import _load_minilm

    encoder = clause_model.shipped().encoder
    assert encoder is not None
    clauses = ["the business is Copper Kettle Bakes, tiny home bakery", "lovely walk this morning"]
    read = encoder.read(clauses, "Does it have a name?", _load_minilm())
    assert ("company", "Copper Kettle Bakes") in read.phrases[0]
    assert read.phrases[1] == []


async def test_the_extractor_adds_the_taggers_phrases(embedder: MiniLMEmbedder) -> None:
    shipped = clause_model.shipped()
    assert shipped.encoder is not None and shipped.encoder.tagger is not None
    tagger = shipped.encoder.tagger
    bias = np.full(len(tagger.tags), -50.0, dtype=np.float32)
    bias[tagger.tags.index("B-industry")] = 50.0  # a tagger sure every word starts a business kind
    sure_tagger = dataclasses.replace(tagger, state=tagger.state | {"out.2.bias": bias})
    sure = dataclasses.replace(
        shipped, encoder=dataclasses.replace(shipped.encoder, tagger=sure_tagger)
    )
    text, asked = "that walk along the canal was lovely this morning", "How was your weekend?"

    def industries(found: list) -> list[str]:  # type: ignore[type-arg]
        return [f.value for f in found if f.category == "industry"]

    assert industries(await RuleExtractor(embedder).extract(text, asked)) == []
    found = industries(await RuleExtractor(embedder, sure).extract(text, asked))
    assert len(found) == 1 and found[0] in text.split()  # one kind of business: single-valued
    untagged = dataclasses.replace(sure, encoder=dataclasses.replace(sure.encoder, tagger=None))
    assert industries(await RuleExtractor(embedder, untagged).extract(text, asked)) == []
