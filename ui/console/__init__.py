"""The review console, mounted on Chainlit's FastAPI app in front of its catch-all route."""

from __future__ import annotations

from fastapi import FastAPI


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
    catch_all = next(
        (i for i, r in enumerate(routes) if getattr(r, "path", "") == "/{full_path:path}"),
        len(routes),
    )
    routes[catch_all:catch_all] = ours
