"""The .ics export carries what an artisan's calendar needs: status, official site, organizer, deadline."""
from __future__ import annotations

from datetime import date

from icalendar import Calendar

from alerts.ical import fairs_to_ics
from indexing.models import TradeFair


def _event(**fields: object):  # type: ignore[no-untyped-def]
    fair = TradeFair(url="https://salons.example.ma/tapis", source="salons", name="Salon du Tapis",
                     start_date=date(2027, 3, 4), end_date=date(2027, 3, 8), city="Rabat", country="MA",
                     **fields)  # type: ignore[arg-type]
    calendar = Calendar.from_ical(fairs_to_ics([fair]))
    return next(c for c in calendar.walk() if c.name == "VEVENT")


def test_status_site_organizer_and_deadline_are_in_the_event() -> None:
    event = _event(status="postponed", website="https://tapis.example.ma", organizer="Chambre d'artisanat",
                   registration_deadline=date(2027, 1, 15), edition=12)
    assert str(event["status"]) == "TENTATIVE"
    assert str(event["url"]) == "https://tapis.example.ma"
    description = str(event["description"])
    assert "Chambre d'artisanat" in description and "2027-01-15" in description
    assert "https://salons.example.ma/tapis" in description
    assert str(event["x-veille-edition"]) == "12"


def test_a_cancelled_fair_is_cancelled_in_the_calendar() -> None:
    assert str(_event(status="cancelled")["status"]) == "CANCELLED"
    assert str(_event()["status"]) == "CONFIRMED"
