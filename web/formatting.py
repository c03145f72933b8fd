"""Dates, numbers, prices and names shown in the reader's language (babel, CLDR data)."""
from __future__ import annotations

import re

from datetime import date, datetime
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_datetime, format_interval
from babel.numbers import format_currency, format_decimal, get_currency_symbol

from indexing.taxonomy import craft_label
from web.i18n import Translator


# CLDR currencySpacing (babel does not apply it): a currency sign made of letters next to a digit
# gets a no-break space, so English reads "MAD 535.00", not "MAD535.00".
_LETTERS_THEN_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
_DIGIT_THEN_LETTERS = re.compile(r"(?<=\d)(?=[^\W\d_])")


ARABIC_SCRIPT_UI = frozenset({"ar"})


def currency_spacing(text: str) -> str:
    return _DIGIT_THEN_LETTERS.sub("\u00a0", _LETTERS_THEN_DIGIT.sub("\u00a0", text))


class Formatter:
    def __init__(self, translator: Translator) -> None:
        self.language = translator.language
        self._translator = translator
        self.locale = translator.babel_locale
        self._locale = Locale.parse(self.locale)

    def day(self, value: date | datetime | None, style: str = "medium") -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            value = value.date()
        if style == "medium" and self.language in ARABIC_SCRIPT_UI:
            style = "long"  # ar_MA's medium date is 2026/12/01: one style, with month names, everywhere
        return format_date(value, format=style, locale=self.locale)

    def currency_label(self, code: str) -> str:
        """In a sentence or a heading: Arabic says د.م. and €, other languages the ISO code."""
        return get_currency_symbol(code, locale=self.locale) if self.language in ARABIC_SCRIPT_UI else code

    def moment(self, value: datetime | None) -> str:
        if value is None:
            return ""
        return format_datetime(value, format="medium", locale=self.locale)

    def day_range(self, start: date, end: date | None) -> str:
        if end is None or end == start:
            return self.day(start, "long")
        return format_interval(start, end, skeleton="yMMMd", locale=self.locale)

    def month(self, value: date) -> str:
        return format_date(value, format="LLLL y", locale=self.locale).capitalize()

    def money(self, amount: Decimal | float | str | None, currency: str | None) -> str:
        if amount is None or not currency:
            return ""
        return currency_spacing(format_currency(Decimal(str(amount)), currency, locale=self.locale))

    def number(self, value: int | float | Decimal) -> str:
        return format_decimal(value, locale=self.locale)

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        return self._locale.territories.get(code.upper(), code.upper())

    def language_name(self, code: str | None) -> str:
        if not code:
            return ""
        return self._locale.languages.get(code, code)

    def craft(self, craft_id: str) -> str:
        return craft_label(craft_id, self.language)

    def availability(self, value: str | None) -> str:
        """schema.org availability (InStock, OutOfStock) in words; an unknown value as it is."""
        return self._translator.get(f"availability_{value}", value) if value else ""

    @property
    def separator(self) -> str:
        """Between the items of an inline list: Arabic has its own comma."""
        return self._translator("list_separator")
