"""Dates and date ranges written in running text, in the languages of the fairs we follow.

Ranges ("du 16 au 20 janvier 2026", "Jan 16-20, 2026", "16.–20. Januar 2026",
"من 16 إلى 20 يناير 2026", "16-20/01/2026") are matched by our own patterns over a
length-preserving folded copy of the text; single date strings go to dateparser.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import dateparser
import yaml

from spiders.extract.datefold import fold_same_length
from spiders.extract.textutil import without_overlaps

DATA_DIR = Path(__file__).with_name("data")
DEFAULT_LANGUAGES: tuple[str, ...] = ("fr", "en", "es", "de", "it", "ar")


@dataclass(frozen=True)
class PartialDate:
    day: int
    month: int
    year: int | None = None

    def with_year(self, year: int) -> date | None:
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None

    def to_date(self) -> date | None:
        return self.with_year(self.year) if self.year is not None else None


@dataclass(frozen=True)
class DateSpan:
    """A date or a range found in text; `end` is None for a single date."""

    start: PartialDate
    end: PartialDate | None
    begin: int
    """Offset of the match in the text."""
    finish: int

    @property
    def has_year(self) -> bool:
        return self.start.year is not None


# --- vocabularies --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _month_table() -> dict[str, list[list[str]]]:
    return yaml.safe_load((DATA_DIR / "months.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _weekday_table() -> dict[str, list[str]]:
    return yaml.safe_load((DATA_DIR / "weekdays.yaml").read_text(encoding="utf-8"))


def month_languages() -> tuple[str, ...]:
    """Every language data/months.yaml names months in."""
    return tuple(_month_table())


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Every month and weekday name the tables know, folded ("march", "lundi", "januar")."""
    words = {fold_same_length(str(n)) for names in weekday_names().values() for n in names}
    words |= {fold_same_length(str(n)) for months in _month_table().values() for names in months for n in names}
    return frozenset(words)


def weekday_names() -> dict[str, list[str]]:
    """Weekday names per language as data/weekdays.yaml lists them (full names first, Monday first)."""
    return _weekday_table()


@lru_cache(maxsize=64)
def _month_numbers(languages: tuple[str, ...]) -> dict[str, int]:
    table = _month_table()
    numbers: dict[str, int] = {}
    for language in languages:
        for index, names in enumerate(table.get(language, [])):
            for name in names:
                numbers.setdefault(fold_same_length(str(name)), index + 1)
        for damaged, number in _damaged_months(language).items():
            numbers.setdefault(damaged, number)
    return numbers


# A page stored in the wrong encoding writes "f?vrier", "d\ufffdcembre", "M?rz": a mark for the accented letter.
_DAMAGED_MONTHS = {
    "fr": {"f?vrier": 2, "f?vr": 2, "f?v": 2, "ao?t": 8, "d?cembre": 12, "d?c": 12},
    "de": {"m?rz": 3},
    "pt": {"mar?o": 3},
}


def _damaged_months(language: str) -> dict[str, int]:
    forms = _DAMAGED_MONTHS.get(language, {})
    return {**forms, **{name.replace("?", "\ufffd"): number for name, number in forms.items()}}


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORDINAL = r"(?:\s?(?:st|nd|rd|th)(?![^\W\d_])|er|re|o|a|\.|°)?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_SEP = (
    # A comma may stand before an explicit "until" word: "del 17 de diciembre, al 5 de enero".
    r"\s*(?:,\s*(?=al\b|all['’]|au\b|to\b|bis\b|hasta\b|until\b|through\b|till\b|jusqu|fino\b|und\b|and\b|et\b))?"
    r"(?:[-–—‑‒―~]+|[>→]|\bhasta(?:\s+el)?\b|\bjusqu'(?:au|a)\b|\bto\b|\bau\b|\ba\b|\bal\b|\bbis\b(?:\s+(?:zum|zur))?|\bthrough\b|\bthru\b|\buntil\b"
    r"|\btill\b|\bthe\b|\bet\b|\band\b|\by\b|\be\b|\bund\b|\bal\b|\bfino\s+al\b|\b(?:fino\s+)?all['’]|\btot\b|\bate\b|\btil\b"
    r"|(?:إلى|الى)\s+(?:غاية|حدود)|إلى|الى|حتى|لغاية|غاية|و)\s*(?:-\s*)?"
)
_OF = r"(?:\s*(?:\bde\b|\bdel\b|\bdi\b|\bof\b|,))?\s*"
_ARTICLE = r"(?:\b(?:le|el|the|den|il|lo|o)\s+)?"
_LIST_MIDDLE = r"(?:\s*[,،و]\s*" + _DAY + _ORDINAL + r")*"  # "3, 4 et 5 mars", "3 و4 و5 مارس"


