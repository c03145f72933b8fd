"""What a new advisor meets first, in headless Chromium: the compact search bar, multi-select facets,
the calendar's countdowns, the fair page, the price table, mixed scripts in Arabic, the subscription pages."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from browser_support import browser, page, query_of, screenshot  # noqa: F401 - fixtures
from web_corpus import TODAY

pytestmark = pytest.mark.timeout(120)


def test_compact_filter_bar_puts_results_high_and_folds_advanced_filters(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=tapis")
    first_hit = page.locator(".hit").first.bounding_box()
    assert first_hit["y"] < 450  # was about 600 px under the full form
    advanced = page.locator("details.advanced")
    assert advanced.get_attribute("open") is None and not page.locator("#price_min").is_visible()
    advanced.locator("summary").click()
    page.locator("#price_min").fill("100")
    page.get_by_role("button", name="Appliquer").click()
    page.wait_for_url("**price_min=100**")
    assert page.locator("details.advanced").get_attribute("open") is not None  # an active range stays shown
    screenshot(page, "search-bar")


def test_facets_are_multi_select_and_keep_their_counts(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=tapis")
    countries = page.locator('a.facet-link[data-facet="country"]')
    before = {c.get_attribute("data-value") for c in countries.all()}
    page.locator('a.facet-link[data-facet="country"][data-value="DE"]').click()
    page.wait_for_url("**country=DE**")
    after_one = {c.get_attribute("data-value") for c in page.locator('a.facet-link[data-facet="country"]').all()}
    assert after_one == before  # the other countries stay, to be added
    de_only = page.locator(".hit").count()
    page.locator('a.facet-link[data-facet="country"][data-value="MA"]').click()
    page.wait_for_url("**country=MA**")
    assert query_of(page.url)["country"] == ["DE", "MA"]
    assert page.locator(".hit").count() > de_only  # values of one facet are OR-ed
    active = page.locator('a.facet-link.is-active[data-facet="country"]')
    assert active.count() == 2
    fr = page.locator('a.facet-link[data-facet="country"][data-value="FR"] .count').inner_text()
    assert int(fr) > 0  # counted as if the country facet were not chosen


def test_browsing_without_words_is_sorted_by_date(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?kind=news")
    assert page.locator("#sort").input_value() == "date"
    days = page.locator(".hit time, .hit .hit-meta span:nth-child(2)").all_inner_texts()
    assert days  # newest first is checked on the data: the first hit is the most recent news
    assert page.locator(".hit-title").first.inner_text() == "Moroccan leather poufs gain ground in the US market"


def test_calendar_shows_deadlines_countdowns_and_per_fair_actions(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/fairs")
    ambiente = page.locator(".fair", has_text="Ambiente Frankfurt")
    # The corpus was dated when it was built; the page counts from today (a run may cross midnight).
    elapsed = (date.today() - TODAY).days
    assert f"dans {70 - elapsed} jours" in ambiente.inner_text()
    deadline = ambiente.locator("dd.deadline")
    expected = (TODAY + timedelta(days=30)).isoformat()
    assert deadline.locator("time").get_attribute("datetime") == expected
    assert f"dans {30 - elapsed} jours" in deadline.inner_text()
    widths = {round(dt.bounding_box()["width"]) for dt in page.locator(".fair dl.facts dt").all()}
    assert len(widths) == 1  # one label column width on every card
    alert = ambiente.get_by_role("link", name="M'alerter pour ce type de salon")
    assert query_of(alert.get_attribute("href")) == {"craft": ["poterie", "dinanderie"], "country": ["DE"]}
    with page.expect_download() as download_info:
        ambiente.get_by_role("link", name="Ajouter à l'agenda (.ics)").click()
    ics = open(download_info.value.path(), encoding="utf-8").read()
    assert ics.count("BEGIN:VEVENT") == 1 and "SUMMARY:Ambiente Frankfurt" in ics
    screenshot(page, "fairs-calendar")
    alert.click()
    page.wait_for_url("**/subscribe?**")
    assert page.get_by_label("Allemagne").is_checked() and page.get_by_label("Poterie et céramique").is_checked()


def test_fair_page_links_news_and_names_sources(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/fairs")
    page.get_by_role("link", name="Maison&Objet Paris").click()
    page.wait_for_url("**/fairs/fair-**")
    facts = page.locator("dl.facts").inner_text()
    assert "SAFI" in facts and "Paris Nord Villepinte" in facts
    news = page.locator("section.mentions li a")
    assert "Le tapis berbère séduit les acheteurs européens" in news.all_inner_texts()
    screenshot(page, "fair-page")


def test_arabic_fair_calendar_isolates_latin_runs(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/fairs?lang=ar")
    place = page.locator(".fair", has_text="Ambiente Frankfurt").locator("dd").nth(1)
    runs = place.locator("bdi").all_inner_texts()
    assert runs == ["Messe Frankfurt", "Frankfurt", "ألمانيا"]  # venue, city, country, each isolated, in order
    ics = page.locator("a.button bdi").first
    assert ics.inner_text() == "(.ics)" and ics.get_attribute("dir") == "ltr"
    # reading order on screen: the first run is the right-most one in a right-to-left page
    boxes = [b.bounding_box()["x"] for b in place.locator("bdi").all()]
    assert boxes == sorted(boxes, reverse=True)
    screenshot(page, "fairs-ar")


def test_price_table_is_tabular_with_one_caption_and_locale_currency(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/prices?q=tapis&lang=en")
    cell = page.locator("table.offers tbody td.num").first
    assert cell.evaluate("c => getComputedStyle(c).textAlign") in ("end", "right")
    assert cell.evaluate("c => getComputedStyle(c).fontVariantNumeric") == "tabular-nums"
    dates = page.locator("table.offers tbody td.nowrap time").all()
    assert dates and all(d.evaluate("t => t.getClientRects().length") == 1 for d in dates)  # one line: no wrap
    text = page.locator("main").inner_text()
    caption = page.locator("#by-shop-caption").inner_text()
    assert text.count(caption) == 1  # the chart does not repeat the table's caption
    assert "MAD\u00a04,500.00" in text and "MAD4" not in text  # English currency pattern with its space
    chart = page.locator("figure.chart svg")
    for label in chart.locator("text").all():  # no label runs outside the drawing
        box, frame = label.bounding_box(), chart.bounding_box()
        assert frame["x"] - 1 <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
    screenshot(page, "price-comparison")


def test_arabic_bar_chart_is_mirrored(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/prices?q=tapis&lang=ar")
    bar = page.locator("figure.chart rect").first.bounding_box()
    label = page.locator("figure.chart g.bar text").first.bounding_box()
    assert label["x"] > bar["x"]  # the shop name on the right, the bar growing leftwards
    assert "عرض" not in page.locator(".facets").inner_text().replace("معرض", "")


def test_subscription_form_reads_as_a_window_and_shares_the_banner_width(browser, sqlite_site) -> None:  # type: ignore[no-untyped-def]
    from alerts.subscriptions import SubscriptionStore, make_subscription
    # its own context: the refused form answers 400, which Chromium logs as a console error on purpose
    context = browser.new_context(base_url=sqlite_site.url, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto("/subscribe")
        assert page.get_by_label("Salons qui commencent dans (jours, au moins)").input_value() == "30"
        assert page.get_by_label("à (jours, au plus)").input_value() == "270"
        assert "salons qui commencent dans 30 à 270 jours" in page.locator("fieldset.window").inner_text()
        page.get_by_label("Adresse e-mail").fill("pas-une-adresse")
        page.get_by_role("button", name="M'abonner").click()
        page.wait_for_load_state()
        banner = page.locator(".notice-error").first.bounding_box()
        form = page.locator("form.stacked-form").bounding_box()
        assert abs(banner["width"] - form["width"]) < 2 and form["width"] > 600  # one width, not a narrow strip
        screenshot(page, "subscribe-errors")
        sub = make_subscription(kind="salon", email="desabo@exemple.ma", crafts=["tapis"], confirmed=True)
        SubscriptionStore(sqlite_site.backend).save(sub)
        page.goto(f"/unsubscribe?token={sqlite_site.signer.sign(sub.id, 'unsubscribe')}")
        text = page.locator("main").inner_text()
        assert "ne recevrez plus" not in text and "confirmez avec le bouton" in text  # nothing is done yet
        page.get_by_role("button", name="Me désabonner").click()
        page.wait_for_load_state()
        assert SubscriptionStore(sqlite_site.backend).get(sub.id) is None
    finally:
        context.close()
