"""The scheduler: wiring only. Jobs are functions of jobs.py and the packages; APScheduler 3 runs them.

Crawls run in their own subprocess with a timeout; the job store is SQLAlchemy on SQLite
(the scheduler's own file); job history, heartbeats and crawl health live in the backend,
where the UI and the digest read them.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

from config import ROOT, Settings, load_settings

log = logging.getLogger("veille.scheduler")
CRAWL_TIMEOUT_S = 3600
HEARTBEAT_S = 30
CATALOGUE_SYNC_S = 60
DEFAULT_SCHEDULES = {
    "crawl-news": "every 6h",
    "crawl-fairs": "0 5 * * *",
    "crawl-prices": "0 4 * * *",
    "alerts": "every 1h",
    "digest": "0 8 * * mon",
    "maintenance": "30 3 * * *",
    "source-requests": "every 1m",
}


@dataclass(frozen=True)
class JobSpec:
    name: str
    func: str
    schedule: str
    kwargs: dict[str, Any]


def _record(settings: Settings, name: str, started: datetime, status: str, detail: dict[str, Any]) -> None:
    from indexing.backends import open_backend
    finished = datetime.now(timezone.utc)
    try:
        backend = open_backend(settings)
        backend.setup()
        backend.records.put("jobs", f"{name}-{started.strftime('%Y%m%dT%H%M%S.%f')}", {
            "name": name, "started_at": started.isoformat(), "finished_at": finished.isoformat(),
            "updated_at": finished.isoformat(), "status": status, **detail})
        backend.close()
    except Exception as exc:
        log.warning("could not record job %s: %s", name, exc)


def run_crawl_job(spider: str, source_ids: str | None = None, timeout: int = CRAWL_TIMEOUT_S) -> dict[str, Any]:
    """One crawl in its own process: a crash or a hang there cannot take the scheduler down."""
    settings = load_settings()
    name = f"crawl-{spider}" + (f"[{source_ids}]" if source_ids else "")
    started = datetime.now(timezone.utc)
    cmd = [sys.executable, "-m", "spiders.runner", spider, "--log-level", "WARNING"]
    if source_ids:
        cmd += ["--sources", source_ids]
    # Its own process group: the page workers and their fork server go with it, whatever state it dies in.
    proc = subprocess.Popen(cmd, cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    _running.add(proc)
    try:
        out, err = proc.communicate(timeout=timeout)
        status = "ok" if proc.returncode == 0 else "failed"
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGTERM)  # Scrapy closes the spider cleanly and flushes its pipeline
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            # Killed before its workers were told to stop, they would hold its output open for ever.
            _kill_group(proc)
            out, err = proc.communicate()
        status = "timeout"
    finally:
        _kill_group(proc)
        _running.discard(proc)
    records: list[dict[str, Any]] = []
    try:
        records = json.loads(out.strip().splitlines()[-1]) if out.strip() else []
    except (json.JSONDecodeError, IndexError):
        pass
    detail = {"items": sum(int(r.get("items", 0)) for r in records),
              "errors": sum(sum(int(m.get("errors", 0)) for m in (r.get("sources") or {}).values()) for r in records),
              "returncode": proc.returncode, "stderr_tail": (err or "")[-1500:] if status != "ok" else ""}
    _record(settings, name, started, status, detail)
    return {"status": status, **detail}


def _kill_group(proc: subprocess.Popen[str]) -> None:
    """Whatever is left of a crawl's process group once its crawler has stopped or hung."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _recorded(name: str, run: Callable[[Settings], Any], extra: Callable[[Any], dict[str, Any]] | None = None) -> dict[str, Any]:
    """Run a job in this process and store its outcome in the job history."""
    settings = load_settings()
    started = datetime.now(timezone.utc)
    try:
        result = run(settings)
    except Exception as exc:
        _record(settings, name, started, "failed", {"error": str(exc)[:500], "items": 0, "errors": 1})
        raise
    detail = {"items": result.dispatch.sent, "errors": result.dispatch.failed, "queued": result.queued,
              **(extra(result) if extra else {})}
    _record(settings, name, started, "ok", detail)
    return detail


def run_alerts_job() -> dict[str, Any]:
    import jobs
    return _recorded("alerts", jobs.alerts)


def run_digest_job(now: datetime | None = None) -> dict[str, Any]:
    """Monday 08:00: the digest of the last full week (Monday to Sunday in VEILLE_TIMEZONE)."""
    import jobs

    def window(run: Any) -> dict[str, Any]:
        period = run.digest.period
        return {"week": period.label, "window_start": period.start_at.isoformat(),
                "window_end": period.end_at.isoformat()}
    return _recorded("digest", lambda settings: jobs.digest(settings, now=now), window)


def run_source_requests_job() -> dict[str, Any]:
    """The console's "run now" requests: each pending one becomes a crawl of its source (in its own process)."""
    from indexing.backends import open_backend
    from spiders.source_requests import RunRequests, run_pending
    backend = open_backend(load_settings())
    try:
        backend.setup()
        done = run_pending(RunRequests(backend.records),
                           lambda spider, source_id: run_crawl_job(spider, source_ids=source_id))
    finally:
        backend.close()
    return {"status": "ok", "items": len(done), "errors": 0}


