"""Date helpers: every date shown on the demo sites is ``today + offset``.

Pages are templates; they never contain a literal date.  They call a
:class:`DateKit` bound to the server's ``today`` to render a day offset in
the language and format real sites use.
"""
from __future__ import annotations

import datetime as _dt
from email.utils import format_datetime

MOROCCO_TZ = _dt.timezone(_dt.timedelta(hours=1))  # Morocco: UTC+1

FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
             "août", "septembre", "octobre", "novembre", "décembre"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
EN_ABBR = [m[:3] for m in EN_MONTHS]
DE_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
             "August", "September", "Oktober", "November", "Dezember"]
ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
             "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
# Modern Standard Arabic month names (as used in Moroccan official
# communication alongside the Maghreb names below).
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
             "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
# Moroccan (Maghreb) month names, used by the Arabic pages of the news site.
AR_MONTHS_MA = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز",
                "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]

LANGS = ("fr", "en", "ar", "ar-ma", "de", "es", "num")


def _fr_day(d: _dt.date) -> str:
    return "1er" if d.day == 1 else str(d.day)


def format_date(d: _dt.date, lang: str) -> str:
    """A single day written the way a site in ``lang`` writes it."""
    if lang == "fr":
        return f"{_fr_day(d)} {FR_MONTHS[d.month - 1]} {d.year}"
    if lang == "en":
        return f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}"
    if lang == "en-short":
        return f"{EN_ABBR[d.month - 1]} {d.day}, {d.year}"
    if lang == "ar":
        return f"{d.day} {AR_MONTHS[d.month - 1]} {d.year}"
    if lang == "ar-ma":
        return f"{d.day} {AR_MONTHS_MA[d.month - 1]} {d.year}"
    if lang == "de":
        return f"{d.day}. {DE_MONTHS[d.month - 1]} {d.year}"
    if lang == "es":
        return f"{d.day} de {ES_MONTHS[d.month - 1]} de {d.year}"
    if lang == "num":
        return d.strftime("%d/%m/%Y")
    if lang == "iso":
        return d.isoformat()
    raise ValueError(f"unknown date language {lang!r}")


def format_range(a: _dt.date, b: _dt.date, lang: str) -> str:
    """A date range, e.g. fr "du 16 au 20 janvier 2027", en "Jan 16-20, 2027",
    de "16.–20. Januar 2027", es "del 16 al 20 de enero de 2027",
    ar "من 16 إلى 20 يناير 2027", num "16-20/01/2027"."""
    same_year = a.year == b.year
    same_month = same_year and a.month == b.month
    if lang == "fr":
        if same_month:
            return f"du {_fr_day(a)} au {b.day} {FR_MONTHS[b.month - 1]} {b.year}"
        if same_year:
            return (f"du {_fr_day(a)} {FR_MONTHS[a.month - 1]} au "
                    f"{_fr_day(b)} {FR_MONTHS[b.month - 1]} {b.year}")
        return f"du {format_date(a, 'fr')} au {format_date(b, 'fr')}"
    if lang == "en":
        if same_month:
            return f"{EN_ABBR[a.month - 1]} {a.day}-{b.day}, {b.year}"
        if same_year:
            return f"{EN_ABBR[a.month - 1]} {a.day} - {EN_ABBR[b.month - 1]} {b.day}, {b.year}"
        return f"{format_date(a, 'en-short')} - {format_date(b, 'en-short')}"
    if lang in ("ar", "ar-ma"):
        months = AR_MONTHS if lang == "ar" else AR_MONTHS_MA
        if same_month:
            return f"من {a.day} إلى {b.day} {months[b.month - 1]} {b.year}"
        if same_year:
            return f"من {a.day} {months[a.month - 1]} إلى {b.day} {months[b.month - 1]} {b.year}"
        return f"من {format_date(a, lang)} إلى {format_date(b, lang)}"
    if lang == "de":
        if same_month:
            return f"{a.day}.–{b.day}. {DE_MONTHS[b.month - 1]} {b.year}"
        if same_year:
            return f"{a.day}. {DE_MONTHS[a.month - 1]} – {b.day}. {DE_MONTHS[b.month - 1]} {b.year}"
        return f"{format_date(a, 'de')} – {format_date(b, 'de')}"
    if lang == "es":
        if same_month:
            return f"del {a.day} al {b.day} de {ES_MONTHS[b.month - 1]} de {b.year}"
        if same_year:
            return (f"del {a.day} de {ES_MONTHS[a.month - 1]} al "
                    f"{b.day} de {ES_MONTHS[b.month - 1]} de {b.year}")
        return f"del {format_date(a, 'es')} al {format_date(b, 'es')}"
    if lang == "num":
        if same_month:
            return f"{a.day:02d}-{b.day:02d}/{b.month:02d}/{b.year}"
        if same_year:
            return f"{a.day:02d}/{a.month:02d}-{b.day:02d}/{b.month:02d}/{b.year}"
        return f"{a:%d/%m/%Y}-{b:%d/%m/%Y}"
    raise ValueError(f"unknown date language {lang!r}")


def format_month(d: _dt.date, lang: str) -> str:
    if lang == "fr":
        return f"{FR_MONTHS[d.month - 1]} {d.year}"
    if lang == "en":
        return f"{EN_MONTHS[d.month - 1]} {d.year}"
    if lang == "ar":
        return f"{AR_MONTHS[d.month - 1]} {d.year}"
    if lang == "de":
        return f"{DE_MONTHS[d.month - 1]} {d.year}"
    if lang == "es":
        return f"{ES_MONTHS[d.month - 1]} de {d.year}"
    raise ValueError(lang)


class DateKit:
    """Bound to one ``today``; used from templates as ``dk``."""

    def __init__(self, today: _dt.date):
        self.today = today

    def day(self, offset: int) -> _dt.date:
        return self.today + _dt.timedelta(days=offset)

    def date(self, offset: int, lang: str = "fr") -> str:
        return format_date(self.day(offset), lang)

    def range(self, start: int, end: int, lang: str = "fr") -> str:
        return format_range(self.day(start), self.day(end), lang)

    def month(self, offset: int, lang: str = "fr") -> str:
        return format_month(self.day(offset), lang)

    def year(self, offset: int = 0) -> int:
        return self.day(offset).year

    def iso(self, offset: int) -> str:
        return self.day(offset).isoformat()

    def dt(self, offset: int, hour: int = 9, minute: int = 0) -> _dt.datetime:
        d = self.day(offset)
        return _dt.datetime(d.year, d.month, d.day, hour, minute, tzinfo=MOROCCO_TZ)

    def iso_dt(self, offset: int, hour: int = 9, minute: int = 0) -> str:
        return self.dt(offset, hour, minute).isoformat()

    def rfc822(self, offset: int, hour: int = 9, minute: int = 0) -> str:
        return format_datetime(self.dt(offset, hour, minute))

    def ical(self, offset: int) -> str:
        return self.day(offset).strftime("%Y%m%d")
