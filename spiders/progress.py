"""A rich progress display for manual crawls (`veille crawl` on a terminal)."""
from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured


class CrawlProgress:
    """Pages fetched, items indexed and errors, live; off unless VEILLE_PROGRESS is set."""

    def __init__(self, crawler: Any) -> None:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
        self.crawler = crawler
        self.progress = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"),
                                 TextColumn("{task.fields[pages]} pages · {task.fields[items]} items · "
                                            "{task.fields[errors]} errors"), TimeElapsedColumn(), transient=False)
        self.task: Any = None

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        if not crawler.settings.getbool("VEILLE_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.update, signal=signals.response_received)
        crawler.signals.connect(ext.update, signal=signals.item_scraped)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider: Any) -> None:
        self.progress.start()
        self.task = self.progress.add_task(f"crawl {spider.name}", total=None, pages=0, items=0, errors=0)

    def update(self, *args: Any, **kwargs: Any) -> None:
        stats = self.crawler.stats.get_stats()
        errors = sum(int(v) for k, v in stats.items() if k.startswith("veille/source/") and k.endswith("/errors"))
        self.progress.update(self.task, pages=int(stats.get("response_received_count", 0)),
                             items=int(stats.get("item_scraped_count", 0)), errors=errors)

    def closed(self, spider: Any) -> None:
        self.update()
        self.progress.stop()
