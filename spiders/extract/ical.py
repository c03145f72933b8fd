"""iCalendar (.ics) files of fair calendars -> fairs (icalendar)."""
from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

import icalendar

from spiders.extract.fair_vocab import city_by_name, find_cities, find_venues
from spiders.extract.textutil import one_line

_LOG = logging.getLogger(__name__)
MAX_ICS_BYTES = 5_000_000


def ical_events(data: bytes) -> list[dict[str, object]]:
    """Plain fields of every VEVENT: summary, start, end (inclusive days), location, url, description."""
    try:
        calendar = icalendar.Calendar.from_ical(data[:MAX_ICS_BYTES])
    except (ValueError, IndexError, KeyError):
        _LOG.warning("unreadable iCalendar data")
        return []
    events = []
    for component in calendar.walk("VEVENT"):
        start = _day(component.get("DTSTART"))
        end = _day(component.get("DTEND"))
        if end is not None and start is not None and _is_all_day(component.get("DTEND")) and end > start:
            end -= timedelta(days=1)  # DTEND of all-day events is exclusive
        events.append({
            "summary": one_line(str(component.get("SUMMARY") or "")),
            "start": start,
            "end": end,
            "location": one_line(str(component.get("LOCATION") or "")),
            "url": str(component.get("URL") or "") or None,
            "description": one_line(str(component.get("DESCRIPTION") or "")),
        })
    return events


def _dt(prop: object) -> object:
    """The value of a date property; None when the property is broken ('DTSTART;VALUE=DATE:' with no day)."""
    try:
        return getattr(prop, "dt", None)
    except Exception:  # noqa: BLE001 - icalendar raises its own errors on access to a broken property
        return None


def _day(prop: object) -> date | None:
    value = _dt(prop)
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _is_all_day(prop: object) -> bool:
    value = _dt(prop)
    return isinstance(value, date) and not isinstance(value, datetime)


def place_of(location: str) -> tuple[str | None, str | None, str | None]:
    """(venue, city, country) from a LOCATION line such as 'Paris Nord Villepinte, Paris, France'."""
    if not location:
        return None, None, None
    venues = find_venues(location)
    if venues:
        venue = venues[0]
        city = venue.entry.city  # type: ignore[union-attr]
        return venue.surface, city.name, city.country
    cities = find_cities(location)
    if cities:
        city = cities[0].entry
        head = location[: cities[0].begin].strip(" ,-")
        return head or None, city.name, city.country  # type: ignore[union-attr]
    first = location.split(",")[0].strip()
    known = city_by_name(first)
    return (None, known.name, known.country) if known else (first or None, None, None)
