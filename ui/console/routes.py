"""The console's pages and APIs, served by Chainlit's own FastAPI app under /console.

Every handler checks the viewer's role on the server before reading anything: reviewers and
admins read conversations, the dashboard and exports; coaches (and reviewers, admins) read the
knowledge pages; admins manage users. Nothing here writes except the admin's user forms.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from jinja2 import Environment, FileSystemLoader, select_autoescape

from coach.accounts import Account
from coach.errors import InvalidInput
from coach.memory.facts import label
from coach.metrics import exposition
from coach.review import export
from coach.review.charts import bar_chart, line_chart
from coach.review.console import Review
from coach.review.dashboard import Dashboard
from coach.review.filters import ReviewFilter
from coach.storage.models import ROLES
from ui.console.auth import ADMINS, KNOWLEDGE, READERS, check_csrf, csrf_token, require, viewer
from ui.runtime import runtime

router = APIRouter()
templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)
templates.filters["fact_label"] = label  # "audience" → "Ideal customers"
_review: Review | None = None


def review() -> Review:
    """The process's read model over the runtime's database."""
    global _review
    if _review is None:
        _review = Review(runtime().db)
    return _review


async def _names() -> dict[str, str]:
    return {slug: p.name for slug, p in (await runtime().coach.personas.all()).items()}


async def _page(template: str, viewer: Account, **context: Any) -> HTMLResponse:
    names = await _names()
    html = templates.get_template(template).render(
        viewer=viewer, names=names, personas=sorted(names.items()), **context
    )
    return HTMLResponse(html)


def _filter(request: Request) -> ReviewFilter:
    try:
        return ReviewFilter.from_params(request.query_params)
    except InvalidInput as error:
        raise HTTPException(400, str(error)) from error


def _query(params: dict[str, str]) -> str:
    return "?" + urlencode(params) if params else ""


@router.get("/console")
async def home(request: Request) -> Response:
    """Send each role to the first page it may read."""
    account = await require(request, KNOWLEDGE)
    return RedirectResponse(
        "/console/conversations" if account.role in READERS else "/console/kb", 303
    )


@router.get("/console/conversations")
async def conversations(request: Request) -> Response:
    """The filtered list of replies, newest first."""
    account = await require(request, READERS)
    flt = _filter(request)
    page = await review().page(flt, after=request.query_params.get("after"))
    params = flt.as_params()
    return await _page(
        "conversations.html",
        account,
        title="Conversations",
        section="conversations",
        flt=flt,
        page=page,
        query=_query(params),
        next_query=_query({**params, "after": page.after or ""}),
    )


@router.get("/console/conversations/{session_id}")
async def transcript(request: Request, session_id: str) -> Response:
    """One session, turn by turn, with every reply's routing, sources, cost and feedback."""
    account = await require(request, READERS)
    found = await review().transcript(session_id)
    if found is None:
        raise HTTPException(404, "There is no such session.")
    return await _page(
        "transcript.html", account, title="Transcript", section="conversations", transcript=found
    )