def run_maintenance_job() -> dict[str, Any]:
    import jobs
    settings = load_settings()
    started = datetime.now(timezone.utc)
    try:
        report = jobs.maintenance(settings)
    except Exception as exc:
        _record(settings, "maintenance", started, "failed", {"error": str(exc)[:500], "items": 0, "errors": 1})
        raise
    detail = {"items": report.total_removed, "errors": 0, **report.as_dict()}
    _record(settings, "maintenance", started, "ok", detail)
    return detail


class _Running:
    def __init__(self) -> None:
        self._procs: set[subprocess.Popen[str]] = set()
        self._lock = threading.Lock()

    def add(self, proc: subprocess.Popen[str]) -> None:
        with self._lock:
            self._procs.add(proc)

    def discard(self, proc: subprocess.Popen[str]) -> None:
        with self._lock:
            self._procs.discard(proc)

    def terminate_all(self) -> None:
        with self._lock:
            for proc in self._procs:
                proc.send_signal(signal.SIGTERM)


_running = _Running()
JOB_FUNCS: dict[str, Callable[..., Any]] = {
    "scheduler:run_crawl_job": run_crawl_job,
    "scheduler:run_alerts_job": run_alerts_job,
    "scheduler:run_digest_job": run_digest_job,
    "scheduler:run_maintenance_job": run_maintenance_job,
    "scheduler:run_source_requests_job": run_source_requests_job,
}


def _catalogue(settings: Settings) -> tuple[list[Any], dict[str, str]]:
    """The backend's catalogue (seeded from VEILLE_SOURCES) and its job schedules; empty when unusable."""
    from indexing.backends import open_backend
    from spiders.catalogue import source_store
    try:
        backend = open_backend(settings)
    except Exception as exc:
        log.warning("source catalogue unusable, scheduling spiders without per-source schedules: %s", exc)
        return [], {}
    try:
        backend.setup()
        store = source_store(settings, backend)
        return store.all(), store.schedules()
    except Exception as exc:
        log.warning("source catalogue unusable, scheduling spiders without per-source schedules: %s", exc)
        return [], {}
    finally:
        backend.close()


def job_specs(settings: Settings, loaded: tuple[list[Any], dict[str, str]] | None = None) -> list[JobSpec]:
    """A job per spider (or per source with its own schedule), plus alerts and the digest; `loaded` is the
    catalogue and its schedules when the caller has read them already."""
    from spiders.sources import SPIDER_FOR_KIND
    specs: list[JobSpec] = []
    catalogue, stored_schedules = loaded if loaded is not None else _catalogue(settings)
    schedules = {**DEFAULT_SCHEDULES, **stored_schedules}
    own: dict[str, list[str]] = {}
    for source in catalogue:
        if source.schedule and source.enabled and source.crawlable:
            specs.append(JobSpec(f"crawl-{source.spider}-{source.id}", "scheduler:run_crawl_job", source.schedule,
                                 {"spider": source.spider, "source_ids": source.id}))
            own.setdefault(source.spider, []).append(source.id)
    for kind, spider in SPIDER_FOR_KIND.items():
        kwargs: dict[str, Any] = {"spider": spider}
        if own.get(spider):  # the sources with their own job are not crawled twice
            rest = [s.id for s in catalogue if s.kind == kind and s.enabled and s.crawlable and not s.schedule]
            if not rest:
                continue
            kwargs["source_ids"] = ",".join(rest)
        specs.append(JobSpec(f"crawl-{spider}", "scheduler:run_crawl_job", schedules[f"crawl-{spider}"], kwargs))
    specs.append(JobSpec("alerts", "scheduler:run_alerts_job", schedules["alerts"], {}))
    specs.append(JobSpec("digest", "scheduler:run_digest_job", schedules["digest"], {}))
    specs.append(JobSpec("maintenance", "scheduler:run_maintenance_job", schedules["maintenance"], {}))
    specs.append(JobSpec("source-requests", "scheduler:run_source_requests_job", schedules["source-requests"], {}))
    return specs


def trigger_for(schedule: str, timezone_name: str):  # type: ignore[no-untyped-def]
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger
    if schedule.startswith("every "):
        amount, unit = int(schedule[6:-1]), schedule[-1]
        seconds = amount * {"m": 60, "h": 3600, "d": 86400}[unit]
        return IntervalTrigger(seconds=seconds, timezone=timezone_name)
    return CronTrigger.from_crontab(schedule, timezone=timezone_name)


def build_scheduler(settings: Settings, blocking: bool = True):  # type: ignore[no-untyped-def]
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.schedulers.blocking import BlockingScheduler
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    cls = BlockingScheduler if blocking else BackgroundScheduler
    scheduler = cls(
        jobstores={"default": SQLAlchemyJobStore(url=f"sqlite:///{settings.var_dir / 'scheduler.db'}")},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        timezone=settings.timezone,
    )
    for spec in job_specs(settings):
        scheduler.add_job(spec.func, trigger_for(spec.schedule, settings.timezone), id=spec.name, name=spec.name,
                          kwargs=spec.kwargs, replace_existing=True)
    return scheduler


