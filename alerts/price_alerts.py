"""Price-change alerts for advisors: a group, a shop or an offer, and a threshold (±X %).

An alert fires when an observation's price differs from the offer's previous stored observation by
at least the threshold, and never again for that observation: its delivery-log key is
(subscription, observation), queued with create-if-absent before anything is sent (and, for each
text channel the subscriber chose, (subscription, observation)@channel with a short text).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from alerts.delivery import DeliveryLog
from alerts.subscriptions import Subscription, SubscriptionStore
from config import Settings
from indexing.backends.base import SearchBackend
from indexing.models import Offer, PriceObservation, now_utc
from indexing.product_groups import group_key

LOOKBACK = timedelta(days=14)


@dataclass(frozen=True)
class PriceChange:
    offer: Offer
    before: PriceObservation
    after: PriceObservation

    @property
    def change_pct(self) -> float:
        return float((self.after.price - self.before.price) / self.before.price * 100) if self.before.price else 0.0


def _comparable(before: PriceObservation, after: PriceObservation) -> bool:
    # The shop's own price, in its own currency: an exchange-rate move is not a price move.
    return before.currency == after.currency and before.price > 0


def recent_changes(backend: SearchBackend, now: datetime | None = None, lookback: timedelta = LOOKBACK) -> list[PriceChange]:
    """Each observation of the last `lookback` whose price differs from the offer's previous one."""
    now = now or now_utc()
    recent = backend.observations_between(now - lookback, now + timedelta(seconds=1))
    offer_ids = sorted({o.offer_id for o in recent})
    offers = backend.get_many(offer_ids)
    changes: list[PriceChange] = []
    for offer_id in offer_ids:
        offer = offers.get(offer_id)
        if not isinstance(offer, Offer):
            continue
        history = sorted(backend.price_history(offer_id), key=lambda o: o.observed_at)
        for before, after in zip(history, history[1:]):
            if after.observed_at < now - lookback or after.observed_at > now:
                continue
            if _comparable(before, after) and after.price != before.price:
                changes.append(PriceChange(offer, before, after))
    return changes


def watches(sub: Subscription, offer: Offer) -> bool:
    if sub.offer_id and sub.offer_id != offer.id:
        return False
    if sub.shop and sub.shop.casefold() not in (offer.shop.casefold(), offer.source.casefold()):
        return False
    if sub.price_group:
        key = group_key(offer) or ""
        wanted = sub.price_group.strip("/")
        if key != wanted and not key.startswith(wanted + "/"):
            return False
    return True


def price_matches(subs: Iterable[Subscription], changes: Iterable[PriceChange]) -> list[tuple[Subscription, PriceChange]]:
    changes = list(changes)
    return [(sub, change) for sub in subs if sub.kind == "price" and sub.confirmed
            for change in changes if watches(sub, change.offer) and abs(change.change_pct) >= sub.threshold_pct]


def alert_key(sub: Subscription, change: PriceChange) -> str:
    return f"{sub.id}:price:{change.after.id}"


def queue_price_alerts(settings: Settings, backend: SearchBackend, now: datetime | None = None) -> tuple[int, int]:
    """Queue one message per (subscription, observation) that crossed its threshold; (matches, queued)."""
    from alerts.channel_queue import queue_on_channels
    from alerts.messages import links, price_alert_message
    from alerts.short_reports import short_price_alert
    from alerts.tokens import TokenSigner
    subs = SubscriptionStore(backend).list(kind="price", confirmed=True)
    if not subs:
        return 0, 0
    matches = price_matches(subs, recent_changes(backend, now))
    deliveries = DeliveryLog(backend)
    signer = TokenSigner(settings.secret_key)
    queued = 0
    for sub, change in matches:
        key = alert_key(sub, change)
        queued += queue_on_channels(
            deliveries, sub, key, "price",
            lambda sub=sub, change=change, key=key: price_alert_message(sub, change, settings, signer, key),
            lambda channel, sub=sub, change=change: short_price_alert(
                sub, change, settings, channel, links(sub, settings, signer)["unsubscribe"]))
    return len(matches), queued