@lru_cache(maxsize=64)
def _patterns(languages: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    months = _alternation(list(_month_numbers(languages)))
    weekdays = _alternation([fold_same_length(w) for lang in languages for w in _weekday_table().get(lang, [])])
    month = rf"(?<![^\W\d_])(?:{months})(?![^\W\d_])\.?"
    weekday = rf"(?:(?<![^\W\d_])(?:{weekdays})(?![^\W\d_])\.?,?\s*)?" if weekdays else ""
    day = rf"(?<![\d.,/])({_DAY}){_ORDINAL}(?![\d])"
    year = rf"(?<!\d)({_YEAR})(?!\d)"
    lead = rf"{_ARTICLE}{weekday}"
    forms = {
        # 16 janvier 2026 - 2 février 2026 / 16 au 20 janvier 2026 / 16.–20. Januar / del 16 al 20 de enero de 2026
        # "Sábado 19 (Día del Artesano) y Domingo 20 de Marzo": a remark in brackets after the first day
        "day_first_range": rf"{lead}{day}(?:\s*\([^()\d\n]{{1,40}}\))?(?:{_OF}({month})(?:{_OF}{year})?)?{_LIST_MIDDLE}{_SEP}{lead}{day}{_OF}({month})(?:{_OF}{year})?",
        # "من 9 فبراير إلى 18 منه": the end day "of it", the same month
        "same_month_range": rf"{day}\s*({month})(?:\s*{year})?{_SEP}(?:(?:ل)?غاية\s*)?{day}\s+منه(?![^\W\d_])",
        # January 30 – February 2, 2027 / Jan 16-20, 2026
        "month_first_range": rf"{weekday}({month})\s*{day}(?:,?\s*{year})?{_SEP}{weekday}(?:({month})\s*)?{day}(?:,?\s*{year})?",
        # "a gennaio 2021, dal 22 al 26", "en janvier 2027, du 22 au 26": the month and year first, then the days
        "month_year_days": rf"({month})\s+{year}\s*,?\s*(?:\b(?:dal|du|from|vom|von|del|de|desde|entre|between)\b|من)\s*(?:the\s+)?{day}{_SEP}(?:the\s+)?{day}(?![\d])",
        # "slitta a giugno, nella seconda settimana dal 7 al 12": a month, then a range of its days without it
        "month_then_days": rf"(?<![^\W\d_])({months})(?![^\W\d_])[^.\n\d]{{0,40}}?\b(?:dal|du|del|desde\s+el)\s+{day}\s*(?:al|au|a|hasta\s+el)\s+{day}(?![\d])(?!\s*(?:%|per\b|pour\b|por\b|{months}|[^\W\d_]+\s+(?:{months})))",
        # "March 23, 24, 25, 2027", "May 3, 4 and 5", "May 3 and 4": one month, then its days ("May 3, 5 stands" is none)
        "month_first_list": rf"{weekday}({month})\s*{day}(?:(?:\s*,\s*{_DAY}{_ORDINAL}(?!\d))+\s*(?:,|\band\b|&)|\s*(?:\band\b|&))\s*({_DAY}){_ORDINAL}(?![\d:])(?!\s*(?:{_YEAR}|{months}|[ap]\.?m\b|h\b))(?:,?\s*{year})?",
        # 16.01.-20.01.2026 / 16/01 - 20/01/2026 / 16-20/01/2026
        "numeric_range": rf"(?<![\d/.])({_DAY})(?:[./](1[0-2]|0?[1-9]))?(?:[./]({_YEAR}))?\.?\s*(?:[-–—]|\bau\b|\bto\b|\bbis(?:\s+zum)?\b|\bal\b|إلى)\s*({_DAY})[./](1[0-2]|0?[1-9])[./]({_YEAR})(?![\d])",
        "iso_range": rf"(?<!\d)({_YEAR})-(1[0-2]|0[1-9])-({_DAY})\s*(?:[-–—/]|\bto\b|\bau\b|\bbis\b)\s*({_YEAR})-(1[0-2]|0[1-9])-({_DAY})(?!\d)",
        "day_first": rf"{lead}{day}{_OF}({month})(?:{_OF}{year})?",
        "month_first": rf"{weekday}({month})\s*{day}(?:,?\s*{year})?",
        # "01.04.2025Designbase.dk": a date glued to the next word is a teaser's timestamp, not a date in the text
        "numeric": rf"(?<![\d/.])({_DAY})[./](1[0-2]|0?[1-9])[./]({_YEAR})(?![\d]|[^\W\d_])",
        # 2026-01-16 / 2025/1/11 (year first, as Gulf and East Asian pages write it)
        "iso": rf"(?<![\d-])({_YEAR})-(1[0-2]|0[1-9])-({_DAY})(?![\d])|(?<![\d/.])({_YEAR})/(1[0-2]|0?[1-9])/({_DAY})(?![\d/])",
    }
    return [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in forms.items()]


# --- finding ---------------------------------------------------------------------------------


# Day words, replaced by their number padded to the same length: "fino al primo maggio", "الفاتح أوت".
_DAY_WORDS = re.compile(r"(?<![^\W\d_])(primo|premier|first|erste[nr]?|primero|الفاتح)(?=\s+[^\W\d_])")


def _digit_day_words(folded: str) -> str:
    return _DAY_WORDS.sub(lambda m: "1".ljust(len(m.group(0))), folded)


_MAX_DAYS = 62
# "du 5 juillet au 2 novembre": a from-word before the range makes a long exhibition one span, where a bare
# "5 juillet - 2 novembre" may be two dates of a list.
_FRAMED_MAX_DAYS = 190
_FROM_WORD = re.compile(r"(?<![^\W\d_])(?:du|from|vom|von|dal|dall['’]|del|desde|de|entre|between|من)\s+(?:the\s+|el\s+|le\s+)?$")
_FROM_LOOKBEHIND = 14


def find_date_spans(text: str, languages: Sequence[str] | None = None) -> list[DateSpan]:
    """Every date and date range in the text, in order, without overlaps (longest wins)."""
    langs = tuple(dict.fromkeys(languages or DEFAULT_LANGUAGES))
    folded = _digit_day_words(fold_same_length(text))
    months = _month_numbers(langs)
    found: list[DateSpan] = []
    for name, pattern in _patterns(langs):
        for match in pattern.finditer(folded):
            framed = _FROM_WORD.search(folded, max(0, match.start() - _FROM_LOOKBEHIND), match.start()) is not None
            # A month read from before the days: the span is the days', so the words before them still tell of them.
            begin = match.start(2) if name == "month_then_days" else match.start()
            span = _build(name, match.groups(), months, begin, match.end(), _FRAMED_MAX_DAYS if framed else _MAX_DAYS)
            if span is not None:
                found.append(span)
    return without_overlaps(found, lambda span: (span.begin, span.finish))


def _month(token: str | None, months: dict[str, int]) -> int | None:
    if not token:
        return None
    key = re.sub(r"\s+", " ", token.rstrip("."))
    return months.get(key)


def _year(token: str | None) -> int | None:
    if not token:
        return None
    value = int(token)
    return value + 2000 if value < 100 else value


def _build(name: str, g: tuple[str | None, ...], months: dict[str, int], begin: int, finish: int,
           max_days: int = 62) -> DateSpan | None:
    if name == "day_first_range":
        d1, m1, y1, d2, m2, y2 = g
        month2 = _month(m2, months)
        month1 = _month(m1, months) or month2
        if month1 is None or month2 is None:
            return None
        return _range(int(d1), month1, _year(y1), int(d2), month2, _year(y2), begin, finish, max_days)
    if name == "same_month_range":
        d1, m1, y1, d2 = g
        month1 = _month(m1, months)
        if month1 is None:
            return None
        return _range(int(d1), month1, _year(y1), int(d2), month1, _year(y1), begin, finish, max_days)
    if name == "month_first_range":
        m1, d1, y1, m2, d2, y2 = g
        month1 = _month(m1, months)
        month2 = _month(m2, months) or month1
        if month1 is None or month2 is None:
            return None
        return _range(int(d1), month1, _year(y1), int(d2), month2, _year(y2), begin, finish, max_days)
    if name == "month_then_days":
        m, d1, d2 = g
        month = _month(m, months)
        return _range(int(d1), month, None, int(d2), month, None, begin, finish, max_days) if month and int(d2) > int(d1) else None
    if name == "month_year_days":
        m, y, d1, d2 = g
        month = _month(m, months)
        return _range(int(d1), month, _year(y), int(d2), month, _year(y), begin, finish, max_days) if month else None
    if name == "month_first_list":
        m1, d1, d2, y = g
        month1 = _month(m1, months)
        if month1 is None or int(d2) <= int(d1):
            return None
        return _range(int(d1), month1, _year(y), int(d2), month1, _year(y), begin, finish, max_days)
    if name == "numeric_range":
        d1, m1, y1, d2, m2, y2 = g
        month2 = int(m2)
        month1 = int(m1) if m1 else month2
        return _range(int(d1), month1, _year(y1), int(d2), month2, _year(y2), begin, finish, max_days)
    if name == "iso_range":
        y1, m1, d1, y2, m2, d2 = g
        return _range(int(d1), int(m1), int(y1), int(d2), int(m2), int(y2), begin, finish, max_days)
    if name == "day_first":
        d, m, y = g
        month = _month(m, months)
        return _single(int(d), month, _year(y), begin, finish) if month else None
    if name == "month_first":
        m, d, y = g
        month = _month(m, months)
        return _single(int(d), month, _year(y), begin, finish) if month else None
    if name == "numeric":
        d, m, y = g
        return _single(int(d), int(m), _year(y), begin, finish)
    y, m, d = g[:3] if g[0] else g[3:]
    return _single(int(d), int(m), int(y), begin, finish)


def _valid(day: int, month: int, year: int | None) -> bool:
    try:
        date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _single(day: int, month: int, year: int | None, begin: int, finish: int) -> DateSpan | None:
    if not _valid(day, month, year):
        return None
    return DateSpan(PartialDate(day, month, year), None, begin, finish)


def _range(
    d1: int, m1: int, y1: int | None, d2: int, m2: int, y2: int | None, begin: int, finish: int, max_days: int = 62
) -> DateSpan | None:
    if y1 is None and y2 is not None:
        # "28 décembre - 3 janvier 2026": the start belongs to the year before.
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    if not (_valid(d1, m1, y1) and _valid(d2, m2, y2)):
        return None
    start, end = PartialDate(d1, m1, y1), PartialDate(d2, m2, y2)
    if y1 is not None and y2 is not None:
        first, last = date(y1, m1, d1), date(y2, m2, d2)
        if not timedelta(0) <= last - first <= timedelta(days=max_days):
            return None  # not one event: two unrelated dates
    elif (m1, d1) > (m2, d2) and (m2 - m1) % 12 > 2:  # "17 décembre - 5 janvier" wraps one month
        return None
    return DateSpan(start, end, begin, finish)


# --- year resolution and public helpers -------------------------------------------------------


def nearest_year(partial: PartialDate, base: date) -> int:
    """The year that puts a day-month closest to `base` (an announcement's or page's date)."""
    best_year, best_gap = base.year, None
    for year in (base.year - 1, base.year, base.year + 1):
        candidate = partial.with_year(year)
        if candidate is None:
            continue
        gap = abs((candidate - base).days)
        if best_gap is None or gap < best_gap:
            best_year, best_gap = year, gap
    return best_year


def resolve_span(span: DateSpan, base: date | None) -> tuple[date | None, date | None]:
    """Concrete start and end dates; year-less spans need `base`, else both are None."""
    start, end = span.start, span.end
    if start.year is None:
        if base is None:
            return None, None
        year = nearest_year(start, base)
        start = replace(start, year=year)
        if end is not None:
            end_year = year + 1 if (end.month, end.day) < (start.month, start.day) else year
            end = replace(end, year=end_year)
    return start.to_date(), end.to_date() if end is not None else None


def parse_date_range(
    text: str, languages: list[str] | None = None, base: date | None = None
) -> tuple[date | None, date | None]:
    """First date or range in the text as (start, end); a single date gives (day, None)."""
    spans = find_date_spans(text, languages)
    if not spans:
        return None, None
    return resolve_span(spans[0], base)


def parse_date_string(
    text: str, languages: list[str] | None = None, base: datetime | None = None
) -> datetime | None:
    """One date or relative expression ("il y a 2 heures", "منذ يومين").

    Aware when the text names a zone or offset, naive (the writer's local time) otherwise.
    """
    if not text or not text.strip():
        return None
    settings: dict[str, object] = {}
    if base is not None:
        settings["RELATIVE_BASE"] = base.replace(tzinfo=None) if base.tzinfo else base
    # Always name the languages: without them dateparser tries every locale (about 28 ms a miss).
    return dateparser.parse(text, languages=list(languages or DEFAULT_LANGUAGES), settings=settings)
