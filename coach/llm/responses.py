"""Streaming replies through the OpenAI Responses API."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import openai
from openai import AsyncOpenAI

from coach.llm import render
from coach.llm.base import Prompt, StreamEvent, TextDelta, Usage
from coach.llm.openai_client import translate


class ResponsesModel:
    """A model reached through `POST /v1/responses` with `stream=true`."""

    def __init__(self, client: AsyncOpenAI) -> None:
        self.client = client
        self.label = "OpenAI Responses API"

    async def stream(self, prompt: Prompt) -> AsyncIterator[StreamEvent]:
        """Yield deltas as they arrive, then the usage from `response.completed`."""
        started = False
        where = str(self.client.base_url)
        try:
            stream = await self.client.responses.create(
                model=prompt.model,
                instructions=render.instructions(prompt),
                input=render.messages(prompt),  # type: ignore[arg-type]
                temperature=prompt.temperature,
                max_output_tokens=prompt.max_output_tokens,
                stream=True,
            )
            async for event in stream:
                if event.type == "response.output_text.delta":
                    started = True
                    yield TextDelta(event.delta)
                elif event.type == "response.completed":
                    usage = event.response.usage
                    yield Usage(usage.input_tokens if usage else 0, usage.output_tokens if usage else 0)
                    return
                elif event.type in ("response.failed", "response.incomplete", "error"):
                    raise openai.APIError(f"stream ended with {event.type}", request=None, body=None)  # type: ignore[arg-type]
        except (openai.APIError, httpx.HTTPError) as error:
            raise translate(error, where=where, started=started) from error
        raise translate(RuntimeError("stream ended early"), where=where, started=True)
