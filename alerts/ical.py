"""iCalendar (RFC 5545) export of fairs, attached to alerts and offered by the UI."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Iterable

from icalendar import Calendar, Event

from indexing.models import TradeFair, now_utc

log = logging.getLogger(__name__)


def fairs_to_ics(fairs: Iterable[TradeFair], name: str = "veille – salons") -> bytes:
    """The calendar of the fairs; a fair that cannot be written (a day at the end of the calendar) is
    skipped and logged, and the others are still exported."""
    cal = Calendar()
    cal.add("prodid", "-//veille//salons//FR")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    stamp = now_utc()
    for fair in fairs:
        try:
            cal.add_component(fair_event(fair, stamp))
        except (ValueError, OverflowError, TypeError) as exc:
            log.warning("skipped fair %s in a calendar export: %s", fair.id[:100], exc)
    return cal.to_ical()


def fair_event(fair: TradeFair, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{fair.id}@veille")
    event.add("dtstamp", stamp)
    event.add("summary", fair.name)
    event.add("dtstart", fair.start_date)
    event.add("dtend", (fair.end_date or fair.start_date) + timedelta(days=1))  # DTEND is exclusive
    location = ", ".join(p for p in (fair.venue, fair.city, fair.country) if p)
    if location:
        event.add("location", location)
    if fair.url:
        event.add("url", fair.url)
    if fair.description:
        event.add("description", fair.description[:2000])
    return event
