"""Price alerts and the weekly digest by SMS and Telegram for subscribers who chose them: a short
plain text within the SMS limits, once per channel through the delivery log, over real HTTP to a
receiver on loopback, beside (not instead of) the email."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from alerts.delivery import DeliveryLog
from alerts.mailers import OutboxMailer
from alerts.notifiers import AppriseNotifier
from alerts.service import send_digests, send_salon_alerts
from alerts.short_messages import SMS_MAX_SEGMENTS, sms_segments
from alerts.subscriptions import SubscriptionStore, make_subscription
from http_receiver import HttpReceiver
from indexing.indexer import Indexer
from indexing.models import NewsArticle, Offer

WEEK, MONDAY = "2026-W48", date(2026, 11, 23)
HOSTILE = "Kilim\n<b>berbère</b> *promo* \u202etxet\u202c 150 x 240 cm"


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


def _notifier(receiver: HttpReceiver) -> AppriseNotifier:
    return AppriseNotifier({"sms": f"smseagle://tok3n@{receiver.url}/{{phone}}?secure=no",
                            "telegram": f"json://{receiver.url}/telegram"})


def _sms(receiver: HttpReceiver) -> list[tuple[str, str]]:
    return [(r.json()["params"]["to"], r.json()["params"]["message"]) for r in receiver.received("/jsonrpc/sms")]


def _plain_and_short(text: str) -> None:
    assert "<b>" not in text and not any(c in text for c in "*\u202e\u202c") and "Kilim berbère promo" in text
    assert sms_segments(text) <= SMS_MAX_SEGMENTS and text.rstrip(")").endswith(f"({sms_segments(text)} SMS")


def _offer(price: str, observed: datetime) -> Offer:
    return Offer(url="https://s.example.fr/kilim", source="shop", shop="Maison d'Orient", name=HOSTILE,
                 price=Decimal(price), currency="EUR", price_eur=Decimal(price), price_mad=Decimal(price) * 10,
                 crafts=["tapis"], observed_at=observed)


def test_price_alert_by_sms_and_telegram_once(backend, settings, receiver, tmp_path) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(timezone.utc).replace(microsecond=0)
    idx = Indexer(backend)
    idx.upsert([_offer("400", now - timedelta(hours=30))])
    idx.upsert([_offer("460", now - timedelta(hours=2))])  # +15 %
    store = SubscriptionStore(backend)
    store.save(make_subscription(kind="price", email="conseil@example.ma", phone="0661234567", chat="-1001",
                                 channels=["email", "sms", "telegram"], price_group="tapis", confirmed=True))
    store.save(make_subscription(kind="price", phone="0712345678", language="ar", price_group="tapis",
                                 confirmed=True))  # a phone alone: SMS
    backend.refresh()
    mailer = OutboxMailer(tmp_path / "outbox")
    first = send_salon_alerts(settings, backend, mailer, None, _notifier(receiver))
    assert first.queued == 4 and first.dispatch.sent == 4
    texts = dict(_sms(receiver))
    assert set(texts) == {"+212661234567", "+212712345678"}
    fr, ar = texts["+212661234567"], texts["+212712345678"]
    _plain_and_short(fr)
    assert fr.startswith("veille : prix +15.0% - Kilim") and "/offers/" in fr and "Désinscription" in fr
    assert ar.startswith("veille: السعر +15.0%") and "/offers/" in ar
    assert sms_segments(ar) <= SMS_MAX_SEGMENTS
    (tg,) = receiver.received("/telegram")
    assert "Kilim berbère promo" in tg.json()["message"] and "SMS)" not in tg.json()["message"]
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1
    again = send_salon_alerts(settings, backend, mailer, None, _notifier(receiver))
    assert again.queued == 0 and len(receiver.received()) == 3  # same observation: never again, on any channel


def _seed_week(backend) -> None:  # type: ignore[no-untyped-def]
    idx = Indexer(backend)
    for source, day in (("artisanat-info", 1), ("other", 2)):
        idx.upsert([NewsArticle(url=f"https://n.example.ma/{source}", source=source,
                                title="Les exportations de tapis bondissent", language="fr", crafts=["tapis"],
                                text="Les exportations de tapis ont atteint 903 MDH en neuf mois, selon la source.",
                                published_at=_at(MONDAY + timedelta(days=day)))])
    idx.upsert([_offer("349", _at(MONDAY - timedelta(days=3)))])
    idx.upsert([_offer("399", _at(MONDAY + timedelta(days=2)))])
    backend.refresh()


def test_weekly_digest_by_sms_once_per_week(backend, settings, receiver, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _seed_week(backend)
    store = SubscriptionStore(backend)
    store.save(make_subscription(kind="digest", email="strategie@example.ma", phone="0661234567",
                                 channels=["email", "sms"], confirmed=True))
    store.save(make_subscription(kind="digest", phone="0712345678", language="ar", confirmed=True))
    store.save(make_subscription(kind="digest", phone="0698765432", language="en", confirmed=False))
    backend.refresh()
    mailer = OutboxMailer(tmp_path / "outbox")
    run = send_digests(settings, backend, mailer, WEEK, date(2026, 11, 30), notifier=_notifier(receiver))
    assert run.queued == 3 and run.dispatch.sent == 3  # an email and two texts; nothing to the unconfirmed one
    texts = dict(_sms(receiver))
    assert set(texts) == {"+212661234567", "+212712345678"}
    fr, ar = texts["+212661234567"], texts["+212712345678"]
    _plain_and_short(fr)
    assert fr.startswith("veille : semaine du 23 au 29 novembre 2026") and "+14.3%" in fr
    assert "à la une : Les exportations de tapis bondissent" in fr and fr.count("/news") == 1
    assert ar.startswith("veille: الأسبوع من") and sms_segments(ar) <= SMS_MAX_SEGMENTS
    keys = sorted(r["key"] for r in DeliveryLog(backend).records("sent"))
    assert keys == ["digest:strategie@example.ma:2026-W48", "digest:strategie@example.ma:2026-W48@sms",
                    "digest:tel:+212712345678:2026-W48@sms"]
    again = send_digests(settings, backend, mailer, WEEK, date(2026, 11, 30), notifier=_notifier(receiver))
    assert again.queued == 0 and len(_sms(receiver)) == 2
