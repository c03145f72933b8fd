"""The crawl records the spiders leave behind ("crawlstats"), read one way for /crawls, /health and the digest."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

# The spiders' bucket for requests outside any source (robots.txt, redirects): nobody's source to fix.
UNATTRIBUTED = "unknown"


def parse_moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def last_crawl_per_spider(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    latest: dict[str, dict[str, Any]] = {}
    for record in records:
        spider = str(record.get("spider") or "unknown")
        current = latest.get(spider)
        if current is None or str(record.get("finished_at", "")) > str(current.get("finished_at", "")):
            latest[spider] = record
    return latest


def last_crawl_per_source(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """source id -> its metrics in the most recent crawl that included it, with that crawl's times."""
    latest: dict[str, dict[str, Any]] = {}
    for record in records:
        finished = str(record.get("finished_at", ""))
        metrics_by_source: dict[str, dict[str, Any]] = record.get("sources") or {}
        for source_id in (set(metrics_by_source) | set(record.get("source_ids") or [])) - {UNATTRIBUTED}:
            if source_id in latest and latest[source_id]["finished_at"] >= finished:
                continue
            latest[source_id] = {"spider": record.get("spider"), "finished_at": finished,
                                 **(metrics_by_source.get(source_id) or {})}
    return latest


def failure_code(metrics: dict[str, Any]) -> str | None:
    """Why a source failed in a crawl: errors and nothing extracted, or no response at all."""
    errors, items = int(metrics.get("errors", 0)), int(metrics.get("items", 0))
    if errors and not items:
        return "errors_no_items"
    if not metrics.get("responses") and not items and not metrics.get("skipped"):
        return "no_response"
    return None


def failed_pages(metrics: dict[str, Any]) -> int:
    """Pages that failed in a crawl the source itself survived (it still gave items): a partial failure."""
    if failure_code(metrics):
        return 0
    return int(metrics.get("errors", 0))


def source_status(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(failing, partial) sources from their latest crawl in `records`, by source id."""
    failing, partial = [], []
    for source_id, metrics in sorted(last_crawl_per_source(records).items()):
        row = {"source": source_id, "spider": metrics.get("spider"), "finished_at": metrics.get("finished_at"),
               "errors": int(metrics.get("errors", 0)), "items": int(metrics.get("items", 0)),
               "pages": int(metrics.get("responses", 0))}
        if code := failure_code(metrics):
            failing.append({**row, "code": code})
        elif pages := failed_pages(metrics):
            partial.append({**row, "failed_pages": pages})
    return failing, partial
