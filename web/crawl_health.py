"""Crawl health from the records the spiders and the scheduler leave behind."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from indexing.backends.base import SearchBackend
from indexing.crawl_records import (failed_pages, failure_code, last_crawl_per_source, last_crawl_per_spider,
                                    parse_moment, source_status)

__all__ = ["crawl_report", "failed_pages", "failure_code", "failure_reason", "last_crawl_per_source",
           "last_crawl_per_spider", "parse_moment"]

HEARTBEAT_COLLECTION = "meta"
HEARTBEAT_ID = "scheduler-heartbeat"
HEARTBEAT_STALE_SECONDS = 2 * 3600
RECENT_CRAWLS = 500


FAILURE_REASONS = {"errors_no_items": "{errors} errors and no items in the last crawl",
                   "no_response": "no response in the last crawl"}


def failure_reason(metrics: dict[str, Any]) -> str | None:
    code = failure_code(metrics)
    return FAILURE_REASONS[code].format(errors=int(metrics.get("errors", 0))) if code else None


def heartbeat(backend: SearchBackend, now: datetime) -> dict[str, Any] | None:
    record = backend.records.get(HEARTBEAT_COLLECTION, HEARTBEAT_ID)
    moment = parse_moment((record or {}).get("at"))
    if moment is None:
        return None
    age = (now - moment).total_seconds()
    return {"at": moment.isoformat(), "age_seconds": round(age), "stale": age > HEARTBEAT_STALE_SECONDS}


def crawl_report(backend: SearchBackend, now: datetime | None = None) -> dict[str, Any]:
    now = now or datetime.now(timezone.utc)
    records = backend.records.list("crawlstats", limit=RECENT_CRAWLS)
    spiders = {
        name: {key: record.get(key) for key in ("finished_at", "started_at", "reason", "pages", "items", "rejected", "spooled",
                                          "index_failed")}
        for name, record in sorted(last_crawl_per_spider(records).items())
    }
    failing, partial = source_status(records)
    for row in failing:
        row["reason"] = FAILURE_REASONS[row["code"]].format(errors=row["errors"])
    return {"spiders": spiders, "failing_sources": failing, "partial_sources": partial, "bad_input": bad_input(records, backend),
            "scheduler": heartbeat(backend, now), "jobs": last_job_runs(backend), "deliveries": delivery_status(backend)}


def bad_input(records: list[dict[str, Any]], backend: SearchBackend) -> dict[str, dict[str, Any]]:
    """Per source, what its last crawl left out without losing the rest: malformed links skipped,
    implausible values rejected (by reason), feed records skipped; and stored records the pages,
    exports and emails had to skip (record_guard)."""
    from indexing.record_guard import skipped_per_source
    stored = skipped_per_source(backend)
    report: dict[str, dict[str, Any]] = {}
    for source_id, metrics in sorted(last_crawl_per_source(records).items()):
        reasons = metrics.get("rejected_value")
        row = {"skipped_links": int(metrics.get("skipped_links", 0)),
               "rejected_values": int(metrics.get("rejected_values", 0)),
               "rejected_reasons": dict(sorted(reasons.items())) if isinstance(reasons, dict) else {},
               "skipped_records": int(metrics.get("skipped_records", 0)),
               "skipped_stored_records": stored.get(source_id, 0)}
        if row["skipped_links"] or row["rejected_values"] or row["skipped_records"] or row["skipped_stored_records"]:
            report[source_id] = row
    for source_id, count in stored.items():
        report.setdefault(source_id, {"skipped_links": 0, "rejected_values": 0, "rejected_reasons": {},
                                      "skipped_records": 0, "skipped_stored_records": count})
    return dict(sorted(report.items()))


def delivery_status(backend: SearchBackend) -> dict[str, Any]:
    """Messages waiting, failed and sent (the delivery log), with the latest failures."""
    from alerts.delivery import DeliveryLog
    log = DeliveryLog(backend)
    failures = [{"channel": r.get("channel") or "email", "recipient": r.get("recipient"), "subject": r.get("subject"),
                 "attempts": r.get("attempts"), "status": r.get("status"), "error": r.get("error"),
                 "next_attempt_at": r.get("next_attempt_at")}
                for r in log.records("failed", limit=20) + log.records("retry", limit=20)]
    by_channel: dict[str, dict[str, int]] = {}
    for status in ("retry", "failed"):
        for r in log.records(status):
            counts = by_channel.setdefault(r.get("channel") or "email", {})
            counts[status] = counts.get(status, 0) + 1
    return {"counts": log.status_counts(), "problems": failures, "problems_by_channel": by_channel}


def last_job_runs(backend: SearchBackend, limit: int = 500) -> dict[str, dict[str, Any]]:
    """The latest run of each scheduled job: start, end, status, items and errors."""
    latest: dict[str, dict[str, Any]] = {}
    for record in backend.records.list("jobs", limit=limit):
        name = str(record.get("name", ""))
        if name and (name not in latest or str(record.get("started_at")) > str(latest[name].get("started_at"))):
            latest[name] = {key: record.get(key) for key in ("started_at", "finished_at", "status", "items", "errors")}
    return dict(sorted(latest.items()))
