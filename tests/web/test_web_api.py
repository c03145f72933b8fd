"""The JSON API, its OpenAPI description and the crawl health endpoint."""
from __future__ import annotations

import re
from datetime import date

import httpx
import pytest
import web_corpus
from bs4 import BeautifulSoup
from web_support import Site

pytestmark = pytest.mark.timeout(60)


def test_api_search_same_filters_as_the_page(client: httpx.Client) -> None:
    body = client.get("/api/search", params={"q": "tapis", "kind": "news", "lang": "ar"}).json()
    assert body["total"] == 1
    hit = body["results"][0]
    assert hit["kind"] == "news" and hit["document"]["language"] == "ar"
    assert set(body["facets"]) == {"kind", "crafts", "countries", "source", "language"}
    many = client.get("/api/search", params=[("kind", "news"), ("kind", "fair"), ("country", "DE")]).json()
    assert {r["kind"] for r in many["results"]} == {"news", "fair"}
    assert all("DE" in r["document"]["countries"] for r in many["results"])


def test_api_search_highlights_are_escaped_html(client: httpx.Client) -> None:
    body = client.get("/api/search", params={"q": "alerte cuir"}).json()
    hostile = next(r for r in body["results"] if "Alerte sur les prix" in r["document"]["title"])
    assert "<script>" not in hostile["highlights"]["title"]
    assert "&lt;script&gt;" in hostile["highlights"]["title"] and "<mark>" in hostile["highlights"]["title"]


def test_api_search_sort_and_pages(client: httpx.Client) -> None:
    first = client.get("/api/search", params={"kind": "offer", "sort": "price", "per_page": "2"}).json()
    second = client.get("/api/search", params={"kind": "offer", "sort": "price", "per_page": "2", "page": "2"}).json()
    prices = [float(r["document"]["price_mad"]) for r in first["results"] + second["results"]]
    assert prices == sorted(prices) and first["page"] == 1 and second["page"] == 2


def test_api_fairs_are_upcoming_and_soonest_first(client: httpx.Client) -> None:
    body = client.get("/api/fairs").json()
    starts = [r["document"]["start_date"] for r in body["results"]]
    assert starts == sorted(starts) and min(starts) >= date.today().isoformat()
    assert body["total"] == 5
    moroccan = client.get("/api/fairs", params={"country": "MA", "craft": "cuir"}).json()
    assert [r["document"]["name"] for r in moroccan["results"]] == [
        "Salon National de l'Artisanat Marrakech", "Semaine de l'artisanat de Fès"]
    heimtextil = next(r["document"] for r in body["results"] if r["document"]["name"] == "Heimtextil Frankfurt")
    assert {k: heimtextil[k] for k in ("status", "edition", "series", "website", "year_basis", "organizer",
                                        "registration_deadline")} == {
        "status": "postponed", "edition": 32, "series": "Heimtextil", "website": "https://heimtextil.messefrankfurt.com",
        "year_basis": "context", "organizer": None, "registration_deadline": None}


def test_api_offer_history(client: httpx.Client) -> None:
    body = client.get(f"/api/offers/{web_corpus.beni_ouarain_id()}/history").json()
    assert body["offer"]["shop"] == "Atelier Atlas"
    assert [h["price"] for h in body["history"]] == ["4800", "4600", "4500"]
    assert [h["observed_at"] for h in body["history"]] == sorted(h["observed_at"] for h in body["history"])


def test_api_sources_without_a_catalogue_lists_crawled_sources(site: Site) -> None:
    with site.client("read") as http:
        body = http.get("/api/sources").json()
    by_id = {s["id"]: s for s in body["sources"]}
    assert by_id["le-matin-eco"]["last_crawl"]["items"] == 6  # the newest crawl, not the older one
    assert by_id["dead-feed"]["last_crawl"]["errors"] == 4


