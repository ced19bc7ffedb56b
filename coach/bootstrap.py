"""The one place that wires settings, storage, models and memory into a working coach."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from coach.accounts import Accounts
from coach.coach import Coach
from coach.config import Settings
from coach.history import History
from coach.knowledge.embeddings import Embedder, MiniLMEmbedder
from coach.knowledge.library import Library
from coach.knowledge.shipped import load_shipped_knowledge
from coach.kv import Counters, make_counters
from coach.llm.base import LLM
from coach.llm.chat import ChatCompletionsModel
from coach.llm.offline import OfflineCoach
from coach.llm.openai_client import make_client
from coach.llm.responses import ResponsesModel
from coach.llm.tiebreak import ModelTieBreaker
from coach.memory.extract import Extractor, ModelExtractor, RuleExtractor
from coach.memory.jobs import JobQueue
from coach.memory.service import Memory, Summarizer
from coach.memory.summary import ExtractiveSummarizer, ModelSummarizer
from coach.personas import builtin_personas
from coach.personas.store import PersonaStore
from coach.routing import Router
from coach.routing.classifier import ExampleClassifier
from coach.storage import migrate
from coach.storage.db import Database, database_url

logger = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Everything a front end (browser, terminal, benchmark) needs, built once per process."""

    settings: Settings
    db: Database
    coach: Coach
    accounts: Accounts
    history: History
    library: Library
    counters: Counters
    memory: Memory
    queue: JobQueue

    async def close(self) -> None:
        """Release connections."""
        await self.counters.close()
        await self.db.close()


def build_llm(settings: Settings) -> LLM:
    """The configured model, or the offline coach when none is configured."""
    if not settings.llm_configured:
        return OfflineCoach(delay=settings.offline_stream_delay)
    client = make_client(settings)
    if settings.openai_api == "chat":
        return ChatCompletionsModel(client)
    return ResponsesModel(client)


def build_tiebreaker(settings: Settings) -> ModelTieBreaker | None:
    """The LLM tie-break stage, only when a model is configured."""
    if not settings.llm_configured:
        return None
    return ModelTieBreaker(
        make_client(settings),
        model=settings.model,
        api=settings.openai_api,
        personas=builtin_personas(),
    )


def build_extractor(settings: Settings, embedder: Embedder) -> Extractor:
    """The model's structured output when a model is configured, else the offline rules and
    clause model."""
    if not settings.llm_configured:
        return RuleExtractor(embedder)
    return ModelExtractor(make_client(settings), model=settings.model, api=settings.openai_api)


def build_summarizer(settings: Settings) -> Summarizer:
    """The model when configured, else the extractive summary."""
    if not settings.llm_configured:
        return ExtractiveSummarizer()
    return ModelSummarizer(make_client(settings), model=settings.model, api=settings.openai_api)


def build_runtime(
    settings: Settings, *, llm: LLM | None = None, embedder: Embedder | None = None
) -> Runtime:
    """Wire the product together (connects lazily; nothing touches the network here)."""
    db = Database.connect(database_url(settings))
    embedder = embedder or MiniLMEmbedder()
    library = Library(
        db,
        embedder,
        chunk_tokens=settings.chunk_tokens,
        overlap_tokens=settings.chunk_overlap_tokens,
    )
    counters = make_counters(settings.redis_url)
    queue = JobQueue(
        db,
        lease_seconds=settings.job_lease_seconds,
        max_attempts=settings.job_max_attempts,
        backoff_seconds=settings.job_backoff_seconds,
    )
    memory = Memory(
        db,
        embedder,
        extractor=build_extractor(settings, embedder),
        summarizer=build_summarizer(settings),
        queue=queue,
        window_turns=settings.history_turns,
        window_tokens=settings.history_token_budget,
        recall_limit=settings.recall_results,
        recall_min_similarity=settings.recall_min_similarity,
    )
    coach = Coach(
        settings=settings,
        db=db,
        router=Router(ExampleClassifier(embedder), tiebreaker=build_tiebreaker(settings)),
        personas=PersonaStore(db),
        llm=llm or build_llm(settings),
        library=library,
        memory=memory,
        counters=counters,
    )
    return Runtime(settings, db, coach, Accounts(db), History(db), library, counters, memory, queue)


async def prepare(runtime: Runtime) -> tuple[str, str] | None:
    """Migrate, load the shipped knowledge and create the first admin if there are no users.

    Returns the first admin's (email, password) when one was just created.
    """
    await migrate.upgrade(runtime.db)
    await load_shipped_knowledge(runtime.library, runtime.settings.knowledge_dir)
    return await runtime.accounts.create_first_admin()
