"""Competitor product pages: the main product's price, currency, availability and identity."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lxml.html import HtmlElement

from indexing.plausibility import currency_problem, price_problem

from spiders.extract.availability import visible_availability
from spiders.extract.buy_button import buy_button
from spiders.extract.currency import domain_currency, settle_shared_symbol
from spiders.extract.htmlinput import drop_scripts, parse_html
from spiders.extract.offer_price import markup_price, page_currency, reduced_price, settle_disagreement
from spiders.extract.page_meta import canonical_url, h1_texts, safe_absolute_url
from spiders.extract.product_labels import LabelledFields, labelled_brand, labelled_fields
from spiders.extract.product_markup import DeclaredProduct, main_product, opengraph_availability, opengraph_price
from spiders.extract.structured import jsonld_items, meta_properties, microdata_items, rdfa_items, walk
from spiders.extract.textutil import one_line
from spiders.extract.visible_price import find_visible_price


@dataclass(frozen=True)
class ExtractedOffer:
    name: str | None
    price: Decimal | None
    currency: str | None
    """ISO 4217."""
    availability: str | None
    """schema.org ItemAvailability name: "InStock", "OutOfStock", "PreOrder"..."""
    sku: str | None
    brand: str | None
    gtin: str | None
    image: str | None
    description: str | None
    canonical_url: str | None
    price_raw: str | None
    price_source: str | None = None
    """Where the price came from: "json-ld", "microdata", "rdfa", "opengraph" or "visible"."""
    list_price: Decimal | None = None
    """The regular price when `price` is a reduction of it (same currency); otherwise None."""
    rejected: tuple[str, ...] = ()
    """Reason codes of the implausible values left out (indexing.plausibility): never repaired."""


def extract_offer(html: str | bytes | HtmlElement, url: str | None = None) -> ExtractedOffer:
    """The main product of a page: markup first (JSON-LD, microdata, RDFa, Open Graph), then what is shown."""
    tree = parse_html(html)
    drop_scripts(tree)
    meta = meta_properties(tree)
    headings = [*h1_texts(tree)[:2], meta.get("og:title", "")]
    declared, source = _declared_product(tree, url, headings)
    price_raw, currency_raw = declared.price, declared.currency
    amount, currency = markup_price(price_raw, currency_raw)
    rejected: list[str] = []
    amount = _plausible(amount, rejected)
    list_price, _ = markup_price(declared.list_price, currency_raw)
    if amount is None:
        price_raw, currency_raw = opengraph_price(meta)
        amount, currency = markup_price(price_raw, currency_raw)
        amount = _plausible(amount, rejected)
        source, list_price = ("opengraph" if amount is not None else None), None
    if amount is not None and source != "opengraph":
        price_raw, amount, currency, source = settle_disagreement(tree, meta, (price_raw, amount, currency, source))
        amount = _plausible(amount, rejected)
    visible = find_visible_price(tree)
    if amount is None:
        list_price = None
        if visible is not None and _plausible(visible.amount, rejected) is not None:
            price_raw, amount, currency, source = visible.raw, visible.amount, visible.currency, "visible"
    if amount is not None:
        (price_raw, amount, currency, source), list_price = reduced_price(
            (price_raw, amount, currency, source), list_price, visible)
        list_price = _plausible(list_price, rejected)
    name = declared.name or next((h for h in headings if h), None)
    brand = declared.brand or meta.get("product:brand") or meta.get("og:brand")
    labelled = labelled_fields(tree) if not (declared.sku and brand) else LabelledFields(None, None)
    currency = settle_shared_symbol(currency or page_currency(meta), price_raw, url) or domain_currency(url)
    if currency is not None and (code := currency_problem(currency)):
        rejected.append(code)
        currency = None
    return ExtractedOffer(
        name=one_line(name) or None,
        price=amount,
        currency=currency,
        availability=declared.availability or opengraph_availability(meta) or _shown_availability(tree, amount),
        sku=declared.sku or labelled.sku,
        brand=_clean_brand(brand) or labelled.brand,
        gtin=declared.gtin,
        image=safe_absolute_url(declared.image or meta.get("og:image"), url),
        description=one_line(declared.description or meta.get("og:description") or meta.get("description")) or None,
        canonical_url=canonical_url(tree, meta, url),
        price_raw=one_line(price_raw) or None,
        price_source=source if amount is not None else None,
        list_price=list_price,
        rejected=tuple(rejected),
    )


def _plausible(amount: Decimal | None, rejected: list[str]) -> Decimal | None:
    """The amount, or None with its reason noted when no price can be that (negative, 1e30, NaN)."""
    if amount is not None and (code := price_problem(amount)):
        rejected.append(code)
        return None
    return amount


def _declared_product(tree: HtmlElement, url: str | None, headings: list[str]) -> tuple[DeclaredProduct, str | None]:
    """The product the page's markup describes; later syntaxes are parsed only while no price is found."""
    declared, source = None, None
    syntaxes: tuple[tuple[str, Callable[[], list[Any]]], ...] = (
        ("json-ld", lambda: jsonld_items(tree)),
        ("microdata", lambda: microdata_items(tree, url)),
        ("rdfa", lambda: rdfa_items(tree, url)),
    )
    for name, items in syntaxes:
        candidate = main_product(list(walk(items())), headings)
        if candidate is not None and (declared is None or (declared.price is None and candidate.price)):
            declared, source = _merge(declared, candidate), name
        if declared is not None and declared.price is not None:
            break
    return declared or DeclaredProduct(), source


def _merge(first: DeclaredProduct | None, second: DeclaredProduct) -> DeclaredProduct:
    if first is None:
        return second
    values = {k: getattr(first, k) or getattr(second, k) for k in first.__dataclass_fields__}
    values["price"], values["currency"] = second.price, second.currency or first.currency
    return DeclaredProduct(**values)


def _clean_brand(brand: str | None) -> str | None:
    """ "See more from the brand: Roborock" -> "Roborock"; brand templates left unfilled -> None."""
    brand = one_line(brand)
    if not brand or brand.startswith(("$", "{")):
        return None
    labelled = labelled_brand(brand)
    return labelled or brand


def _shown_availability(tree: HtmlElement, amount: Decimal | None) -> str | None:
    """A stock message on the page, else an enabled buy button next to a price means in stock."""
    status = visible_availability(tree)
    if status is None and amount is not None and buy_button(tree):
        return "InStock"
    return status
