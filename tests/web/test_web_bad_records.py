"""A stored record that is no longer a valid document (a fair in 9999 or in year 1, a negative price)
is skipped, logged and counted: every page, export, feed and email still answers for everyone."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from alerts.digest import build_digest, iso_week
from alerts.ical import fairs_to_ics
from alerts.service import upcoming_fairs
from config import load_settings
from indexing.models import NewsArticle, Offer, TradeFair
from web.app import create_app
from web_support import LiveServer, bearer

pytestmark = pytest.mark.timeout(90)
TODAY = date.today()
SOON = TODAY + timedelta(days=40)
GOOD_FAIRS = ("Salon du Zellige", "Foire du Tapis")


def good_documents() -> list[Any]:
    return [
        TradeFair(url="http://good.example/f/1", source="good", name=GOOD_FAIRS[0], start_date=SOON, end_date=SOON + timedelta(days=3),
                  city="Fès", country="MA"),
        TradeFair(url="http://good.example/f/2", source="good", name=GOOD_FAIRS[1], start_date=SOON + timedelta(days=9), country="FR"),
        NewsArticle(url="http://good.example/n/1", source="good", title="Le tapis berbère à Paris", text="Un tapis. " * 20,
                    published_at=datetime.now(timezone.utc) - timedelta(days=1), language="fr"),
        Offer(url="http://good.example/p/1", source="good", name="Tapis kilim", shop="Good", price=Decimal("120"), currency="EUR",
              price_mad=Decimal("1300"), price_eur=Decimal("120")),
    ]


def bad_documents() -> list[Any]:
    """Stored as they are, past every validator, as an older version or a hand edit could have left them."""
    return [
        TradeFair.model_construct(url="http://hostile.example/f/9999", source="hostile", name="Salon de la fin des temps",
                                  start_date=date(9999, 12, 31), end_date=date(9999, 12, 31), crafts=[], countries=[],
                                  sources=[], first_seen=datetime.now(timezone.utc), description=None, city=None,
                                  country=None, venue=None, organizer=None, registration_deadline=None, language=None,
                                  changed_at=None),
        TradeFair.model_construct(url="http://hostile.example/f/1", source="hostile", name="Salon de l'an un",
                                  start_date=date(1, 1, 1), end_date=None, crafts=[], countries=[], sources=[],
                                  first_seen=datetime.now(timezone.utc), description=None, city=None, country=None,
                                  venue=None, organizer=None, registration_deadline=None, language=None, changed_at=None),
        Offer.model_construct(url="http://hostile.example/p/1", source="hostile", name="Tapis négatif", shop="Hostile",
                              price=Decimal("-50"), currency="EUR", price_mad=None, price_eur=None, crafts=[], countries=[],
                              first_seen=datetime.now(timezone.utc), observed_at=datetime.now(timezone.utc),
                              availability=None, sku=None, brand=None, description=None, language=None),
    ]


@pytest.fixture
def hostile_site(backend, tmp_path: Path) -> Iterator[tuple[str, Any]]:  # type: ignore[no-untyped-def]
    backend.index(good_documents() + bad_documents())
    backend.refresh()
    settings = load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var"), "VEILLE_SECRET_KEY": "bad-records-secret-0123456789", "VEILLE_PUBLIC": "all",
                              "VEILLE_SOURCES": str(tmp_path / "none.yaml")})
    server = LiveServer(create_app(settings, backend))
    server.start()
    try:
        yield server.url, backend
    finally:
        server.stop()


def test_pages_exports_and_calendar_answer_and_skip_only_the_bad_records(hostile_site: tuple[str, Any]) -> None:
    url, backend = hostile_site
    with httpx.Client(base_url=url, timeout=20, headers=bearer(backend)) as http:  # /crawls is for advisors
        for path in ("/search?q=salon", "/search?q=tapis", "/fairs", "/prices", "/news", "/search?q=tapis&kind=offer"):
            response = http.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            assert "fin des temps" not in response.text and "Tapis négatif" not in response.text
        fairs = BeautifulSoup(http.get("/fairs").text, "html.parser").get_text()
        assert all(name in fairs for name in GOOD_FAIRS)
        ics = http.get("/fairs.ics")
        assert ics.status_code == 200
        events = Calendar.from_ical(ics.content).walk("VEVENT")
        assert sorted(str(e["SUMMARY"]) for e in events) == sorted(GOOD_FAIRS)
        rows = list(csv.DictReader(io.StringIO(http.get("/search", params={"kind": "fair", "format": "csv"}).content.decode("utf-8-sig"))))
        assert sorted(r["title"] for r in rows) == sorted(GOOD_FAIRS)
        exported = json.loads(http.get("/prices", params={"format": "json"}).content)
        assert [r["name"] for r in exported["results"]] == ["Tapis kilim"]
        health = http.get("/health").json()
        assert health["bad_input"]["hostile"]["skipped_stored_records"] == 3, health["bad_input"]
        crawls = BeautifulSoup(http.get("/crawls", params={"lang": "en"}).text, "html.parser")
        row = [td.get_text() for td in crawls.select("#bad-input tbody tr")[0].select("td")]
        assert crawls.select_one("#bad-input tbody th").get_text() == "hostile" and row[2] == "3"


def test_alerts_and_digest_skip_the_bad_records(hostile_site: tuple[str, Any]) -> None:
    _, backend = hostile_site
    assert sorted(f.name for f in upcoming_fairs(backend, TODAY)) == sorted(GOOD_FAIRS)
    digest = build_digest(backend, iso_week(TODAY), TODAY)
    assert sorted(f.name for f in digest.upcoming) == sorted(GOOD_FAIRS)


def test_the_calendar_writer_skips_a_fair_it_cannot_write() -> None:
    fairs = [*good_documents()[:2], bad_documents()[0]]
    events = Calendar.from_ical(fairs_to_ics(fairs)).walk("VEVENT")  # 9999-12-31 + 1 day overflows
    assert sorted(str(e["SUMMARY"]) for e in events) == sorted(GOOD_FAIRS)
