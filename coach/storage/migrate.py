"""Bring a database to the newest schema with Alembic."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

from coach.config import PROJECT_ROOT
from coach.storage.db import Database


def alembic_config() -> Config:
    """Alembic's config for this project, independent of the working directory."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    return config


def _run(connection: Connection, action: str, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    getattr(command, action)(config, revision)


async def upgrade(db: Database, revision: str = "head") -> None:
    """Migrate to `revision` (head by default); a no-op when already there."""
    async with db.engine.begin() as conn:
        await conn.run_sync(_run, "upgrade", revision)


async def downgrade(db: Database, revision: str) -> None:
    """Migrate down to `revision` ("base" removes every table)."""
    async with db.engine.begin() as conn:
        await conn.run_sync(_run, "downgrade", revision)
