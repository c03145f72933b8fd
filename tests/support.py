"""Helpers shared by the tests (imported as `support`; conftest modules must not be imported by tests)."""
from __future__ import annotations

import os
import socket
import sys
import threading
import uuid
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM = Path(os.environ.get("VEILLE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def unavailable(what: str, how: str) -> NoReturn:
    """A service a test needs is missing: skip locally, FAIL in CI, where every test must run."""
    if IN_CI:
        pytest.fail(f"CI=true but {what}: these tests must run in CI")
    pytest.skip(f"{what} ({how})")


def chromium() -> Path:
    """Debian's chromium, driven by Playwright through executable_path (never `playwright install`)."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing", "apt-get install -y chromium")
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def elasticsearch_url() -> str:
    """The test node's URL; without one, skip locally but FAIL in CI (ES tests must run there)."""
    url = os.environ.get("VEILLE_TEST_ELASTICSEARCH_URL")
    if not url:
        unavailable("VEILLE_TEST_ELASTICSEARCH_URL is unset", "start a node with `make es`")
    from elasticsearch import Elasticsearch
    client = Elasticsearch(url, request_timeout=10)
    try:
        client.cluster.health(wait_for_status="yellow", timeout="30s")
    except Exception as exc:
        pytest.fail(f"Elasticsearch at {url} is unreachable: {exc}")
    finally:
        client.close()
    return url


def make_backend(name: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    if name == "sqlite":
        from indexing.backends.sqlite import SqliteBackend
        backend = SqliteBackend(tmp_path / "test.db")
    else:
        from indexing.backends.elasticsearch import ElasticsearchBackend
        backend = ElasticsearchBackend(elasticsearch_url(), prefix=f"test-{uuid.uuid4().hex[:10]}")
    backend.setup()
    return backend


@dataclass
class SmtpSink:
    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def parsed(self) -> list[EmailMessage]:
        with self.lock:
            return list(self.messages)


class SmtpHandler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        with self.sink.lock:
            self.sink.messages.append(message)  # type: ignore[arg-type]
            self.sink.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"


def backend_env(backend, var_dir: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Environment for a subprocess that must use this test's backend."""
    env = dict(os.environ, VEILLE_VAR_DIR=str(var_dir), PYTHONPATH=str(ROOT))
    env.pop("VEILLE_ELASTICSEARCH_URL", None)
    if backend.name == "elasticsearch":
        env.update(VEILLE_ELASTICSEARCH_URL=backend.url, VEILLE_ES_PREFIX=backend.prefix)
    else:
        env["VEILLE_SQLITE_PATH"] = str(backend.path)
    return env
