"""What every benchmark shares: percentiles and a scratch, model-free configuration."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from coach.config import Settings


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def scratch_settings(prefix: str, database_url: str | None, **overrides: Any) -> Settings:
    """Settings for a benchmark run: a fresh data folder under /tmp (so an embedded PostgreSQL
    starts there unless `database_url` is given), no `.env`, no language model."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    values: dict[str, Any] = {
        "data_dir": folder,
        "database_url": database_url,
        "openai_api_key": None,
        "openai_base_url": None,
    }
    return Settings(_env_file=None, **(values | overrides))  # type: ignore[call-arg]
