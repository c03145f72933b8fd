"""Fixtures of the web tests; the helpers live in web_support.py."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_support import BACKENDS, Site, SitePool  # noqa: E402

@pytest.fixture(scope="session")
def site_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SitePool]:
    pool = SitePool(tmp_path_factory)
    yield pool
    pool.close()


@pytest.fixture(scope="session", params=BACKENDS)
def site(request: pytest.FixtureRequest, site_pool: SitePool) -> Site:
    """The web UI over each engine in turn."""
    return site_pool.get(request.param)


@pytest.fixture(scope="session", params=BACKENDS)
def strict_site(request: pytest.FixtureRequest, site_pool: SitePool) -> Site:
    """The web UI with the default VEILLE_PUBLIC, over each engine in turn: what access tests check."""
    return site_pool.strict(request.param)


@pytest.fixture(scope="session")
def sqlite_site(site_pool: SitePool) -> Site:
    """The web UI over SQLite only: for browser tests, which exercise the UI rather than the engine."""
    return site_pool.get("sqlite")


@pytest.fixture
def client(site: Site) -> Iterator[httpx.Client]:
    with site.client() as http:
        yield http


@pytest.fixture
def advisor(site: Site) -> Iterator[httpx.Client]:
    """A client with an advisor's (read) API token."""
    with site.client("read") as http:
        yield http
