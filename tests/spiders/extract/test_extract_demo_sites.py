"""The bundled demo sites, page by page: every product, every fair, the page with a lying charset."""
from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest

from demo.expected import ground_truth
from demo.server import DemoSites
from indexing.models import fair_identity
from spiders.extract.fairs import extract_fairs, parse_ical
from spiders.extract.news import extract_article
from spiders.extract.offers import extract_offer

TODAY = date(2026, 3, 15)


@pytest.fixture(scope="module")
def sites() -> Iterator[DemoSites]:
    with DemoSites(today=TODAY) as running:
        yield running


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


@pytest.mark.parametrize("shop", ["shop_plain", "shop_jsonld"])
def test_every_product(sites: DemoSites, shop: str) -> None:
    base = sites.base_urls[shop]
    for product in ground_truth(TODAY)[shop]["products"]:
        url = base + product["path"]
        offer = extract_offer(_get(url), url)
        assert offer.price == Decimal(product["price"]), url
        assert offer.currency == product["currency"], url
        assert offer.availability == ("InStock" if product["in_stock"] else "OutOfStock"), url
        assert offer.sku == product["sku"], url
        assert offer.canonical_url is None or offer.canonical_url.startswith(("http://", "https://")), url
        assert offer.canonical_url is None or not offer.canonical_url.endswith("/None"), url


def test_fairs_site_gives_each_fair_once(sites: DemoSites) -> None:
    base = sites.base_urls["fairs"]
    pages = ["/salons/", "/salons/page/2/", "/calendar"]
    for listing in pages[:2]:
        pages += sorted(set(re.findall(r'href="(?:' + re.escape(base) + r')?(/salons/[\w-]+/)"', _get(base + listing).decode())))
    found: dict[str, list[tuple[date | None, date | None, str | None, str | None]]] = {}
    for path in dict.fromkeys(pages):
        for fair in extract_fairs(_get(base + path), base + path, "fr", TODAY):
            if fair.start_date is not None:
                key = fair_identity(fair.name, fair.start_date.year)
                found.setdefault(key, []).append((fair.start_date, fair.end_date, fair.city, fair.country))
    for fair in parse_ical(_get(base + "/salons.ics")):
        assert fair.start_date is not None
        found.setdefault(fair_identity(fair.name, fair.start_date.year), []).append(
            (fair.start_date, fair.end_date, fair.city, fair.country))
    truth = ground_truth(TODAY)["fairs"]
    assert len(found) == truth["unique_count"], sorted(found)
    expected_spans = {
        (TODAY + timedelta(days=f["start_offset"]), TODAY + timedelta(days=f["end_offset"]), f["country"])
        for f in truth["fairs"]
    }
    for records in found.values():
        for start, end, city, country in records:
            assert (start, end, country) in expected_spans
            assert city


def test_page_declaring_utf8_in_windows_1252(sites: DemoSites) -> None:
    url = sites.base_urls["news"] + "/fr/articles/dinanderie-fes-flambee-cuivre.html"
    article = extract_article(_get(url), url)
    assert "Fès" in (article.title or "") and "\ufffd" not in article.text
