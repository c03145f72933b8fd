"""One plausibility rule per field, shared by every input syntax (JSON-LD, microdata, RDFa, iCal, text).

A value outside its rule is rejected with a reason code (counted per source by the crawl), never
rewritten into a credible one: `-50` is not the price 50, `1e30` is not 1, a fair in 9999 is no fair.
The models call these rules, so whatever builds a document goes through them.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from functools import lru_cache

PRICE_MAX = Decimal("1e9")
EARLIEST_YEAR = 1990
YEARS_AHEAD = 10
"""Fairs are announced a few years ahead at most; an edition further away is a typo or a trap."""
FAIR_MAX_DAYS = 190
"""A biennale or a selling exhibition runs a season ("du 5 juillet au 2 novembre"); longer is two dates misread."""
PUBLISHED_AHEAD = timedelta(days=366)
"""Published dates: machine timestamps a little ahead (time zones, scheduled posts) are tolerated."""


class Implausible(ValueError):
    """A value outside its field's rule; `code` is the counted reason ('price-negative')."""

    def __init__(self, field: str, code: str, value: object) -> None:
        super().__init__(f"implausible {field} ({code}): {str(value)[:60]!r}")
        self.field = field
        self.code = code


def price_problem(value: Decimal) -> str | None:
    if not value.is_finite():
        return "price-not-finite"
    if value < 0:
        return "price-negative"
    if value > PRICE_MAX:
        return "price-too-large"
    return None


def year_problem(year: int, today: date | None = None) -> str | None:
    today = today or date.today()
    if year < EARLIEST_YEAR:
        return "year-too-early"
    if year > today.year + YEARS_AHEAD:
        return "year-too-late"
    return None


def duration_problem(start: date, end: date | None) -> str | None:
    if end is None:
        return None
    if end < start:
        return "duration-negative"
    if (end - start).days > FAIR_MAX_DAYS:
        return "duration-too-long"
    return None


def published_problem(moment: datetime | date, now: datetime | None = None) -> str | None:
    """A bare day (a page that gives only the date) is its midnight UTC."""
    now = now or datetime.now(timezone.utc)
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    if aware.year < EARLIEST_YEAR:
        return "date-too-early"
    if aware > now + PUBLISHED_AHEAD:
        return "date-in-future"
    return None


def fair_problem(start: date | None, end: date | None) -> str | None:
    """The first rule a fair's days break: each day's year, then the duration."""
    for day in (start, end):
        if day is not None and (code := year_problem(day.year)):
            return code
    return duration_problem(start, end) if start is not None else None


@lru_cache(maxsize=1)
def iso_currencies() -> frozenset[str]:
    from babel.numbers import list_currencies
    return frozenset(list_currencies())


def currency_problem(code: str) -> str | None:
    return None if code in iso_currencies() else "currency-unknown"


def check_price(field: str, value: Decimal | None) -> Decimal | None:
    if value is not None and (code := price_problem(value)):
        raise Implausible(field, code, value)
    return value


def check_day(field: str, value: date | None) -> date | None:
    if value is not None and (code := year_problem(value.year)):
        raise Implausible(field, code, value)
    return value


def check_duration(start: date, end: date | None) -> None:
    if code := duration_problem(start, end):
        raise Implausible("end_date", code, f"{start}..{end}")


def check_published(value: datetime | None) -> datetime | None:
    if value is not None and (code := published_problem(value)):
        raise Implausible("published_at", code, value)
    return value


def check_currency(value: str | None) -> str | None:
    if value is not None and (code := currency_problem(value)):
        raise Implausible("currency", code, value)
    return value
