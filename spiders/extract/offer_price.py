"""The price a product page declares in markup, read with each currency's conventions and checked against the page."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from lxml.html import HtmlElement

from spiders.extract.currency import has_no_minor_unit, to_iso
from spiders.extract.prices import parse_price
from spiders.extract.product_markup import opengraph_price
from spiders.extract.visible_price import VisiblePrice, find_visible_price

# Signs and exponents are kept as written ("-50", "1e30"): the plausibility rules reject them.
_PLAIN_DECIMAL = re.compile(r"^\s*[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d{1,6})?\s*$")
_THOUSANDS_ONLY = re.compile(r"^\d{1,3}(?:\.\d{3})+$")

PriceChoice = tuple[str | None, Decimal, str | None, str | None]
"""(raw text, amount, ISO currency, source)."""


def markup_price(price_raw: str | None, currency_raw: str | None) -> tuple[Decimal | None, str | None]:
    """Amount and ISO currency of a price as markup writes it ("1299.00", "30,000원~").

    A zero amount is no price: shops write "0.00" for "ask us" or a product that cannot be bought. A
    negative or absurd one is returned as written, for the plausibility rule to reject and count.
    """
    amount, currency = _markup_amount(price_raw, currency_raw)
    return (None if amount is not None and amount.is_finite() and amount == 0 else amount), currency


def _markup_amount(price_raw: str | None, currency_raw: str | None) -> tuple[Decimal | None, str | None]:
    if not price_raw:
        return None, to_iso(currency_raw)
    currency = to_iso(currency_raw) or parse_price(price_raw).currency
    if _PLAIN_DECIMAL.match(price_raw):
        # schema.org prices use "." as the decimal mark: "1.299" is one and three tenths,
        # except in a currency without cents, where "12.990" can only be twelve thousand.
        plain = price_raw.strip().lstrip("+")
        if _THOUSANDS_ONLY.match(plain) and has_no_minor_unit(currency):
            plain = plain.replace(".", "")
        try:
            amount: Decimal | None = Decimal(plain)
        except InvalidOperation:
            amount = None
    else:
        amount = parse_price(price_raw, currency_raw).amount
    return amount, currency


def settle_disagreement(tree: HtmlElement, meta: dict[str, str], declared: PriceChoice) -> PriceChoice:
    """Schema.org and Open Graph disagree: the one the shopper sees next to the heading wins.

    Auction and marketplace pages keep a starting price in JSON-LD while their Open Graph
    tags follow the current price; two sources out of three settle it.
    """
    og_raw, og_currency = opengraph_price(meta)
    og_amount, og_iso = markup_price(og_raw, og_currency)
    if og_amount is None or og_amount == declared[1]:
        return declared
    visible = find_visible_price(tree)
    if visible is None or visible.amount != og_amount:
        return declared
    return og_raw, og_amount, og_iso or declared[2], "opengraph"


def page_currency(meta: dict[str, str]) -> str | None:
    """The currency Open Graph product tags declare for the page."""
    return to_iso(meta.get("product:price:currency") or meta.get("og:price:currency"))


def reduced_price(declared: PriceChoice, declared_list: Decimal | None,
                  visible: VisiblePrice | None) -> tuple[PriceChoice, Decimal | None]:
    """The price to pay and the regular price it reduces.

    Markup often keeps the regular price while the page sells at a reduced one: when the page
    shows the declared amount crossed out (or as a "was" price) next to a lower one, the lower
    one is the offer's price and the declared one its list price. The crossed-out amount may sit in
    another block than the shown price (a second layout for small screens).
    """
    raw, amount, currency, source = declared
    regular = declared_list
    if visible is not None and visible.amount < amount and _same_currency(currency, visible.currency) \
            and (visible.regular == amount or (visible.regular is None and amount in visible.crossed)):
        return (visible.raw, visible.amount, currency or visible.currency, "visible"), amount
    if visible is not None and visible.regular is not None and _same_currency(currency, visible.currency):
        if visible.amount == amount and regular is None:
            regular = visible.regular
    return declared, (regular if regular is not None and regular > amount else None)


def _same_currency(first: str | None, second: str | None) -> bool:
    return first is None or second is None or first == second
