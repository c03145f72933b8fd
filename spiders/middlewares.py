"""Crawl guards: crawler traps, per-source page budgets, and error counts per source."""
from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from typing import Any, Iterable
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.http import Response

log = logging.getLogger(__name__)
MAX_URL_LENGTH = 2000
MAX_QUERY_VARIANTS_PER_PATH = 12
_REPEATED_SEGMENTS = re.compile(r"(/[^/]+)(/[^/]+)?\1(\2)?\1")


def trap_reason(url: str, variants: dict[str, set[str]]) -> str | None:
    """Why a URL looks like a crawler trap, or None."""
    if len(url) > MAX_URL_LENGTH:
        return "url-too-long"
    parts = urlsplit(url)
    if _REPEATED_SEGMENTS.search(parts.path):
        return "repeated-path-segments"
    if parts.query:
        key = f"{parts.hostname}{parts.path}"
        seen = variants[key]
        if parts.query not in seen and len(seen) >= MAX_QUERY_VARIANTS_PER_PATH:
            return "too-many-query-variants"  # e.g. an endless ?month= calendar
        seen.add(parts.query)
    return None


class TrapGuardMiddleware:
    """Drops requests that look like traps or exceed a source's page budget, counting why."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.variants: dict[str, set[str]] = defaultdict(set)
        self.scheduled: Counter[str] = Counter()
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        return cls(crawler)

    def process_spider_output(self, response: Response, result: Iterable[Any]):  # type: ignore[no-untyped-def]
        for item in result:
            if isinstance(item, Request) and not self.allow(item, self.crawler.spider):
                continue
            yield item

    async def process_spider_output_async(self, response, result):  # type: ignore[no-untyped-def]
        async for item in result:
            if isinstance(item, Request) and not self.allow(item, self.crawler.spider):
                continue
            yield item

    def allow(self, request: Request, spider: Spider) -> bool:
        source_id = request.meta.get("source_id", "unknown")
        if request.meta.get("entry"):
            return True
        if request.url in self.seen:
            return True  # the duplicate filter drops it; it must not eat the page budget again
        reason = trap_reason(request.url, self.variants)
        budget = getattr(spider, "page_budget", lambda _s: 10_000)(source_id)
        if reason is None and self.scheduled[source_id] >= budget:
            reason = "page-budget"
        if reason:
            self.stats.inc_value(f"veille/skipped/{reason}")
            self.stats.inc_value(f"veille/source/{source_id}/skipped")
            log.debug("skipped %s (%s)", request.url[:200], reason)
            return False
        self.scheduled[source_id] += 1
        self.seen.add(request.url)
        return True


class SourceErrorsMiddleware:
    """Counts HTTP errors and download failures per source, for the digest and the UI."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response) -> Response:
        source_id = request.meta.get("source_id", "unknown")
        self.stats.inc_value(f"veille/source/{source_id}/responses")
        if response.status >= 400:
            self.stats.inc_value(f"veille/source/{source_id}/errors")
            self.stats.inc_value(f"veille/source/{source_id}/http_{response.status}")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        source_id = request.meta.get("source_id", "unknown")
        self.stats.inc_value(f"veille/source/{source_id}/errors")
        self.stats.inc_value(f"veille/source/{source_id}/exc_{type(exception).__name__}")
        return None
