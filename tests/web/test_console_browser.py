"""In headless Chromium: a new admin adds a source in the console, tests it against a demo site, saves it and runs
it; the scheduler's tick crawls it (as `veille schedule` would) and its documents appear in search."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Iterator

import pytest
from browser_support import browser, screenshot  # noqa: F401 - fixture
from web_support import TEST_SECRET, LiveServer

from accounts.roles import Role
from accounts.store import AccountStore
from config import load_settings
from indexing.backends import open_backend
from spiders.source_requests import RunRequests

pytestmark = [pytest.mark.timeout(300), pytest.mark.slow]
PASSWORD = "a long admin password 0123"


@pytest.fixture
def console_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, object]]:
    """A UI over a fresh SQLite backend that the scheduler's crawl subprocess opens too (same environment)."""
    env = {"VEILLE_VAR_DIR": str(tmp_path / "var"), "VEILLE_SECRET_KEY": TEST_SECRET,
           "VEILLE_SOURCES": str(tmp_path / "none.yaml"), "VEILLE_EXTRACT_WORKERS": "1"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("VEILLE_ELASTICSEARCH_URL", raising=False)
    settings = load_settings()
    backend = open_backend(settings)
    backend.setup()
    from web.app import create_app
    server = LiveServer(create_app(settings, backend))
    server.start()
    yield server.url, backend
    server.stop()
    backend.close()


def test_new_admin_adds_tests_saves_and_runs_a_source(browser, console_site, demo_sites) -> None:  # type: ignore[no-untyped-def]
    url, backend = console_site
    name, source_id = f"admin-{uuid.uuid4().hex[:6]}", f"coop-{uuid.uuid4().hex[:6]}"
    AccountStore(backend.records).add(name, Role.ADMIN, PASSWORD)  # as `veille users add` does
    news = demo_sites.base_urls["news"]
    context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto("/console/sources")
    page.wait_for_url("**/login?next=**")
    page.get_by_label("Nom d'utilisateur").fill(name)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/console/sources")
    page.get_by_role("link", name="Ajouter une source").click()
    page.get_by_label("Identifiant").fill(source_id)
    page.get_by_label("Type").select_option("news")
    page.get_by_label("Nom", exact=True).fill("Coopérative des tisserandes")
    page.get_by_label("Flux RSS/Atom").fill(f"{news}/rss.xml")
    page.get_by_role("textbox", name="Langue").fill("fr")
    page.get_by_label("Pages au plus").fill("12")

    page.get_by_role("button", name="Tester cette source").click()
    check = page.locator("#source-check")
    check.wait_for()
    assert "Test réussi" in check.inner_text()
    assert page.locator(".check-items li").count() == 5
    screenshot(page, "console-source-test-fr")
    assert backend.count("news") == 0  # the test indexed nothing

    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/console/sources?done=saved**")
    row = page.locator(f"#source-{source_id}")
    assert "jamais" in row.inner_text()
    row.get_by_role("button", name="Collecter maintenant").click()
    page.wait_for_url("**done=requested**")
    assert "collecte demandée" in page.locator(f"#source-{source_id}").inner_text()
    [request] = RunRequests(backend.records).pending()
    assert request.source_id == source_id and request.requested_by == name

    import scheduler
    tick = scheduler.run_source_requests_job()  # the scheduler's next tick: the crawl runs in its own process
    assert tick["items"] == 1
    [done] = RunRequests(backend.records).of_source(source_id)
    assert done.status == "done", done.result
    backend.refresh()
    assert 1 <= backend.count("news") <= 12

    page.reload()
    row_text = page.locator(f"#source-{source_id}").inner_text()
    assert "jamais" not in row_text and "bonne" in row_text  # last crawl and health now known
    page.goto(f"/search?source={source_id}")
    assert page.locator(".hit").count() >= 1
    screenshot(page, "console-search-after-run-fr")
    page.goto("/console/audit")
    assert [a for a in page.locator("#audit code").all_inner_texts() if a.startswith("source.")][:3] == [
        "source.run", "source.create", "source.test"]
    context.close()
    assert errors == []
