"""The HTML pages over a real server, on each engine: content, filters in the URL, languages, safety."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import web_corpus
from bs4 import BeautifulSoup
from web_support import Site

pytestmark = pytest.mark.timeout(60)


def page(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def hit_titles(soup: BeautifulSoup) -> list[str]:
    return [h.get_text(" ", strip=True) for h in soup.select(".hit-title")]


def test_search_finds_highlights_and_counts(client: httpx.Client) -> None:
    response = client.get("/search", params={"q": "tapis berbère"})
    assert response.status_code == 200
    soup = page(response)
    titles = hit_titles(soup)
    assert "Le tapis berbère séduit les acheteurs européens" in titles
    assert "Tapis berbère kilim 150x200" in titles
    marks = {m.get_text().lower() for m in soup.select(".hit-title mark")}
    assert {"tapis", "berbère"} <= marks
    assert soup.select_one(".summary").get_text().startswith("Résultats : ")


def test_stemming_and_folding_find_the_same_documents(client: httpx.Client) -> None:
    accented = hit_titles(page(client.get("/search", params={"q": "céramique"})))
    plain = hit_titles(page(client.get("/search", params={"q": "ceramique"})))
    assert accented and accented == plain


def test_facet_links_toggle_a_filter_in_the_url(client: httpx.Client) -> None:
    soup = page(client.get("/search", params={"q": "tapis"}))
    fair_link = soup.select_one('a.facet-link[data-facet="kind"][data-value="fair"]')
    assert fair_link is not None
    href = fair_link["href"]
    assert parse_qs(urlsplit(href).query) == {"q": ["tapis"], "kind": ["fair"]}
    narrowed = page(client.get(href))
    kinds = {badge.get_text() for badge in narrowed.select(".hit .badge")}
    assert kinds == {"Salon"}
    active = narrowed.select_one('a.facet-link.is-active[data-value="fair"]')
    assert active is not None and active["aria-current"] == "true"
    # the same link now removes the filter
    assert parse_qs(urlsplit(active["href"]).query) == {"q": ["tapis"]}


def test_filters_combine_and_pagination_keeps_them(client: httpx.Client) -> None:
    response = client.get("/search", params={"kind": ["news", "fair"], "country": "MA", "per_page": "2"})
    soup = page(response)
    assert response.status_code == 200
    assert {b.get_text() for b in soup.select(".hit .badge")} <= {"Actualité", "Salon"}
    next_link = soup.select_one('.pagination a[rel="next"]')
    assert next_link is not None
    params = parse_qs(urlsplit(next_link["href"]).query)
    assert params["kind"] == ["news", "fair"] and params["country"] == ["MA"] and params["page"] == ["2"]
    second = page(client.get(next_link["href"]))
    assert set(hit_titles(second)).isdisjoint(hit_titles(soup))


def test_document_language_filter_uses_language_parameter(client: httpx.Client) -> None:
    soup = page(client.get("/news", params={"language": "ar"}))
    titles = hit_titles(soup)
    assert titles and all(re.search("[\u0600-\u06ff]", title) for title in titles)
    assert soup.html["lang"] == "fr"  # the interface language is not the document filter


def test_price_range_and_sort_in_euros(client: httpx.Client) -> None:
    soup = page(client.get("/search", params={"kind": "offer", "price_min": "70", "price_max": "400",
                                              "currency": "EUR", "sort": "price"}))
    titles = hit_titles(soup)
    assert titles == ["Moroccan leather pouf", "Tapis boucherouite coloré", "Tapis berbère kilim 150x200"]


def test_date_range_filters_news(client: httpx.Client) -> None:
    since = (web_corpus.TODAY.fromordinal(web_corpus.TODAY.toordinal() - 4)).isoformat()
    soup = page(client.get("/news", params={"from": since}))
    assert set(hit_titles(soup)) == {"Le tapis berbère séduit les acheteurs européens",
                                     "Moroccan leather poufs gain ground in the US market"}


def test_empty_result_says_what_to_do_next(client: httpx.Client) -> None:
    soup = page(client.get("/search", params={"q": "introuvablezzz", "kind": "news"}))
    empty = soup.select_one(".notice.empty")
    assert empty is not None and "Aucun résultat" in empty.get_text()
    assert "retirez un filtre" in empty.get_text()
    assert empty.select_one('a[href="/search"]') is not None


def test_fair_calendar_groups_upcoming_fairs_by_month(client: httpx.Client) -> None:
    soup = page(client.get("/fairs"))
    names = [a.get_text() for a in soup.select(".fair h3 a")]
    assert names[0] == "Salon National de l'Artisanat Marrakech"
    assert "Salon Déco Lyon" not in names  # it is over
    assert len(soup.select(".month h2")) >= 3
    germany = page(client.get("/fairs", params={"country": "DE"}))
    assert [a.get_text() for a in germany.select(".fair h3 a")] == ["Ambiente Frankfurt", "Heimtextil Frankfurt"]
    assert germany.select_one('select#fair-country option[value="DE"]').has_attr("selected")
    ics = germany.select_one('a[href^="/fairs.ics"]')
    assert parse_qs(urlsplit(ics["href"]).query) == {"country": ["DE"]}


def test_fair_facts_in_arabic_use_the_arabic_comma_and_isolate_latin_names(client: httpx.Client) -> None:
    soup = page(client.get("/fairs", params={"lang": "ar", "country": "DE"}))
    facts = [dd for dd in soup.select(".fair dl.facts dd")]
    crafts = [dd.get_text() for dd in facts if "، " in dd.get_text()]
    assert crafts, [dd.get_text() for dd in facts]
    assert ", " not in " ".join(dd.get_text() for dd in facts)
    # The value keeps the row's right-to-left alignment; only the Latin text inside runs left to right.
    places = [dd for dd in facts if "Frankfurt" in dd.get_text()]
    assert places and all(dd.bdi is not None and not dd.has_attr("dir") for dd in places)


def test_fair_page_never_links_a_javascript_source(client: httpx.Client) -> None:
    fair_id = web_corpus.fairs()[2].id
    response = client.get(f"/fairs/{fair_id}")
    assert response.status_code == 200
    assert "javascript:" not in response.text.lower()
    soup = page(response)
    assert "scraped-blog" in soup.get_text()
    assert all(a["href"].startswith(("http://", "https://", "/", "?", "#")) for a in soup.select("a[href]"))


def test_fair_page_shows_status_edition_website_and_an_inferred_year(client: httpx.Client) -> None:
    fair = web_corpus.fairs()[3]
    soup = page(client.get(f"/fairs/{fair.id}"))
    facts = {dt.get_text(): dt.find_next_sibling("dd") for dt in soup.select("dl.facts dt")}
    assert facts["Statut"].get_text(strip=True) == "Reporté"
    assert facts["Édition"].get_text(strip=True) == "32e édition"
    assert facts["Site officiel"].a["href"] == "https://heimtextil.messefrankfurt.com"
    assert "Année déduite" in facts["Dates"].get_text()
    calendar = page(client.get("/fairs", params={"country": "DE", "lang": "en"}))
    badges = {li.h3.a.get_text(): li.select_one(".status") for li in calendar.select(".fair")}
    assert badges["Ambiente Frankfurt"] is None
    assert badges["Heimtextil Frankfurt"].get_text() == "Postponed"


def test_price_comparison_normalises_currencies(client: httpx.Client) -> None:
    soup = page(client.get("/prices", params={"q": "pouf"}))
    rows = soup.select("table.offers tbody tr")
    assert [r.th.get_text(strip=True) for r in rows] == ["Pouf en cuir marocain", "Moroccan leather pouf"]
    cells = [td.get_text(strip=True).replace("\u202f", " ").replace("\xa0", " ") for td in rows[1].select("td")]
    assert cells[1] == "79,00 €" and cells[2] == "838,98 MAD" and cells[3] == "79,00 €"
    shops = [th.get_text(strip=True) for th in soup.select(".shop-summary tbody th")]
    assert shops == ["Atelier Atlas", "Souk Design"]
    assert soup.select_one(".shop-summary svg rect") is not None
    link = rows[0].select_one("a")["href"]
    assert link.startswith("/offers/offer-")


def test_offer_page_draws_the_price_history_as_svg(client: httpx.Client) -> None:
    response = client.get(f"/offers/{web_corpus.beni_ouarain_id()}")
    soup = page(response)
    svg = soup.select_one("figure.chart svg")
    assert svg is not None and svg["role"] == "img"
    assert len(svg.select("circle")) == 3
    points = [tuple(map(float, p.split(","))) for p in svg.polyline["points"].split()]
    assert [x for x, _ in points] == sorted(x for x, _ in points)
    assert points[0][1] < points[-1][1]  # 4800 MAD then 4500: the line goes down (SVG y grows downwards)
    assert [tr.th.get_text() for tr in soup.select("table tbody tr")][0]
    euros = page(client.get(f"/offers/{web_corpus.beni_ouarain_id()}", params={"currency": "EUR"}))
    assert "EUR" in euros.select_one("figure.chart figcaption").get_text()


def test_offer_availability_is_said_in_words(client: httpx.Client) -> None:
    for lang, words in (("fr", "En stock"), ("ar", "متوفر"), ("en", "In stock")):
        soup = page(client.get(f"/offers/{web_corpus.beni_ouarain_id()}", params={"lang": lang}))
        facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in soup.select("dl dt")}
        assert words in facts.values() and "InStock" not in facts.values()


def test_news_article_is_escaped_paragraphs_with_safe_links(client: httpx.Client) -> None:
    article = web_corpus.news()[0]
    soup = page(client.get(f"/news/{article.id}"))
    paragraphs = [p.get_text() for p in soup.select("article.document > p")]
    assert sum(1 for p in paragraphs if "Moyen Atlas" in p or "Midelt" in p or "certificats" in p) == 3
    original = soup.select_one("a.external")
    assert original["href"] == article.url and "noopener" in original["rel"]


def test_scraped_markup_is_shown_as_text_never_run(client: httpx.Client) -> None:
    hostile = next(a for a in web_corpus.news() if a.title == web_corpus.HOSTILE_TITLE)
    for response in (client.get(f"/news/{hostile.id}"), client.get("/search", params={"q": "alerte prix cuir"})):
        assert response.status_code == 200
        assert "<script>alert" not in response.text
        assert "<img src=x" not in response.text
        assert "&lt;script&gt;" in response.text
        soup = page(response)
        assert web_corpus.HOSTILE_TITLE in soup.get_text()  # shown, as text
        assert not [s for s in soup.select("script") if s.get("src") != "/static/app.js"]


@pytest.mark.parametrize("path", ["/news/news-doesnotexist", "/offers/offer-doesnotexist", "/fairs/fair-none-2099",
                                  "/news/" + "x" * 500, "/nowhere"])
def test_unknown_ids_get_a_404_page(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "Page introuvable" in response.text
    assert page(response).select_one('a[href="/search"]') is not None


def test_a_document_of_another_kind_is_not_found(client: httpx.Client) -> None:
    assert client.get(f"/news/{web_corpus.beni_ouarain_id()}").status_code == 404


@pytest.mark.parametrize("path", ["/", "/search?q=tapis", "/fairs", "/prices", "/news", "/subscribe", "/health", "/crawls",
                                  "/api/search", "/nowhere"])
def test_security_headers_everywhere(site: Site, path: str) -> None:
    with site.client("read") as http:
        headers = http.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_scripts_or_styles(client: httpx.Client) -> None:
    for path in ("/search?q=tapis", "/fairs", "/prices?q=tapis", f"/offers/{web_corpus.beni_ouarain_id()}", "/news",
                 "/subscribe"):
        soup = page(client.get(path))
        assert all(s.get("src") for s in soup.select("script")), path
        assert not soup.select("[style]") and not soup.select("style"), path
        assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)], path


@pytest.mark.parametrize("path", ["/search?q=tapis", "/fairs", "/prices?q=tapis", "/news", "/subscribe"])
def test_accessibility_basics(client: httpx.Client, path: str) -> None:
    soup = page(client.get(path))
    assert soup.select_one("a.skip-link")["href"] == "#main"
    assert soup.select_one("main#main") and soup.select_one("header") and soup.select_one("footer")
    assert soup.select_one("nav[aria-label]")
    assert len(soup.select("h1")) == 1
    for control in soup.select("input:not([type=hidden]), select, textarea"):
        assert control.get("id") and soup.select_one(f'label[for="{control["id"]}"]'), control


@pytest.mark.parametrize("lang, direction, heading", [("fr", "ltr", "Rechercher"), ("ar", "rtl", "البحث"),
                                                      ("en", "ltr", "Search")])
def test_interface_language_from_query_then_cookie(site: Site, lang: str, direction: str, heading: str) -> None:
    with site.client() as http:
        first = http.get("/search", params={"lang": lang})
        soup = page(first)
        assert soup.html["lang"] == lang and soup.html["dir"] == direction
        assert soup.h1.get_text() == heading
        assert first.cookies.get("veille_lang") == lang
        remembered = page(http.get("/fairs"))
        assert remembered.html["lang"] == lang and remembered.html["dir"] == direction


def test_arabic_dates_and_numbers_are_localised(client: httpx.Client) -> None:
    soup = page(client.get("/prices", params={"q": "pouf", "lang": "ar"}))
    assert soup.html["dir"] == "rtl"
    text = soup.get_text()
    assert "د.م." in text  # the dirham sign in Arabic
    assert "المنتجات" in text and "عرض" not in text.replace("معرض", "")  # offers are not one letter from fairs


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_every_page_renders_in_every_language(site: Site, lang: str) -> None:
    fair_id = web_corpus.fairs()[1].id
    paths = ["/", "/search?q=tapis", "/search?q=zzzz", "/search?page=abc", "/fairs", "/fairs?country=JP",
             "/prices?q=tapis", "/prices?q=zzzz", f"/offers/{web_corpus.beni_ouarain_id()}", "/news",
             f"/news/{web_corpus.news()[2].id}", f"/fairs/{fair_id}", "/subscribe", "/crawls", "/nowhere"]
    with site.client("read") as http:  # /crawls is for advisors
        for path in paths:
            separator = "&" if "?" in path else "?"
            response = http.get(f"{path}{separator}lang={lang}")
            assert response.status_code in (200, 400, 404), path
            soup = page(response)
            assert soup.html["lang"] == lang and soup.html["dir"] == ("rtl" if lang == "ar" else "ltr"), path


def test_uvicorn_factory_serves_with_settings_from_the_environment(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    from support import ROOT, free_port
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "VEILLE_VAR_DIR": str(tmp_path), "VEILLE_SOURCES": str(tmp_path / "none.yaml"),
           "VEILLE_PUBLIC": "search"}
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "web.app:create_app", "--port", str(port),
                              "--log-level", "warning"], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.1)
        assert response.status_code == 200 and response.json()["backend"] == {"name": "sqlite", "ping": True}
        assert response.json()["scheduler"] is None  # no heartbeat recorded yet
        assert httpx.get(f"http://127.0.0.1:{port}/search", timeout=5).status_code == 200  # an empty index
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert (tmp_path / "veille.db").exists()
