"""Property tests of what leaves by email: for any fair that passes validation (hostile names, places,
descriptions, URLs), the alert renders, its headers are single lines, its HTML is inert and its .ics
attachment parses; the calendar writer survives any stored fair, even at the ends of the calendar."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from icalendar import Calendar
from pydantic import ValidationError

from alerts.ical import fairs_to_ics
from alerts.messages import salon_alert_message
from alerts.subscriptions import Subscription
from alerts.tokens import TokenSigner
from config import load_settings
from hostile import BUDGET, LINKS, NAMES, assert_inert_html
from indexing.models import TradeFair

pytestmark = pytest.mark.timeout(300)
SETTINGS = load_settings({"VEILLE_VAR_DIR": str(Path("/nonexistent-var")), "VEILLE_BASE_URL": "http://127.0.0.1:8000"})
SIGNER = TokenSigner("property-tests-secret-0123456789")
ANY_DAY = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@st.composite
def valid_fairs(draw: st.DrawFn) -> TradeFair:
    start = draw(st.dates(min_value=date.today(), max_value=date.today() + timedelta(days=3000)))
    try:
        return TradeFair(url=draw(st.sampled_from(["http://fairs.example/a", "https://fairs.example/b?x=<script>"])),
                         source="hostile", name=draw(NAMES), start_date=start,
                         end_date=start + timedelta(days=draw(st.integers(0, 62))), city=draw(st.one_of(st.none(), NAMES)),
                         venue=draw(st.one_of(st.none(), NAMES)), description=draw(st.one_of(st.none(), NAMES)),
                         country=draw(st.sampled_from([None, "MA", "FR"])))
    except ValidationError:
        assume(False)
        raise


@BUDGET
@given(st.lists(valid_fairs(), min_size=1, max_size=3), st.sampled_from(["fr", "ar", "en"]))
def test_salon_alerts_render_well_formed_and_inert(fairs: list[TradeFair], language: str) -> None:
    sub = Subscription(kind="salon", email="artisan@example.ma", name="Artisan", language=language, confirmed=True)
    message = salon_alert_message(sub, [(f, "new") for f in fairs], SETTINGS, SIGNER, key="k")
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    for name in ("Subject", "To", "From", "Message-ID"):
        values = parsed.get_all(name) or []
        assert len(values) == 1 and "\n" not in str(values[0]) and "\r" not in str(values[0])
    assert parsed.get_all("Bcc") is None
    html = parsed.get_body(("html",))
    assert html is not None
    assert_inert_html(html.get_content())
    attachment = next(p for p in parsed.iter_attachments() if p.get_content_type() == "text/calendar")
    events = Calendar.from_ical(attachment.get_payload(decode=True)).walk("VEVENT")
    assert len(events) == len(fairs)


@st.composite
def stored_fairs(draw: st.DrawFn) -> TradeFair:
    """Any fair a store may hold, valid or not: built past the validators."""
    start = draw(ANY_DAY)
    return TradeFair.model_construct(
        url=draw(LINKS), source="hostile", name=draw(NAMES), start_date=start, end_date=draw(st.one_of(st.none(), ANY_DAY)),
        city=draw(st.one_of(st.none(), NAMES)), country=None, venue=draw(st.one_of(st.none(), NAMES)), organizer=None,
        registration_deadline=None, description=draw(st.one_of(st.none(), NAMES)), language=None, sources=[], crafts=[],
        countries=[], first_seen=datetime.now(timezone.utc), changed_at=None)


@BUDGET
@given(st.lists(stored_fairs(), max_size=4))
def test_the_calendar_writer_survives_any_stored_fair(fairs: list[TradeFair]) -> None:
    data = fairs_to_ics(fairs)
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) <= len(fairs)
    unfolded = data.decode("utf-8").replace("\r\n ", "").split("\r\n")
    known = ("BEGIN", "END", "PRODID", "VERSION", "X-WR-CALNAME", "UID", "DTSTAMP", "SUMMARY", "DTSTART", "DTEND",
             "LOCATION", "URL", "DESCRIPTION", "STATUS", "CATEGORIES", "X-VEILLE-ORGANIZER", "X-VEILLE-EDITION", "")
    assert all(line.split(":", 1)[0].split(";", 1)[0] in known for line in unfolded), unfolded  # no injected property
