"""A real local HTTP server speaking the OpenAI Responses, Chat Completions and Embeddings APIs."""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import logging
import math
import random
import re
import signal
import socket
import struct
import threading
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route


@dataclass(frozen=True)
class Reply:
    """Stream `text` as word-sized deltas, then complete with usage."""

    text: str
    input_tokens: int = 42
    output_tokens: int | None = None  # None: the number of whitespace-separated words


@dataclass(frozen=True)
class Status:
    """Answer with HTTP `code` and an OpenAI-style error body."""

    code: int
    retry_after: float | None = None
    message: str = "fake error"


@dataclass(frozen=True)
class Cut:
    """Stream `text` as deltas, then drop the connection without completing."""

    text: str


@dataclass(frozen=True)
class Hang:
    """Wait `seconds` before sending headers, then answer like Reply(text)."""

    seconds: float
    text: str = "late reply"


@dataclass(frozen=True)
class Json:
    """Answer with a complete object whose output text is `text` (e.g. structured output)."""

    text: str


Behaviour = Reply | Status | Cut | Hang | Json
Body = dict[str, Any]
# A rendered answer: frames before a Cut's drop point, frames after it, the non-streaming object.
Rendered = tuple[list[str], list[str], Body]

# Response fields the fake never varies, unless the request set them (see _ECHOED).
_RESPONSE_DEFAULTS: Body = {
    "object": "response",
    "background": False,
    "error": None,
    "incomplete_details": None,
    "instructions": None,
    "metadata": {},
    "parallel_tool_calls": True,
    "text": {"format": {"type": "text"}},
    "tool_choice": "auto",
    "tools": [],
}
_ECHOED = ("instructions", "metadata", "parallel_tool_calls", "text", "tool_choice", "tools")
_ERROR_TYPES = {401: "authentication_error", 403: "permission_error", 429: "rate_limit_error"}


class _CutConnection(Exception):
    """Raised mid-body so uvicorn closes the socket instead of ending the chunked body."""


