"""A salon alert through Apprise's ntfy:// URL, in ntfy's own JSON publish format, to a receiver on
loopback (the ntfy server itself cannot be installed here: README, "What could not be done here"),
once only across a run cut short after queuing."""
from __future__ import annotations

from datetime import date, timedelta

from alerts.delivery import DeliveryLog
from alerts.mailers import OutboxMailer
from alerts.notifiers import AppriseNotifier
from alerts.service import queue_salon_alerts, send_salon_alerts
from alerts.subscriptions import SubscriptionStore, make_subscription
from http_receiver import HttpReceiver
from indexing.indexer import Indexer
from indexing.models import TradeFair

TODAY = date(2026, 11, 29)


def test_salon_alert_in_ntfys_publish_format_once(backend, settings, receiver: HttpReceiver, tmp_path) -> None:  # type: ignore[no-untyped-def]
    Indexer(backend).upsert([TradeFair(url="https://fairs.example.org/cuir", source="salons", city="Fès",
                                       name="Salon du Cuir\n<i>2027</i> \u202eevil\u202c", country="MA",
                                       start_date=TODAY + timedelta(days=45), crafts=["cuir"])])
    SubscriptionStore(backend).save(make_subscription(kind="salon", email="conseil@example.ma", crafts=["cuir"],
                                                      channels=["apprise"], confirmed=True))
    backend.refresh()
    notifier = AppriseNotifier({"apprise": f"ntfy://{receiver.url}/veille-salons"})
    assert queue_salon_alerts(settings, backend, TODAY) == (1, 1)  # then the run is killed: nothing sent
    assert receiver.received() == []
    mailer = OutboxMailer(tmp_path / "outbox")
    send_salon_alerts(settings, backend, mailer, TODAY, notifier)  # the restarted run sends it
    send_salon_alerts(settings, backend, mailer, TODAY, notifier)
    (published,) = receiver.received()
    body = published.json()
    assert published.path == "/" and published.headers["Content-Type"] == "application/json"
    assert body["topic"] == "veille-salons" and body["message"].startswith("veille : salon pour vous\nSalon du Cuir 2027")
    assert not any(c in body["message"] for c in "<>\u202e\u202c") and "/fairs/" in body["message"]
    assert DeliveryLog(backend).status_counts() == {"queued": 0, "retry": 0, "sent": 1, "failed": 0}
