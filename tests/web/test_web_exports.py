"""CSV, JSON and iCalendar downloads of the current filters."""
from __future__ import annotations

import csv
import io

import httpx
import pytest
import web_corpus
from icalendar import Calendar

from web.exports import csv_text, safe_cell

pytestmark = pytest.mark.timeout(60)


def csv_rows(response: httpx.Response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_export_has_every_matching_row_not_just_the_page(client: httpx.Client) -> None:
    response = client.get("/search", params={"q": "tapis", "per_page": "2", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith('attachment; filename="veille-search-')
    rows = csv_rows(response)
    total = client.get("/api/search", params={"q": "tapis"}).json()["total"]
    assert len(rows) == total > 2
    assert {"Le tapis berbère séduit les acheteurs européens", "Tapis Beni Ouarain 200x300"} <= {r["title"] for r in rows}


def test_csv_export_alias_and_filters(client: httpx.Client) -> None:
    rows = csv_rows(client.get("/export.csv", params={"kind": "offer", "currency": "EUR", "sort": "-price"}))
    assert [r["title"] for r in rows][:2] == ["Tapis Beni Ouarain 200x300", "Tapis berbère kilim 150x200"]
    kilim = next(r for r in rows if r["title"] == "Tapis berbère kilim 150x200")
    assert (kilim["shop"], kilim["currency"], kilim["price"], kilim["price_mad"]) == ("Berber Home", "EUR", "390", "4141.80")


def test_csv_neutralises_formula_injection(client: httpx.Client) -> None:
    rows = csv_rows(client.get("/news", params={"format": "csv", "q": "alerte"}))
    hostile = next(r for r in rows if "Alerte sur les prix du cuir" in r["title"])
    assert hostile["title"].startswith("<script>")
    assert safe_cell("=HYPERLINK(\"http://evil\")") == "'=HYPERLINK(\"http://evil\")"
    for dangerous in ("=1+1", "+33 6", "-2+3", "@SUM(A1)", "\tcmd", "\rx"):
        assert safe_cell(dangerous).startswith("'")
    assert safe_cell("Tapis =") == "Tapis ="
    text = csv_text([{"title": "=cmd|' /C calc'!A0", "crafts": ["tapis", "cuir"]}])
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["title"] == "'=cmd|' /C calc'!A0" and row["crafts"] == "tapis, cuir"


def test_json_export_of_the_price_list(client: httpx.Client) -> None:
    response = client.get("/prices", params={"craft": "cuir", "format": "json"})
    body = response.json()
    assert response.headers["content-disposition"].endswith('.json"')
    assert body["total"] == body["exported"] == 2
    assert {r["shop"] for r in body["results"]} == {"Atelier Atlas", "Souk Design"}
    assert all(r["kind"] == "offer" for r in body["results"])


def test_ics_export_follows_the_calendar_filter(client: httpx.Client) -> None:
    response = client.get("/fairs.ics", params={"country": "DE"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.text.startswith("BEGIN:VCALENDAR")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == ["Ambiente Frankfurt", "Heimtextil Frankfurt"]
    ambiente = next(e for e in events if str(e["SUMMARY"]) == "Ambiente Frankfurt")
    fair = web_corpus.fairs()[1]
    assert ambiente["DTSTART"].dt == fair.start_date
    assert ambiente["DTEND"].dt == fair.end_date.fromordinal(fair.end_date.toordinal() + 1)  # DTEND is exclusive
    assert str(ambiente["UID"]) == f"{fair.id}@veille"
    assert "\r\n" in response.text  # RFC 5545 line endings


def test_ics_of_no_fair_is_still_a_valid_calendar(client: httpx.Client) -> None:
    response = client.get("/fairs.ics", params={"country": "JP"})
    calendar = Calendar.from_ical(response.content)
    assert calendar.walk("VEVENT") == [] and str(calendar["VERSION"]) == "2.0"