def test_api_sources_with_the_catalogue(site: Site, tmp_path_factory: pytest.TempPathFactory) -> None:
    from spiders.source_store import SourceStore
    catalogue = tmp_path_factory.mktemp("catalogue") / "sources.yaml"
    catalogue.write_text(
        "sources:\n"
        "  - id: le-matin-eco\n    kind: news\n    name: Le Matin Économie\n    feeds: [https://lematin.ma/rss]\n"
        "    language: fr\n    country: MA\n"
        "  - id: atelier-atlas\n    kind: shop\n    name: Atelier Atlas\n    sitemaps: [https://atelier-atlas.ma/sitemap.xml]\n",
        encoding="utf-8")
    store = SourceStore(site.backend.records)
    store.import_file(catalogue)  # `veille sources import`: the API reads the backend's catalogue
    try:
        with site.client("read") as http:
            body = http.get("/api/sources").json()
    finally:
        store.delete("le-matin-eco")
        store.delete("atelier-atlas")
    assert body["catalogue_found"] is True
    by_id = {s["id"]: s for s in body["sources"]}
    assert by_id["le-matin-eco"]["name"] == "Le Matin Économie" and by_id["le-matin-eco"]["spider"] == "news"
    assert by_id["le-matin-eco"]["last_crawl"]["items"] == 6
    assert by_id["atelier-atlas"]["last_crawl"]["spider"] == "prices"
    assert by_id["dead-feed"]["in_catalogue"] is False


def test_health_reports_backend_crawls_failures_and_heartbeat(site: Site, client: httpx.Client) -> None:
    response = client.get("/health")
    body = response.json()
    assert response.status_code == 200
    assert body["backend"] == {"name": site.engine, "ping": True}
    assert body["spiders"]["news"]["items"] == 6 and body["spiders"]["prices"]["pages"] == 40
    assert [f["source"] for f in body["failing_sources"]] == ["dead-feed"]
    assert body["scheduler"]["stale"] is False and 0 <= body["scheduler"]["age_seconds"] < 3600
    assert body["status"] == "degraded"  # one source fails


@pytest.mark.parametrize("lang, heading, failing, reason", [
    ("fr", "Dernière collecte par robot", "Sources en échec", "à la dernière collecte"),
    ("ar", "آخر جمع لكل زاحف", "المصادر المتعثرة", "آخر عملية جمع"),
])
def test_crawl_health_page_says_the_same_for_people(advisor: httpx.Client, lang: str, heading: str, failing: str,
                                                    reason: str) -> None:
    response = advisor.get("/crawls", params={"lang": lang})
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.html["lang"] == lang and heading in soup.get_text() and failing in soup.get_text()
    rows = {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in soup.select("table tbody tr")}
    assert rows["news"][2] == "6" and rows["prices"][1] == "40"  # items and pages, as /health says
    failures = soup.select_one("main ul").get_text()
    assert "dead-feed" in failures and reason in failures and "last crawl" not in failures


@pytest.mark.parametrize("lang, failed, partial", [
    ("fr", "4 erreurs et aucun élément", "1 page en échec sur 7, 6 éléments"),
    ("ar", "4 أخطاء ولا عناصر", "صفحة متعثرة واحدة من أصل 7"),
    ("en", "4 errors and no items", "1 failed page of 7, 6 items"),
])
def test_crawl_health_page_shows_partial_failures_with_plurals(advisor: httpx.Client, lang: str, failed: str,
                                                                partial: str) -> None:
    soup = BeautifulSoup(advisor.get("/crawls", params={"lang": lang}).text, "html.parser")
    assert failed in soup.select_one("main ul").get_text()
    rows = soup.select_one("#partial-crawls").get_text()
    assert "le-matin-eco" in rows and partial in rows
    assert "unknown" not in soup.select_one("main").get_text()  # requests outside any source are no source
    body = advisor.get("/health").json()
    assert [p["source"] for p in body["partial_sources"]] == ["le-matin-eco"]
    assert soup.select_one('footer a[href="/crawls"]') is not None


def test_openapi_describes_the_api(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/fairs", "/api/offers/{offer_id}/history", "/api/sources", "/health"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "kind", "craft", "country", "source", "lang", "from", "to", "price_min", "price_max", "currency",
            "sort", "page", "per_page"} == names
    assert "/search" not in spec["paths"]  # HTML pages are not API


def test_docs_page_allows_only_its_own_inline_script(client: httpx.Client) -> None:
    response = client.get("/docs")
    csp = response.headers["content-security-policy"]
    assert "'sha256-" in csp and "unsafe-inline" not in csp
    assert re.search(r"<script>.*SwaggerUIBundle", response.text, re.DOTALL)
    # offline: every asset from veille itself, from the pinned package
    assert "https://" not in response.text and "https:" not in csp
    for asset in re.findall(r'(?:src|href)="(/docs/assets/[^"]+)"', response.text):
        served = client.get(asset)
        assert served.status_code == 200 and len(served.content) > 1000, asset
    assert client.get("/docs/assets/redoc.standalone.js").status_code == 404  # only what /docs loads
