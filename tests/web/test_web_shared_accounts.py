"""In Elasticsearch mode, two UI processes (real uvicorn servers) share accounts, sessions and tokens:
log in on one, use the cookie on the other; a logout or a removal on one holds on both at once."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Iterator

import httpx
import pytest
from support import ROOT, elasticsearch_url, free_port
from web_support import csrf_of

from web.access import SESSION_COOKIE

PASSWORD = "shared between processes"


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/health", timeout=2).status_code in (200, 503):
                return
        except httpx.TransportError:
            pass
        assert process.poll() is None, "the UI process died"
        assert time.monotonic() < deadline, "the UI process did not answer"
        time.sleep(0.2)


@pytest.fixture
def environment(tmp_path: Path) -> Iterator[dict[str, str]]:
    prefix = f"veille-shared-{uuid.uuid4().hex[:8]}"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT),
           "VEILLE_ELASTICSEARCH_URL": elasticsearch_url(), "VEILLE_ES_PREFIX": prefix,
           "VEILLE_SECRET_KEY": "shared-secret-of-both-processes", "VEILLE_VAR_DIR": str(tmp_path),
           "VEILLE_SOURCES": str(tmp_path / "none.yaml")}
    yield env
    from indexing.backends.elasticsearch import ElasticsearchBackend
    backend = ElasticsearchBackend(env["VEILLE_ELASTICSEARCH_URL"], prefix=prefix)
    backend.drop_all()
    backend.close()


@pytest.fixture
def two_uis(environment: dict[str, str]) -> Iterator[tuple[str, str]]:
    processes, urls = [], []
    try:
        for _ in range(2):  # one after the other: the first creates the indices
            port = free_port()
            process = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "web.app:create_app",
                                        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                                       cwd=ROOT, env=environment)
            processes.append(process)
            urls.append(f"http://127.0.0.1:{port}")
            wait_until_up(urls[-1], process)
        yield urls[0], urls[1]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)


def veille(environment: dict[str, str], *args: str, stdin: str = "") -> str:
    done = subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, env=environment, input=stdin,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_two_ui_processes_share_accounts_sessions_and_tokens(environment: dict[str, str],
                                                            two_uis: tuple[str, str]) -> None:
    first, second = two_uis
    veille(environment, "users", "add", "shared-admin", "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    with httpx.Client(base_url=first, timeout=20, follow_redirects=False) as on_first:
        login = on_first.post("/login", data={"csrf_token": csrf_of(on_first), "username": "shared-admin",
                                              "password": PASSWORD})
        assert login.status_code == 303
        cookie = on_first.cookies[SESSION_COOKIE]
    with httpx.Client(base_url=second, timeout=20, follow_redirects=False) as on_second:
        on_second.cookies.set(SESSION_COOKIE, cookie, domain="127.0.0.1", path="/")
        page = on_second.get("/crawls?lang=en")
        assert page.status_code == 200 and "shared-admin (administrator)" in page.text
        assert on_second.get("/api/audit").json()["entries"][0]["action"] == "login"  # written by the first
        out = on_second.post("/logout", data={"csrf_token": csrf_of(on_second)})
        assert out.status_code == 303
    with httpx.Client(base_url=first, timeout=20, follow_redirects=False) as back_on_first:
        back_on_first.cookies.set(SESSION_COOKIE, cookie, domain="127.0.0.1", path="/")
        assert back_on_first.get("/crawls").status_code == 303  # logged out on the other process

    token = veille(environment, "tokens", "create", "--scope", "read", "--name", "both").strip()
    headers = {"Authorization": f"Bearer {token}"}
    assert [httpx.get(url + "/api/sources", headers=headers, timeout=20).status_code for url in two_uis] == [200, 200]
    veille(environment, "users", "remove", "shared-admin")
    assert [httpx.get(url + "/api/sources", headers=headers, timeout=20).status_code for url in two_uis] == [401, 401]
    listed = veille(environment, "users", "list")
    assert "shared-admin" not in listed
