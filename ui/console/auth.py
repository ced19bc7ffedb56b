"""Who is asking: the Chainlit login token, checked against the users table on every request.

Decisions:
- The console trusts only Chainlit's signed `access_token` (cookie, or `Authorization: Bearer`)
  for *who* the person is, and reads their role and `disabled` flag from the database on every
  request, so a role change or a disabled account takes effect at once.
- Pages answer an anonymous visitor with a redirect to /login; APIs and exports with 401.
  A logged-in person whose role does not allow the page gets 403.
- Admin forms carry a CSRF token: an HMAC of the login token under the auth secret, checked
  together with the request's Origin (when the browser sends one).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from urllib.parse import urlsplit

from chainlit.auth import decode_jwt, get_token_from_cookies
from fastapi import HTTPException, Request
from fastapi.security.utils import get_authorization_scheme_param

from coach.accounts import Account
from ui.runtime import runtime

READERS = ("reviewer", "admin")
KNOWLEDGE = ("coach", "reviewer", "admin")
ADMINS = ("admin",)


def login_token(request: Request) -> str | None:
    """Chainlit's access token from its cookie, else from a bearer header."""
    token = get_token_from_cookies(request.cookies)
    if token:
        return token
    scheme, value = get_authorization_scheme_param(request.headers.get("Authorization"))
    return value if scheme.lower() == "bearer" and value else None


async def viewer(request: Request) -> Account | None:
    """The logged-in, enabled account making the request, if any."""
    token = login_token(request)
    if not token:
        return None
    try:
        user = decode_jwt(token)
    except Exception:  # any invalid, expired or forged token is simply not a login
        return None
    return await runtime().accounts.find_enabled(user.identifier)


async def require(request: Request, roles: tuple[str, ...], *, api: bool = False) -> Account:
    """The viewer when their role is one of `roles`; else 401/redirect (anonymous) or 403."""
    account = await viewer(request)
    if account is None:
        if api:
            raise HTTPException(401, "Log in first.", headers={"WWW-Authenticate": "Bearer"})
        raise HTTPException(303, "Log in first.", headers={"Location": "/login"})
    if account.role not in roles:
        raise HTTPException(403, "Your role does not give access to this page.")
    return account


def _secret() -> bytes:
    return os.environ.get("CHAINLIT_AUTH_SECRET", "").encode() or b"no-secret"


def csrf_token(request: Request) -> str:
    """The CSRF token for forms on this page, bound to the current login."""
    token = login_token(request) or ""
    return hmac.new(_secret(), b"csrf:" + token.encode(), hashlib.sha256).hexdigest()


def check_csrf(request: Request, submitted: str) -> None:
    """Refuse a form post that did not come from our own page."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "This form was sent from another site.")
    if not hmac.compare_digest(submitted, csrf_token(request)):
        raise HTTPException(403, "This form has expired; reload the page and try again.")
