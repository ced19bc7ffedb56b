"""Stored persona versions and routing corrections (callers commit)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from coach.storage.models import Message, PersonaVersion, RoutingCorrection


async def latest_marker(session: AsyncSession) -> int:
    """The newest version row's id (0 when none): changes whenever any persona is edited."""
    return int(await session.scalar(select(func.coalesce(func.max(PersonaVersion.id), 0))) or 0)


async def live_versions(session: AsyncSession) -> list[PersonaVersion]:
    """The highest version of every slug that has one."""
    newest = (
        select(PersonaVersion.slug, func.max(PersonaVersion.version).label("version"))
        .group_by(PersonaVersion.slug)
        .subquery()
    )
    query = select(PersonaVersion).join(
        newest,
        (PersonaVersion.slug == newest.c.slug) & (PersonaVersion.version == newest.c.version),
    )
    return list(await session.scalars(query))


async def history(session: AsyncSession, *, slug: str) -> list[PersonaVersion]:
    """Every stored version of a persona, newest first."""
    query = (
        select(PersonaVersion)
        .where(PersonaVersion.slug == slug)
        .order_by(PersonaVersion.version.desc())
    )
    return list(await session.scalars(query))


async def add_version(
    session: AsyncSession, *, slug: str, definition: str, author: str | None, note: str | None
) -> PersonaVersion:
    """Store a new version, numbered one past the newest."""
    current = await session.scalar(
        select(func.coalesce(func.max(PersonaVersion.version), 0)).where(
            PersonaVersion.slug == slug
        )
    )
    row = PersonaVersion(
        slug=slug, version=int(current or 0) + 1, definition=definition, author=author, note=note
    )
    session.add(row)
    await session.flush()
    return row


async def add_correction(
    session: AsyncSession,
    *,
    message_id: uuid.UUID,
    user_id: uuid.UUID,
    routed: str,
    corrected: str,
    how: str,
) -> None:
    """Record that a person wanted `corrected` where the router chose `routed`."""
    session.add(
        RoutingCorrection(
            message_id=message_id, user_id=user_id, routed=routed, corrected=corrected, how=how
        )
    )
    await session.flush()


async def corrections(
    session: AsyncSession, *, since: datetime | None = None
) -> list[tuple[RoutingCorrection, str]]:
    """Corrections with the text of the message they correct, oldest first."""
    query = select(RoutingCorrection, Message.content).join(
        Message, Message.id == RoutingCorrection.message_id
    )
    if since is not None:
        query = query.where(RoutingCorrection.created_at >= since)
    rows = await session.execute(query.order_by(RoutingCorrection.created_at))
    return [(correction, content) for correction, content in rows.tuples()]
