"""Elasticsearch mode: two real UI processes on loopback share the catalogue (and the admin's session)."""
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
from bs4 import BeautifulSoup
from console_support import PASSWORD
from support import ROOT, elasticsearch_url, free_port
from web_support import TEST_SECRET

from accounts.roles import Role
from accounts.store import AccountStore
from spiders.source_requests import RunRequests

pytestmark = [pytest.mark.timeout(240), pytest.mark.slow]


def csrf(http: httpx.Client, path: str) -> str:
    return str(BeautifulSoup(http.get(path).text, "html.parser").select_one('input[name="csrf_token"]')["value"])  # type: ignore[index]


@pytest.fixture
def two_uis(tmp_path: Path) -> Iterator[tuple[list[str], object]]:
    from indexing.backends.elasticsearch import ElasticsearchBackend
    url, prefix = elasticsearch_url(), f"twoui-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchBackend(url, prefix=prefix)
    backend.setup()
    procs, urls = [], []
    for n in range(2):
        port = free_port()
        env = dict(os.environ, PYTHONPATH=str(ROOT), VEILLE_ELASTICSEARCH_URL=url, VEILLE_ES_PREFIX=prefix,
                   VEILLE_SECRET_KEY=TEST_SECRET, VEILLE_VAR_DIR=str(tmp_path / f"ui-{n}"),  # nothing local is shared
                   VEILLE_SOURCES=str(tmp_path / "none.yaml"))
        procs.append(subprocess.Popen([sys.executable, "-m", "cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        urls.append(f"http://127.0.0.1:{port}")
    deadline = time.time() + 60
    for base in urls:
        while True:
            try:
                if httpx.get(base + "/login", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.time() < deadline, f"{base} did not start"
            time.sleep(0.3)
    yield urls, backend
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=30)
    backend.drop_all()
    backend.close()


def test_two_ui_processes_see_the_same_sources(two_uis) -> None:  # type: ignore[no-untyped-def]
    (first, second), backend = two_uis
    name, source_id = f"admin-{uuid.uuid4().hex[:6]}", f"shared-{uuid.uuid4().hex[:6]}"
    AccountStore(backend.records).add(name, Role.ADMIN, PASSWORD)
    with httpx.Client(base_url=first, timeout=30) as a:
        assert a.post("/login", data={"csrf_token": csrf(a, "/login"), "username": name, "password": PASSWORD,
                                      "next": "/console/sources"}).status_code == 303
        saved = a.post("/console/sources/new", data={"csrf_token": csrf(a, "/console/sources/new"), "id": source_id,
                                                     "kind": "fair", "ical": "https://fairs.example.ma/salons.ics",
                                                     "enabled": "1", "crawlable": "1", "action": "save"})
        assert saved.status_code == 303
        # The other process, with the same browser cookies: the session and the catalogue live in Elasticsearch.
        with httpx.Client(base_url=second, timeout=30, cookies=a.cookies) as b:
            row = BeautifulSoup(b.get("/console/sources").text, "html.parser").select_one(f"#source-{source_id}")
            assert row is not None and "Salons" in row.get_text()
            off = b.post(f"/console/sources/{source_id}/enabled", data={"csrf_token": csrf(b, "/console/sources"),
                                                                        "enabled": "0"})
            assert off.status_code == 303
        row = BeautifulSoup(a.get("/console/sources").text, "html.parser").select_one(f"#source-{source_id}")
        assert row is not None and "is-disabled" in row["class"]
        a.post(f"/console/sources/{source_id}/enabled", data={"csrf_token": csrf(a, "/console/sources"), "enabled": "1"})
        assert a.post(f"/console/sources/{source_id}/run",
                      data={"csrf_token": csrf(a, "/console/sources")}).status_code == 303
    [request] = RunRequests(backend.records).pending()  # what any scheduler on this cluster picks up
    assert (request.source_id, request.spider, request.requested_by) == (source_id, "fairs", name)
