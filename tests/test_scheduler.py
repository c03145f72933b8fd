"""The scheduler: jobs from config, history, heartbeats, timeouts and a clean SIGTERM."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from string import Template

from support import ROOT


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), VEILLE_VAR_DIR=str(tmp_path / "var"), **extra)
    env.pop("VEILLE_ELASTICSEARCH_URL", None)
    return env


def demo_catalogue(tmp_path: Path, demo_sites) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "sources.yaml"
    text = (ROOT / "sources.demo.yaml").read_text(encoding="utf-8")
    path.write_text(Template(text).safe_substitute(demo_sites.base_urls), encoding="utf-8")
    return path


def test_jobs_list_has_every_spider_alerts_and_digest(tmp_path: Path) -> None:
    env = env_for(tmp_path, VEILLE_SOURCES=str(ROOT / "sources.yaml"))
    done = subprocess.run([sys.executable, "-m", "cli", "jobs", "list"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for job in ("crawl-news", "crawl-fairs", "crawl-prices", "alerts", "digest", "maintenance", "crawl-news-le360-fr"):
        assert job in done.stdout
    digest_line = next(line for line in done.stdout.splitlines() if line.split()[:1] == ["digest"])
    assert "0 8 * * mon" in digest_line and " 08:00 +0" in digest_line  # Monday 08:00, Africa/Casablanca


def test_run_job_now_records_history(tmp_path: Path, demo_sites) -> None:  # type: ignore[no-untyped-def]
    env = env_for(tmp_path, VEILLE_SOURCES=str(demo_catalogue(tmp_path, demo_sites)))
    done = subprocess.run([sys.executable, "-m", "cli", "jobs", "run", "crawl-prices"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    from config import load_settings
    from indexing.backends import open_backend
    backend = open_backend(load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var")}))
    backend.setup()
    history = backend.records.list("jobs")
    assert history and history[0]["name"] == "crawl-prices" and history[0]["status"] == "ok"
    assert history[0]["items"] >= 10 and backend.count("offer") >= 10
    bad = subprocess.run([sys.executable, "-m", "cli", "jobs", "run", "no-such-job"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "unknown job" in bad.stderr


def test_crawl_timeout_stops_the_subprocess_cleanly(tmp_path: Path, demo_sites, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("VEILLE_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("VEILLE_SOURCES", str(demo_catalogue(tmp_path, demo_sites)))
    monkeypatch.delenv("VEILLE_ELASTICSEARCH_URL", raising=False)
    import scheduler
    started = time.time()
    result = scheduler.run_crawl_job("news", timeout=2)
    assert result["status"] == "timeout" and time.time() - started < 90


def test_daemon_heartbeat_and_sigterm(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    log = (tmp_path / "schedule.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "cli", "schedule"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=log)
    from config import load_settings
    from indexing.backends import open_backend
    backend = open_backend(load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var")}))
    deadline = time.time() + 60
    beat = None
    while time.time() < deadline and beat is None:
        time.sleep(0.5)
        try:
            backend.setup()
            beat = backend.records.get("meta", "scheduler-heartbeat")
        except Exception:
            pass
    assert beat and beat["pid"] == proc.pid
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0, (tmp_path / "schedule.log").read_text(errors="replace")[-3000:]


def test_monday_digest_job_covers_the_last_full_local_week(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The scheduler's own digest job, run at Monday 08:00 in Casablanca (UTC+1 in November) by an injected clock."""
    from datetime import datetime, timezone
    from email import message_from_bytes, policy
    from zoneinfo import ZoneInfo

    monkeypatch.setenv("VEILLE_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("VEILLE_TIMEZONE", "Africa/Casablanca")
    monkeypatch.delenv("VEILLE_ELASTICSEARCH_URL", raising=False)
    monkeypatch.delenv("VEILLE_MAILER", raising=False)
    import scheduler
    from alerts.subscriptions import SubscriptionStore, make_subscription
    from config import load_settings
    from indexing.backends import open_backend
    from indexing.indexer import Indexer
    from indexing.models import NewsArticle

    casa = ZoneInfo("Africa/Casablanca")
    settings = load_settings()
    backend = open_backend(settings)
    backend.setup()

    def news(slug: str, title: str, local: datetime) -> NewsArticle:
        return NewsArticle(url=f"https://n.example.ma/{slug}", source="n", title=title, text="Texte " * 20,
                           language="fr", published_at=local.replace(tzinfo=casa).astimezone(timezone.utc))

    Indexer(backend).upsert([
        # Monday 00:30 in Casablanca is still Sunday in UTC: it belongs to the local week.
        news("first", "Ouverture du marché des potiers", datetime(2026, 11, 23, 0, 30)),
        news("mid", "Les tisserandes de Taznakht exposent", datetime(2026, 11, 26, 15, 0)),
        news("last", "Bilan des ventes de babouches", datetime(2026, 11, 29, 23, 30)),
        # The next Monday 00:30 local (Sunday 23:30 UTC) and this morning are not part of the last full week.
        news("next", "Salon du zellige annoncé", datetime(2026, 11, 30, 0, 30)),
        news("today", "Nouvelle coopérative de maroquinerie", datetime(2026, 11, 30, 7, 0)),
        news("before", "Ancienne nouvelle sur le cuivre", datetime(2026, 11, 22, 23, 30)),
    ])
    SubscriptionStore(backend).save(make_subscription(kind="digest", email="strategie@example.ma", language="fr",
                                                      confirmed=True))
    backend.close()

    monday_8am = datetime(2026, 11, 30, 8, 0, tzinfo=casa)
    result = scheduler.run_digest_job(now=monday_8am)
    assert result["week"] == "2026-W48" and result["items"] == 1
    assert result["window_start"] == "2026-11-22T23:00:00+00:00"  # Monday 23 Nov 00:00 in Casablanca
    assert result["window_end"] == "2026-11-29T23:00:00+00:00"

    outbox = list((tmp_path / "var" / "outbox").glob("*.eml"))
    assert len(outbox) == 1
    text = message_from_bytes(outbox[0].read_bytes(), policy=policy.default).get_body(("plain",)).get_content()
    for title in ("Ouverture du marché des potiers", "Les tisserandes de Taznakht exposent", "Bilan des ventes de babouches"):
        assert title in text
    for title in ("Salon du zellige annoncé", "Nouvelle coopérative de maroquinerie", "Ancienne nouvelle sur le cuivre"):
        assert title not in text

    again = scheduler.run_digest_job(now=monday_8am.replace(hour=9))  # a rerun the same week sends nothing
    assert again["week"] == "2026-W48" and again["queued"] == 0 and again["items"] == 0
    backend = open_backend(settings)
    backend.setup()
    history = [r for r in backend.records.list("jobs") if r["name"] == "digest"]
    assert len(history) == 2 and {r["week"] for r in history} == {"2026-W48"}


def test_jobs_follow_the_backend_catalogue_and_its_edits(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The scheduler reads the catalogue from the backend (seeded from VEILLE_SOURCES) and follows console edits."""
    monkeypatch.setenv("VEILLE_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("VEILLE_ELASTICSEARCH_URL", raising=False)
    import scheduler
    from config import load_settings
    from indexing.backends import open_backend
    from spiders.source_store import SourceStore
    settings = load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var"), "VEILLE_SOURCES": str(ROOT / "sources.yaml")})
    specs = {s.name: s for s in scheduler.job_specs(settings)}
    assert "crawl-news-le360-fr" in specs and specs["source-requests"].schedule == "every 1m"
    backend = open_backend(settings)
    backend.setup()
    store = SourceStore(backend.records)
    store.set_enabled("le360-fr", False)
    store.save({"id": "coop-fes", "kind": "shop", "start_urls": ["https://coop.example.ma/"], "schedule": "every 2h"})

    from apscheduler.schedulers.background import BackgroundScheduler
    live = BackgroundScheduler(timezone=settings.timezone)  # APScheduler itself, paused: nothing runs
    for spec in specs.values():
        live.add_job(spec.func, scheduler.trigger_for(spec.schedule, settings.timezone), id=spec.name, kwargs=spec.kwargs)
    live.start(paused=True)
    try:
        alerts_next = live.get_job("alerts").next_run_time
        synced = scheduler.sync_jobs(live, settings, specs)
        jobs = {job.id: job for job in live.get_jobs()}
        assert "crawl-news-le360-fr" not in jobs and "crawl-prices-coop-fes" in jobs
        assert jobs["crawl-prices-coop-fes"].kwargs == {"spider": "prices", "source_ids": "coop-fes"}
        assert "coop-fes" not in jobs["crawl-prices"].kwargs["source_ids"].split(",")  # never crawled twice
        assert jobs["alerts"].next_run_time == alerts_next  # an unchanged job keeps its next run
        assert scheduler.sync_jobs(live, settings, synced) == synced
    finally:
        live.shutdown(wait=False)
    backend.close()


def test_sigterm_while_the_scheduler_is_still_starting_stops_cleanly(tmp_path: Path) -> None:
    """SIGTERM as soon as the daemon says it is starting lands while APScheduler writes its jobs to the job store."""
    proc = subprocess.Popen([sys.executable, "-m", "cli", "schedule"], cwd=ROOT, env=env_for(tmp_path),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    # A daemon that never logs the line would keep the loop reading forever.
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    seen: list[str] = []
    for line in proc.stderr:
        seen.append(line)
        if "scheduler starting" in line:
            proc.send_signal(signal.SIGTERM)
            break
    rest = proc.communicate(timeout=60)[1]
    watchdog.cancel()
    output = "".join(seen) + rest
    assert proc.returncode == 0, output[-3000:]
    assert "Traceback" not in output and "scheduler stopped" in output
