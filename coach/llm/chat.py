"""Streaming replies through Chat Completions, for compatible servers without /v1/responses."""

from __future__ import annotations

from collections.abc import AsyncIterator

import openai
from openai import AsyncOpenAI

from coach.llm import render
from coach.llm.base import Prompt, StreamEvent, TextDelta, Usage
from coach.llm.openai_client import translate


class ChatCompletionsModel:
    """A model reached through `POST /v1/chat/completions` with `stream=true`."""

    def __init__(self, client: AsyncOpenAI) -> None:
        self.client = client
        self.label = "Chat Completions API"

    async def stream(self, prompt: Prompt) -> AsyncIterator[StreamEvent]:
        """Yield deltas, then the usage chunk the server sends last."""
        started = False
        finished = False
        usage: Usage | None = None
        where = str(self.client.base_url)
        try:
            stream = await self.client.chat.completions.create(  # type: ignore[call-overload]
                model=prompt.model,
                messages=[
                    {"role": "system", "content": render.instructions(prompt)},
                    *render.messages(prompt),
                ],  # type: ignore[list-item]
                temperature=prompt.temperature,
                max_tokens=prompt.max_output_tokens,
                stream=True,
                stream_options={"include_usage": True},
            )
            async for chunk in stream:
                if chunk.usage is not None:
                    usage = Usage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
                for choice in chunk.choices:
                    if choice.delta and choice.delta.content:
                        started = True
                        yield TextDelta(choice.delta.content)
                    if choice.finish_reason is not None:
                        finished = True
        except openai.APIError as error:
            raise translate(error, where=where, started=started) from error
        if not finished:
            raise translate(RuntimeError("stream ended early"), where=where, started=started)
        yield usage or Usage(0, 0)
