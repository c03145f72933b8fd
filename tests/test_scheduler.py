"""The scheduler: jobs from config, history, heartbeats, timeouts and a clean SIGTERM."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
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
    history = backend.list_records("jobs")
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
    proc = subprocess.Popen([sys.executable, "-m", "cli", "schedule"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from config import load_settings
    from indexing.backends import open_backend
    backend = open_backend(load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var")}))
    deadline = time.time() + 60
    beat = None
    while time.time() < deadline and beat is None:
        time.sleep(0.5)
        try:
            backend.setup()
            beat = backend.get_record("meta", "scheduler-heartbeat")
        except Exception:
            pass
    assert beat and beat["pid"] == proc.pid
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0
