"""/trends in a real headless Chromium (Debian's, through Playwright's executable_path), French and Arabic."""
from __future__ import annotations

import os
import shutil
from typing import Iterator

import pytest
import web_corpus
from support import CHROMIUM_ARGS, ROOT, chromium
from web_support import Site

from alerts.weeks import iso_week

pytestmark = pytest.mark.timeout(120)
DOC_SHOTS = ROOT / "docs" / "screenshots"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def tab(sqlite_site: Site) -> Iterator[object]:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium()), args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=sqlite_site.url, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        yield page
        browser.close()
        assert errors == []


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    if os.environ.get("VEILLE_DOCS_SCREENSHOTS"):  # the README's shots come from make demo data (tools/screenshots.py)
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ARTIFACTS / f"{name}.png", DOC_SHOTS / f"{name}.png")


@pytest.mark.parametrize("lang, direction, heading, crafts", [
    ("fr", "ltr", "Tendances des métiers et des marchés", "Métiers"),
    ("ar", "rtl", "توجهات الحرف والأسواق", "الحرف"),
])
def test_trends_page_renders_in_french_and_arabic(tab, lang: str, direction: str, heading: str, crafts: str) -> None:  # type: ignore[no-untyped-def]
    week = iso_week(web_corpus.days(-3).date())
    tab.goto(f"/trends?week={week}&lang={lang}")
    assert tab.locator("html").get_attribute("dir") == direction
    assert tab.locator("h1").inner_text() == heading
    assert tab.get_by_role("heading", name=crafts, exact=True).is_visible()
    assert tab.locator('table[data-kind="crafts"] tbody tr').count() >= 1
    table = tab.locator('table[data-kind="crafts"]').bounding_box()
    name_cell = tab.locator('table[data-kind="crafts"] tbody th').first.bounding_box()
    # Right to left: the name column is on the right of the table in Arabic, on the left in French.
    on_right = name_cell["x"] + name_cell["width"] > table["x"] + table["width"] - 2
    assert on_right == (direction == "rtl")
    if tab.locator("figure.chart svg").count():
        assert tab.locator("figure.chart svg rect").count() >= 1
    _shot(tab, f"trends-{lang}")
