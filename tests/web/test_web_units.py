"""Pure pieces of the web layer: translations, URL state, pagination, charts, crawl health."""
from __future__ import annotations

import string
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import QueryParams

from indexing.query import query_from_params
from web.charts import bar_chart, line_chart
from web.crawl_health import failure_reason, last_crawl_per_source
from web.filters import SearchState
from web.i18n import (
    CATALOG,
    LANGUAGES,
    Translator,
    choose_language,
    missing_translations,
)
from web.paging import paginate
from web.rendering import paragraphs


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_ui_string_exists_in_french_arabic_and_english_with_the_same_placeholders() -> None:
    assert missing_translations() == []
    for key, texts in CATALOG.items():
        assert all(placeholders(texts[lang]) == placeholders(texts["fr"]) for lang in LANGUAGES), key


def test_every_subscription_region_has_a_label() -> None:
    from alerts.subscriptions import REGIONS
    assert all(f"region_{region}" in CATALOG for region in REGIONS)


def test_language_choice_and_direction() -> None:
    assert choose_language(None, None) == "fr"
    assert choose_language("ar", "en") == "ar"
    assert choose_language("de", "en") == "en"
    assert choose_language("<script>", None) == "fr"
    assert Translator("ar").direction == "rtl" and Translator("en").direction == "ltr"


def test_search_state_toggles_and_keeps_order() -> None:
    state = SearchState.from_query(QueryParams("q=tapis&kind=news,fair&country=MA&page=3&lang=ar&format=csv"))
    assert state.pairs == [("q", "tapis"), ("kind", "news"), ("kind", "fair"), ("country", "MA")]
    assert state.toggled("kind", "news").url("/search") == "/search?q=tapis&kind=fair&country=MA"
    assert state.toggled("craft", "tapis").has("craft", "tapis")
    params = SearchState.from_query(QueryParams("language=ar&kind=news")).query_params(page="2", fixed={"sort": "date"})
    assert params == {"lang": ["ar"], "kind": ["news"], "page": "2", "sort": "date"}
    assert query_from_params(params).languages == ("ar",)


def test_fixed_parameters_cannot_come_from_the_url() -> None:
    state = SearchState.from_query(QueryParams("kind=news&from=2000-01-01&craft=cuir"), fixed={"kind": "fair", "from": "x"})
    assert state.pairs == [("craft", "cuir")]


def test_pagination_links_keep_filters_and_stop_at_the_result_window() -> None:
    state = SearchState([("q", "tapis"), ("country", "MA")])
    pages = paginate(state, "/search", query_from_params({"q": "tapis", "page": "3"}), total=1000)
    assert pages.pages == 50 and pages.previous_url and pages.next_url
    assert parse_qs(urlsplit(pages.next_url).query) == {"q": ["tapis"], "country": ["MA"], "page": ["4"]}
    assert [link.number for link in pages.links] == [1, 2, 3, 4, 5, 50]
    assert paginate(state, "/search", query_from_params({"per_page": "100"}), total=10**6).pages == 100
    assert paginate(state, "/search", query_from_params({"page": "9"}), total=10).beyond_last


def test_line_chart_scales_into_the_box() -> None:
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    chart = line_chart([(start + timedelta(days=d), v) for d, v in ((0, 100.0), (10, 50.0), (20, 75.0))],
                       lambda v: f"{v:.0f}", lambda m: m.date().isoformat())
    assert chart is not None
    xs = [m.x for m in chart.markers]
    ys = [m.y for m in chart.markers]
    assert xs[0] == chart.left and xs[-1] == chart.right
    assert all(chart.top <= y <= chart.bottom for y in ys) and ys[0] < ys[2] < ys[1]
    assert line_chart([(start, 1.0)], str, str) is None
    flat = line_chart([(start, 5.0), (start + timedelta(days=1), 5.0)], str, str)
    assert flat is not None and flat.markers[0].y == flat.markers[1].y


def test_bar_chart_widths_are_proportional() -> None:
    chart = bar_chart([("A", 50.0), ("B", 100.0)], str)
    assert chart is not None and chart.bars[0].width * 2 == chart.bars[1].width
    assert bar_chart([], str) is None


def test_paragraphs_split_plain_text() -> None:
    assert paragraphs("Un.\n\nDeux\n\n\nTrois") == ["Un.", "Deux", "Trois"]
    assert paragraphs("ligne 1\nligne 2") == ["ligne 1", "ligne 2"]
    assert paragraphs(None) == []


def test_failing_sources_come_from_their_latest_crawl() -> None:
    records = [
        {"spider": "news", "finished_at": "2026-01-02T00:00:00+00:00", "sources": {"a": {"items": 3, "responses": 3}}},
        {"spider": "news", "finished_at": "2026-01-01T00:00:00+00:00", "sources": {"a": {"errors": 5, "responses": 5}}},
        {"spider": "fairs", "finished_at": "2026-01-02T00:00:00+00:00", "sources": {}, "source_ids": ["silent"]},
    ]
    latest = last_crawl_per_source(records)
    assert latest["a"]["items"] == 3 and failure_reason(latest["a"]) is None
    assert failure_reason(latest["silent"]) == "no response in the last crawl"
    assert failure_reason({"errors": 2, "responses": 2}) == "2 errors and no items in the last crawl"


def test_rate_limiter_window() -> None:
    from web.rate_limit import RateLimiter
    limiter = RateLimiter(3, 60)
    assert [limiter.allow("k", now=t) for t in (0, 1, 2, 3)] == [True, True, True, False]
    assert limiter.allow("other", now=3) and limiter.allow("k", now=61)


def test_the_plain_snippet_has_no_trail_and_ends_on_a_whole_word() -> None:
    from datetime import date

    from indexing.models import TradeFair
    from web.presenters import SNIPPET_CHARS, plain_excerpt

    words = " ".join(["Les tanneurs de Fès présentent leurs cuirs teints à la main."] * 8)
    fair = TradeFair(url="https://salons.example.fr/cuir", source="salons", name="Salon du cuir",
                     start_date=date(2027, 4, 12), description=f"Accueil › Salons › Salon du cuir {words}")
    snippet = plain_excerpt(fair)
    assert snippet.startswith("Les tanneurs") and snippet.endswith("…") and len(snippet) <= SNIPPET_CHARS + 1
    assert snippet[:-1].split(" ")[-1] in words.split(" ")


def test_a_news_hit_shows_the_publisher_day_not_the_utc_one() -> None:
    from datetime import date

    from indexing.models import NewsArticle
    from web.presenters import display_day

    article = NewsArticle(url="https://hebdo.example.ma/nuit", source="hebdo", title="Nuit des potiers",
                          text="Les potiers de Safi ouvrent leurs ateliers toute la nuit.",
                          published_at=datetime(2026, 3, 10, 0, 30, tzinfo=timezone(timedelta(hours=1))))
    shown = display_day(article)
    assert shown is not None and shown.date() == date(2026, 3, 10)
    assert article.sort_date() == datetime(2026, 3, 9, 23, 30, tzinfo=timezone.utc)
