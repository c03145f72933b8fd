"""The demo sites' deliberate traps, and a logging filter that reports them as expected.

The news site answers one page with a 500, one too slowly and one with a ~5 MB table, so that a demo
crawl shows how veille copes. Scrapy logs these as ERROR and WARNING, which a newcomer reads as
failures: while the demo crawls, records about these URLs (and only these) become INFO lines that say
"demo trap". A real crawl never installs the filter, so its errors stay errors.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from demo.sites.news import EDGE_PATHS


@dataclass(frozen=True)
class Trap:
    site: str
    path: str
    label: str  # what the summary calls it


TRAPS: tuple[Trap, ...] = (
    Trap("news", EDGE_PATHS["server_error"], "500"),
    Trap("news", EDGE_PATHS["slow"], "timeout"),
    Trap("news", EDGE_PATHS["huge"], "oversized page"),
)

PREFIX = "demo trap: "

# Scrapy creates its records on these loggers; a filter on a logger sees only its own records, so the
# filter goes on them as well as on the root handlers (absent when Scrapy installs its own handler).
_SCRAPY_LOGGERS = ("scrapy.downloadermiddlewares.retry", "scrapy.core.downloader.handlers.http11",
                   "scrapy.core.scraper", "scrapy.spidermiddlewares.httperror", "scrapy.core.engine")


def trap_urls(base_urls: Mapping[str, str]) -> dict[str, Trap]:
    return {base_urls[t.site] + t.path: t for t in TRAPS if t.site in base_urls}


class DemoTrapFilter(logging.Filter):
    """Rewrites a record that names a trap URL into an INFO "demo trap: …" record."""

    def __init__(self, urls: Iterable[str]) -> None:
        super().__init__()
        self.urls = tuple(urls)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno <= logging.INFO:
            return True
        message = record.getMessage()
        if message.startswith(PREFIX) or not any(url in message for url in self.urls):
            return True
        record.msg = f"{PREFIX}{message} (deliberate, handled)"
        record.args = None
        record.levelno = logging.INFO
        record.levelname = logging.getLevelName(logging.INFO)
        record.exc_info = None
        record.exc_text = None
        return True


@contextmanager
def traps_logged_as_expected(base_urls: Mapping[str, str]) -> Iterator[DemoTrapFilter]:
    trap_filter = DemoTrapFilter(trap_urls(base_urls))
    targets: list[logging.Filterer] = [*logging.getLogger().handlers, *map(logging.getLogger, _SCRAPY_LOGGERS)]
    for target in targets:
        target.addFilter(trap_filter)
    try:
        yield trap_filter
    finally:
        for target in targets:
            target.removeFilter(trap_filter)


def traps_hit(requests: Iterable[tuple[str, str, str, int]]) -> list[Trap]:
    """The traps the crawl met, from DemoSites.hits()."""
    seen = {(site, path) for site, _method, path, _status in requests}
    return [t for t in TRAPS if (t.site, t.path) in seen]


def traps_summary(traps: list[Trap]) -> str:
    if not traps:
        return ""
    count = len(traps)
    return f"{count} deliberate trap{'s' if count > 1 else ''} handled: {', '.join(t.label for t in traps)}"
