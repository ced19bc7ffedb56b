"""Streaming replies through the OpenAI Responses API."""

from __future__ import annotations

from collections.abc import AsyncIterator

import openai
from openai import AsyncOpenAI
from openai.types.responses import (
    ResponseCompletedEvent,
    ResponseErrorEvent,
    ResponseFailedEvent,
    ResponseIncompleteEvent,
    ResponseTextDeltaEvent,
)

from coach.llm import render
from coach.llm.base import Prompt, StreamEvent, TextDelta, Usage
from coach.llm.openai_client import translate


class _StreamFailed(Exception):
    """The server ended the stream with a failure event instead of `response.completed`."""


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
            async for event in stream:  # type: ignore[union-attr]
                if isinstance(event, ResponseTextDeltaEvent):
                    started = True
                    yield TextDelta(event.delta)
                elif isinstance(event, ResponseCompletedEvent):
                    usage = event.response.usage
                    yield Usage(
                        usage.input_tokens if usage else 0, usage.output_tokens if usage else 0
                    )
                    return
                elif isinstance(
                    event, ResponseFailedEvent | ResponseIncompleteEvent | ResponseErrorEvent
                ):
                    raise _StreamFailed(event.type)
        except (openai.APIError, _StreamFailed) as error:
            raise translate(error, where=where, started=started) from error
        raise translate(RuntimeError("stream ended early"), where=where, started=True)
