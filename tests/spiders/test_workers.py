"""The page workers' process pool: page work off the reactor, at a lower CPU priority than the crawler."""
from __future__ import annotations

import asyncio
import os

from spiders.workers import PageWorkers


def _priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)


def test_page_workers_run_below_the_crawlers_priority() -> None:
    workers = PageWorkers(1)
    try:
        worker_priority = asyncio.run(workers.run(_priority))
    finally:
        workers.close()
    assert worker_priority >= 5 and worker_priority > _priority()


def test_inline_workers_leave_the_priority_alone() -> None:
    before = _priority()
    assert asyncio.run(PageWorkers(0).run(_priority)) == before
