"""WhatsApp, SMS, Telegram and Apprise alerts over real HTTP to a receiver on loopback: each in its
provider's own request format, once per channel, a channel down then back, credentials never shown."""
from __future__ import annotations

import logging
import subprocess
import sys
from datetime import date, timedelta

import pytest

from alerts.delivery import DeliveryLog
from alerts.mailers import OutboxMailer
from alerts.notifiers import AppriseNotifier, NotifierError
from alerts.service import send_salon_alerts
from alerts.subscriptions import SubscriptionStore, make_subscription
from config import ConfigError, load_settings
from http_receiver import HttpReceiver
from indexing.indexer import Indexer
from indexing.models import TradeFair, now_utc
from support import ROOT, backend_env

TODAY = date(2026, 11, 29)
WA_TOKEN = "EAAGwhatsappSecretToken42"
BOT_TOKEN = "123456:TelegramBotSecret"
EAGLE_TOKEN = "smseagleSecret99"


@pytest.fixture
def provider_hosts(monkeypatch: pytest.MonkeyPatch, receiver: HttpReceiver) -> HttpReceiver:
    """WhatsApp and Telegram have their API host built in: point the real plugins at the receiver."""
    from apprise.plugins.telegram import NotifyTelegram
    from apprise.plugins.whatsapp import NotifyWhatsApp
    monkeypatch.setattr(NotifyWhatsApp, "notify_url", f"http://{receiver.url}/{{fb_ver}}/{{phone_id}}/messages")
    monkeypatch.setattr(NotifyTelegram, "notify_url", f"http://{receiver.url}/bot")
    return receiver


def templates(sms: HttpReceiver, other: HttpReceiver) -> dict[str, str]:
    return {"whatsapp": f"whatsapp://{WA_TOKEN}@1234567890/{{phone}}",
            "sms": f"smseagle://{EAGLE_TOKEN}@{sms.url}/{{phone}}?secure=no",
            "telegram": f"tgram://{BOT_TOKEN}/{{chat}}",
            "apprise": f"json://advisor:hookSecret@{other.url}/veille"}


def test_generic_json_webhook_gets_the_plain_text(receiver: HttpReceiver) -> None:
    AppriseNotifier({"apprise": f"json://{receiver.url}/hook"}).send("apprise", "+212661234567", "un\ndeux", "m1")
    (request,) = receiver.received("/hook")
    assert request.json()["message"] == "un\ndeux"


def test_each_channel_posts_in_its_providers_format(provider_hosts: HttpReceiver) -> None:
    notifier = AppriseNotifier(templates(provider_hosts, provider_hosts))
    notifier.send("whatsapp", "+212661234567", "Salon du Tapis", "m1")
    notifier.send("sms", "+212661234567", "Salon du Tapis", "m2")
    notifier.send("telegram", "-1001234", "Salon du Tapis", "m3")
    (wa,) = provider_hosts.received("/v")
    assert wa.path.endswith("/1234567890/messages") and wa.headers["Authorization"] == f"Bearer {WA_TOKEN}"
    assert wa.json()["to"] == "+212661234567" and wa.json()["text"]["body"] == "Salon du Tapis"
    (sms,) = provider_hosts.received("/jsonrpc/sms")
    assert sms.json()["params"]["to"] == "+212661234567" and sms.json()["params"]["message"] == "Salon du Tapis"
    (tg,) = provider_hosts.received(f"/bot{BOT_TOKEN}/sendMessage")
    assert str(tg.json()["chat_id"]) == "-1001234" and "Salon du Tapis" in tg.json()["text"]


def test_errors_and_logs_never_show_credentials(receiver: HttpReceiver, caplog: pytest.LogCaptureFixture) -> None:
    receiver.down = True
    notifier = AppriseNotifier(templates(receiver, receiver))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(NotifierError) as caught:
        notifier.send("sms", "+212661234567", "x", "m1")
    with pytest.raises(NotifierError) as unconfigured:
        AppriseNotifier({}).send("whatsapp", "+212661234567", "x", "m1")
    shown = str(caught.value) + str(unconfigured.value) + caplog.text
    assert "sms: delivery failed" in str(caught.value) and "VEILLE_APPRISE_WHATSAPP" in str(unconfigured.value)
    for secret in (EAGLE_TOKEN, WA_TOKEN, BOT_TOKEN, "hookSecret"):
        assert secret not in shown


def test_settings_check_templates_without_echoing_them() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({"VEILLE_APPRISE_SMS": "twilio://AC1:supersecret@+212500000000/+212600000000"})
    assert "{phone}" in str(caught.value) and "supersecret" not in str(caught.value)
    settings = load_settings({"VEILLE_NOTIFIER": "apprise", "VEILLE_APPRISE_TELEGRAM": "tgram://t0ken/{chat}"})
    assert settings.apprise_telegram == "tgram://t0ken/{chat}" and "t0ken" not in repr(settings)


