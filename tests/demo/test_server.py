"""End-to-end checks of the bundled demo sites (demo/server.py) over real HTTP."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from pathlib import Path

import pytest

from demo.dates import format_date, format_range
from demo.expected import EXPECTED_JSON, ground_truth
from demo.server import DemoSites

TODAY = dt.date(2026, 1, 5)
ROOT = Path(__file__).resolve().parents[2]


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


@pytest.fixture(scope="module")
def sites():
    with DemoSites(today=TODAY, slow_seconds=1.0) as s:
        yield s


@pytest.fixture(scope="module")
def truth():
    return ground_truth(TODAY)


def fetch(url: str, headers: dict | None = None, method: str = "GET"):
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def jsonld_objects(html: str) -> list[dict]:
    out = []
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        for obj in data if isinstance(data, list) else [data]:
            out.extend(obj.get("@graph", [obj]))
    return out


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


# ------------------------------------------------------------------------- basics
def test_four_sites_on_distinct_ports(sites):
    urls = sites.base_urls
    assert set(urls) == {"news", "fairs", "shop_jsonld", "shop_plain"}
    assert len({u.rsplit(":", 1)[1] for u in urls.values()}) == 4
    assert all(u.startswith("http://127.0.0.1:") for u in urls.values())


@pytest.mark.parametrize("site", ["news", "fairs", "shop_jsonld", "shop_plain"])
def test_home_ok(sites, site):
    status, headers, body = fetch(sites.base_urls[site] + "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    html = body.decode()
    for marker in ("<nav", "<footer", "cookie-banner", "<script", "newsletter"):
        assert marker in html, (site, marker)


@pytest.mark.parametrize("site", ["news", "fairs", "shop_jsonld", "shop_plain"])
def test_robots_disallows_private(sites, site):
    base = sites.base_urls[site]
    status, headers, body = fetch(base + "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(body.decode().splitlines())
    assert not rp.can_fetch("veille-bot", base + "/private/")
    assert not rp.can_fetch("veille-bot", base + "/private/anything")
    assert rp.can_fetch("veille-bot", base + "/")
    # the private area exists and is linked, so a crawler has to honour robots.txt
    assert fetch(base + "/private/")[0] == 200
    assert "/private/" in fetch(base + "/")[2].decode()


def test_unknown_path_404(sites):
    for base in sites.base_urls.values():
        status, headers, body = fetch(base + "/does/not/exist.html")
        assert status == 404 and b"<html" in body


def test_etag_and_last_modified_give_304(sites):
    url = sites.base_urls["news"] + "/fr/articles/zellige-fes-hausse-prix-argile.html"
    status, headers, body = fetch(url)
    assert status == 200 and headers["ETag"] and headers["Last-Modified"]
    assert fetch(url, {"If-None-Match": headers["ETag"]})[0] == 304
    assert fetch(url, {"If-None-Match": 'W/"x", ' + headers["ETag"]})[0] == 304
    assert fetch(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert fetch(url, {"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"})[0] == 200
    assert fetch(url, {"If-None-Match": '"other"'})[0] == 200
    # Last-Modified is the article's (relative) modification time
    assert headers["Last-Modified"] == format_datetime(
        dt.datetime.combine(day(-9), dt.time(9, 45), dt.timezone(dt.timedelta(hours=1))).astimezone(dt.timezone.utc),
        usegmt=True)


def test_head(sites):
    url = sites.base_urls["shop_jsonld"] + "/produit/kilim-zemmour-150x240/"
    status, headers, body = fetch(url, method="HEAD")
    assert status == 200 and body == b""
    assert int(headers["Content-Length"]) == len(fetch(url)[2])


def test_error_paths(sites, truth):
    base = sites.base_urls["news"]
    edge = truth["news"]["edge_pages"]
    assert fetch(base + edge["http_500"])[0] == 500
    assert fetch(base + edge["http_404_linked"])[0] == 404
    assert edge["http_404_linked"] in fetch(base + "/archives/")[2].decode()
    assert edge["http_500"] in fetch(base + "/")[2].decode()
    assert fetch(sites.base_urls["shop_jsonld"] + truth["shop_jsonld"]["http_404_linked"])[0] == 404
    assert fetch(sites.base_urls["shop_plain"] + truth["shop_plain"]["http_404_linked"])[0] == 404


def test_slow_page_does_not_block_others(sites, truth):
    url = sites.base_urls["news"] + truth["news"]["edge_pages"]["slow"]
    result = {}

    def slow():
        t0 = time.monotonic()
        result["status"] = fetch(url)[0]
        result["elapsed"] = time.monotonic() - t0

    t = threading.Thread(target=slow)
    t.start()
    time.sleep(0.1)
    t0 = time.monotonic()
    assert fetch(sites.base_urls["news"] + "/")[0] == 200
    assert time.monotonic() - t0 < 0.8
    t.join()
    assert result["status"] == 200 and result["elapsed"] >= 0.95


def test_huge_page(sites, truth):
    status, headers, _ = fetch(sites.base_urls["news"] + truth["news"]["edge_pages"]["huge_5mb"], method="HEAD")
    assert status == 200 and 4_500_000 < int(headers["Content-Length"]) < 6_000_000


# ------------------------------------------------------------------------- news
def test_rss_feed(sites, truth):
    status, headers, body = fetch(sites.base_urls["news"] + "/rss.xml")
    assert status == 200 and headers["Content-Type"] == "application/rss+xml; charset=utf-8"
    items = ET.fromstring(body).findall("./channel/item")
    assert len(items) >= 9 and len(items) == truth["news"]["feed_items"]
    first = items[0]
    newest = truth["news"]["articles"][0]
    assert first.findtext("title") == newest["title"]
    hh, mm = map(int, newest["published_time"][:5].split(":"))
    expected = format_datetime(dt.datetime.combine(day(newest["published_offset"]), dt.time(hh, mm),
                                                   dt.timezone(dt.timedelta(hours=1))))
    assert first.findtext("pubDate") == expected
    # demo readers see these titles: no hostile fixture among them (those live in tests/spiders/hostile_site.py)
    titles = [i.findtext("title") for i in items]
    assert not [t for t in titles if "\r" in t or "\n" in t or "Bcc:" in t]


def test_atom_feed(sites, truth):
    body = fetch(sites.base_urls["news"] + "/atom.xml")[2]
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(body).findall("a:entry", ns)
    assert len(entries) == truth["news"]["feed_items"]
    assert entries[0].findtext("a:published", namespaces=ns).startswith(day(-1).isoformat())


def test_articles_languages_and_dates(sites, truth):
    base = sites.base_urls["news"]
    langs = {}
    for a in truth["news"]["articles"]:
        status, headers, body = fetch(base + a["path"])
        assert status == 200, a["path"]
        if a["edge"] in ("latin1", "charset-lie"):
            html = body.decode("cp1252")
        else:
            html = body.decode("utf-8")
        assert f'lang="{a["lang"]}"' in html
        if a["lang"] == "ar":
            assert 'dir="rtl"' in html
        assert f'<meta property="article:published_time" content="{a["published"]}T{a["published_time"]}">' in html
        assert "comments" in html and "related" in html
        if a["edge"] is None:
            langs[a["lang"]] = langs.get(a["lang"], 0) + 1
            assert html.count("<p>") >= 3
    assert langs == truth["news"]["articles_by_lang"]
    assert all(n >= 3 for n in langs.values())


def test_visible_dates_in_page_language(sites):
    base = sites.base_urls["news"]
    fr = fetch(base + "/fr/articles/exportations-artisanat-903-mdh-neuf-mois-2025.html")[2].decode()
    assert f"Publié le {format_date(day(-2), 'fr')} à 09h30" in fr
    assert "903" in fr and "11 %" in fr
    assert format_range(day(75), day(79), "fr") in fr          # Maison&Objet dates, relative
    en = fetch(base + "/en/articles/moroccan-handicraft-exports-903-million-dirhams.html")[2].decode()
    assert f"Published {format_date(day(-1), 'en')}" in en
    ar = fetch(base + "/ar/articles/maarid-watani-sinaa-taqlidiya-dar-baida.html")[2].decode()
    assert format_range(day(40), day(49), "ar") in ar


def test_no_hostile_fixture_in_the_demo(sites, truth):
    """Header injection and scripts are test fixtures (tests/spiders/hostile_site.py), not demo content."""
    base = sites.base_urls["news"]
    pages = ["/", "/ar/", "/en/", "/rss.xml", "/atom.xml", *(a["path"] for a in truth["news"]["articles"])]
    for path in pages:
        body = fetch(base + path)[2].decode("cp1252" if path.endswith(("filiere.html", "cuivre.html")) else "utf-8")
        assert "Bcc:" not in body and "victim@" not in body, path
        assert "alert(" not in body and "javascript:" not in body and "onerror" not in body, path


def test_encoding_edge_pages(sites, truth):
    base, edge = sites.base_urls["news"], truth["news"]["edge_pages"]
    _, h, b = fetch(base + edge["windows_1252_declared"])
    assert h["Content-Type"] == "text/html; charset=windows-1252"
    assert "é" in b.decode("cp1252") and "œ" in b.decode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        b.decode("utf-8")
    _, h, b = fetch(base + edge["meta_charset_lies"])
    assert h["Content-Type"] == "text/html"
    assert b'<meta charset="utf-8">' in b
    with pytest.raises(UnicodeDecodeError):
        b.decode("utf-8")
    _, h, b = fetch(base + edge["no_charset_anywhere"])
    assert h["Content-Type"] == "text/html" and b"charset" not in b.split(b"</head>")[0].lower()
    assert "الزليج" in b.decode("utf-8")
    _, h, b = fetch(base + edge["broken_html"])
    assert not b.rstrip().endswith(b"</html>")


def test_news_listing_pagination_and_sitemap(sites, truth):
    base = sites.base_urls["news"]
    seen = set()
    for page in truth["news"]["listing"]:
        html = fetch(base + page)[2].decode()
        seen.update(l for l in links(html) if "/articles/" in l)
    assert {a["path"] for a in truth["news"]["articles"]} <= seen
    assert 'rel="next"' in fetch(base + "/actualites/")[2].decode()
    sm = ET.fromstring(fetch(base + "/sitemap.xml")[2])
    locs = [e.text for e in sm.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert all(base + a["path"] in locs for a in truth["news"]["articles"])


# ------------------------------------------------------------------------- fairs
def test_fair_listing_links_to_detail_pages(sites, truth):
    base = sites.base_urls["fairs"]
    details = []
    for page in truth["fairs"]["listing_pages"]:
        html = fetch(base + page)[2].decode()
        details += [l for l in dict.fromkeys(links(html)) if re.fullmatch(r"/salons/[\w-]+/", l)
                    and l not in ("/salons/",) and "/page/" not in l]
    details = list(dict.fromkeys(details))
    listed = [f["detail_path"] for f in truth["fairs"]["fairs"] if f["detail_path"]]
    assert len(listed) >= 8 and set(listed) <= set(details)
    assert 'href="/salons/page/2/"' in fetch(base + "/salons/")[2].decode()
    for path in listed:
        assert fetch(base + path)[0] == 200


def test_fair_structured_data_and_free_text(sites, truth):
    base = sites.base_urls["fairs"]
    by_fmt = {}
    for f in truth["fairs"]["fairs"]:
        if not f["detail_path"]:
            continue
        html = fetch(base + f["detail_path"])[2].decode()
        by_fmt[f["format"]] = by_fmt.get(f["format"], 0) + 1
        if f["format"] == "jsonld":
            ev = [o for o in jsonld_objects(html) if o.get("@type") == "Event"][0]
            assert ev["startDate"][:10] == f["start"] and ev["endDate"][:10] == f["end"]
            assert ev["location"]["address"]["addressCountry"] == f["country"]
            assert ev["location"]["address"]["addressLocality"] == f["city"]
            assert ev["organizer"]["name"] == f["organizer"]
        elif f["format"] == "microdata":
            assert 'itemtype="https://schema.org/Event"' in html
            assert f'datetime="{f["start"]}"' in html and f'content="{f["end"]}"' in html
            assert f'<meta itemprop="addressCountry" content="{f["country"]}">' in html
        else:
            assert "application/ld+json" not in html and "itemscope" not in html
            fmt = "num" if f["slug"] == "artigiano-in-fiera-milano" else f["lang"]
            text = format_range(day(f["start_offset"]), day(f["end_offset"]), fmt)
            assert text in html, (f["slug"], text)
            if f["deadline_offset"] is not None:
                assert format_date(day(f["deadline_offset"]), fmt) in html
    assert by_fmt["jsonld"] >= 2 and by_fmt["microdata"] >= 2 and by_fmt["text"] >= 5
    langs = {f["lang"] for f in truth["fairs"]["fairs"] if f["format"] == "text"}
    assert {"fr", "en", "ar", "de", "es"} <= langs


def test_fair_date_formats(sites):
    base = sites.base_urls["fairs"]
    de = fetch(base + "/salons/ambiente-frankfurt/")[2].decode()
    assert re.search(r"\d{1,2}\.–\d{1,2}\. \w+ \d{4}|\d{1,2}\. \w+ – \d{1,2}\. \w+ \d{4}", de)
    ar = fetch(base + "/salons/salon-national-artisanat-casablanca/")[2].decode()
    assert "من " in ar and " إلى " in ar and 'dir="rtl"' in ar
    num = fetch(base + "/salons/artigiano-in-fiera-milano/")[2].decode()
    assert re.search(r"\d\d(/\d\d)?-\d\d/\d\d/\d{4}", num)


def test_ical_feed_and_merge_candidate(sites, truth):
    status, headers, body = fetch(sites.base_urls["fairs"] + "/salons.ics")
    assert status == 200 and headers["Content-Type"] == "text/calendar; charset=utf-8"
    text = body.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    unfolded = text.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == truth["fairs"]["ical_count"]
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    both = truth["fairs"]["in_listing_and_ical"]
    assert both == ["maison-objet-paris"]
    mo = [f for f in truth["fairs"]["fairs"] if f["slug"] == both[0]][0]
    assert f"SUMMARY:{mo['name']}" in unfolded
    assert f"DTSTART;VALUE=DATE:{day(mo['start_offset']):%Y%m%d}" in unfolded
    assert f"DTEND;VALUE=DATE:{day(mo['end_offset'] + 1):%Y%m%d}" in unfolded
    listing = fetch(sites.base_urls["fairs"] + mo["listing_page"])[2].decode()
    assert mo["detail_path"] in listing


def test_calendar_trap_goes_on_forever(sites):
    base = sites.base_urls["fairs"]
    html = fetch(base + "/calendar")[2].decode()
    assert TODAY.strftime("%Y-%m") in html or "janvier 2026" in html
    month = TODAY.strftime("%Y-%m")
    for _ in range(40):
        status, _, body = fetch(f"{base}/calendar?month={month}")
        assert status == 200
        nxt = re.search(r'rel="next" href="/calendar\?month=(\d{4}-\d{2})"', body.decode()).group(1)
        assert nxt > month
        month = nxt
    assert month == "2029-05"


# ------------------------------------------------------------------------- shops
def test_product_pages_have_jsonld_product(sites, truth):
    base = sites.base_urls["shop_jsonld"]
    assert len(truth["shop_jsonld"]["products"]) >= 10
    for p in truth["shop_jsonld"]["products"]:
        html = fetch(base + p["path"])[2].decode()
        prod = [o for o in jsonld_objects(html) if o.get("@type") == "Product"]
        assert len(prod) == 1, p["path"]
        offer = prod[0]["offers"]
        offer = offer[0] if isinstance(offer, list) else offer
        assert float(offer["price"]) == float(p["price"])
        assert offer["priceCurrency"] == "MAD"
        assert offer["availability"].endswith("InStock" if p["in_stock"] else "OutOfStock")
        assert prod[0]["sku"] == p["sku"] and prod[0]["brand"]["name"] == p["brand"]
        assert "DH" in html and "Produits similaires" in html
        if p["old_price"]:
            assert re.search(r"<del[^>]*>.*?DH", html)


def test_mad_price_rendering(sites):
    html = fetch(sites.base_urls["shop_jsonld"] + "/produit/lanterne-laiton-cisele/")[2].decode()
    assert "1\u00a0250,00\u00a0DH" in html


def test_plain_shop_has_no_structured_data(sites, truth):
    base = sites.base_urls["shop_plain"]
    assert len(truth["shop_plain"]["products"]) >= 10
    seen = set()
    for page in truth["shop_plain"]["listing_pages"]:
        seen.update(links(fetch(base + page)[2].decode()))
    for p in truth["shop_plain"]["products"]:
        assert p["path"] in seen
        html = fetch(base + p["path"])[2].decode()
        assert "ld+json" not in html and "itemprop" not in html
        assert f"<h1>{p['name']}</h1>" in html.replace("&#39;", "'")
        units, cents = p["price"].split(".")
        shown = (f"{int(units):,}".replace(",", " ") + f",{cents} €") if p["lang"] == "fr" else f"€{int(units):,}.{cents}"
        assert f'<span class="product-price">{shown}</span>' in html
        if p["lang"] == "fr":
            assert ("En stock" if p["in_stock"] else "Rupture de stock") in html
            assert f"Réf. : {p['sku']}" in html
        if p["old_price"]:
            assert '<s class="old-price">' in html


def test_shop_listing_pagination(sites):
    html = fetch(sites.base_urls["shop_jsonld"] + "/boutique/")[2].decode()
    assert 'href="/boutique/page/2/"' in html
    html = fetch(sites.base_urls["shop_plain"] + "/catalogue/")[2].decode()
    assert 'href="/catalogue/?page=2"' in html


# ------------------------------------------------------------------------- relativity, misc
def test_dates_follow_today_argument():
    with DemoSites(today=dt.date(2030, 6, 1)) as later:
        html = fetch(later.base_urls["fairs"] + "/salons/maison-objet-paris/")[2].decode()
        ev = [o for o in jsonld_objects(html) if o.get("@type") == "Event"][0]
        assert ev["startDate"] == (dt.date(2030, 6, 1) + dt.timedelta(days=75)).isoformat()
        assert "du 15 au 19 août 2030" in html


def test_request_log(sites):
    fetch(sites.base_urls["shop_plain"] + "/journal.html")
    assert ("shop_plain", "GET", "/journal.html", 200) in sites.hits("shop_plain")


def test_expected_json_is_in_sync():
    assert json.loads(EXPECTED_JSON.read_text(encoding="utf-8")) == json.loads(json.dumps(ground_truth()))


def test_cli_writes_ports_file_and_stops_on_sigterm(tmp_path):
    ports = tmp_path / "ports.json"
    proc = subprocess.Popen([sys.executable, "-m", "demo.server", "--ports-file", str(ports)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 20
        while not ports.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        urls = json.loads(ports.read_text())
        assert set(urls) == {"news", "fairs", "shop_jsonld", "shop_plain"}
        assert fetch(urls["news"] + "/rss.xml")[0] == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert b"news" in out and err == b""


def test_shops_move_prices_in_the_second_round(sites) -> None:  # type: ignore[no-untyped-def]
    """The demo crawls the shops twice; in round 1 some product pages show a moved price."""
    url = sites.base_url_of("shop_jsonld") + "/produit/tapis-beni-ouarain-200x300/"

    def price() -> str:
        html = urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
        return re.findall(r'"price":\s*"?([\d.]+)', html)[0]
    try:
        assert price() == "8900.00"
        sites.price_round = 1
        assert price() == "9968.00"  # +12 %, rounded to the dirham
    finally:
        sites.price_round = 0
    assert price() == "8900.00"