def sync_jobs(scheduler: Any, settings: Settings, current: dict[str, JobSpec]) -> dict[str, JobSpec]:
    """Follow the console's catalogue edits (a source's own schedule added, changed or gone) without a restart;
    an unchanged job keeps its next run."""
    wanted = {spec.name: spec for spec in job_specs(settings)}
    for name in current.keys() - wanted.keys():
        scheduler.remove_job(name)
    for name, spec in wanted.items():
        if current.get(name) != spec:
            scheduler.add_job(spec.func, trigger_for(spec.schedule, settings.timezone), id=spec.name, name=spec.name,
                              kwargs=spec.kwargs, replace_existing=True)
    return wanted


def watch_catalogue(scheduler: Any, settings: Settings, stop: threading.Event) -> None:
    current = {spec.name: spec for spec in job_specs(settings)}
    while not stop.wait(CATALOGUE_SYNC_S):
        try:
            current = sync_jobs(scheduler, settings, current)
        except Exception as exc:
            log.warning("catalogue sync failed: %s", exc)


def heartbeat(settings: Settings, stop: threading.Event) -> None:
    from indexing.backends import open_backend
    backend = open_backend(settings)
    while not stop.is_set():
        try:
            backend.setup()
            backend.records.put("meta", "scheduler-heartbeat", {"at": datetime.now(timezone.utc).isoformat(),
                                                               "pid": os.getpid(), "updated_at": ""})
        except Exception as exc:
            log.warning("heartbeat failed: %s", exc)
        stop.wait(HEARTBEAT_S)


def run_daemon(settings: Settings) -> int:
    from apscheduler.events import EVENT_SCHEDULER_STARTED
    scheduler = build_scheduler(settings, blocking=True)
    stop = threading.Event()

    def shutdown(signum: int, _frame: Any) -> None:
        log.info("signal %d: stopping; running crawls get SIGTERM and finish cleanly", signum)
        stop.set()
        _running.terminate_all()
        # A signal that lands while start() is still writing jobs to the job store cannot shut the
        # scheduler down yet (APScheduler raises); the start listener below does it once it runs.
        if scheduler.running:
            scheduler.shutdown(wait=True)

    def stop_if_asked(_event: Any) -> None:
        if stop.is_set() and scheduler.running:
            scheduler.shutdown(wait=True)

    signal.signal(signal.SIGTERM, shutdown)
    signal.signal(signal.SIGINT, shutdown)
    scheduler.add_listener(stop_if_asked, EVENT_SCHEDULER_STARTED)
    threading.Thread(target=heartbeat, args=(settings, stop), daemon=True).start()
    threading.Thread(target=watch_catalogue, args=(scheduler, settings, stop), daemon=True).start()
    log.info("scheduler starting (%s)", settings.timezone)
    if not stop.is_set():
        scheduler.start()
    log.info("scheduler stopped")
    return 0


def _crawled_sources(settings: Settings) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for source in _catalogue(settings)[0]:
        if source.enabled and source.crawlable:
            found.setdefault(source.spider, []).append(source.id)
    return found


def print_jobs(settings: Settings) -> int:
    """The jobs the active catalogue defines and their next run, without starting APScheduler or its job store."""
    from datetime import datetime as _dt
    from zoneinfo import ZoneInfo

    from cli_tables import console, run_time, terminal_width
    from rich import box
    from rich.table import Table
    now = _dt.now(ZoneInfo(settings.timezone))
    table = Table(title=f"scheduled jobs of the catalogue (seed {settings.sources_file.name}, {settings.timezone})", box=box.SIMPLE_HEAD,
                  title_justify="left", pad_edge=False, expand=True)
    for column in ("job", "schedule", "next run", "sources"):
        table.add_column(column, no_wrap=True, overflow="ellipsis", ratio=1 if column == "sources" else None)
    crawled = _crawled_sources(settings)
    for spec in sorted(job_specs(settings), key=lambda s: s.name):
        trigger = trigger_for(spec.schedule, settings.timezone)
        spider = spec.kwargs.get("spider")
        ids = spec.kwargs["source_ids"].split(",") if spec.kwargs.get("source_ids") else crawled.get(spider, [])
        sources = (f"{len(ids)}: " + ", ".join(ids) if ids else "none crawlable") if spider else ""
        table.add_row(spec.name, spec.schedule, run_time(trigger.get_next_fire_time(None, now)), sources)
    console(terminal_width()).print(table)
    return 0


def run_job_now(settings: Settings, name: str | None) -> int:
    specs = {s.name: s for s in job_specs(settings)}
    if not name or name not in specs:
        print(f"error: unknown job {name!r}; choose among {', '.join(specs)}", file=sys.stderr)
        return 2
    spec = specs[name]
    result = JOB_FUNCS[spec.func](**spec.kwargs)
    print(json.dumps(result, default=str))
    return 0 if result.get("status", "ok") == "ok" else 1


if __name__ == "__main__":
    raise SystemExit(run_daemon(load_settings()))
