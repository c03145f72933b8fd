"""The alert and digest jobs: match, queue through the delivery log, dispatch."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from alerts.channel_queue import queue_on_channels
from alerts.delivery import DeliveryLog, DispatchReport, record_id
from alerts.digest import Digest, build_digest, price_chart_png
from alerts.mailers import Mailer
from alerts.matching import match_count, salon_matches
from alerts.digest_mail import DigestMail
from alerts.messages import links, salon_alert_message
from alerts.notifiers import Notifier
from alerts.short_messages import short_alert
from alerts.short_reports import short_digest
from alerts.price_alerts import queue_price_alerts
from alerts.subscriptions import SubscriptionStore
from alerts.weeks import Week, iso_week, last_full_week, local_today, week_of
from alerts.tokens import TokenSigner
from config import Settings
from indexing.backends.base import SearchBackend
from indexing.models import TradeFair
from indexing.record_guard import valid_documents

log = logging.getLogger(__name__)


@dataclass
class AlertRun:
    queued: int = 0
    matches: int = 0
    dispatch: DispatchReport = field(default_factory=DispatchReport)


def upcoming_fairs(backend: SearchBackend, today: date) -> list[TradeFair]:
    fairs = valid_documents("fair", (data for _, data in backend.iter_docs("fair")), "alerts", TradeFair, backend)
    return [fair for fair in fairs if fair.start_date >= today]


def _batch_key(sub_id: str, frequency: str, today: date, item_keys: list[str]) -> str:
    """One message per subscriber and run: the period for daily and weekly summaries; for immediate
    alerts, the set of items itself, so a restarted run computes the same key for the same items."""
    if frequency == "daily":
        return f"{sub_id}:batch:{today.isoformat()}"
    if frequency == "weekly":
        return f"{sub_id}:batch:{iso_week(today)}"
    return f"{sub_id}:batch:" + hashlib.sha1("|".join(sorted(item_keys)).encode()).hexdigest()[:16]


def _mark_items(deliveries: DeliveryLog, batch_key: str, recipient: str, item_keys: list[str], day: str) -> None:
    """An item announced in a batch is never announced again to that subscription (create-only markers
    under the item's own delivery key, the key a single-fair message had)."""
    for item_key in item_keys:
        deliveries.backend.records.put("deliveries", record_id(item_key), {
            "key": item_key, "kind": "salon-item", "recipient": recipient, "status": "batched", "batch": batch_key,
            "updated_at": day}, create_only=True)


def _repair_markers(deliveries: DeliveryLog, day: str) -> None:
    """A run killed between queuing a batch and marking its items: mark them now, before matching."""
    for record in deliveries.records("queued") + deliveries.records("retry"):
        if record.get("kind") == "salon" and record.get("items"):
            _mark_items(deliveries, record["key"], record["recipient"], list(record["items"]), day)


def item_marker(sub_id: str, item_key: str, channel: str) -> str:
    """The per-item key that says a fair version was announced on a channel (email keeps its old key)."""
    base = f"{sub_id}:{item_key}"
    return base if channel == "email" else f"{base}@{channel}"


def queue_salon_alerts(settings: Settings, backend: SearchBackend, today: date) -> tuple[int, int]:
    """Queue due alerts, one message per subscriber and channel grouping every due fair; returns
    (matches, messages queued). Each channel has its own item markers and batch key, so a channel
    queued before a kill is never queued again, and one queued after it still is."""
    subs = SubscriptionStore(backend).list(kind="salon", confirmed=True)
    matches = salon_matches(subs, upcoming_fairs(backend, today), today)
    signer = TokenSigner(settings.secret_key)
    deliveries = DeliveryLog(backend)
    _repair_markers(deliveries, today.isoformat())
    queued = 0
    for due in matches:
        sub, sub_matches, sub_id = due.subscription, due.matches, due.subscription.id
        for channel in sub.live_channels:
            fresh = [m for m in sub_matches if not deliveries.already(item_marker(sub_id, m.item_key, channel))]
            if not fresh:
                continue
            item_keys = [item_marker(sub_id, m.item_key, channel) for m in fresh]
            batch_key = _batch_key(sub_id, sub.frequency, today, item_keys)
            if channel != "email":
                batch_key += f"@{channel}"
            if deliveries.already(batch_key):
                continue  # this period's summary is queued or sent: the rest waits for the next one
            recipient = sub.address_of(channel)
            if channel == "email":
                items = [(m.fair, m.reason) for m in fresh]
                done = deliveries.enqueue(batch_key, "salon", recipient,
                                          lambda sub=sub, items=items, key=batch_key: salon_alert_message(
                                              sub, items, settings, signer, key),
                                          extra={"items": item_keys})
            else:
                text = short_alert(sub, [m.fair for m in fresh], settings, channel,
                                   links(sub, settings, signer)["unsubscribe"])
                done = deliveries.enqueue_text(batch_key, "salon", channel, recipient, text,
                                               extra={"items": item_keys})
            if done:
                queued += 1
                _mark_items(deliveries, batch_key, recipient, item_keys, today.isoformat())
    return match_count(matches), queued


def send_salon_alerts(settings: Settings, backend: SearchBackend, mailer: Mailer, today: date | None = None,
                      notifier: Notifier | None = None) -> AlertRun:
    # A given day (tests, `alerts run --today`) also dates the price changes looked at; else it is now.
    price_now = datetime.combine(today, time(23, 59, 59), tzinfo=timezone.utc) if today else None
    today = today or date.today()
    matches, queued = queue_salon_alerts(settings, backend, today)
    price_found, price_queued = queue_price_alerts(settings, backend, price_now)
    matches, queued = matches + price_found, queued + price_queued
    report = DeliveryLog(backend).dispatch(mailer, retry_sleep=0.5, in_run_retries=2, notifier=notifier)
    return AlertRun(queued=queued, matches=matches, dispatch=report)


@dataclass
class DigestRun:
    digest: Digest
    queued: int
    dispatch: DispatchReport
    html_path: Path | None = None


def digest_week(settings: Settings, week: str | None, now: datetime | None = None) -> Week:
    """`week` when given, else the last full Monday-to-Sunday week before `now`, in VEILLE_TIMEZONE."""
    if week:
        return week_of(week, settings.timezone)
    return last_full_week(now or datetime.now(ZoneInfo(settings.timezone)), settings.timezone)


def send_digests(settings: Settings, backend: SearchBackend, mailer: Mailer, week: str | None = None,
                 today: date | None = None, now: datetime | None = None,
                 notifier: Notifier | None = None) -> DigestRun:
    """`now` (the send time) picks the default week; `today` defaults to its local day."""
    if now is None:
        now = (datetime(today.year, today.month, today.day, 12, tzinfo=ZoneInfo(settings.timezone)) if today
               else datetime.now(ZoneInfo(settings.timezone)))
    period = digest_week(settings, week, now)
    # Upcoming fairs count from the send day, or from the end of an older week asked for by name.
    today = today or min(local_today(now, settings.timezone), period.end)
    digest = build_digest(backend, period, today)
    week = period.label
    chart = price_chart_png(digest)
    signer = TokenSigner(settings.secret_key)
    deliveries = DeliveryLog(backend)
    mail = DigestMail(digest, settings, signer, chart)
    queued = 0
    for sub in deliveries.queueing(SubscriptionStore(backend).list(kind="digest", confirmed=True)):
        # The email's key is what it always was; a subscriber by phone alone is named by the number.
        key = f"digest:{sub.email or sub.address}:{week}"
        queued += queue_on_channels(
            deliveries, sub, key, "digest",
            lambda sub=sub, key=key: mail.message(sub, key),
            lambda channel, sub=sub: short_digest(sub, digest, settings, channel,
                                                  links(sub, settings, signer)["unsubscribe"]))
    report = deliveries.dispatch(mailer, retry_sleep=0.5, in_run_retries=2, notifier=notifier)
    return DigestRun(digest, queued, report)
