"""iCalendar (RFC 5545) export of fairs, attached to alerts and offered by the UI."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Iterable

from icalendar import Calendar, Event

from indexing.models import TradeFair, now_utc

log = logging.getLogger(__name__)
# RFC 5545 STATUS of a VEVENT has no "postponed": a postponed edition is tentative until new dates come.
_ICAL_STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "online": "CONFIRMED",
                "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


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
    event.add("status", _ICAL_STATUS[fair.status])
    if fair.status == "online":
        event.add("categories", ["ONLINE"])
    if fair.website or fair.url:
        event.add("url", fair.website or fair.url)
    if fair.organizer:
        event.add("x-veille-organizer", fair.organizer)
    if fair.edition:
        event.add("x-veille-edition", str(fair.edition))
    notes = [fair.description[:2000]] if fair.description else []
    if fair.organizer:
        notes.append(f"Organizer: {fair.organizer}")
    if fair.registration_deadline:
        notes.append(f"Registration deadline: {fair.registration_deadline.isoformat()}")
    if fair.website and fair.url and fair.website != fair.url:
        notes.append(f"Source: {fair.url}")
    if notes:
        event.add("description", "\n\n".join(notes))
    return event