class _HideCuts(logging.Filter):
    """Keeps deliberate cuts out of uvicorn's error log: they are the scenario, not a bug."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, BaseExceptionGroup):
            return exc.subgroup(_CutConnection) is None
        return not isinstance(exc, _CutConnection)


def _error(code: int, message: str, retry_after: float | None = None) -> JSONResponse:
    kind = _ERROR_TYPES.get(code, "server_error" if code >= 500 else "invalid_request_error")
    error = {"message": message, "type": kind, "param": None, "code": None}
    headers = None if retry_after is None else {"retry-after": str(retry_after)}
    return JSONResponse({"error": error}, status_code=code, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    # Unknown routes answer as OpenAI does, so SDK error handling sees a familiar body.
    code = exc.status_code if isinstance(exc, HTTPException) else 500
    return _error(code, f"Invalid URL ({request.method} {request.url.path})")


def _pieces(text: str) -> list[str]:
    # Leading spaces ride with each word, like real tokens; the pieces rejoin to exactly `text`.
    return re.findall(r"\s*\S+|\s+\Z", text)


def _sse(payload: Body | str, event: str | None = None) -> str:
    data = payload if isinstance(payload, str) else json.dumps(payload)
    return (f"event: {event}\n" if event else "") + f"data: {data}\n\n"


def _responses(text: str, usage: tuple[int, int], body: Body) -> Rendered:
    """Render a Responses API stream and the equivalent complete response."""
    created, mid, seq = int(time.time()), f"msg_{uuid.uuid4().hex}", iter(range(1 << 30))
    echoed = {key: body[key] for key in _ECHOED if body.get(key) is not None}
    base = {**_RESPONSE_DEFAULTS, **echoed, "id": f"resp_{uuid.uuid4().hex}", "created_at": created}
    base["model"] = body.get("model", "fake-model")

    def event(kind: str, **fields: Any) -> str:
        return _sse({"type": kind, "sequence_number": next(seq), **fields}, event=kind)

    def part(value: str) -> Body:
        return {"type": "output_text", "text": value, "annotations": [], "logprobs": []}

    def item(status: str, *content: Body) -> Body:
        message = {"id": mid, "type": "message", "role": "assistant"}
        return {**message, "status": status, "content": [*content]}

    # created/in_progress must have empty output: the SDK rejects an item announced twice.
    pending = {**base, "status": "in_progress", "output": [], "usage": None}
    # This SDK version requires cache_write_tokens alongside cached_tokens.
    cache = {"cached_tokens": 0, "cache_write_tokens": 0}
    tokens: Body = {"input_tokens": usage[0], "output_tokens": usage[1], "total_tokens": sum(usage)}
    tokens |= {"input_tokens_details": cache, "output_tokens_details": {"reasoning_tokens": 0}}
    output = [item("completed", part(text))]
    done = {
        **base,
        "status": "completed",
        "completed_at": created,
        "output": output,
        "usage": tokens,
    }
    at = {"item_id": mid, "output_index": 0, "content_index": 0}
    head = [
        event("response.created", response=pending),
        event("response.in_progress", response=pending),
        event("response.output_item.added", output_index=0, item=item("in_progress")),
        event("response.content_part.added", **at, part=part("")),
    ]
    head += [event("response.output_text.delta", **at, delta=d, logprobs=[]) for d in _pieces(text)]
    tail = [
        event("response.output_text.done", **at, text=text, logprobs=[]),
        event("response.content_part.done", **at, part=part(text)),
        event("response.output_item.done", output_index=0, item=output[0]),
        event("response.completed", response=done),
    ]
    return head, tail, done


def _chat(text: str, usage: tuple[int, int], body: Body) -> Rendered:
    """Render a chat.completion.chunk stream and the equivalent chat.completion."""
    model, created = body.get("model", "fake-model"), int(time.time())
    base = {"id": f"chatcmpl-{uuid.uuid4().hex}", "created": created, "model": model}
    base["object"] = "chat.completion.chunk"
    totals = {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)}

    def chunk(delta: Body, finish: str | None = None) -> str:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return _sse({**base, "choices": [choice]})

    head = [chunk({"role": "assistant", "content": "", "refusal": None})]
    head += [chunk({"content": piece}) for piece in _pieces(text)]
    tail = [chunk({}, "stop")]
    if (body.get("stream_options") or {}).get("include_usage"):
        tail.append(_sse({**base, "choices": [], "usage": totals}))
    message: Body = {"role": "assistant", "content": text, "refusal": None, "annotations": []}
    choice = {"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}
    full = {**base, "object": "chat.completion", "choices": [choice], "usage": totals}
    return head, [*tail, _sse("[DONE]")], full


def _embedding(text: str, dimensions: int) -> list[float]:
    # A str seed goes through SHA-512 (not hash()), so equal inputs embed equally in any process.
    rng = random.Random(text)
    vector = [rng.gauss(0.0, 1.0) for _ in range(dimensions)]
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / norm for v in vector]


async def _play(frames: list[str], cut: bool) -> AsyncIterator[str]:
    for frame in frames:
        yield frame
    if cut:
        raise _CutConnection("deliberate cut scripted by a test")


class FakeOpenAIServer:
    """A local server speaking the OpenAI Responses and Chat Completions protocols."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        default_reply: str = "Hello from the fake model.",
        responses_api: bool = True,
        echo: bool = False,
    ) -> None:
        self.host, self.port = host, port
        self.echo = echo  # print each request's path, so a parent process can see what was called
        self.default_reply = default_reply
        self.responses_api = responses_api
        self.requests: list[dict[str, Any]] = []
        self._script: deque[Behaviour] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        routes = [
            Route("/v1/responses", self._on_responses, methods=["POST"]),
            Route("/v1/chat/completions", self._on_chat, methods=["POST"]),
            Route("/v1/embeddings", self._on_embeddings, methods=["POST"]),
            Route("/v1/models", self._on_models, methods=["GET"]),
        ]
        self.app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error})

    def script(self, *behaviours: Behaviour) -> None:
        """Queue behaviours; each model request takes one, then Reply(default_reply) is used."""
        with self._lock:
            self._script.extend(behaviours)

    @property
    def unused(self) -> list[Behaviour]:
        """Scripted behaviours not yet consumed."""
        with self._lock:
            return list(self._script)

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL, /v1 included."""
        return f"http://{self.host}:{self.port}/v1"

    def start(self) -> None:
        """Serve from a daemon thread; return once connections are accepted."""
        if self._thread is not None:
            raise RuntimeError("fake OpenAI server already started")
        log = logging.getLogger("uvicorn.error")
        if not any(isinstance(f, _HideCuts) for f in log.filters):
            log.addFilter(_HideCuts())
        # Binding here rather than in uvicorn resolves port 0 before the thread starts.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = int(sock.getsockname()[1])
        # h11 pins how a Cut drops the socket; the grace period bounds how long stop() waits.
        config = uvicorn.Config(
            self.app, log_config=None, access_log=False, http="h11", timeout_graceful_shutdown=2
        )
        self._server = server = uvicorn.Server(config)
        self._stopping.clear()
        self._thread = threading.Thread(target=server.run, args=([sock],), daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("fake OpenAI server failed to start")
            time.sleep(0.005)

    def stop(self) -> None:
        """Shut down and wait for the server thread."""
        if self._server is None or self._thread is None:
            return
        self._stopping.set()  # releases any Hang still waiting
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> FakeOpenAIServer:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    async def _record(self, request: Request) -> Body:
        raw = await request.body()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        self.requests.append(
            {"path": request.url.path, "headers": dict(request.headers), "json": body}
        )
        if self.echo:
            print(f"request {request.method} {request.url.path}", flush=True)
        return body if isinstance(body, dict) else {}

    async def _on_responses(self, request: Request) -> Response:
        body = await self._record(request)
        if not self.responses_api:  # a compatible server without this endpoint; script untouched
            return _error(404, "Invalid URL (POST /v1/responses)")
        return await self._answer(request, body, _responses)

    async def _on_chat(self, request: Request) -> Response:
        return await self._answer(request, await self._record(request), _chat)

    async def _answer(
        self, request: Request, body: Body, render: Callable[[str, tuple[int, int], Body], Rendered]
    ) -> Response:
        with self._lock:
            behaviour = self._script.popleft() if self._script else Reply(self.default_reply)
        if isinstance(behaviour, Status):
            return _error(behaviour.code, behaviour.message, behaviour.retry_after)
        if isinstance(behaviour, Hang):
            await self._hang(request, behaviour.seconds)
            behaviour = Reply(behaviour.text)
        cut = isinstance(behaviour, Cut)
        reply = behaviour if isinstance(behaviour, Reply) else Reply(behaviour.text)
        words = len(reply.text.split())
        usage = (reply.input_tokens, words if reply.output_tokens is None else reply.output_tokens)
        head, tail, full = render(reply.text, usage, body)
        if body.get("stream"):
            frames = head if cut else head + tail
            sse = {"cache-control": "no-cache"}
            return StreamingResponse(
                _play(frames, cut), media_type="text/event-stream", headers=sse
            )
        if cut:  # half a JSON body, then a dropped socket
            payload = json.dumps(full)
            half = payload[: len(payload) // 2]
            return StreamingResponse(_play([half], True), media_type="application/json")
        return JSONResponse(full)

    async def _hang(self, request: Request, seconds: float) -> None:
        # Polls so a client that gave up, or a stop(), ends the wait early.
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not self._stopping.is_set():
            if await request.is_disconnected():
                return
            await asyncio.sleep(min(0.02, max(0.0, deadline - time.monotonic())))

    async def _on_embeddings(self, request: Request) -> Response:
        body = await self._record(request)
        raw = body.get("input", "")
        # Token-id inputs (lists of ints) embed by their JSON spelling, which is deterministic too.
        inputs = [raw] if isinstance(raw, str) or (raw and isinstance(raw[0], int)) else raw
        texts = [item if isinstance(item, str) else json.dumps(item) for item in inputs]
        dimensions = int(body.get("dimensions") or 1536)
        data = []
        for index, text in enumerate(texts):
            vector: list[float] | str = _embedding(text, dimensions)
            if body.get("encoding_format") == "base64":  # the SDK's default unless told otherwise
                vector = base64.b64encode(struct.pack(f"<{dimensions}f", *vector)).decode()
            data.append({"object": "embedding", "index": index, "embedding": vector})
        tokens = sum(max(1, len(text.split())) for text in texts)
        usage = {"prompt_tokens": tokens, "total_tokens": tokens}
        model = body.get("model", "fake-embedding")
        return JSONResponse({"object": "list", "data": data, "model": model, "usage": usage})

    async def _on_models(self, request: Request) -> Response:
        await self._record(request)
        names = ("fake-model", "gpt-4.1-mini", "text-embedding-3-small")
        models = [{"id": n, "object": "model", "created": 0, "owned_by": "fake"} for n in names]
        return JSONResponse({"object": "list", "data": models})


def main(argv: list[str] | None = None) -> int:
    """Serve as a process until SIGTERM or SIGINT."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--reply", default="Hello from the fake model.")
    parser.add_argument("--no-responses-api", action="store_true")
    args = parser.parse_args(argv)
    stop_signals = {signal.SIGINT, signal.SIGTERM}
    # Blocked before the server thread starts (threads inherit the mask), so only sigwait sees them.
    signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)
    server = FakeOpenAIServer(
        port=args.port,
        default_reply=args.reply,
        responses_api=not args.no_responses_api,
        echo=True,
    )
    with server:
        print(f"listening on {server.base_url}", flush=True)
        signal.sigwait(stop_signals)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
