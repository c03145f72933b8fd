"""Price strings ("1 250,00 DH", "€ 12,99", "US$ 5") -> amount and ISO 4217 currency."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from price_parser import Price

from spiders.extract.currency import find_currency, to_iso
from spiders.extract.textutil import one_line

_MAX_CHARS = 300
# "CHF 1’299.00": a typographic apostrophe between digits separates thousands, as the straight one does.
_SWISS_THOUSANDS = re.compile(r"(?<=\d)’(?=\d{3}(?!\d))")
# Arabic-Indic and Persian digits, Arabic decimal and thousands separators.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_WAS_NOW = re.compile(r"\b(?:was|avant|statt|antes)\b.*?\b(?:now|maintenant|jetzt|ahora)\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(
    r"^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|déc)[a-zé]*\.?,?\s+(?:19|20)\d{2}\s*$",
    re.IGNORECASE,
)


# A minus right before the first number, not glued to a word ("Réf-12"): the amount is negative.
_MINUS_BEFORE = re.compile(r"(?:^|[^\w])[-−]\s*$")
_FIRST_DIGIT = re.compile(r"\d")
_EXPONENT = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?[eE][-+]?\d{1,6}(?!\w)")


@dataclass(frozen=True)
class ParsedPrice:
    amount: Decimal | None
    currency: str | None
    """ISO 4217."""


def parse_price(
    text: str, currency_hint: str | None = None, decimal_separator: str | None = None
) -> ParsedPrice:
    cleaned = _SWISS_THOUSANDS.sub("'", one_line(text)[:_MAX_CHARS].translate(_DIGITS))
    hint = one_line(currency_hint)[:_MAX_CHARS].translate(_DIGITS) if currency_hint else None
    # "Was $120.00 Now $60.00": the current price follows the last "now".
    was_now = _WAS_NOW.search(cleaned)
    priced = cleaned[was_now.end():] if was_now else cleaned
    parsed = Price.fromstring(priced, currency_hint=hint, decimal_separator=decimal_separator)
    amount = None if _MONTH_YEAR.match(priced) else _as_written(priced, parsed.amount)
    # Our table is larger than price-parser's and matches the longest form ("E£" before "£").
    currency = find_currency(priced) or find_currency(hint) or to_iso(priced) or to_iso(hint)
    return ParsedPrice(amount, currency)


def _as_written(text: str, amount: Decimal | None) -> Decimal | None:
    """The amount the text states: price-parser reads '-50' as 50 and '1e30' as 1, which would turn
    impossible values into credible ones; the plausibility rules must see them as they are."""
    if amount is None:
        return None
    exponent = _EXPONENT.search(text)
    if exponent:
        amount = Decimal(exponent.group(0))
    first = _FIRST_DIGIT.search(text)
    if first and _MINUS_BEFORE.search(text[: first.start()]):
        amount = -amount
    return amount
