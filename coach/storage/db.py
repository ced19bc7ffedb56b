"""The database handle: one async engine and its session factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from coach.config import Settings
from coach.storage.embedded import embedded_database_url


def database_url(settings: Settings) -> str:
    """The configured URL, normalised for asyncpg, or the embedded server's."""
    url = settings.database_url or embedded_database_url(settings.data_dir)
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


@dataclass
class Database:
    """An engine plus a session factory; sessions never autocommit."""

    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]

    @classmethod
    def connect(cls, url: str, *, pool_size: int = 10) -> Database:
        """Open a pool to `url` (nothing is connected until first use)."""
        engine = create_async_engine(url, pool_size=pool_size, max_overflow=20, pool_pre_ping=True)
        return cls(engine=engine, sessions=async_sessionmaker(engine, expire_on_commit=False))

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A unit of work: commit explicitly; anything uncommitted rolls back."""
        async with self.sessions() as session:
            yield session

    async def ping(self) -> None:
        """Fail fast with the driver's error when the database is unreachable."""
        async with self.engine.connect() as conn:
            await conn.execute(text("select 1"))

    async def close(self) -> None:
        """Release every pooled connection."""
        await self.engine.dispose()
