"""The UI in a real headless Chromium (Debian's /usr/bin/chromium): search, facets, RTL, downloads, no-JS forms.

Screenshots go to test-artifacts/screenshots/ (git-ignored).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import browser, page, query_of, screenshot  # noqa: F401 - fixtures
from web_support import Site

pytestmark = pytest.mark.timeout(120)


def test_search_highlights_the_words(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.get_by_label("Mots recherchés").fill("tapis berbère")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=tapis+berb%C3%A8re**")
    marks = page.locator(".hit-title mark")
    assert marks.count() >= 4
    assert {m.lower() for m in marks.all_inner_texts()} >= {"tapis", "berbère"}
    assert page.locator(".hit-title mark").first.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    screenshot(page, "search-fr")


def test_clicking_a_facet_narrows_results_and_updates_the_url(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=tapis")
    before = page.locator(".hit").count()
    page.locator('a.facet-link[data-facet="country"][data-value="DE"]').click()
    page.wait_for_url("**country=DE**")
    assert query_of(page.url) == {"q": ["tapis"], "country": ["DE"]}
    after = page.locator(".hit").count()
    assert 0 < after < before
    assert page.locator('a.facet-link.is-active[data-value="DE"]').get_attribute("aria-current") == "true"
    page.locator('a.facet-link[data-facet="kind"][data-value="fair"]').click()
    page.wait_for_url("**kind=fair**")
    assert set(page.locator(".hit .badge").all_inner_texts()) == {"Salon"}
    page.get_by_role("link", name="Retirer le filtre : Pays : Allemagne").click()
    page.wait_for_url(lambda url: "country=" not in url)
    assert query_of(page.url) == {"q": ["tapis"], "kind": ["fair"]}


def test_arabic_page_is_right_to_left(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=tapis&lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = page.locator(".brand").bounding_box()
    languages = page.locator(".language-nav").bounding_box()
    assert brand["x"] > languages["x"]  # the site name sits on the right, the language menu on the left
    facets = page.locator(".facets").bounding_box()
    results = page.locator(".results").bounding_box()
    assert facets["x"] > results["x"]
    assert page.locator("h1").inner_text() == "البحث"
    screenshot(page, "search-ar")
    page.goto("/fairs")  # the cookie keeps Arabic
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_ical_download_of_the_filtered_calendar(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/fairs")
    page.get_by_label("Pays").select_option("DE")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**country=DE**")
    assert page.locator(".fair h3 a").all_inner_texts() == ["Ambiente Frankfurt", "Heimtextil Frankfurt"]
    page.goto("/fairs")
    screenshot(page, "fairs-calendar")
    page.goto("/fairs?country=DE")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ajouter ces salons à mon agenda (.ics)").click()
    target = tmp_path / "fairs.ics"
    download_info.value.save_as(target)
    content = target.read_text(encoding="utf-8")
    assert content.startswith("BEGIN:VCALENDAR") and "SUMMARY:Ambiente Frankfurt" in content
    assert "Marrakech" not in content


def test_csv_download_of_the_results(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=tapis&kind=offer")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV (tableur)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("veille-search-") and download.suggested_filename.endswith(".csv")
    target = tmp_path / "results.csv"
    download.save_as(target)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("id,kind,title,date,source,url")
    assert len(lines) == 4 and any("Tapis Beni Ouarain 200x300" in line for line in lines)


def test_price_comparison_and_history_chart(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/prices?q=pouf")
    assert page.locator(".shop-summary svg rect").count() == 2  # two shops in one group (leather poufs)
    page.goto("/prices?q=tapis")
    # Rugs of 6 m², 3 m² and no given size are three groups: none is compared with another.
    assert page.locator("table.price-group").count() == 3
    assert page.locator(".shop-summary svg rect").count() == 1
    screenshot(page, "price-comparison")
    page.get_by_role("link", name="Tapis Beni Ouarain 200x300").click()
    page.wait_for_url("**/offers/offer-**")
    chart = page.locator("figure.chart svg")
    assert chart.is_visible() and chart.locator("circle").count() == 3
    assert chart.bounding_box()["width"] > 300
    screenshot(page, "offer-price-history")


def test_news_reader(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/news")
    screenshot(page, "news")
    page.get_by_role("link", name="Le tapis berbère séduit les acheteurs européens").click()
    page.wait_for_url("**/news/news-**")
    assert page.locator("article.document > p").count() >= 3
    screenshot(page, "news-article")


def test_keyboard_skip_link_and_visible_focus(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_sort_select_submits_itself_with_javascript(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=tapis")
    page.get_by_label("Trier par").select_option("date")
    page.wait_for_url("**sort=date**")
    assert query_of(page.url)["sort"] == ["date"]


def test_subscribing_works_without_javascript(browser, sqlite_site: Site) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=sqlite_site.url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto("/subscribe")
        tab.get_by_label("Adresse e-mail").fill("nojs@exemple.ma")
        tab.get_by_label("Tapis").check()
        tab.get_by_label("Maroc").check()
        tab.get_by_role("button", name="M'abonner").click()
        tab.wait_for_load_state()
        assert tab.locator("h1").inner_text() == "Vérifiez votre boîte e-mail"
        tab.goto("/search?q=tapis")
        tab.get_by_label("Trier par").select_option("date")
        tab.get_by_role("button", name="Rechercher").click()  # without JS the button submits
        assert query_of(tab.url)["sort"] == ["date"]
    finally:
        context.close()
