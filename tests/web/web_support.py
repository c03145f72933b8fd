"""Helpers of the web tests (tests import this module, never conftest): a loaded backend per engine and
a real uvicorn server in front of it.

Elasticsearch runs when VEILLE_TEST_ELASTICSEARCH_URL is set; unset, its tests skip locally and FAIL
when CI=true (support.elasticsearch_url: CI must exercise both engines).
"""
from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from support import elasticsearch_url, free_port  # importing support puts the project on sys.path

import uvicorn  # noqa: E402
import web_corpus  # noqa: E402

from accounts.roles import Role  # noqa: E402
from accounts.store import AccountStore  # noqa: E402
from accounts.tokens import TokenStore  # noqa: E402
from alerts.tokens import TokenSigner  # noqa: E402
from config import Settings, load_settings  # noqa: E402
from indexing.backends.base import SearchBackend  # noqa: E402
from web.app import create_app  # noqa: E402

TEST_SECRET = "web-tests-secret-key-0123456789"
BACKENDS = ("sqlite", "elasticsearch")


TEST_PASSWORD = "a long test password 0123"
TEST_ACCOUNTS = {Role.ADVISOR: "test-advisor", Role.ADMIN: "test-admin"}


def ensure_account(backend: SearchBackend, role: Role) -> str:
    """The test account of `role` (created on first use, password TEST_PASSWORD)."""
    name = TEST_ACCOUNTS[role]
    accounts = AccountStore(backend.records)
    if accounts.get(name) is None:
        accounts.add(name, role, TEST_PASSWORD)
    return name


def bearer(backend: SearchBackend, scope: str = "read") -> dict[str, str]:
    """Headers of a fresh API token of `scope` (advisor pages in page tests)."""
    name = ensure_account(backend, Role.ADMIN if scope == "admin" else Role.ADVISOR)
    token, _ = TokenStore(backend.records, AccountStore(backend.records)).create(name, scope, "web tests")
    return {"Authorization": f"Bearer {token}"}


def csrf_of(http: httpx.Client) -> str:
    """The CSRF token a page hands out (and its cookie, now in the client's jar)."""
    http.get("/login")
    return str(http.cookies.get("veille_csrf"))


def log_in(http: httpx.Client, username: str, password: str = TEST_PASSWORD, **extra: str) -> httpx.Response:
    return http.post("/login", data={"csrf_token": csrf_of(http), "username": username, "password": password, **extra})


class LiveServer:
    """uvicorn serving the app on a free loopback port, in a thread of the test process."""

    def __init__(self, app: object) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                   lifespan="on", access_log=False))
        self.thread = threading.Thread(target=self.server.run, name=f"uvicorn-{self.port}", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@dataclass
class Site:
    """One running web UI over a loaded backend."""
    engine: str
    url: str
    settings: Settings
    backend: SearchBackend
    signer: TokenSigner

    def client(self, scope: str | None = None, **kwargs: object) -> httpx.Client:
        """Anonymous, or with an API token of `scope` (`read`: an advisor; `admin`)."""
        headers = bearer(self.backend, scope) if scope else {}
        return httpx.Client(base_url=self.url, timeout=20, headers=headers, **kwargs)  # type: ignore[arg-type]

    @property
    def outbox(self) -> Path:
        return self.settings.outbox_dir


def open_loaded_backend(engine: str, directory: Path) -> SearchBackend:
    if engine == "sqlite":
        from indexing.backends.sqlite import SqliteBackend
        backend: SearchBackend = SqliteBackend(directory / "veille.db")
    else:
        from indexing.backends.elasticsearch import ElasticsearchBackend
        backend = ElasticsearchBackend(elasticsearch_url(), prefix=f"veille-webtest-{uuid.uuid4().hex[:10]}")
    web_corpus.load(backend)
    return backend


class SitePool:
    """Sites start on first use and serve the whole session (loading the corpus is the slow part)."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.tmp_path_factory = tmp_path_factory
        self.sites: dict[str, Site] = {}
        self.servers: list[LiveServer] = []

    def get(self, engine: str) -> Site:
        if engine not in self.sites:
            directory = self.tmp_path_factory.mktemp(f"web-{engine}")
            settings = load_settings({"VEILLE_VAR_DIR": str(directory / "var"), "VEILLE_SECRET_KEY": TEST_SECRET,
                                      "VEILLE_SOURCES": str(directory / "no-catalogue.yaml"),
                                      "VEILLE_BASE_URL": "http://127.0.0.1:8000",
                                      # The pages' own tests browse as the demo does; access has its own tests.
                                      "VEILLE_PUBLIC": "all"})
            backend = open_loaded_backend(engine, directory)
            server = LiveServer(create_app(settings, backend))
            server.start()
            self.servers.append(server)
            self.sites[engine] = Site(engine, server.url, settings, backend, TokenSigner(TEST_SECRET))
        return self.sites[engine]

    def strict(self, engine: str) -> Site:
        """A second UI over the same backend with the default VEILLE_PUBLIC (alert sign-up and fair calendar)."""
        key = f"{engine}-strict"
        if key not in self.sites:
            loaded = self.get(engine)
            settings = loaded.settings.replace(public_parts=load_settings({}).public_parts)
            server = LiveServer(create_app(settings, loaded.backend))
            server.start()
            self.servers.append(server)
            self.sites[key] = Site(engine, server.url, settings, loaded.backend, loaded.signer)
        return self.sites[key]

    def close(self) -> None:
        for server in self.servers:
            server.stop()
        for key, site in self.sites.items():
            if key.endswith("-strict"):
                continue  # its backend is its loaded twin's
            if site.engine == "elasticsearch":
                site.backend.drop_all()  # type: ignore[attr-defined]
            site.backend.close()


