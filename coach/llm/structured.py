"""One structured-output call through either OpenAI API, parsed into a pydantic model."""

from __future__ import annotations

from typing import TypeVar

from openai import AsyncOpenAI
from pydantic import BaseModel

T = TypeVar("T", bound=BaseModel)


async def parse(
    client: AsyncOpenAI, *, model: str, api: str, instructions: str, message: str, schema: type[T]
) -> T | None:
    """Ask `model` for an answer shaped like `schema` (Responses API, or Chat with api="chat").

    Errors propagate (`openai.APIError`, pydantic's `ValidationError`); callers decide.
    """
    if api == "chat":
        completion = await client.chat.completions.parse(
            model=model,
            messages=[
                {"role": "system", "content": instructions},
                {"role": "user", "content": message},
            ],
            response_format=schema,
            temperature=0,
        )
        return completion.choices[0].message.parsed
    response = await client.responses.parse(
        model=model, instructions=instructions, input=message, text_format=schema, temperature=0
    )
    return response.output_parsed
