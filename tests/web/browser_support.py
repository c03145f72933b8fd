"""Headless Chromium (Debian's /usr/bin/chromium) for the browser tests: fixtures and screenshots.

Screenshots go to test-artifacts/screenshots/ (git-ignored). The README's screenshots are taken from
`make demo` data by tools/screenshots.py, not from the test corpus.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from support import CHROMIUM_ARGS, ROOT, chromium
from web_support import Site

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, sqlite_site: Site) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=sqlite_site.url, accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    context.close()
    assert errors == []  # no CSP violation, no script error, no missing resource


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)
