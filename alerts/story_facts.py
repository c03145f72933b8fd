"""The language-neutral facts of a news text: figures, dates, years and the publication day.

Two reports of one story in different languages share few words but the same figures ("903 MDH",
"903 millions de dirhams", "٩٠٣ مليون درهم"), the same dates and the same years. Figures are keyed by
their significant digits, so the unit and the scale word drop out (1,5 milliard and 1 500 millions are
both "15") and the French, English and Arabic ways of writing decimals meet.
"""
from __future__ import annotations

import re
from datetime import date

from indexing.textnorm import fold as _fold

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w])(\s?[%٪])?")
_PERCENT_WORDS = re.compile(r"\s*(?:pour ?cent|percent|per cent|por ciento|(?:في\s+)?(?:ال|بال)م[اأئي]+[ةه])")
_DATELINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/_.]?(0[1-9]|1[0-2])[-/_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_DMY = re.compile(r"(?<!\d)(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-]((?:19|20)\d{2})(?!\d)")

MONTHS: dict[str, int] = {}  # folded names (see indexing.textnorm.fold): texts are folded first
for _number, _names in enumerate((
    "janvier january enero يناير جانفي كانون_الثاني jan",
    "fevrier february febrero فبراير فيفري شباط feb fev",
    "mars march marzo مارس اذار آذار mar",
    "avril april abril ابريل أبريل نيسان apr avr",
    "mai may mayo ماي مايو أيار ايار",
    "juin june junio يونيو يونيه جوان حزيران jun",
    "juillet july julio يوليوز يوليو جويلية تموز jul juil",
    "aout august agosto غشت أغسطس اغسطس اوت آب aug",
    "septembre september septiembre setiembre شتنبر سبتمبر ايلول أيلول sep sept",
    "octobre october octubre أكتوبر اكتوبر تشرين_الأول oct",
    "novembre november noviembre نونبر نوفمبر تشرين_الثاني nov",
    "decembre december diciembre دجنبر ديسمبر كانون_الأول dec",
), start=1):
    for _name in _names.split():
        MONTHS[_name.replace("_", " ")] = _number
        MONTHS[_fold(_name.replace("_", " "))] = _number
_MONTH_ALT = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
# "4 octobre 2024", "4 de octubre de 2024", "04 أكتوبر 2024", "le 9 au 14 décembre"
_DAY_MONTH = re.compile(rf"(?<!\d)(0?[1-9]|[12]\d|3[01])(?:er|st|nd|rd|th)?\.?\s+(?:de\s+)?({_MONTH_ALT})\b\.?(?:,?\s+(?:de\s+)?((?:19|20)\d{{2}}))?")
# "du 18 au 23 avril", "من 20 إلى 24 نونبر", "del 8 al 13 de diciembre": the first day of a range
_RANGE_START = re.compile(rf"(?<!\d)(0?[1-9]|[12]\d|3[01])(?:er)?\s*(?:au|a|-|–|to|and|et|al|y|الى|و|حتى)\s*(?:0?[1-9]|[12]\d|3[01])\s+(?:de\s+)?({_MONTH_ALT})\b")
# "October 4, 2024"
_MONTH_DAY = re.compile(rf"\b({_MONTH_ALT})\.?\s+(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d{{2}}))?")
# "octobre 2024", "September 2024"
_MONTH_YEAR = re.compile(rf"\b({_MONTH_ALT})\.?\s+(?:de\s+)?((?:19|20)\d{{2}})(?!\d)")
_YEAR = re.compile(r"(?<![\d])(?<!\d[.,])((?:19[5-9]|20[0-4])\d)(?!\d|[.,]\d)")


def ascii_digits(text: str) -> str:
    return text.translate(_DIGITS)


def prepare(text: str) -> str:
    """The form every function below reads: folded (lowercase, no accents), with ASCII digits."""
    return _fold(ascii_digits(text))


def figure_key(raw: str) -> str:
    """Significant digits of a written number: separators, leading and trailing zeros dropped."""
    return re.sub(r"\D", "", raw).strip("0") or "0"


def figures(text: str) -> set[str]:
    """Keys of the figures of a text, years and plain day numbers left out (they are dates, not facts).

    A percentage keeps a `%` mark so "11 %" and "11 في المائة" meet each other, and not "11 articles".
    """
    found: set[str] = set()
    for match in _NUMBER.finditer(text):
        raw = match.group(1)
        plain = raw.isdigit()
        if plain and (len(raw) == 4 and 1900 <= int(raw) <= 2100):
            continue
        key = figure_key(raw)
        percent = bool(match.group(2)) or bool(_PERCENT_WORDS.match(text, match.end()))
        if percent:
            found.add(key + "%")
        elif plain and int(raw) <= 31:
            continue
        else:
            found.add(key)
    return found


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def mentioned_days(text: str) -> set[str]:
    """Days a text names, as `MM-DD` (the year is often left out: "ce vendredi 4 octobre")."""
    days: set[str] = set()
    for match in _DAY_MONTH.finditer(text):
        days.add(f"{MONTHS[match.group(2).lower()]:02d}-{int(match.group(1)):02d}")
    for match in _RANGE_START.finditer(text):
        days.add(f"{MONTHS[match.group(2).lower()]:02d}-{int(match.group(1)):02d}")
    for match in _MONTH_DAY.finditer(text):
        days.add(f"{MONTHS[match.group(1).lower()]:02d}-{int(match.group(2)):02d}")
    for match in _ISO_DATE.finditer(text):
        days.add(f"{match.group(2)}-{match.group(3)}")
    for match in _DMY.finditer(text):
        days.add(f"{int(match.group(2)):02d}-{int(match.group(1)):02d}")
    return days


def mentioned_months(text: str) -> set[str]:
    """Months a text names with their year, as `YYYY-MM`."""
    months = {f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}" for m in _MONTH_YEAR.finditer(text)}
    for match in _DAY_MONTH.finditer(text):
        if match.group(3):
            months.add(f"{match.group(3)}-{MONTHS[match.group(2).lower()]:02d}")
    return months


def years(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text)}


