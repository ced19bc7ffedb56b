"""The console's routes on a bare FastAPI app (with a catch-all like Chainlit's), in process."""

from __future__ import annotations

import os

import httpx
from chainlit.auth import create_jwt
from chainlit.user import User
from fastapi import FastAPI

import ui.console.routes as console_routes
import ui.runtime
from coach.bootstrap import Runtime
from coach.review.console import Review
from ui.console import mount_console

SECRET = "console-test-secret-" + "x" * 32


def console_app(runtime: Runtime) -> FastAPI:
    """An app whose console reads `runtime`; its catch-all proves the routes come first."""
    os.environ.setdefault("CHAINLIT_AUTH_SECRET", SECRET)
    ui.runtime._runtime = runtime
    console_routes._review = Review(runtime.db, dashboard_ttl=0)
    app = FastAPI()

    @app.get("/{full_path:path}")
    async def spa(full_path: str) -> dict[str, str]:
        return {"spa": full_path}

    mount_console(app)
    return app


def client(app: FastAPI, email: str | None = None) -> httpx.AsyncClient:
    """An HTTP client logged in as `email` through Chainlit's access-token cookie."""
    cookies = {"access_token": create_jwt(User(identifier=email))} if email else {}
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://console.test", cookies=cookies
    )
