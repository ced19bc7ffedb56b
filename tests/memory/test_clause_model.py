"""The learned clause reader: its features, the shipped weights, and what it adds to the rules."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from benchmarks.train_clause_model import UNSEEN
from coach.knowledge.embeddings import MiniLMEmbedder
from coach.memory import clause_model, rules
from coach.memory.clause_encoder import ClauseEncoder, build
from coach.memory.clause_model import ClauseModel, Vocabulary, statement_clauses
from coach.memory.extract import RuleExtractor


def test_tf_idf_matches_scikit_learn() -> None:
    texts = [
        "we sell sourdough and rye",
        "our sourdough is the best sourdough",
        "rye bread for cafes",
        "cafes and delis buy the rye",
    ]
    mine = Vocabulary.fit(texts, min_df=2)
    reference = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(texts)
    assert mine.index == reference.vocabulary_
    assert np.allclose(mine.idf, reference.idf_)
    for text in [*texts, "sourdough rye sourdough, nothing else"]:
        row = reference.transform([text]).toarray()[0]
        expected = {i: float(w) for i, w in enumerate(row) if w}
        got = mine.weights(text)
        assert got.keys() == expected.keys()
        assert all(abs(got[i] - expected[i]) < 1e-6 for i in got)


def test_statement_clauses_set_questions_and_hypotheticals_aside() -> None:
    message = "We sell candles to gift shops. Should I raise prices? Maybe I'll add soap one day."
    assert statement_clauses(message) == ["We sell candles to gift shops"]
    assert statement_clauses("thanks!") == []  # one word states nothing


def test_shipped_weights_were_never_fitted_on_the_unseen_sets() -> None:
    model = clause_model.shipped()
    assert set(model.categories) == set(clause_model.CATEGORIES)
    assert len(model.trained_on) >= 9
    assert UNSEEN and not set(UNSEEN) & set(model.trained_on)
    width = 3 * MiniLMEmbedder.dimensions
    assert model.coef.shape == (
        len(model.categories),
        width + len(model.clause_terms.index) + len(model.question_terms.index),
    )
    assert 0 < model.threshold < 1


def test_save_and_load_keep_the_model(tmp_path) -> None:  # type: ignore[no-untyped-def]
    model = clause_model.shipped()
    path = tmp_path / "copy.npz"
    model.save(path)
    again = ClauseModel.load(path)
    assert again.categories == model.categories and again.trained_on == model.trained_on
    assert again.clause_terms.index == model.clause_terms.index
    assert np.array_equal(again.coef, model.coef)  # already float16-rounded when shipped


async def facts(
    extractor: RuleExtractor, text: str, asked: str | None = None
) -> set[tuple[str, str]]:
    return {(f.category, f.value) for f in await extractor.extract(text, asked)}


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        (  # no rule reads an offer volunteered like this
            "Anything else I should know?",
            "We've started doing gift hampers at christmas too",
            ("offer", "We've started doing gift hampers at christmas"),
        ),
        (
            "Anything else on your mind?",  # no question about competition: the rules pass
            "the nursery on the ring road is the one everybody compares me to",
            ("competitor", "the nursery on the ring road is the one everybody compares me to"),
        ),
        (
            "Anything new with prices?",
            "wholesale boxes went up to 38 each",
            ("price", "wholesale boxes went up to 38 each"),
        ),
        (  # a location stores the place the clause names, not the clause
            "Anything else changing at the garage?",
            "we rent a bigger yard at Kilnhurst now, still Rotherham",
            ("location", "Kilnhurst"),
        ),
        (
            "Where do you see clients?",
            "mostly at my consulting room at Ranelagh, dublin 6",
            ("location", "Ranelagh, dublin"),
        ),
    ],
)
async def test_the_model_reads_what_the_rules_miss(
    embedder: MiniLMEmbedder, asked: str, text: str, expected: tuple[str, str]
) -> None:
    assert expected[0] not in {c for c, _ in await facts(RuleExtractor(), text, asked)}
    read = await RuleExtractor(embedder).extract(text, asked)
    assert expected in {(f.category, f.value) for f in read}
    assert all(f.tentative for f in read)  # a guess: it never contradicts a held value


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("Anything else on pricing?", "Should I charge more for weekend weddings?"),
        ("What's next?", "Maybe we could open a second shop one day, not sure"),
        ("Who do you compete with?", "My sister runs a florist in Leeds and charges £60"),
        ("Great, speak soon.", "thanks, talk soon!"),
    ],
)
async def test_the_model_adds_nothing_to_questions_plans_or_other_people(
    embedder: MiniLMEmbedder, asked: str, text: str
) -> None:
    assert await facts(RuleExtractor(embedder), text, asked) == await facts(
        RuleExtractor(), text, asked
    )


async def test_the_model_does_not_repeat_what_the_rules_read(embedder: MiniLMEmbedder) -> None:
    text = "My ideal customer is busy parents in Bristol, and we sell weekly meal boxes for £45."
    asked = "Who is it for?"
    rules_only = await facts(RuleExtractor(), text, asked)
    assert ("audience", "busy parents in Bristol") in rules_only
    assert await facts(RuleExtractor(embedder), text, asked) == rules_only


@pytest.mark.parametrize(
    ("clause", "worth"),
    [
        ("I decided", False),  # nothing besides the category word
        ("That is our core challenge", False),
        ("honestly yeah", False),
        ("new mums in their 30s", True),
        ("hired a guy for the deliveries", True),  # no "I", still a fact
        ("we started doing gift hampers", True),
    ],
)
def test_clauses_that_cannot_state_a_fact_are_not_embedded(clause: str, worth: bool) -> None:
    assert clause_model.worth_reading(clause) is worth


def test_a_long_clause_is_stored_shortened_to_a_phrase() -> None:
    clause = (
        "Mostly retired teachers from the valley, sixty and over, who come every Thursday "
        "afternoon for the slow walks and stay for the tea and the"
    )
    value = clause_model.shortened(clause)
    assert value == (
        "Mostly retired teachers from the valley, sixty and over, who come every Thursday "
        "afternoon for the slow walks"
    )
    assert rules.plausible("audience", value)
    assert clause_model.shortened("new mums in their 30s") == "new mums in their 30s"


@pytest.mark.parametrize(
    ("clauses", "asked", "nothing"),
    [
        (["new mums in their 30s"], None, True),  # opens a session: answers nothing asked now
        (["new mums in their 30s"], "Who buys most?", False),
        (["we mostly sell to new mums"], None, False),
        (["hired a guy", "starts monday"], None, False),
    ],
)
def test_a_lone_phrase_with_nothing_asked_is_not_read(
    clauses: list[str], asked: str | None, nothing: bool
) -> None:
    question = clause_model.question_text(asked)
    assert clause_model.reply_to_nothing(clauses, question) is nothing


def test_the_encoder_ships_and_survives_save_and_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    encoder = clause_model.shipped().encoder
    assert encoder is not None and encoder.layers >= 1
    path = tmp_path / "copy.npz"
    clause_model.shipped().save(path)
    again = ClauseModel.load(path).encoder
    assert again is not None and again.state.keys() == encoder.state.keys()
    assert all(np.array_equal(again.state[k], encoder.state[k]) for k in encoder.state)
    assert ClauseEncoder.from_arrays({}) is None  # weights from before the encoder: linear only


def test_the_encoder_reads_a_clause_with_its_question(embedder: MiniLMEmbedder) -> None:
    from coach.knowledge.embeddings import _load_minilm

    encoder = clause_model.shipped().encoder
    assert encoder is not None
    categories = clause_model.shipped().categories
    clauses = ["we never rush a first session, ever", "thanks, that helps a lot"]
    scores = encoder.read(clauses, "What do you stand for?", _load_minilm()).probabilities
    assert scores.shape == (2, len(categories))
    value = categories.index("value")
    assert scores[0][value] > 0.5 > scores[1].max()


def test_weights_that_do_not_fit_minilm_are_refused(embedder: MiniLMEmbedder) -> None:
    from coach.knowledge.embeddings import _load_minilm

    wrong = ClauseEncoder(
        layers=1, question_chars=10, state={"base.encoder.layer.9.x": np.zeros(2)}
    )
    with pytest.raises(ValueError, match="do not fit MiniLM"):
        build(wrong, _load_minilm())


@pytest.mark.parametrize(("tuned", "kept"), [(0.0, False), (1.0, True)])
def test_the_two_halves_are_averaged(embedder: MiniLMEmbedder, tuned: float, kept: bool) -> None:
    clause, asked = "we started doing gift hampers at christmas", "Anything else I should know?"
    question = clause_model.question_text(asked)
    vectors = embedder.embed_now([clause, question])
    shipped = clause_model.shipped()
    linear = shipped.probabilities(clause, question, tuple(np.asarray(v) for v in vectors))
    # a threshold the linear half alone passes, but not when averaged with a zero
    model = dataclasses.replace(shipped, threshold=0.75 * linear["offer"])
    scores = np.full((1, len(model.categories)), tuned)
    read = model.read([clause], question, vectors, [], scores)
    assert any(f.category == "offer" for f in read) is kept


async def test_the_extractor_runs_the_encoder_in_the_background(embedder: MiniLMEmbedder) -> None:
    shipped = clause_model.shipped()
    assert shipped.encoder is not None
    offer = shipped.categories.index("offer")
    bias = np.zeros(len(shipped.categories), dtype=np.float32)
    bias[offer] = 50.0  # an encoder sure that every clause is an offer
    state = shipped.encoder.state | {"head.bias": bias}
    sure = dataclasses.replace(shipped, encoder=dataclasses.replace(shipped.encoder, state=state))
    text, asked = "that walk along the canal was lovely this morning", "How was your weekend?"
    assert ("offer", text) not in await facts(RuleExtractor(embedder), text, asked)
    assert ("offer", text) in await facts(RuleExtractor(embedder, sure), text, asked)
    without = dataclasses.replace(sure, encoder=None)
    assert ("offer", text) not in await facts(RuleExtractor(embedder, without), text, asked)
