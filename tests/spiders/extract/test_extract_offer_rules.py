"""General rules of offer extraction: conflicting sources, labels, buy buttons, local currencies."""
from __future__ import annotations

from decimal import Decimal

from spiders.extract.buy_button import buy_button
from spiders.extract.currency import domain_currency, settle_shared_symbol, to_iso
from spiders.extract.htmlinput import parse_html
from spiders.extract.offers import extract_offer
from spiders.extract.product_labels import labelled_fields


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_visible_price_settles_jsonld_against_opengraph() -> None:
    # An auction keeps its starting price in JSON-LD; Open Graph and the page show the current bid.
    head = (
        '<script type="application/ld+json">{"@type": "Product", "name": "Pillows, pair",'
        ' "offers": {"@type": "Offer", "price": 150, "priceCurrency": "USD"}}</script>'
        '<meta property="product:price:amount" content="200"><meta property="product:price:currency" content="USD">'
    )
    body = '<h1>Pillows, pair</h1><div><span class="price">$200</span> 2 bids</div><p>Starting Price $150</p>'
    offer = extract_offer(_page(head, body), "https://auction.example/item/1")
    assert offer.price == Decimal("200") and offer.price_source == "opengraph"


def test_jsonld_kept_when_the_page_does_not_side_with_opengraph() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "Product", "name": "Lamp",'
        ' "offers": {"@type": "Offer", "price": "80.00", "priceCurrency": "EUR"}}</script>'
        '<meta property="product:price:amount" content="95.00">'
    )
    body = '<h1>Lamp</h1><span class="price">80,00 €</span>'
    assert extract_offer(_page(head, body)).price == Decimal("80.00")


def test_nonstandard_og_price_tag() -> None:
    offer = extract_offer(_page('<meta property="og:price" content="30,000원~">', "<h1>딜</h1>"))
    assert (offer.price, offer.currency) == (Decimal("30000"), "KRW")


def test_sign_of_another_number_does_not_make_a_price() -> None:
    body = (
        '<span>獲得現金積點：<span style="font:18px arial">3</span> 點 (1點=1元)</span>'
        "<h1>鵝肉鬆 250g</h1><del>$420</del>元"
        '<div>一次付清特價 <b>7 折</b> <span style="font:bold 27px Verdana">294</span><span> 元 </span></div>'
    )
    assert extract_offer(_page("", body)).price == Decimal("294")


def test_croatian_kuna_sign() -> None:
    assert extract_offer(_page("", '<h1>Ulošci</h1><span class="price-new">270,00 Kn</span>')).currency == "HRK"


def test_any_size_in_stock_means_in_stock() -> None:
    offers = ", ".join(
        f'{{"@type": "Offer", "price": 89.5, "priceCurrency": "EUR", "sku": "D-{size}",'
        f' "availability": "http://schema.org/{status}"}}'
        for size, status in ((36, "OutOfStock"), (38, "InStock"), (40, "OutOfStock"))
    )
    head = f'<script type="application/ld+json">{{"@type": "Product", "name": "Dress", "offers": [{offers}]}}</script>'
    assert extract_offer(_page(head, "<h1>Dress</h1>")).availability == "InStock"


def test_labelled_reference_and_brand() -> None:
    body = (
        '<nav><ul><li>Brand</li><li>Acme</li></ul></nav><h1>Tajine</h1>'
        '<span class="product-price">39,90 €</span><p class="ref">Réf. : RC-CUI-0088</p>'
        "<table><tr><th>Marque</th><td>Poterie Serghini</td></tr></table>"
    )
    offer = extract_offer(_page("", body), "https://shop.example/tajine")
    assert (offer.sku, offer.brand) == ("RC-CUI-0088", "Poterie Serghini")


def test_brand_menu_entry_is_not_the_brand() -> None:
    tree = parse_html(_page("", "<ul><li>Brand</li><li>Acme</li></ul><p>SKU: 2024-01-05</p>"))
    assert labelled_fields(tree).brand is None
    assert labelled_fields(tree).sku is None  # a date is no reference


def test_label_and_value_in_separate_cells() -> None:
    tree = parse_html(_page("", "<table><tr><td>ASIN</td><td>B07FW264WL</td></tr></table>"))
    assert labelled_fields(tree).sku == "B07FW264WL"


def test_brand_label_inside_markup_value_is_removed() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "Product", "name": "Robot",'
        ' "brand": "Ver mais artigos da Marca: Roborock", "offers": {"price": "299.99", "priceCurrency": "EUR"}}</script>'
    )
    assert extract_offer(_page(head, "<h1>Robot</h1>")).brand == "Roborock"


