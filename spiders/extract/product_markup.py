"""The page's main product as declared in schema.org markup or Open Graph product tags."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spiders.extract.structured import Thing, first_text, type_names, walk
from spiders.extract.textutil import word_key

PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "IndividualProduct", "ProductModel", "SomeProducts", "Vehicle", "Car", "Book", "Offer"})
_OFFER_TYPES = frozenset({"Offer", "AggregateOffer"})
_AVAILABILITY = re.compile(r"(InStock|OutOfStock|PreOrder|BackOrder|Discontinued|LimitedAvailability|OnlineOnly|InStoreOnly|SoldOut|PreSale|Reserved|MadeToOrder)", re.IGNORECASE)
# schema.org PriceTypeEnumeration members (and the older free-text values) naming a price paid by nobody today.
_REGULAR_PRICE_TYPES = frozenset({"listprice", "strikethroughprice", "msrp", "srp", "rrp"})
_CANONICAL_AVAILABILITY = {v.lower(): v for v in (
    "InStock", "OutOfStock", "PreOrder", "BackOrder", "Discontinued", "LimitedAvailability",
    "OnlineOnly", "InStoreOnly", "SoldOut", "PreSale", "Reserved", "MadeToOrder",
)}


@dataclass(frozen=True)
class DeclaredProduct:
    name: str | None = None
    price: str | None = None
    currency: str | None = None
    availability: str | None = None
    sku: str | None = None
    brand: str | None = None
    gtin: str | None = None
    image: str | None = None
    description: str | None = None
    url: str | None = None
    list_price: str | None = None
    """The regular price the offer reduces (a ListPrice / StrikethroughPrice specification)."""


def main_product(things: Sequence[Thing], headings: Sequence[str]) -> DeclaredProduct | None:
    products = [t for t in things if type_names(t) & PRODUCT_TYPES and not _is_nested_offer(t)]
    if not products:
        return None
    best = max(products, key=lambda p: _product_rank(p, headings))
    return _declared(best)


def _is_nested_offer(thing: Thing) -> bool:
    # A bare Offer counts as a product only when it names its item itself.
    return type_names(thing) <= _OFFER_TYPES and not thing.get("name") and not thing.get("itemOffered")


def _product_rank(product: Thing, headings: Sequence[str]) -> tuple[int, int, int]:
    name = word_key(first_text(product.get("name")))
    matches_heading = int(bool(name) and any(name == word_key(h) or name in word_key(h) for h in headings))
    has_price = int(_offer_price(product)[0] is not None)
    is_product = int(bool(type_names(product) & (PRODUCT_TYPES - {"Offer"})))
    return matches_heading, has_price, is_product


def _offers(product: Thing) -> list[Thing]:
    raw = product.get("offers")
    if raw is None and type_names(product) & _OFFER_TYPES:
        return [product]
    found = [o for o in walk([raw]) if isinstance(o, dict) and (type_names(o) & _OFFER_TYPES or "price" in o or "lowPrice" in o)]
    return found


def _offer_price(product: Thing) -> tuple[str | None, str | None, str | None, str | None]:
    """(price, currency) of the first offer that states a price, the product's availability, and the
    regular price that offer reduces.

    One offer per size or colour: the product is in stock when any of them is.
    """
    offers = _offers(product)
    statuses = [s for s in (_availability(o.get("availability")) for o in offers) if s]
    availability = "InStock" if "InStock" in statuses else next(iter(statuses), None)
    for offer in offers:
        price = _price_value(offer)
        if price is not None:
            currency = first_text(offer.get("priceCurrency")) or _spec_value(offer, "priceCurrency")
            return price, currency, availability, _spec_value(offer, "price", regular=True)
    return None, None, availability, None


def _price_value(offer: Thing) -> str | None:
    for key in ("price", "lowPrice", "highPrice"):
        text = first_text(offer.get(key))
        if text:
            return text
    return _spec_value(offer, "price")


def _spec_value(offer: Thing, key: str, regular: bool = False) -> str | None:
    """A value of the offer's price specifications: of the current price, or (`regular`) of the list price."""
    for spec in walk([offer.get("priceSpecification")]):
        text = first_text(spec.get(key))
        if text and _is_regular_spec(spec) == regular:
            return text
    return None


def _is_regular_spec(spec: Thing) -> bool:
    kind = (first_text(spec.get("priceType")) or "").rsplit("/", 1)[-1].lower()
    return kind in _REGULAR_PRICE_TYPES


def _availability(value: object) -> str | None:
    text = first_text(value)
    if not text:
        return None
    match = _AVAILABILITY.search(text.replace(" ", ""))
    return _CANONICAL_AVAILABILITY[match.group(1).lower()] if match else None


def _declared(product: Thing) -> DeclaredProduct:
    price, currency, availability, list_price = _offer_price(product)
    return DeclaredProduct(
        name=first_text(product.get("name")),
        price=price,
        currency=currency,
        availability=availability,
        sku=first_text(product.get("sku")) or first_text(product.get("productID")) or first_text(product.get("mpn")),
        brand=_brand(product.get("brand") or product.get("manufacturer")),
        gtin=_gtin(product),
        image=_image(product.get("image")),
        description=first_text(product.get("description")),
        url=first_text(product.get("url")) if isinstance(product.get("url"), str) else None,
        list_price=list_price,
    )


def _brand(value: object) -> str | None:
    if isinstance(value, dict):
        return first_text(value.get("name")) or first_text(value.get("@value"))
    return first_text(value)


def _gtin(product: Thing) -> str | None:
    for key in ("gtin13", "gtin", "gtin14", "gtin12", "gtin8", "isbn"):
        text = first_text(product.get(key))
        if text:
            return text
    return None


def _image(value: object) -> str | None:
    if isinstance(value, dict):
        return first_text(value.get("url")) or first_text(value.get("contentUrl"))
    return first_text(value)


_TWITTER_CARD_FIELDS = 4
_PRICE_LABELS = frozenset({"price", "prix", "preis", "precio", "prezzo", "preço", "prijs", "cena", "السعر"})


def opengraph_price(meta: dict[str, str]) -> tuple[str | None, str | None]:
    for amount_key, currency_key in (
        ("product:price:amount", "product:price:currency"),
        ("og:price:amount", "og:price:currency"),
        ("product:sale_price:amount", "product:sale_price:currency"),
        ("og:price", "og:price:currency"),  # a non-standard tag: "30,000원~"
    ):
        if meta.get(amount_key):
            return meta[amount_key], meta.get(currency_key)
    # Twitter's product card: twitter:label1 "Price", twitter:data1 "$60".
    for n in range(1, _TWITTER_CARD_FIELDS + 1):
        if meta.get(f"twitter:label{n}", "").strip().lower() in _PRICE_LABELS and meta.get(f"twitter:data{n}"):
            return meta[f"twitter:data{n}"], None
    return None, None


def opengraph_availability(meta: dict[str, str]) -> str | None:
    for key in ("product:availability", "og:availability"):
        value = meta.get(key, "").lower().replace(" ", "")
        if value in ("instock", "in_stock", "available", "availableforpurchase"):
            return "InStock"
        if value in ("oos", "outofstock", "out_of_stock", "soldout"):
            return "OutOfStock"
        if value in ("preorder", "pre-order"):
            return "PreOrder"
    return None