def _world(backend) -> None:  # type: ignore[no-untyped-def]
    Indexer(backend).upsert([
        TradeFair(url="https://fairs.example.org/tapis", source="salons", name="Salon du Tapis\n<b>2027</b>",
                  start_date=TODAY + timedelta(days=60), city="Marrakech", country="MA", crafts=["tapis"]),
        TradeFair(url="https://fairs.example.org/poterie", source="salons", name="Foire de la Poterie",
                  start_date=TODAY + timedelta(days=90), city="Safi", country="MA", crafts=["tapis"])])
    store = SubscriptionStore(backend)
    store.save(make_subscription(kind="salon", email="fatima@example.ma", phone="0661234567", chat="-1001234",
                                 channels=["email", "sms", "whatsapp", "telegram"], crafts=["tapis"], confirmed=True))
    store.save(make_subscription(kind="salon", phone="0712345678", language="ar", crafts=["tapis"], confirmed=True))
    backend.refresh()


def test_every_channel_once_and_a_channel_down_then_back(backend, settings, provider_hosts,  # type: ignore[no-untyped-def]
                                                          tmp_path) -> None:
    _world(backend)
    sms_gateway = HttpReceiver().start()
    try:
        sms_gateway.down = True
        notifier = AppriseNotifier(templates(sms_gateway, provider_hosts))
        mailer = OutboxMailer(tmp_path / "outbox")
        first = send_salon_alerts(settings, backend, mailer, TODAY, notifier)
        assert first.queued == 5  # fatima: email, sms, whatsapp, telegram; the phone-only artisan: sms
        assert first.dispatch.sent == 3 and first.dispatch.deferred == 2
        assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1
        assert len(provider_hosts.received("/v")) == 1 and len(provider_hosts.received("/bot")) == 1
        (wa,) = provider_hosts.received("/v")
        assert wa.json()["text"]["body"].startswith("veille : 2 salons")  # both fairs in one message
        records = {r["channel"]: r for r in DeliveryLog(backend).records("retry")}
        assert set(records) == {"sms"} and "delivery failed" in records["sms"]["error"]
        assert EAGLE_TOKEN not in records["sms"]["error"]

        status = subprocess.run([sys.executable, "-m", "cli", "alerts", "status"], cwd=ROOT, capture_output=True,
                                text=True, env=backend_env(backend, settings.var_dir), timeout=120)
        assert "retry 2" in status.stdout and "retry: sms +212661234567" in status.stdout, status.stdout
        assert EAGLE_TOKEN not in status.stdout + status.stderr
        from web.crawl_health import delivery_status
        health = delivery_status(backend)  # what /crawls and /health show
        assert health["problems_by_channel"] == {"sms": {"retry": 2}}
        assert {p["channel"] for p in health["problems"]} == {"sms"}

        again = send_salon_alerts(settings, backend, mailer, TODAY, notifier)
        assert again.queued == 0 and again.dispatch.sent == 0  # still backing off
        sms_gateway.down = False
        later = DeliveryLog(backend).dispatch(mailer, now=now_utc() + timedelta(hours=1), notifier=notifier)
        assert later.sent == 2
        texts = sorted(r.json()["params"]["message"] for r in sms_gateway.received("/jsonrpc/sms"))
        assert len(texts) == 2 and any("معارض" in t for t in texts) and all("SMS)" in t for t in texts)
        final = send_salon_alerts(settings, backend, mailer, TODAY, notifier)
        assert final.queued == 0 and len(sms_gateway.received()) == 2 and len(provider_hosts.received("/v")) == 1
        assert DeliveryLog(backend).status_counts() == {"queued": 0, "retry": 0, "sent": 5, "failed": 0}
    finally:
        sms_gateway.stop()


def test_digest_runs_leave_text_messages_alone(backend, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _world(backend)
    from alerts.service import queue_salon_alerts
    queue_salon_alerts(settings, backend, TODAY)
    backend.refresh()
    report = DeliveryLog(backend).dispatch(OutboxMailer(tmp_path / "outbox"))  # no notifier: the digest's run
    assert report.sent == 1 and len(DeliveryLog(backend).records("queued")) == 4
    assert all(r["attempts"] == 0 for r in DeliveryLog(backend).records("queued"))


def test_redaction_keeps_phone_numbers_readable() -> None:
    from alerts.notifiers import _secret_pieces, redact
    secrets = _secret_pieces(["tgram://123456:ABCdef/{chat}", f"smseagle://{EAGLE_TOKEN}@gw.example.ma/{{phone}}"])
    shown = redact(f"to +212661234567 via tgram://123456:ABCdef/-1 token {EAGLE_TOKEN}", secrets)
    assert shown == "to +212661234567 via tgram://123456:***/-1 token ***"
