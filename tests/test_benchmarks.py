"""The benchmarks still run: each one end to end on a tiny configuration against the test
database (their figures are only meaningful at full size; see README)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from coach.config import PROJECT_ROOT


@pytest.mark.usefixtures("migrated")
@pytest.mark.parametrize(
    ("module", "args", "expected"),
    [
        (
            "benchmarks.memory",
            ["--people", "2", "--scale-rows", "3000", "--filler-users", "5", "--runs", "5"],
            ["retention (rules): strict", "memory search recall", "assemble p50"],
        ),
        (
            "benchmarks.first_token",
            ["--turns", "4", "--backlog", "30", "--pause", "0.05"],
            ["quiet: memory worker idle", "busy: worker + uploads", "the worker ran"],
        ),
    ],
)
def test_the_benchmark_runs(
    module: str, args: list[str], expected: list[str], database_url: str, redis_url: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", module, "--database-url", database_url, *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, "REDIS_URL": redis_url},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for line in expected:
        assert line in done.stdout
