"""User rows: look-ups and creation (callers commit)."""

from __future__ import annotations

import uuid

from sqlalchemy import delete as sa_delete
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from coach.storage.models import User


def normalise_email(email: str) -> str:
    """Emails are stored and compared lower-cased and trimmed."""
    return email.strip().lower()


async def get_by_email(session: AsyncSession, *, email: str) -> User | None:
    """The user with this email, if any."""
    return await session.scalar(select(User).where(User.email == normalise_email(email)))


async def get(session: AsyncSession, *, user_id: uuid.UUID) -> User | None:
    """The user with this id, if any."""
    return await session.get(User, user_id)


async def add(
    session: AsyncSession,
    *,
    email: str,
    role: str,
    password_hash: str | None,
    display_name: str | None = None,
) -> User:
    """Insert a new user."""
    user = User(
        email=normalise_email(email),
        role=role,
        password_hash=password_hash,
        display_name=display_name,
    )
    session.add(user)
    await session.flush()
    return user


async def count(session: AsyncSession) -> int:
    """How many users exist."""
    return int(await session.scalar(select(func.count()).select_from(User)) or 0)


async def list_all(session: AsyncSession) -> list[User]:
    """Every user, oldest first."""
    return list(await session.scalars(select(User).order_by(User.created_at)))


async def delete(session: AsyncSession, *, user_id: uuid.UUID) -> bool:
    """Remove a user; every row that belongs to them goes with it (ON DELETE CASCADE)."""
    result = await session.execute(sa_delete(User).where(User.id == user_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def set_role(session: AsyncSession, *, email: str, role: str) -> User | None:
    """Change a user's role; None when there is no such user."""
    user = await get_by_email(session, email=email)
    if user is not None:
        user.role = role
        await session.flush()
    return user


async def set_disabled(session: AsyncSession, *, email: str, disabled: bool) -> User | None:
    """Disable (or re-enable) a user's login; None when there is no such user."""
    user = await get_by_email(session, email=email)
    if user is not None:
        user.disabled = disabled
        await session.flush()
    return user
