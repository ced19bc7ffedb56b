"""The schema migrates up, down and up again on a real PostgreSQL."""

from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.engine import make_url

from coach.config import Settings
from coach.storage import migrate
from coach.storage.db import Database

TABLES = {
    "users",
    "conversations",
    "sessions",
    "messages",
    "feedback",
    "knowledge_bases",
    "documents",
    "chunks",
    "persona_versions",
    "routing_corrections",
    "chunk_terms",
    "term_stats",
    "facts",
    "memory_items",
    "jobs",
}


async def _tables(db: Database) -> set[str]:
    async with db.engine.connect() as conn:
        rows = await conn.execute(text("select tablename from pg_tables where schemaname='public'"))
        return {row[0] for row in rows}


async def test_upgrade_downgrade_upgrade(settings: Settings) -> None:
    url = make_url(settings.database_url or "")
    scratch = f"migration_{uuid.uuid4().hex[:8]}"
    admin = Database.connect(url.render_as_string(hide_password=False))
    async with admin.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
        await conn.execute(text(f'create database "{scratch}"'))
    db = Database.connect(url.set(database=scratch).render_as_string(hide_password=False))
    try:
        await migrate.upgrade(db)
        assert await _tables(db) >= TABLES
        async with db.engine.connect() as conn:
            version = await conn.scalar(
                text("select extversion from pg_extension where extname='vector'")
            )
        assert version is not None

        await migrate.downgrade(db, "base")
        assert not (TABLES & await _tables(db))

        await migrate.upgrade(db)
        assert await _tables(db) >= TABLES
    finally:
        await db.close()
        async with admin.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
            await conn.execute(text(f'drop database "{scratch}" with (force)'))
        await admin.close()
