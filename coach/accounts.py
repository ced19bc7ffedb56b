"""Accounts: creating people, checking passwords, the first admin."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from coach.errors import InvalidInput
from coach.storage import users
from coach.storage.db import Database
from coach.storage.models import ROLES

_hasher = PasswordHasher()
FIRST_ADMIN_EMAIL = "admin@brandcoach.local"


@dataclass(frozen=True)
class Account:
    """Who is logged in: enough to authorise and to address them."""

    id: uuid.UUID
    email: str
    role: str
    display_name: str | None
    disabled: bool = False
    created_at: datetime | None = None


def _account(row: users.User) -> Account:
    return Account(row.id, row.email, row.role, row.display_name, row.disabled, row.created_at)


class Accounts:
    """People who can log in, with argon2id password hashes."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(
        self,
        email: str,
        *,
        role: str = "member",
        password: str | None = None,
        display_name: str | None = None,
    ) -> Account:
        """Create an account; without a password the person cannot log in to the browser."""
        if role not in ROLES:
            raise InvalidInput(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
        if "@" not in email:
            raise InvalidInput(f"{email!r} is not an email address.")
        async with self.db.session() as session:
            if await users.get_by_email(session, email=email):
                raise InvalidInput(f"{email} already has an account.")
            row = await users.add(
                session,
                email=email,
                role=role,
                display_name=display_name,
                password_hash=_hasher.hash(password) if password else None,
            )
            await session.commit()
            return _account(row)

    async def find(self, email: str) -> Account | None:
        """The account with this email, if any (disabled accounts included)."""
        async with self.db.session() as session:
            row = await users.get_by_email(session, email=email)
            return _account(row) if row else None

    async def find_enabled(self, email: str) -> Account | None:
        """The account with this email, unless it is missing or disabled."""
        account = await self.find(email)
        return account if account and not account.disabled else None

    async def all(self) -> list[Account]:
        """Every account, oldest first."""
        async with self.db.session() as session:
            return [_account(row) for row in await users.list_all(session)]

    async def set_role(self, email: str, role: str) -> Account:
        """Give an account another role."""
        if role not in ROLES:
            raise InvalidInput(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
        async with self.db.session() as session:
            row = await users.set_role(session, email=email, role=role)
            if row is None:
                raise InvalidInput(f"{email} has no account.")
            await session.commit()
            return _account(row)

    async def set_disabled(self, email: str, *, disabled: bool = True) -> Account:
        """Stop (or allow again) an account from logging in; its history is kept."""
        async with self.db.session() as session:
            row = await users.set_disabled(session, email=email, disabled=disabled)
            if row is None:
                raise InvalidInput(f"{email} has no account.")
            await session.commit()
            return _account(row)

    async def ensure(self, email: str, *, role: str = "member") -> Account:
        """The account with this email, created without a password if missing (terminal use)."""
        return await self.find(email) or await self.add(email, role=role)

    async def authenticate(self, email: str, password: str) -> Account | None:
        """The account if the password matches and the account is enabled."""
        async with self.db.session() as session:
            row = await users.get_by_email(session, email=email)
            if row is None or row.disabled or not row.password_hash:
                _hasher.hash(password)  # same work either way, so timing reveals nothing
                return None
            try:
                _hasher.verify(row.password_hash, password)
            except (VerificationError, InvalidHashError):
                return None
            return _account(row)

    async def create_first_admin(self) -> tuple[str, str] | None:
        """On a database with no users, create an admin and return (email, password) once."""
        async with self.db.session() as session:
            if await users.count(session) > 0:
                return None
        password = secrets.token_urlsafe(12)
        await self.add(FIRST_ADMIN_EMAIL, role="admin", password=password, display_name="Admin")
        return FIRST_ADMIN_EMAIL, password

    async def delete(self, account_id: uuid.UUID) -> bool:
        """Delete an account and everything derived from it: the conversation, its sessions and
        messages, feedback, profile facts, semantic memory and queued jobs (all cascade)."""
        async with self.db.session() as session:
            removed = await users.delete(session, user_id=account_id)
            await session.commit()
        return removed
