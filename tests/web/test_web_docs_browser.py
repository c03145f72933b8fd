"""/docs in Debian's Chromium with the network closed to anything but 127.0.0.1: the explorer renders
the API's operations from local assets only."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser_support import browser, screenshot  # noqa: F401 - fixtures
from web_support import Site

pytestmark = pytest.mark.timeout(120)


def test_docs_shows_the_operations_offline(browser, sqlite_site: Site) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=sqlite_site.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    refused: list[str] = []

    def only_loopback(route) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", only_loopback)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        tab.goto("/docs")
        tab.locator(".opblock-summary-path", has_text="/api/search").first.wait_for()
        paths = set(tab.locator(".opblock-summary-path").all_inner_texts())
        assert {"/api/search", "/api/fairs", "/api/sources", "/health"} <= {p.strip() for p in paths}
        assert tab.locator(".swagger-ui .info .title").inner_text().startswith("veille")
        tab.locator(".opblock-summary-path", has_text="/api/search").first.click()
        tab.locator(".parameters .parameter__name").first.wait_for()  # the operation expands asynchronously
        assert tab.locator(".parameters .parameter__name").count() >= 10
        screenshot(tab, "api-docs")
    finally:
        context.close()
    assert refused == [] and errors == []
