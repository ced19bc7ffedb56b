"""The benchmarks still run: each one end to end on a tiny configuration against the test
database (their figures are only meaningful at full size; see README)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from coach.config import PROJECT_ROOT


def _run(module: str, *args: str, database_url: str, redis_url: str) -> str:
    env = {**os.environ, "REDIS_URL": redis_url}
    done = subprocess.run(
        [sys.executable, "-m", module, "--database-url", database_url, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.mark.usefixtures("migrated")
def test_the_memory_benchmark_runs(database_url: str, redis_url: str) -> None:
    out = _run(
        "benchmarks.memory",
        *("--people", "2", "--scale-rows", "3000", "--filler-users", "5", "--runs", "5"),
        database_url=database_url,
        redis_url=redis_url,
    )
    assert "retention (rules): strict" in out
    assert "memory search recall" in out
    assert "assemble p50" in out


@pytest.mark.usefixtures("migrated")
def test_the_first_token_benchmark_runs(database_url: str, redis_url: str) -> None:
    out = _run(
        "benchmarks.first_token",
        *("--turns", "4", "--backlog", "30", "--pause", "0.05"),
        database_url=database_url,
        redis_url=redis_url,
    )
    assert "quiet: memory worker idle" in out and "busy: worker + uploads" in out
    assert "during the busy phase the worker ran" in out
