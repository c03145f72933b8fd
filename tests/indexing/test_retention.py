"""Retention on both backends: each rule removes what is past its window and touches nothing inside it."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from email.message import EmailMessage

from alerts.delivery import DeliveryLog, record_id
from indexing.indexer import Indexer
from indexing.models import NewsArticle, PriceObservation, TradeFair
from indexing.retention import RetentionPolicy, apply_retention, months_before, weekly_thinning

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def article(slug: str, published: datetime) -> NewsArticle:
    return NewsArticle(url=f"https://news.example.ma/{slug}", source="news", language="fr", title=f"Article {slug}",
                       text="Les coopératives de tapis exportent vers l'Europe.", published_at=published)


def observation(offer: str, at: datetime, price: str) -> PriceObservation:
    return PriceObservation(offer_id=offer, observed_at=at, price=Decimal(price), currency="MAD",
                            price_mad=Decimal(price), price_eur=Decimal(price) / 10)


def test_weekly_thinning_keeps_the_last_observation_of_each_week() -> None:
    monday = datetime(2025, 3, 3, 9, tzinfo=timezone.utc)
    keys = [("a", monday), ("a", monday + timedelta(days=2)), ("a", monday + timedelta(days=6, hours=14)),
            ("a", monday + timedelta(days=7)), ("b", monday)]
    assert weekly_thinning(keys) == [("a", monday), ("a", monday + timedelta(days=2))]


def test_old_news_goes_and_everything_inside_the_window_stays(backend) -> None:  # type: ignore[no-untyped-def]
    cutoff = months_before(NOW, 24)
    old = [article(f"old-{i}", cutoff - timedelta(days=1 + i)) for i in range(3)]
    kept = [article("edge", cutoff + timedelta(hours=1)), article("recent", NOW - timedelta(days=2))]
    fair = TradeFair(url="https://fairs.example.ma/old", source="fairs", name="Salon ancien",
                     start_date=date(2020, 5, 1), city="Fès", country="MA")
    Indexer(backend).upsert([*old, *kept, fair])
    backend.refresh()
    report = apply_retention(backend, RetentionPolicy(news_months=24, thin_prices_after_days=0, delivery_months=0), NOW)
    assert report.news_deleted == 3
    assert backend.count("news") == 2 and {d.id for d in kept} <= set(backend.get_many([d.id for d in kept]))
    assert backend.count("fair") == 1  # fairs are the sector's memory: never deleted
    assert apply_retention(backend, RetentionPolicy(24, 0, 0), NOW).news_deleted == 0


def test_price_history_is_thinned_only_past_a_year(backend) -> None:  # type: ignore[no-untyped-def]
    old_monday = datetime(2025, 1, 6, 8, tzinfo=timezone.utc)
    old = [observation("offer-1", old_monday + timedelta(days=d), str(100 + d)) for d in range(7)]
    recent = [observation("offer-1", NOW - timedelta(days=d), str(200 + d)) for d in range(1, 5)]
    backend.add_observations(old + recent)
    backend.refresh()
    report = apply_retention(backend, RetentionPolicy(news_months=0, thin_prices_after_days=365, delivery_months=0), NOW)
    backend.refresh()
    assert report.observations_deleted == 6
    history = backend.price_history("offer-1")
    assert [o.price for o in history] == [Decimal("106"), *[o.price for o in sorted(recent, key=lambda o: o.observed_at)]]


def _message(subject: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = "veille@example.ma"
    message["Message-ID"] = f"<{subject}@veille>"
    message.set_content("Bonjour")
    return message


def test_old_deliveries_keep_their_key_but_lose_their_body(backend) -> None:  # type: ignore[no-untyped-def]
    log = DeliveryLog(backend)
    log.enqueue("sub-1:fair-a:v1", "alert", "a@example.ma", lambda: _message("old"))
    log.enqueue("sub-1:fair-b:v1", "alert", "a@example.ma", lambda: _message("new"))
    for record in log.records("queued"):
        updated = "2025-01-10T10:00:00+00:00" if record["subject"] == "old" else NOW.isoformat()
        record.update(status="sent", updated_at=updated, created_at=updated)
        backend.records.put("deliveries", record_id(record["key"]), record)
    backend.refresh()
    tally = log.compact(months_before(NOW, 6))
    backend.refresh()
    assert tally == {"2025-01:alert:sent": 1}
    records = {r["subject"]: r for r in log.records("sent")}
    assert "message" not in records["old"] and records["old"]["compacted"]
    assert "message" in records["new"]
    # The key still blocks a second message, and the count is kept.
    assert not log.enqueue("sub-1:fair-a:v1", "alert", "a@example.ma", lambda: _message("again"))
    assert log.counts() == {"2025-01:alert:sent": 1}
    assert log.compact(months_before(NOW, 6)) == {}
