from __future__ import annotations

from datetime import datetime, timezone

from extract_fixtures import expected, page
from spiders.extract.feeds import parse_feed, parse_feed_date


def test_feed_entries() -> None:
    want = expected("feed_fr.rss")
    entries = parse_feed(page("feed_fr.rss"), want["url"])
    assert len(entries) == len(want["entries"])
    for entry, wanted in zip(entries, want["entries"]):
        assert entry.title == wanted["title"]
        assert entry.link == wanted["link"]
        assert entry.published == datetime.fromisoformat(wanted["published"])
        assert entry.summary == wanted["summary"]
        assert entry.language == wanted["language"]
    assert "alert" not in (entries[0].summary or "")
    assert entries[0].author and "Salma Bennani" in entries[0].author


def test_feed_dates() -> None:
    assert parse_feed_date("Thu, 01 Jan 2004 19:48:21 GMT") == datetime(2004, 1, 1, 19, 48, 21, tzinfo=timezone.utc)
    assert parse_feed_date("2003-12-31T18:14:55+08:00") == datetime(2003, 12, 31, 10, 14, 55, tzinfo=timezone.utc)
    assert parse_feed_date("2003-12-31T10:61:55Z") is None
    assert parse_feed_date("Fri,24 Nov 2023 18:28:36 -0000") == datetime(2023, 11, 24, 18, 28, 36, tzinfo=timezone.utc)


def test_broken_feed() -> None:
    entries = parse_feed(b"<rss><channel><item><title>x</title><link>http://a.example/1</link></item><item><title>y", None)
    assert entries[0].title == "x" and entries[0].link == "http://a.example/1"
    assert parse_feed(b"", None) == []
