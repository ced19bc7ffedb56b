"""Fact extractors: the offline rules, or the configured model's structured output."""

from __future__ import annotations

import asyncio
import re
from functools import partial
from typing import Protocol

from openai import AsyncOpenAI

from coach.foreground import FOREGROUND
from coach.knowledge.embeddings import Embedder, MiniLMEmbedder
from coach.llm import structured
from coach.memory import answers, clause_model, phrase_tagger, rules
from coach.memory.clause_encoder import Reading
from coach.memory.facts import CATEGORIES, ExtractedFact, Extraction

INSTRUCTIONS = f"""\
You extract facts a person states about themselves or their business from one chat message to a
brand coach. Categories: {", ".join(CATEGORIES)}.
Rules: only facts the person states explicitly as true about themselves or their own business;
never questions, hypotheticals ("what if I charged…"), plans they are unsure of, or facts about
other people. `value` is short, in the person's own words. Set `change` when they say it
replaces what was true before; set `retire` when they say something is no longer true. `quote`
is the sentence that states it. When the coach's question is given, it is only there to make a
short reply clear ("Who buys most?" → "mums in their 30s" is the ideal customer): take facts from
the person's reply, never from the coach. Return an empty list when there is nothing."""


class Extractor(Protocol):
    """Finds facts in a message."""

    label: str

    async def extract(self, text: str, asked: str | None = None) -> list[ExtractedFact]:
        """Every explicit fact in `text`; `asked` is the coach's message it replies to, if any
        ("Who books you most?" makes "homeowners, mostly" an ideal customer)."""
        ...

    async def warm_up(self) -> None:
        """Load what the first extraction would, before the first person arrives."""
        ...


class RuleExtractor:
    """The offline extractor: the rules (`coach.memory.rules`, `coach.memory.answers`), then,
    given an embedder, the learned clause reader (`coach.memory.clause_model`) and phrase tagger
    (`coach.memory.phrase_tagger`) for what they missed in a chat message.

    A long text (an uploaded document) is read by the rules alone, paragraph by paragraph,
    stepping aside for replies being prepared between paragraphs, so it never holds the event
    loop for long.
    """

    label = "rules"
    long_text = 2_000
    slice = 1  # clauses scored by the encoder at a time: a reply waits ~12 ms at most (README)

    def __init__(
        self, embedder: Embedder | None = None, model: clause_model.ClauseModel | None = None
    ) -> None:
        self.embedder = embedder
        self.model = model  # None: the shipped weights

    async def warm_up(self) -> None:
        """Compile the rules, load the place names (~0.3 s) and the clause model in a thread,
        not on the event loop in the middle of the first job."""
        await asyncio.to_thread(rules.extract, "I'm Dana, based in leeds.")
        if self.embedder is not None:
            model = self.model if self.model else await asyncio.to_thread(clause_model.shipped)
            if self._runs_encoder(model):
                await self._score(model, ["warming up"], "?")

    async def extract(self, text: str, asked: str | None = None) -> list[ExtractedFact]:
        """Every explicit fact the rules recognise, the answers to the coach's question, the
        statements the clause model recognises that neither read, and the phrases the phrase
        tagger finds of a kind they hold none of."""
        if len(text) <= self.long_text:
            read = answers.extract(text, asked, rules.extract(text))
            return read + await self._learned(text, asked, read)
        found: list[ExtractedFact] = []
        for part in _pieces(text, self.long_text):
            await FOREGROUND.step_aside()
            # ~20 ms of regular expressions per piece: in a thread, so a reply that arrives
            # meanwhile shares the interpreter with it instead of waiting for the whole piece.
            found += await asyncio.to_thread(rules.extract, part)
        return found

    async def _learned(
        self, text: str, asked: str | None, found: list[ExtractedFact]
    ) -> list[ExtractedFact]:
        """The clause model's facts, embedding in the background (a reply goes first)."""
        if self.embedder is None:
            return []
        question = clause_model.question_text(asked)
        clauses = [c for c in clause_model.statement_clauses(text) if clause_model.worth_reading(c)]
        if not clauses or clause_model.reply_to_nothing(clauses, question):
            return []
        model = self.model or clause_model.shipped()
        vectors = await self.embedder.embed([*clauses, question], background=True)
        if not self._runs_encoder(model):
            return [f.as_guess() for f in model.read(clauses, question, vectors, found)]
        tuned = await self._score(model, clauses, question)
        added = model.read(clauses, question, vectors, found, tuned.probabilities)
        added += phrase_tagger.facts(tuned.phrases, clauses, found + added)
        return [f.as_guess() for f in added]

    def _runs_encoder(self, model: clause_model.ClauseModel) -> bool:
        """Whether `model` has an encoder and the embedder can run it: its layers are MiniLM's,
        so only the bundled model can."""
        return model.encoder is not None and isinstance(self.embedder, MiniLMEmbedder)

    async def _score(
        self, model: clause_model.ClauseModel, clauses: list[str], question: str
    ) -> Reading:
        """What the encoder reads in `clauses`, `slice` clauses at a time, as background work."""
        assert model.encoder is not None and isinstance(self.embedder, MiniLMEmbedder)
        read = model.encoder.read
        parts = [clauses[i : i + self.slice] for i in range(0, len(clauses), self.slice)]
        reading = await self.embedder.run(partial(read, parts[0], question))
        for part in parts[1:]:
            reading += await self.embedder.run(partial(read, part, question))
        return reading


def _pieces(text: str, size: int) -> list[str]:
    """Paragraphs, with any paragraph longer than `size` cut into runs of whole sentences."""
    pieces: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        if len(paragraph) <= size:
            pieces.append(paragraph)
            continue
        run = ""
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            if run and len(run) + len(sentence) > size:
                pieces.append(run)
                run = ""
            run = f"{run} {sentence}".strip()
        pieces.append(run)
    return [p for p in pieces if p.strip()]


class ModelExtractor:
    """One structured-output call per message, validated by pydantic.

    Errors propagate: the job that called it is retried with backoff, then recorded as failed.
    """

    label = "model"

    async def warm_up(self) -> None:
        """Nothing to load: the model runs elsewhere."""

    def __init__(self, client: AsyncOpenAI, *, model: str, api: str) -> None:
        self.client = client
        self.model = model
        self.api = api

    async def extract(self, text: str, asked: str | None = None) -> list[ExtractedFact]:
        """The model's facts for `text`, read as a reply to `asked` when given."""
        message = text if not asked else f"The coach asked:\n{asked}\n\nThe person replied:\n{text}"
        parsed = await structured.parse(
            self.client,
            model=self.model,
            api=self.api,
            instructions=INSTRUCTIONS,
            message=message,
            schema=Extraction,
        )
        return list(parsed.facts) if parsed is not None else []
