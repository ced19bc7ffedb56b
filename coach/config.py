"""Settings: every knob the product has, read from the environment and an optional `.env`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name: str) -> AliasChoices:
    """Accept the conventional unprefixed name as well as the BRAND_COACH_ one."""
    return AliasChoices(name, f"BRAND_COACH_{name}")


class Settings(BaseSettings):
    """All configuration; unset parts fall back to embedded defaults (see README)."""

    model_config = SettingsConfigDict(
        env_prefix="BRAND_COACH_", env_file=".env", extra="ignore", populate_by_name=True
    )

    database_url: str | None = Field(default=None, validation_alias=_env("DATABASE_URL"))
    redis_url: str | None = Field(default=None, validation_alias=_env("REDIS_URL"))
    openai_api_key: SecretStr | None = Field(default=None, validation_alias=_env("OPENAI_API_KEY"))
    openai_base_url: str | None = Field(default=None, validation_alias=_env("OPENAI_BASE_URL"))
    auth_secret: SecretStr | None = Field(
        default=None, validation_alias=_env("CHAINLIT_AUTH_SECRET")
    )

    openai_api: Literal["responses", "chat"] = "responses"
    model: str = "gpt-4.1-mini"
    persona_models: dict[str, str] = Field(default_factory=dict)
    llm_timeout: float = 60.0
    llm_max_retries: int = 3
    prices: dict[str, tuple[float, float]] = Field(
        default_factory=lambda: {
            "gpt-4.1-mini": (0.40, 1.60),
            "gpt-4.1": (2.00, 8.00),
            "gpt-4o-mini": (0.15, 0.60),
            "gpt-4o": (2.50, 10.00),
        }
    )

    data_dir: Path = PROJECT_ROOT / ".brand-coach"
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    host: str = "127.0.0.1"
    port: int = 8000

    history_turns: int = 12
    history_token_budget: int = 2500
    knowledge_results: int = 4
    recall_results: int = 3
    recall_min_similarity: float = 0.35
    job_lease_seconds: float = 120.0
    job_max_attempts: int = 5
    job_backoff_seconds: float = 2.0
    # "process": the app runs the memory worker as a child process at `worker_nice` (replies
    # first, enforced by the kernel); "inline": as a task in the app's own process.
    memory_worker: Literal["process", "inline"] = "process"
    worker_nice: int = Field(default=10, ge=0, le=19)
    citation_min_similarity: float = 0.30
    chunk_tokens: int = 200
    chunk_overlap_tokens: int = 40
    max_message_chars: int = 8000
    max_upload_mb: int = 20
    messages_per_minute: int = 20
    offline_stream_delay: float = 0.012
    metrics_token: SecretStr | None = None  # bearer token for /metrics (else reviewers/admins)

    @property
    def llm_configured(self) -> bool:
        """True when a real model endpoint is configured; otherwise the offline coach answers."""
        return self.openai_api_key is not None or self.openai_base_url is not None

    def model_for(self, persona: str) -> str:
        """The model a persona answers with: its own override or the default."""
        return self.persona_models.get(persona, self.model)


@lru_cache
def load_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