def test_buy_button_means_in_stock() -> None:
    body = '<h1>Speaker</h1><span class="price">£49.00</span><button class="button">Add to your basket</button>'
    assert extract_offer(_page("", body)).availability == "InStock"
    disabled = body.replace("<button", "<button disabled")
    assert extract_offer(_page("", disabled)).availability is None
    assert not buy_button(parse_html(_page("", '<button style="display:none">Add to cart</button>')))


def test_stock_message_wins_over_button() -> None:
    body = '<h1>Box</h1><span class="price">59,00 €</span><p class="availability">Rupture de stock</p><button>Ajouter au panier</button>'
    assert extract_offer(_page("", body)).availability == "OutOfStock"


def test_markup_price_in_a_currency_without_cents() -> None:
    head = '<script type="application/ld+json">{"@type": "Product", "name": "Cama", "offers": {"price": "249.990", "priceCurrency": "CLP"}}</script>'
    assert extract_offer(_page(head, "<h1>Cama</h1>")).price == Decimal("249990")


def test_currency_from_the_country_domain() -> None:
    assert domain_currency("https://www.shop.example.at/p/1") == "EUR"
    assert domain_currency("https://www.argos.co.uk/product/1") == "GBP"
    assert domain_currency("https://startup.io/p") is None and domain_currency("https://shop.example.com/") is None
    assert settle_shared_symbol("USD", "$3.340", "https://tickets.example.cl/e/1") == "CLP"
    assert settle_shared_symbol("USD", "US$ 12", "https://tickets.example.cl/e/1") == "USD"
    offer = extract_offer(_page("", '<h1>TV</h1><span class="price">20,-</span>'), "https://anzeiger.example.at/tv")
    assert offer.currency == "EUR"
    assert to_iso("원~") == "KRW"


def test_canonical_url_is_none_when_absent_or_junk() -> None:
    body = '<h1>Lamp</h1><span class="price">80,00 €</span>'
    assert extract_offer(_page("", body), "http://127.0.0.1:8000/produits/lamp.html").canonical_url is None
    junk = _page('<link rel="canonical" href="None">', body)
    assert extract_offer(junk, "http://127.0.0.1:8000/produits/lamp.html").canonical_url is None
    relative = _page('<link rel="canonical" href="/produits/lampe.html">', body)
    assert extract_offer(relative, "http://127.0.0.1:8000/x").canonical_url == "http://127.0.0.1:8000/produits/lampe.html"
    assert extract_offer(relative).canonical_url is None  # no base: no absolute URL to give


def test_list_price_announced_in_words_loses() -> None:
    body = (
        '<h1>Cama Eloisa</h1><div class="item-price price-internet">Internet: $249.990</div>'
        '<div class="item-price price-normal">Normal: $279.990</div>'
        '<div class="price-sku-main">SKU 579695999</div>'
    )
    offer = extract_offer(_page("", body), "https://tienda.example.cl/cama")
    assert (offer.price, offer.currency) == (Decimal("249990"), "CLP")


def test_an_amount_repeated_in_other_products_cards_does_not_outweigh_the_shown_price() -> None:
    cards = "".join(f'<a href="/p/{n}"><span>44,95 €</span></a>' for n in range(4))
    body = (
        '<h1>Wool blanket</h1><div><span>38,15 €</span><span>44,95 €</span></div>'
        f"<div>{cards}</div>"
    )
    offer = extract_offer(_page("", body), "https://shop.example.fi/blanket")
    assert offer.price == Decimal("38.15")


def test_a_page_priced_only_in_its_recommendations_has_no_price() -> None:
    from spiders.extract.offers import extract_offer
    cards = "".join(f"<div class='card'><a href='/p/{i}'>Pouf {i}</a><span class='price'>€{40 + i}.00</span></div>"
                    for i in range(6))
    page = ("<html><body><main><h1>Beni Ouarain rug 200x300</h1><p>Prix sur demande</p><button>Contact</button></main>"
            f"<section class='product-recommendations'><h2>You may also like</h2>{cards}</section></body></html>")
    assert extract_offer(page).price is None


def test_a_greyed_out_buy_button_that_says_sold_out() -> None:
    from spiders.extract.offers import extract_offer
    page = '<html><body><h1>Lanterne</h1><div class="price">450,00 DH</div><button disabled>Épuisé</button></body></html>'
    assert extract_offer(page, "https://shop.example.ma/p/1").availability == "OutOfStock"
    page = page.replace("<button disabled>Épuisé</button>", "<button>Ajouter au panier</button>")
    assert extract_offer(page, "https://shop.example.ma/p/1").availability != "OutOfStock"
