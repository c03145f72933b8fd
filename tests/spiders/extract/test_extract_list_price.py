"""A reduced price and the regular price it reduces; no buyable price means no price at all."""
from __future__ import annotations

import json
from decimal import Decimal

import lxml.html

from spiders.extract.offers import extract_offer
from spiders.extract.visible_price import find_visible_price


def _page(product: dict | None, body: str) -> str:
    head = f'<script type="application/ld+json">{json.dumps(product)}</script>' if product else ""
    return f"<html><head><title>Boutique</title>{head}</head><body>{body}</body></html>"


def _product(offers: dict) -> dict:
    return {"@context": "https://schema.org", "@type": "Product", "name": "Pouf en cuir de Fès", "offers": offers}


def test_a_sale_shown_on_the_page_gives_the_reduced_price_and_keeps_the_regular_one() -> None:
    body = ('<h1>Pouf en cuir de Fès</h1><div class="buy-box"><del>890,00 MAD</del>'
            '<span class="price">690,00 MAD</span></div>')
    offer = extract_offer(_page(None, body))
    assert (offer.price, offer.list_price, offer.currency) == (Decimal("690.00"), Decimal("890.00"), "MAD")


def test_markup_that_keeps_the_regular_price_yields_to_the_reduction_the_page_shows() -> None:
    markup = _product({"@type": "Offer", "price": "120.00", "priceCurrency": "EUR"})
    body = ('<h1>Pouf en cuir de Fès</h1><div class="offer"><p class="old-price">120,00 €</p>'
            '<p class="price sale">89,00 €</p></div><button>Ajouter au panier</button>')
    offer = extract_offer(_page(markup, body))
    assert (offer.price, offer.list_price) == (Decimal("89.00"), Decimal("120.00"))


def test_a_list_price_specification_in_markup() -> None:
    markup = _product({"@type": "Offer", "priceCurrency": "EUR", "priceSpecification": [
        {"@type": "UnitPriceSpecification", "priceType": "https://schema.org/ListPrice", "price": "75.00"},
        {"@type": "UnitPriceSpecification", "price": "60.00"},
    ]})
    offer = extract_offer(_page(markup, "<h1>Pouf en cuir de Fès</h1>"))
    assert (offer.price, offer.list_price) == (Decimal("60.00"), Decimal("75.00"))


def test_no_reduction_means_no_list_price() -> None:
    markup = _product({"@type": "Offer", "price": "60.00", "priceCurrency": "EUR"})
    body = '<h1>Pouf en cuir de Fès</h1><span class="price">60,00 €</span><div class="related"><del>99 €</del></div>'
    offer = extract_offer(_page(markup, body))
    assert (offer.price, offer.list_price) == (Decimal("60.00"), None)


def test_a_zero_price_is_no_price() -> None:
    markup = _product({"@type": "Offer", "price": "0.00", "priceCurrency": "EUR"})
    offer = extract_offer(_page(markup, "<h1>Pouf en cuir de Fès</h1><p>Prix sur demande</p>"))
    assert offer.price is None and offer.list_price is None and offer.price_source is None


def test_a_zero_price_in_markup_falls_back_to_the_shown_price() -> None:
    markup = _product({"@type": "Offer", "price": "0", "priceCurrency": "EUR"})
    body = '<h1>Pouf en cuir de Fès</h1><span class="product-price">45,00 €</span>'
    assert extract_offer(_page(markup, body)).price == Decimal("45.00")


def test_a_regular_price_crossed_out_in_another_block_still_marks_the_reduction() -> None:
    markup = _product({"@type": "Offer", "price": "1148.00", "priceCurrency": "EUR"})
    filler = "".join(f"<p>Détail {n} du pouf brodé à la main.</p>" for n in range(60))
    body = ('<h1>Pouf en cuir de Fès</h1><div class="offer"><span class="product-price promotional">997 €</span></div>'
            f'{filler}<div class="offer-small-screens"><span class="product-price size-strike">1 148 €</span></div>')
    offer = extract_offer(_page(markup, body))
    assert (offer.price, offer.list_price) == (Decimal("997"), Decimal("1148.00"))


def test_cents_in_their_own_element_are_read_as_cents() -> None:
    body = '<h1>Pouf en cuir de Fès</h1><div class="price sale-price">$229<span class="cents">99</span></div>'
    assert extract_offer(_page(None, body)).price == Decimal("229.99")


def test_the_twitter_product_card_price() -> None:
    head = '<meta name="twitter:label1" content="Price"><meta name="twitter:data1" content="$60">'
    page = f"<html><head><title>Planche</title>{head}</head><body><h1>Planche vintage</h1><p>Très bon état.</p></body></html>"
    assert extract_offer(page).price == Decimal("60")


def test_a_hidden_copy_of_the_amount_inside_an_indented_price_box_is_not_read() -> None:
    indent = "\n" + " " * 60
    body = (f'<h1>Tapis Beni Ouarain</h1><div class="product-price">{indent}<div class="price-new">{indent}'
            f'<span>seulement</span>{indent}<span>1,679</span>{indent}'
            f'<span class="copy" style="display:none;">1679</span>{indent}<span>€</span>{indent}</div>{indent}</div>')
    shown = find_visible_price(lxml.html.fromstring(_page(None, body)))
    assert shown is not None and (shown.raw, shown.amount) == ("seulement 1,679 €", Decimal("1679"))


def test_a_bare_amount_inside_a_box_named_as_the_price_is_the_price() -> None:
    body = ('<section class="center_grid"><h1>Pouf en cuir de Fès</h1><div class="deal"><p class="deal_price_sell">'
            '<strong class="number_unit">890<sub>DH</sub></strong><span class="count">29 achats, note 4,5 sur 5</span></p></div>'
            '</section><ul class="others"><li><span>450 DH</span></li></ul>')
    shown = find_visible_price(lxml.html.fromstring(_page(None, body)))
    assert shown is not None and shown.amount == Decimal("890")
