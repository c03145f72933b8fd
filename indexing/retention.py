"""Storage that does not grow without bound: old news and old price detail (deliveries: alerts.delivery).

Every rule has a window, and nothing inside its window is touched:
- news whose publication date is older than `news_months` is deleted (fairs and offers are kept);
- price observations older than `thin_prices_after_days` are thinned to the last one of each ISO week
  per offer, so the history keeps its shape.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from indexing.backends.base import SearchBackend
from indexing.models import now_utc


@dataclass(frozen=True)
class RetentionPolicy:
    news_months: int = 24
    """0 keeps news forever."""
    thin_prices_after_days: int = 365
    """0 keeps every price observation."""
    delivery_months: int = 6
    """0 keeps every delivery record whole (applied by alerts.delivery.DeliveryLog.compact)."""


@dataclass
class RetentionReport:
    news_deleted: int = 0
    observations_deleted: int = 0


def months_before(now: datetime, months: int) -> datetime:
    return now - timedelta(days=round(months * 30.44))


def weekly_thinning(keys: Iterable[tuple[str, datetime]]) -> list[tuple[str, datetime]]:
    """The observations to drop so that each (offer, ISO week) keeps only its last one."""
    last: dict[tuple[str, int, int], tuple[str, datetime]] = {}
    drop: list[tuple[str, datetime]] = []
    for offer_id, observed in sorted(keys, key=lambda k: (k[0], k[1])):
        year, week, _ = observed.isocalendar()
        slot = (offer_id, year, week)
        if slot in last:
            drop.append(last[slot])
        last[slot] = (offer_id, observed)
    return drop


def delete_old_news(backend: SearchBackend, before: datetime, batch: int = 5_000) -> int:
    deleted = 0
    while ids := backend.ids_dated_before("news", before, limit=batch):
        removed = backend.delete_many(ids)
        backend.refresh()
        deleted += removed
        if removed == 0:  # nothing left that can be deleted: never loop forever
            break
    return deleted


def apply_retention(backend: SearchBackend, policy: RetentionPolicy, now: datetime | None = None) -> RetentionReport:
    now = now or now_utc()
    report = RetentionReport()
    if policy.news_months:
        report.news_deleted = delete_old_news(backend, months_before(now, policy.news_months))
    if policy.thin_prices_after_days:
        keys = backend.observation_keys_before(now - timedelta(days=policy.thin_prices_after_days))
        drop = weekly_thinning(keys)
        report.observations_deleted = backend.delete_observations(drop) if drop else 0
    return report
