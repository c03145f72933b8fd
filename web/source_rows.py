"""The console's sources list: each source with its last crawl, its health, its next run and any run-now request."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from config import Settings
from indexing.backends.base import SearchBackend
from indexing.crawl_records import failed_pages, failure_code, last_crawl_per_source, parse_moment
from spiders.source_requests import RunRequests
from spiders.source_store import SourceStore
from spiders.sources import Source

RECENT_CRAWLS = 500


def health_of(metrics: dict[str, Any] | None) -> str:
    """never, failing (with failure_<code>), partial or ok."""
    if not metrics:
        return "never"
    if code := failure_code(metrics):
        return code
    return "partial" if failed_pages(metrics) else "ok"


def _interval(schedule: str) -> timedelta:
    amount, unit = int(schedule[6:-1]), schedule[-1]
    return timedelta(seconds=amount * {"m": 60, "h": 3600, "d": 86400}[unit])


def next_run(schedule: str, last_started: datetime | None, settings: Settings, now: datetime) -> datetime:
    """When the scheduler next runs a job of this schedule (an interval counts from the job's last run)."""
    if schedule.startswith("every "):
        return max(last_started + _interval(schedule), now) if last_started else now + _interval(schedule)
    from scheduler import trigger_for
    moment = trigger_for(schedule, settings.timezone).get_next_fire_time(None, now.astimezone(ZoneInfo(settings.timezone)))
    return moment or now


def job_of(source: Source, specs: list[Any]) -> Any | None:
    for spec in specs:
        ids = spec.kwargs.get("source_ids")
        if spec.kwargs.get("spider") == source.spider and (ids is None or source.id in ids.split(",")):
            return spec
    return None


def source_rows(settings: Settings, backend: SearchBackend, store: SourceStore,
                now: datetime | None = None) -> list[dict[str, Any]]:
    from scheduler import job_specs
    from web.crawl_health import last_job_runs
    now = now or datetime.now(timezone.utc)
    catalogue = store.all()
    specs = job_specs(settings, (catalogue, store.schedules()))
    last = last_crawl_per_source(backend.records.list("crawlstats", limit=RECENT_CRAWLS))
    runs = last_job_runs(backend)
    requests = RunRequests(backend.records)
    rows = []
    for source in catalogue:
        spec = job_of(source, specs) if source.enabled and source.crawlable else None
        started = parse_moment((runs.get(spec.name) or {}).get("started_at")) if spec else None
        metrics = last.get(source.id)
        pending = [r for r in requests.of_source(source.id, limit=5) if r.status in ("pending", "running")]
        rows.append({"source": source, "health": health_of(metrics),
                     "items": int((metrics or {}).get("items", 0)), "errors": int((metrics or {}).get("errors", 0)),
                     "finished": parse_moment((metrics or {}).get("finished_at")),
                     "next_run": next_run(spec.schedule, started, settings, now) if spec else None,
                     "schedule": spec.schedule if spec else "", "request": pending[0] if pending else None})
    return rows
