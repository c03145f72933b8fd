"""`veille demo` end to end: the crawl's traps are reported as expected, and the demo sites stay served
(on the ports the stored URLs point at) for as long as the UI runs; Ctrl-C stops both."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from support import free_port

ROOT = Path(__file__).resolve().parents[2]


def get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def wait_for(url: str, proc: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "veille demo exited early"
        try:
            get(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} never answered")


def signs_in(url: str, username: str, password: str) -> bool:
    """The printed login opens an admin session (the audit log answers only admins)."""
    import httpx
    with httpx.Client(base_url=url, timeout=20) as http:
        http.get("/login")
        http.post("/login", data={"csrf_token": http.cookies["veille_csrf"], "username": username,
                                  "password": password})
        return http.get("/api/audit").status_code == 200


def test_demo_serves_ui_and_sources_until_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VEILLE_VAR_DIR": str(tmp_path / "var"),
           "VEILLE_BASE_URL": f"http://127.0.0.1:{port}"}
    for key in ("VEILLE_ELASTICSEARCH_URL", "VEILLE_CONFIG", "VEILLE_SOURCES", "VEILLE_MAILER"):
        env.pop(key, None)
    log = (tmp_path / "demo.log").open("w+b")
    proc = subprocess.Popen([sys.executable, "-m", "cli", "demo", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/health", proc, 240)
        status, body = get(f"http://127.0.0.1:{port}/api/search?kind=news&per_page=50")
        assert status == 200
        urls = [hit["document"]["url"] for hit in json.loads(body)["results"]]
        assert urls
        status, page = get(urls[0])
        assert status == 200 and b"<html" in page.lower()
        assert get(f"http://127.0.0.1:{port}/crawls")[0] == 200  # even the advisors' pages are open in the demo
        log.seek(0)
        login = re.search(r"admin login: (\S+) / (\S+)", log.read().decode())
        assert login, "the demo did not print its admin's login"
        assert signs_in(f"http://127.0.0.1:{port}", login.group(1), login.group(2))
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
    log.seek(0)
    output = log.read().decode()
    assert "3 deliberate traps handled: 500, timeout, oversized page" in output
    assert " ERROR " not in output and " WARNING " not in output, output
    assert output.count("demo trap: ") == 3
    try:
        get(urls[0], timeout=2)
        raise AssertionError("the demo sites still answer after Ctrl-C")
    except OSError:
        pass
