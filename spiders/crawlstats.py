"""Records each crawl's health (items, errors and skips per source) where the digest and UI read it."""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from scrapy import signals

from config import load_settings
from indexing.backends import open_backend

log = logging.getLogger(__name__)


def per_source(stats: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """source id -> metrics; a metric with a reason ('rejected_value/price-negative') nests under its name."""
    result: dict[str, dict[str, Any]] = {}
    for key, value in stats.items():
        if key.startswith("veille/source/"):
            _, _, source_id, metric = key.split("/", 3)
            name, _, reason = metric.partition("/")
            if reason:
                result.setdefault(source_id, {}).setdefault(name, {})[reason] = int(value)
            else:
                result.setdefault(source_id, {})[metric] = int(value)
    return result


def _iso(value: Any) -> str | None:
    if not isinstance(value, datetime):
        return None
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).isoformat()


class CrawlStatsRecorder:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.started = datetime.now(timezone.utc)

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        finished = datetime.now(timezone.utc)
        record = {
            "id": f"{spider.name}-{self.started.strftime('%Y%m%dT%H%M%S.%f')}",
            "spider": spider.name,
            "started_at": self.started.isoformat(),
            # When the spider opened (Scrapy's own start_time): setup before it (fork server, backend) excluded.
            "opened_at": _iso(stats.get("start_time")) or self.started.isoformat(),
            "finished_at": finished.isoformat(),
            "updated_at": finished.isoformat(),
            "reason": reason,
            "pages": int(stats.get("response_received_count", 0)),
            "items": int(stats.get("item_scraped_count", 0)),
            "rejected": int(stats.get("veille/rejected", 0)),
            "rejected_values": {k.split("/", 2)[2]: int(v) for k, v in stats.items() if k.startswith("veille/rejected_value/")},
            "robots_forbidden": int(stats.get("robotstxt/forbidden", 0)),
            "skipped": {k.split("/", 2)[2]: int(v) for k, v in stats.items() if k.startswith("veille/skipped/")},
            "indexed": {k.split("/", 2)[2]: int(v) for k, v in stats.items() if k.startswith("veille/indexed/")},
            "spooled": int(stats.get("veille/spooled", 0)),
            "index_failed": int(stats.get("veille/index_failed", 0)),
            "http_cache": {k.split("/", 1)[1]: int(v) for k, v in stats.items() if k.startswith("httpcache/")},
            "not_modified": int(stats.get("downloader/response_status_count/304", 0)),
            "sources": per_source(stats),
            "source_ids": sorted(getattr(spider, "sources", {}) or {}),
        }
        spider.crawl_record = record
        settings = self.crawler.settings.get("VEILLE_SETTINGS") or load_settings()
        try:
            backend = open_backend(settings)
            backend.setup()
            backend.records.put("crawlstats", record["id"], record)
            backend.close()
        except Exception as exc:
            log.warning("could not record crawl stats: %s", exc)
