"""The one place that builds an `AsyncOpenAI` client and translates its errors."""

from __future__ import annotations

import openai
from openai import AsyncOpenAI

from coach.config import Settings
from coach.errors import CoachError, ModelUnavailable, StreamInterrupted


def make_client(settings: Settings) -> AsyncOpenAI:
    """A client with the configured key, base URL, timeout and retry budget.

    Retries (429, 5xx, connection errors, timeouts) are the SDK's own: exponential backoff with
    jitter that honours `Retry-After`; they apply before the first token arrives.
    """
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
    return AsyncOpenAI(
        api_key=key,
        base_url=settings.openai_base_url,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
    )


def translate(error: Exception, *, where: str, started: bool) -> CoachError:
    """A `CoachError` whose message tells the person or operator what to do."""
    if started:
        return StreamInterrupted(
            "The reply was cut off because the connection to the model broke. "
            "What arrived is kept; ask again to get the rest."
        )
    if isinstance(error, openai.AuthenticationError):
        return ModelUnavailable(f"The model at {where} rejected the API key; check OPENAI_API_KEY.")
    if isinstance(error, openai.RateLimitError):
        return ModelUnavailable(
            "The model is rate-limited right now and retries did not get through; "
            "try again in a minute."
        )
    if isinstance(error, openai.NotFoundError):
        return ModelUnavailable(
            f"The model endpoint at {where} was not found; check the model name and, for "
            "servers without the Responses API, set BRAND_COACH_OPENAI_API=chat."
        )
    if isinstance(error, openai.APITimeoutError):
        return ModelUnavailable(
            f"The model at {where} did not answer in time; try again, or raise "
            "BRAND_COACH_LLM_TIMEOUT."
        )
    if isinstance(error, openai.APIConnectionError):
        return ModelUnavailable(f"No model reachable at {where}; check OPENAI_BASE_URL.")
    if isinstance(error, openai.APIStatusError):
        return ModelUnavailable(
            f"The model at {where} failed (HTTP {error.status_code}); try again shortly."
        )
    return ModelUnavailable(f"The model at {where} failed unexpectedly; try again shortly.")
