"""Salon alerts over real SMTP (aiosmtpd on loopback), in three languages, sent once."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from alerts.mailers import SmtpMailer
from alerts.service import send_salon_alerts
from alerts.subscriptions import SubscriptionStore, make_subscription
from indexing.indexer import Indexer
from indexing.models import TradeFair

TODAY = date(2026, 11, 29)


def fairs() -> list[TradeFair]:
    return [
        TradeFair(url="https://fairs.example.org/maison-objet", source="salons", name="Maison&Objet Paris",
                  start_date=TODAY + timedelta(days=60), end_date=TODAY + timedelta(days=64), city="Paris",
                  country="FR", venue="Paris Nord Villepinte", crafts=["tapis", "poterie"],
                  registration_deadline=TODAY + timedelta(days=40)),
        TradeFair(url="https://fairs.example.org/hostile", source="salons",
                  name="Salon <script>alert(1)</script>\r\nBcc: victim@example.com", description="x",
                  start_date=TODAY + timedelta(days=90), city="Marrakech", country="MA", crafts=["tapis"]),
        TradeFair(url="https://fairs.example.org/too-soon", source="salons", name="Foire trop proche",
                  start_date=TODAY + timedelta(days=5), city="Rabat", country="MA", crafts=["tapis"]),
        TradeFair(url="https://fairs.example.org/glass", source="salons", name="Glass Expo",
                  start_date=TODAY + timedelta(days=80), city="Venice", country="IT", crafts=["verre"]),
    ]


@pytest.fixture
def world(backend, settings):  # type: ignore[no-untyped-def]
    Indexer(backend).upsert(fairs())
    backend.refresh()
    store = SubscriptionStore(backend)
    store.save(make_subscription(kind="salon", email="fatima@example.ma", name="Fatima", language="fr",
                                 crafts=["tapis"], confirmed=True))
    store.save(make_subscription(kind="salon", email="youssef@example.ma", name="يوسف", language="ar",
                                 crafts=["poterie"], countries=["europe"], confirmed=True))
    store.save(make_subscription(kind="salon", email="unconfirmed@example.ma", language="en", crafts=["tapis"]))
    return backend, settings


def test_alerts_are_delivered_once_with_headers_ics_and_rtl(world, smtp_server) -> None:  # type: ignore[no-untyped-def]
    backend, settings = world
    mailer = SmtpMailer(smtp_server.host, smtp_server.port)
    run = send_salon_alerts(settings, backend, mailer, TODAY)
    mailer.close()
    messages = smtp_server.parsed()
    assert run.dispatch.sent == len(messages) == 2  # fatima: 2 fairs in one email, youssef: 1; nobody unconfirmed
    by_to: dict[str, list] = {}
    for m in messages:
        by_to.setdefault(m["To"], []).append(m)
    assert set(by_to) == {"fatima@example.ma", "youssef@example.ma"}
    for message in messages:
        assert message["Message-ID"] and message["Date"]
        assert message["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/unsubscribe?token=")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.get_content_type() == "multipart/mixed"
        body = message.get_body(("html",))
        text = message.get_body(("plain",))
        assert body is not None and text is not None
        attachments = list(message.iter_attachments())
        assert [a.get_filename() for a in attachments] == ["salons.ics"]
        assert "BEGIN:VCALENDAR" in str(attachments[0].get_content())
        assert "Bcc" not in message and "\n" not in message["Subject"]
        html = body.get_content()
        assert "<script>" not in html
    arabic = by_to["youssef@example.ma"][0]
    assert 'dir="rtl"' in arabic.get_body(("html",)).get_content()
    assert "Maison&amp;Objet Paris" in arabic.get_body(("html",)).get_content()
    [batched] = by_to["fatima@example.ma"]
    assert "&lt;script&gt;" in batched.get_body(("html",)).get_content()

    again = send_salon_alerts(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), TODAY)
    assert again.queued == 0 and len(smtp_server.parsed()) == 2


def test_changed_fair_is_announced_again(world, smtp_server) -> None:  # type: ignore[no-untyped-def]
    backend, settings = world
    send_salon_alerts(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), TODAY)
    first = len(smtp_server.parsed())
    moved = fairs()[0].model_copy(update={"venue": "Paris Expo Porte de Versailles"})
    changes = Indexer(backend).upsert([moved])
    backend.refresh()
    assert changes.changed == [moved.id]
    send_salon_alerts(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), TODAY)
    new = smtp_server.parsed()[first:]
    assert len(new) == 2  # both subscribers follow Maison&Objet
    assert all("Salon <script>" not in m.get_body(("plain",)).get_content() for m in new)  # only the changed fair
    assert all("Porte de Versailles" in m.get_body(("plain",)).get_content() for m in new)


def test_messages_wait_while_smtp_is_down(world, smtp_server) -> None:  # type: ignore[no-untyped-def]
    from support import free_port
    from alerts.delivery import DeliveryLog
    backend, settings = world
    down = SmtpMailer("127.0.0.1", free_port(), timeout=2)
    run = send_salon_alerts(settings, backend, down, TODAY)
    assert run.dispatch.sent == 0 and run.dispatch.deferred == 2  # one batched email each
    assert DeliveryLog(backend).status_counts()["retry"] == 2
    later = __import__("indexing.models", fromlist=["now_utc"]).now_utc() + timedelta(hours=2)
    report = DeliveryLog(backend).dispatch(SmtpMailer(smtp_server.host, smtp_server.port), now=later)
    assert report.sent == 2 and len(smtp_server.parsed()) == 2
    assert DeliveryLog(backend).status_counts()["sent"] == 2


def test_headers_are_plain_on_the_wire(world, smtp_server) -> None:  # type: ignore[no-untyped-def]
    """List-Unsubscribe must reach clients as a bare <URL>, never RFC 2047-encoded; Content-Language set."""
    from email import message_from_bytes, policy
    from alerts.delivery import DeliveryLog, message_bytes
    backend, settings = world
    send_salon_alerts(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), TODAY)
    for record in DeliveryLog(backend).records("sent"):
        raw = message_bytes(record)
        headers = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
        line = next(h for h in headers.split("\r\n") if h.startswith("List-Unsubscribe:"))
        assert line.startswith("List-Unsubscribe: <http://127.0.0.1:8000/unsubscribe?token=") and "=?" not in line
        assert message_from_bytes(raw, policy=policy.default)["Content-Language"] in ("fr", "ar", "en")


def test_waiting_and_failed_messages_show_in_health(world) -> None:  # type: ignore[no-untyped-def]
    from support import free_port
    from web.crawl_health import delivery_status
    backend, settings = world
    send_salon_alerts(settings, backend, SmtpMailer("127.0.0.1", free_port(), timeout=2), TODAY)
    status = delivery_status(backend)
    assert status["counts"]["retry"] == 2 and len(status["problems"]) == 2
    assert all(p["error"] and p["next_attempt_at"] for p in status["problems"])


def test_one_email_per_subscriber_and_run_with_one_ics_of_every_fair(world, smtp_server) -> None:  # type: ignore[no-untyped-def]
    backend, settings = world
    SubscriptionStore(backend).save(make_subscription(kind="salon", email="amina@example.ma", name="Amina",
                                                      language="en", crafts=["tapis"], confirmed=True))
    send_salon_alerts(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), TODAY)
    [english] = [m for m in smtp_server.parsed() if m["To"] == "amina@example.ma"]
    assert english["Subject"] == "2 trade fairs for your crafts"
    [ics] = list(english.iter_attachments())
    calendar = ics.get_content() if isinstance(ics.get_content(), str) else ics.get_content().decode()
    assert calendar.count("BEGIN:VEVENT") == 2 and "Maison&Objet Paris" in calendar
    text = english.get_body(("plain",)).get_content()
    assert "adds these 2 fairs to your calendar" in text and "adds the fair" not in text
    assert "Paris Nord Villepinte, Paris, France" in text and ", FR" not in text  # country names, not codes
    fair_id = fairs()[0].id
    assert f"{settings.base_url}/fairs/{fair_id}" in text  # "view" opens veille's own fair page
    assert f'href="{settings.base_url}/fairs/{fair_id}"' in english.get_body(("html",)).get_content()

    later = TradeFair(url="https://fairs.example.org/ambiente", source="salons", name="Ambiente",
                      start_date=TODAY + timedelta(days=70), city="Frankfurt", country="DE", crafts=["tapis"])
    Indexer(backend).upsert([later])
    backend.refresh()
    before = len(smtp_server.parsed())
    send_salon_alerts(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), TODAY)
    new = [m for m in smtp_server.parsed()[before:] if m["To"] == "amina@example.ma"]
    assert len(new) == 1 and new[0]["Subject"].startswith("Trade fair: Ambiente")  # only what is new
    [ics] = list(new[0].iter_attachments())
    assert str(ics.get_content()).count("BEGIN:VEVENT") == 1


def test_batch_queued_by_a_killed_run_is_not_announced_twice(world, smtp_server) -> None:  # type: ignore[no-untyped-def]
    from alerts.delivery import DeliveryLog, record_id
    from alerts.service import queue_salon_alerts
    backend, settings = world
    queue_salon_alerts(settings, backend, TODAY)
    log = DeliveryLog(backend)
    items = [r for r in log.backend.records.list("deliveries", None, limit=1000) if r.get("kind") == "salon-item"]
    for marker in items:  # as if the run had been killed after queuing the batches, before marking their items
        log.backend.records.delete("deliveries", record_id(marker["key"]))
    assert queue_salon_alerts(settings, backend, TODAY)[1] == 0  # the queued batches are found, not rebuilt
    assert items and all(log.already(marker["key"]) for marker in items)  # their items are marked again
    send_salon_alerts(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), TODAY)
    assert len(smtp_server.parsed()) == 2
