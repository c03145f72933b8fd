from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config import Settings, load_settings  # noqa: E402
from support import SmtpHandler, SmtpSink, free_port, make_backend  # noqa: E402


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var"), "VEILLE_BASE_URL": "http://127.0.0.1:8000"})


@pytest.fixture(params=["sqlite", "elasticsearch"])
def backend(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    b = make_backend(request.param, tmp_path)
    yield b
    if request.param == "elasticsearch":
        b.drop_all()
    b.close()


@pytest.fixture
def smtp_server() -> Iterator[SmtpSink]:
    """A real SMTP server (aiosmtpd) on loopback; Controller(port=0) fails, so pick a port first."""
    from aiosmtpd.controller import Controller
    port = free_port()
    sink = SmtpSink("127.0.0.1", port)
    controller = Controller(SmtpHandler(sink), hostname="127.0.0.1", port=port)
    controller.start()
    yield sink
    controller.stop()


@pytest.fixture(scope="session")
def demo_sites():  # type: ignore[no-untyped-def]
    from demo.server import DemoSites
    sites = DemoSites(slow_seconds=3)
    sites.start()
    yield sites
    sites.close()


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Also at the end, where `-q` keeps it: which Elasticsearch the ES-backed tests used."""
    for line in pytest_report_header(terminalreporter.config):
        terminalreporter.write_line(line)


def pytest_report_header(config) -> list[str]:  # type: ignore[no-untyped-def]
    """Say in the log which Elasticsearch the ES-backed tests run against (CI must show a real node)."""
    import os
    url = os.environ.get("VEILLE_TEST_ELASTICSEARCH_URL")
    if not url:
        return ["elasticsearch: VEILLE_TEST_ELASTICSEARCH_URL unset (Elasticsearch tests skip; they fail under CI=true)"]
    try:
        from elasticsearch import Elasticsearch
        client = Elasticsearch(url, request_timeout=10)
        info, health = client.info(), client.cluster.health()
        client.close()
        return [f"elasticsearch: {url} -> {info['version']['number']} node {info['name']}, cluster "
                f"{health['cluster_name']} ({health['number_of_nodes']} node(s), {health['status']})"]
    except Exception as exc:  # the tests themselves will fail loudly
        return [f"elasticsearch: {url} unreachable: {exc}"]


@pytest.fixture
def receiver():  # type: ignore[no-untyped-def]
    """A real HTTP server on loopback for notification services (tests/http_receiver.py)."""
    from http_receiver import HttpReceiver
    server = HttpReceiver().start()
    yield server
    server.stop()
