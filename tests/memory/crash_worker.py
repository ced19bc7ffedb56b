"""A worker that claims one job and then hangs, so a test can kill it with SIGKILL mid-job.

Run as `python -m tests.memory.crash_worker DATABASE_URL`; prints "claimed <id>" once it holds
the job with a 1-second lease.
"""

from __future__ import annotations

import asyncio
import sys

from coach.memory.jobs import Claimed, Commit, JobQueue
from coach.storage.db import Database


async def main(url: str) -> None:
    db = Database.connect(url)
    queue = JobQueue(db, lease_seconds=1.0)

    async def hang(job: Claimed, commit: Commit) -> None:
        print(f"claimed {job.id}", flush=True)
        await asyncio.sleep(3600)  # killed here, before anything is committed

    queue.register("remember", hang)
    await queue.run_one()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
