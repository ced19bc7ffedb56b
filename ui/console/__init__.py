"""The review console, mounted on Chainlit's FastAPI app in front of its catch-all route."""

from __future__ import annotations

from fastapi import FastAPI

CATCH_ALL = "/{full_path:path}"


def mount_console(app: FastAPI) -> None:
    """Add the console's routes ahead of Chainlit's `/{full_path:path}` (Chainlit issue #1819).

    Chainlit registers a catch-all GET that serves its single-page app for any path; routes added
    after it are never reached, so ours are moved to just before it. Calling this twice is a no-op.
    """
    from ui.console.routes import router

    routes = app.router.routes
    if any(getattr(r, "path", None) == "/console" for r in routes):
        return
    before = len(routes)
    app.include_router(router)
    ours = routes[before:]
    del routes[before:]
    catch_all = next((i for i, r in enumerate(routes) if _holds_catch_all(r)), len(routes))
    routes[catch_all:catch_all] = ours


def _holds_catch_all(route: object) -> bool:
    """The catch-all itself, or (FastAPI ≥ 0.12x) the included router that contains it."""
    if getattr(route, "path", None) == CATCH_ALL:
        return True
    inner = getattr(getattr(route, "original_router", None), "routes", [])
    return any(getattr(r, "path", None) == CATCH_ALL for r in inner)
