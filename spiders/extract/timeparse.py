"""Machine-written timestamps (ISO 8601, RFC 822, schema.org values) to aware datetimes."""
from __future__ import annotations

import re
import warnings
from datetime import date, datetime, time, timezone
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser
from dateutil.parser import ParserError

from indexing.plausibility import published_problem

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_COMPACT_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SHORT_SECONDS = re.compile(r"(T\d{2}:\d{2}):(\d)(?=\D|$)")
_TIME_OF_DAY = re.compile(r"\d:\d{2}")


def parse_timestamp(value: object, published: bool = True) -> datetime | None:
    """An aware datetime as written (its own offset kept; naive values and bare days taken as UTC); with
    `published`, only inside the publication window (indexing.plausibility), else any moment (an event's
    day is checked by the fair rules)."""
    return as_aware(parse_as_written(value, published))


def parse_as_written(value: object, published: bool = True) -> datetime | date | None:
    """The timestamp exactly as precise as the text: aware when it names an offset, naive when it
    gives a time without one, a `date` when it gives only a day."""
    if isinstance(value, (datetime, date)):
        return value if _allowed(value, published) else None
    if not isinstance(value, str):
        return None
    text = value.strip()[:64]
    if not text or not any(c.isdigit() for c in text):
        return None
    parsed = _parse_iso(text) or _parse_rfc822(text) or _parse_loose(text)
    if parsed is None or not _allowed(parsed, published):
        return None
    if parsed.tzinfo is None and not _TIME_OF_DAY.search(text) and parsed.time() == time(0):
        return parsed.date()
    return parsed


def _allowed(moment: datetime | date, published: bool) -> bool:
    aware = as_aware(moment)
    return aware is not None and (not published or published_problem(aware) is None)


def as_aware(moment: datetime | date | None) -> datetime | None:
    """A sortable instant: naive times and bare days are read as UTC."""
    if moment is None:
        return None
    if not isinstance(moment, datetime):
        return datetime(moment.year, moment.month, moment.day, tzinfo=timezone.utc)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _parse_iso(text: str) -> datetime | None:
    candidate = text.replace(" ", "T", 1) if _ISO_DAY.match(text) else text
    candidate = _SHORT_SECONDS.sub(r"\1:0\2", candidate.replace("Z", "+00:00"))
    candidate = _COMPACT_OFFSET.sub(r"\1:\2", candidate)
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        match = _ISO_DAY.match(text)
        if match:
            try:
                return datetime(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
        return None


def _parse_rfc822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _parse_loose(text: str) -> datetime | None:
    # dateutil fills a missing year/month/day from today: "12:30" would become today.
    if not _YEAR.search(text):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names ("IST") fall back to UTC below
            return dateutil_parser.parse(text, fuzzy=False)
    except (ValueError, OverflowError, TypeError, ParserError):
        return None


def to_utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(timezone.utc) if moment else None