@router.get("/console/export.{fmt}")
async def export_replies(request: Request, fmt: str) -> Response:
    """The filtered replies as JSONL or CSV, streamed."""
    await require(request, READERS, api=True)
    if fmt not in ("jsonl", "csv"):
        raise HTTPException(404, "Export as .jsonl or .csv.")
    flt = _filter(request)
    media = "application/x-ndjson" if fmt == "jsonl" else "text/csv; charset=utf-8"
    name = f"brand-coach-replies-{date.today().isoformat()}.{fmt}"
    return StreamingResponse(
        export.encode(review().export(flt), fmt),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def charts(board: Dashboard, names: dict[str, str]) -> list[str]:
    """The dashboard's six charts as SVG."""
    labels = [d.strftime("%m-%d") for d in board.days]
    slugs = sorted({p for per in board.replies.values() for p in per} | set(board.feedback))
    per_persona = {
        names.get(p, p): [float(board.replies.get(d, {}).get(p, 0)) for d in board.days]
        for p in slugs
    }
    latency: dict[str, list[float | None]] = {
        "p50": [board.latency[d][0] if d in board.latency else None for d in board.days],
        "p95": [board.latency[d][1] if d in board.latency else None for d in board.days],
    }
    tokens = {
        "input": [float(board.tokens.get(d, (0, 0))[0]) for d in board.days],
        "output": [float(board.tokens.get(d, (0, 0))[1]) for d in board.days],
    }
    cost: dict[str, list[float | None]] = {"cost": [board.cost.get(d, 0.0) for d in board.days]}
    feedback = {
        "feedback rate %": [board.feedback[p].rate * 100 for p in slugs],
        "thumbs up %": [board.feedback[p].positive * 100 for p in slugs],
    }
    buckets = [f"{n / 10:.1f}" for n in range(len(board.confidence))]
    top = board.documents[:8]
    return [
        bar_chart(
            "Replies per day by specialist", labels, per_persona, y_label="replies", x_label="day"
        ),
        line_chart("Reply latency per day", labels, latency, y_label="ms", x_label="day"),
        bar_chart("Tokens per day", labels, tokens, y_label="tokens", x_label="day"),
        line_chart("Cost per day", labels, cost, y_label="USD", x_label="day"),
        bar_chart(
            "Feedback per specialist",
            [names.get(p, p) for p in slugs if p in board.feedback],
            {k: v for k, v in feedback.items()},
            y_label="%",
            x_label="specialist",
            stacked=False,
        ),
        bar_chart(
            "Routing confidence",
            buckets,
            {"replies": [float(n) for n in board.confidence]},
            y_label="replies",
            x_label="confidence (lower bound)",
        ),
        bar_chart(
            "Top cited documents",
            [d.title[:14] for d in top],
            {
                "thumbs up": [float(d.up) for d in top],
                "thumbs down": [float(d.down) for d in top],
                "not rated": [float(d.replies - d.rated) for d in top],
            },
            y_label="replies citing it",
            x_label="document",
        ),
    ]


@router.get("/console/dashboard")
async def dashboard(request: Request) -> Response:
    """Charts and tables of how the coach is doing."""
    account = await require(request, READERS)
    flt = _filter(request)
    board = await review().dashboard.compute(flt)
    names = await _names()
    return await _page(
        "dashboard.html",
        account,
        title="Dashboard",
        section="dashboard",
        flt=flt,
        board=board,
        charts=charts(board, names),
    )


@router.get("/console/api/dashboard")
async def dashboard_json(request: Request) -> Response:
    """The dashboard's figures as JSON."""
    await require(request, READERS, api=True)
    board = await review().dashboard.compute(_filter(request))
    return JSONResponse(board.as_json())


@router.get("/console/kb")
async def knowledge_bases(request: Request) -> Response:
    """Every knowledge base with its size."""
    account = await require(request, KNOWLEDGE)
    bases = await review().bases()
    return await _page("kb_index.html", account, title="Knowledge", section="kb", bases=bases)


@router.get("/console/kb/{name}")
async def knowledge_base(request: Request, name: str) -> Response:
    """A base's documents: how often each was cited and the feedback on those replies."""
    account = await require(request, KNOWLEDGE)
    rows = await review().base(name)
    if rows is None:
        raise HTTPException(404, "There is no such knowledge base.")
    return await _page("kb.html", account, title=name, section="kb", name=name, rows=rows)


async def _users_page(
    request: Request, account: Account, *, message: str = "", error: str = "", status: int = 200
) -> HTMLResponse:
    page = await _page(
        "users.html",
        account,
        title="Users",
        section="users",
        accounts=await runtime().accounts.all(),
        roles=ROLES,
        csrf=csrf_token(request),
        message=message,
        error=error,
    )
    page.status_code = status
    return page


@router.get("/console/users")
async def users(request: Request) -> Response:
    """Accounts with forms to add, change roles and disable (admins only)."""
    return await _users_page(request, await require(request, ADMINS))


@router.post("/console/users")
async def add_user(
    request: Request, email: str = Form(...), role: str = Form(...), csrf: str = Form("")
) -> Response:
    """Create an account; its generated password is shown once."""
    account = await require(request, ADMINS)
    check_csrf(request, csrf)
    password = secrets.token_urlsafe(12)
    try:
        added = await runtime().accounts.add(email, role=role, password=password)
    except InvalidInput as error:
        return await _users_page(request, account, error=str(error), status=400)
    message = f"Added {added.email} ({added.role}). Password (shown once): {password}"
    return await _users_page(request, account, message=message)


@router.post("/console/users/role")
async def set_role(
    request: Request, email: str = Form(...), role: str = Form(...), csrf: str = Form("")
) -> Response:
    """Change a person's role (an admin cannot demote themselves, to avoid a lock-out)."""
    account = await require(request, ADMINS)
    check_csrf(request, csrf)
    if email.strip().lower() == account.email and role != "admin":
        return await _users_page(request, account, error="You cannot demote yourself.", status=400)
    try:
        changed = await runtime().accounts.set_role(email, role)
    except InvalidInput as error:
        return await _users_page(request, account, error=str(error), status=400)
    return await _users_page(request, account, message=f"{changed.email} is now {changed.role}.")


@router.post("/console/users/disabled")
async def set_disabled(
    request: Request, email: str = Form(...), disabled: str = Form("1"), csrf: str = Form("")
) -> Response:
    """Disable or re-enable a person's login (never one's own)."""
    account = await require(request, ADMINS)
    check_csrf(request, csrf)
    if email.strip().lower() == account.email:
        return await _users_page(request, account, error="You cannot disable yourself.", status=400)
    try:
        changed = await runtime().accounts.set_disabled(email, disabled=disabled == "1")
    except InvalidInput as error:
        return await _users_page(request, account, error=str(error), status=400)
    state = "disabled" if changed.disabled else "enabled again"
    return await _users_page(request, account, message=f"{changed.email} is {state}.")


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    """Prometheus metrics: for the configured bearer token, or a logged-in reviewer/admin."""
    expected = runtime().settings.metrics_token
    header = request.headers.get("Authorization", "")
    if expected and hmac.compare_digest(header, f"Bearer {expected.get_secret_value()}"):
        body, media = exposition()
        return Response(body, media_type=media)
    account = await viewer(request)
    if account is None:
        raise HTTPException(401, "Metrics need a bearer token or a login.")
    if account.role not in READERS:
        raise HTTPException(403, "Your role does not give access to metrics.")
    body, media = exposition()
    return Response(body, media_type=media)
