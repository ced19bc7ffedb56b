"""Persona definitions as admins edit them: versioned in the database, built-ins as fallback."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime

from coach.errors import InvalidInput, NotFound
from coach.personas import SLUGS, Persona, builtin_personas, builtin_text, parse_persona
from coach.storage import personas as repo
from coach.storage.db import Database

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Version:
    """One stored version of a persona."""

    slug: str
    version: int
    definition: str
    author: str | None
    note: str | None
    created_at: datetime


class PersonaStore:
    """The live personas; re-read only when a version was added (one cheap query per use)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._marker: int | None = None
        self._live: dict[str, Persona] = builtin_personas()
        self._sources: dict[str, str] = dict.fromkeys(SLUGS, "built-in")
        self._lock = asyncio.Lock()

    async def all(self) -> dict[str, Persona]:
        """Every persona by slug: the newest valid stored version, else the built-in file."""
        async with self._lock:
            async with self.db.session() as session:
                marker = await repo.latest_marker(session)
                if marker == self._marker:
                    return self._live
                rows = await repo.live_versions(session)
            live, sources = dict(builtin_personas()), dict.fromkeys(SLUGS, "built-in")
            for row in rows:
                try:
                    persona = parse_persona(row.definition)
                    if persona.slug != row.slug:
                        raise ValueError(f"slug {persona.slug!r} stored under {row.slug!r}")
                except ValueError as error:
                    logger.warning(
                        "persona %s v%d is broken (%s); using built-in",
                        row.slug,
                        row.version,
                        error,
                    )
                    continue
                live[row.slug], sources[row.slug] = persona, f"version {row.version}"
            self._live, self._sources, self._marker = live, sources, marker
            return live

    async def show(self, slug: str) -> tuple[Persona, str]:
        """The live definition of one persona and where it comes from."""
        self._check(slug)
        live = await self.all()
        return live[slug], self._sources[slug]

    async def edit(
        self, slug: str, definition: str, *, author: str | None, note: str | None = None
    ) -> int:
        """Store a new version after checking it parses; returns its number."""
        self._check(slug)
        try:
            persona = parse_persona(definition)
        except ValueError as error:
            raise InvalidInput(f"That persona definition can't be used: {error}.") from error
        if persona.slug != slug:
            raise InvalidInput(f"The definition says slug {persona.slug!r}, not {slug!r}.")
        async with self.db.session() as session:
            row = await repo.add_version(
                session, slug=slug, definition=definition, author=author, note=note
            )
            await session.commit()
            return row.version

    async def history(self, slug: str) -> list[Version]:
        """Stored versions, newest first (version 0, the built-in, is implied)."""
        self._check(slug)
        async with self.db.session() as session:
            rows = await repo.history(session, slug=slug)
        return [
            Version(r.slug, r.version, r.definition, r.author, r.note, r.created_at) for r in rows
        ]

    async def rollback(self, slug: str, *, to: int | None = None, author: str | None = None) -> int:
        """Make an earlier version live again by copying it as a new version (0 = built-in)."""
        versions = await self.history(slug)
        if to is None:
            to = versions[1].version if len(versions) > 1 else 0
        if to == 0:
            definition = builtin_text(slug)
        else:
            match = [v for v in versions if v.version == to]
            if not match:
                raise NotFound(
                    f"{slug} has no version {to}; see `brand-coach personas history {slug}`."
                )
            definition = match[0].definition
        return await self.edit(slug, definition, author=author, note=f"rollback to version {to}")

    @staticmethod
    def _check(slug: str) -> None:
        if slug not in SLUGS:
            raise NotFound(f"No specialist {slug!r}; choose one of {', '.join(SLUGS)}.")
