from __future__ import annotations

from decimal import Decimal

import pytest

from extract_fixtures import expected, page
from spiders.extract.offers import extract_offer


@pytest.mark.parametrize("name", ["shop_jsonld_mad.html", "shop_plain_eur.html"])
def test_offer_fields(name: str) -> None:
    want = expected(name)
    offer = extract_offer(page(name), want["url"])
    assert offer.price == Decimal(want["price"])
    for field in ("name", "currency", "availability", "sku", "brand", "gtin", "image", "canonical_url", "price_source"):
        if field in want:
            assert getattr(offer, field) == want[field], field


def test_crossed_out_and_related_prices_are_ignored() -> None:
    offer = extract_offer(page("shop_plain_eur.html"), "https://orient-haus.example/laterne-fes")
    assert offer.price not in (Decimal("129.00"), Decimal("59.00"), Decimal("149.00"), Decimal("0"))
    assert offer.price_raw == "89,90 €"


def test_opengraph_price_when_no_schema() -> None:
    html = (
        '<html><head><meta property="og:title" content="Pouf en cuir">'
        '<meta property="product:price:amount" content="450.00">'
        '<meta property="product:price:currency" content="MAD"></head>'
        "<body><h1>Pouf en cuir</h1></body></html>"
    )
    offer = extract_offer(html, "https://shop.example/pouf")
    assert (offer.price, offer.currency, offer.price_source) == (Decimal("450.00"), "MAD", "opengraph")


def test_microdata_offer() -> None:
    html = (
        '<html><body><div itemscope itemtype="https://schema.org/Product">'
        '<h1 itemprop="name">Tajine de Safi</h1><span itemprop="sku">TJ-30</span>'
        '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
        '<meta itemprop="priceCurrency" content="EUR"><span itemprop="price" content="39.50">39,50 €</span>'
        '<link itemprop="availability" href="https://schema.org/OutOfStock"></div></div></body></html>'
    )
    offer = extract_offer(html, "https://shop.example/tajine")
    assert offer.price == Decimal("39.50")
    assert (offer.currency, offer.availability, offer.sku, offer.price_source) == ("EUR", "OutOfStock", "TJ-30", "microdata")


def test_page_without_price() -> None:
    offer = extract_offer("<html><body><h1>À propos</h1><p>Notre atelier depuis 1987.</p></body></html>")
    assert offer.price is None and offer.price_raw is None