def parse_published(value: str | None) -> tuple[date, int] | None:
    """A `YYYY-MM-DD`, `YYYY-MM` or ISO datetime, with its precision in days (1, or 31 for a month)."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not match:
        return None
    day = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 15))
    if day is None:
        return None
    return day, 1 if match.group(3) else 16


def dateline(text: str) -> tuple[date, int] | None:
    """The page date some stores put on a text's first line (` date 2025-10-14`)."""
    match = _DATELINE.match(text)
    if not match:
        return None
    day = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 15))
    return (day, 1 if match.group(3) else 16) if day else None


def url_date(url: str | None) -> tuple[date, int] | None:
    """A publication day written in an article's address (`/2024/10/04/`, `20241004`)."""
    if not url:
        return None
    for match in _ISO_DATE.finditer(url):
        day = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day is not None and 1995 <= day.year <= 2100:
            return day, 1
    return None


def text_date(text: str) -> tuple[date, int] | None:
    """A full date near the top of a text (a byline such as `01/01/2020` or `4 octobre, 2024`)."""
    head = prepare(text[:400])
    for match in _DMY.finditer(head):
        day = _safe_date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if day:
            return day, 1
    for match in _DAY_MONTH.finditer(head):
        if match.group(3):
            day = _safe_date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
            if day:
                return day, 1
    return None


def publication(published: str | None, text: str, url: str | None) -> tuple[date, int] | None:
    """The best known publication day and its uncertainty in days."""
    return parse_published(published) or dateline(text) or url_date(url) or text_date(text)


def day_gap(a: tuple[date, int] | None, b: tuple[date, int] | None) -> float | None:
    """Days between two publication dates, less their imprecision (0 when the intervals overlap)."""
    if a is None or b is None:
        return None
    return max(0.0, abs((a[0] - b[0]).days) - (a[1] - 1) - (b[1] - 1))


WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate((
    "lundi monday lunes الاثنين الإثنين",
    "mardi tuesday martes الثلاثاء",
    "mercredi wednesday miercoles الأربعاء",
    "jeudi thursday jueves الخميس",
    "vendredi friday viernes الجمعة",
    "samedi saturday sabado السبت",
    "dimanche sunday domingo الأحد",
)):
    for _name in _names.split():
        WEEKDAYS[_fold(_name)] = _number
_WEEKDAY = re.compile(r"(?<!\w)(?:[وب]?)(" + "|".join(map(re.escape, WEEKDAYS)) + r")(?!\w)")


def weekdays(text: str) -> set[int]:
    """Days of the week a (prepared) text names: "ce mercredi", "este viernes", "يوم الجمعة"."""
    return {WEEKDAYS[m.group(1)] for m in _WEEKDAY.finditer(text)}


# An announcement of an event and the report of the event share its names, figures and dates; what
# differs is the tense of the lead. Unambiguous future forms in the headline or first lines mark a preview.
_PREVIEW = re.compile(
    r"(?<!\w)(?:s['’]appret\w*|aura lieu|auront lieu|se tiendra|se tiendront|accueillera|ouvrira ses portes|"
    r"prevue? (?:du|le|les|pour)|seront examine\w*|sera examine\w*|"
    r"to be held|is set to|are set to|will be held|will take place|"
    r"se celebrara|acogera|tendra lugar|se llevara a cabo|"
    r"تستعد|يستعد|ستنظم|سينظم|ستحتضن|سيحتضن|ستعقد|سيعقد|ستقام|سيقام|ستنطلق|سينطلق|المرتقب\w*)(?!\w)")
LEAD_CHARS = 400


def is_preview(title: str | None, body: str) -> bool:
    """Whether the headline or the lead speaks of the event in the future."""
    return bool(_PREVIEW.search(prepare(f"{title or ''}\n{body[:LEAD_CHARS]}")))
