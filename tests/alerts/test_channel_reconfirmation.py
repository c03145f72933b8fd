"""A changed number (or a channel added later) waits for its own confirmation, sent on that channel
only, over real HTTP to a receiver on loopback; the subscription's other channels keep going."""
from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from alerts.channel_confirmation import read_channel_token, send_channel_confirmations
from alerts.delivery import DeliveryLog
from alerts.mailers import OutboxMailer
from alerts.notifiers import AppriseNotifier
from alerts.service import send_salon_alerts
from alerts.short_messages import SMS_MAX_SEGMENTS, sms_segments
from alerts.subscriptions import SubscriptionStore, make_subscription
from alerts.tokens import TokenSigner
from config import load_settings
from http_receiver import HttpReceiver
from indexing.indexer import Indexer
from indexing.models import TradeFair
from support import ROOT, backend_env

TODAY = date(2026, 11, 29)
OLD, NEW = "+212661234567", "+212698765432"


def _fair(backend, name: str, days: int) -> None:  # type: ignore[no-untyped-def]
    Indexer(backend).upsert([TradeFair(url=f"https://fairs.example.org/{days}", source="salons", name=name,
                                       start_date=TODAY + timedelta(days=days), city="Fès", country="MA",
                                       crafts=["tapis"])])
    backend.refresh()


def _subscriber(**changes: object):  # type: ignore[no-untyped-def]
    fields: dict[str, object] = {"kind": "salon", "email": "amina@example.ma", "phone": OLD, "chat": "-1001234",
                                 "channels": ["email", "sms", "telegram"], "crafts": ["tapis"], "confirmed": True}
    return make_subscription(**{**fields, **changes})


def _sms_to(receiver: HttpReceiver) -> list[tuple[str, str]]:
    return [(r.json()["params"]["to"], r.json()["params"]["message"]) for r in receiver.received("/jsonrpc/sms")]


def test_a_changed_number_is_confirmed_on_that_channel_first(backend, settings, receiver, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = SubscriptionStore(backend)
    sub = store.save(_subscriber())
    _fair(backend, "Salon du Tapis", 60)
    notifier = AppriseNotifier({"sms": f"smseagle://tok3n@{receiver.url}/{{phone}}?secure=no",
                                "telegram": f"json://{receiver.url}/telegram"})
    mailer = OutboxMailer(tmp_path / "outbox")
    assert send_salon_alerts(settings, backend, mailer, TODAY, notifier).dispatch.sent == 3

    moved, fresh = store.save_changes(_subscriber(phone="0698765432", confirmed=False))
    assert (moved.id, fresh, moved.pending_channels, moved.live_channels) == (sub.id, ["sms"], ["sms"],
                                                                             ["email", "telegram"])
    signer = TokenSigner(settings.secret_key)
    settings_apprise = load_settings({"VEILLE_VAR_DIR": str(settings.var_dir), "VEILLE_NOTIFIER": "apprise",
                                      "VEILLE_BASE_URL": settings.base_url,
                                      "VEILLE_APPRISE_SMS": f"smseagle://tok3n@{receiver.url}/{{phone}}?secure=no"})
    assert send_channel_confirmations(settings_apprise, signer, moved, fresh) == {"sms": True}
    to, text = _sms_to(receiver)[-1]
    assert to == NEW and "/confirm-channel?token=" in text
    assert text.endswith(f"({sms_segments(text)} SMS)") and sms_segments(text) <= SMS_MAX_SEGMENTS

    _fair(backend, "Foire de la Poterie", 90)
    run = send_salon_alerts(settings, backend, mailer, TODAY, notifier)
    assert run.queued == 2 and run.dispatch.sent == 2  # email and Telegram; the new number gets nothing yet
    assert [m for m in _sms_to(receiver) if m[0] == NEW] == [(to, text)]

    url = next(w for w in text.split() if "/confirm-channel?token=" in w)
    sub_id, channel, _ = read_channel_token(signer, parse_qs(urlsplit(url).query)["token"][0])
    assert (sub_id, channel) == (sub.id, "sms")
    assert store.confirm_channel(sub_id, "sms", OLD).pending_channels == ["sms"]  # a link for another number
    assert store.confirm_channel(sub_id, "sms", NEW).live_channels == ["email", "sms", "telegram"]
    backend.refresh()
    later = send_salon_alerts(settings, backend, mailer, TODAY, notifier)
    assert later.queued == 1 and later.dispatch.sent == 1  # the poterie fair, now to the new number only
    assert [m[0] for m in _sms_to(receiver)] == [OLD, NEW, NEW]
    assert DeliveryLog(backend).status_counts()["sent"] == 6


def test_only_changed_or_added_channels_wait(backend) -> None:  # type: ignore[no-untyped-def]
    store = SubscriptionStore(backend)
    store.save(_subscriber(channels=["email", "sms"]))
    same, fresh = store.save_changes(_subscriber(channels=["email", "sms"], language="ar"))
    assert fresh == [] and same.pending_channels == []
    added, fresh = store.save_changes(_subscriber(channels=["email", "sms", "whatsapp", "telegram", "apprise"]))
    assert fresh == ["whatsapp", "telegram"] and added.live_channels == ["email", "sms", "apprise"]
    # Saved again unchanged, a pending channel stays pending without a second link.
    again, fresh = store.save_changes(_subscriber(channels=["email", "sms", "whatsapp", "telegram"]))
    assert fresh == [] and again.pending_channels == ["whatsapp", "telegram"]
    dropped, _ = store.save_changes(_subscriber(channels=["email", "sms"]))
    assert dropped.pending_channels == []
    # Never confirmed at all: the subscription's own double opt-in covers every channel.
    unconfirmed = store.save(make_subscription(kind="salon", phone="0712345678", crafts=["tapis"]))
    assert store.save_changes(unconfirmed.model_copy(update={"channels": ["sms", "whatsapp"]}))[1] == []


def test_veille_subscribe_with_a_new_number_sends_a_link_there(backend, settings) -> None:  # type: ignore[no-untyped-def]
    SubscriptionStore(backend).save(_subscriber(channels=["email", "sms"]))
    env = backend_env(backend, settings.var_dir)
    done = subprocess.run([sys.executable, "-m", "cli", "subscribe", "--email", "amina@example.ma", "--phone",
                           "06 98 76 54 32", "--channel", "email", "--channel", "sms", "--craft", "tapis"],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"sms: confirmation link sent to {NEW}; nothing goes there until it is confirmed" in done.stdout
    [sub] = SubscriptionStore(backend).list(email="amina@example.ma")
    assert (sub.phone, sub.pending_channels, sub.live_channels) == (NEW, ["sms"], ["email"])
    texts = list((settings.var_dir / "outbox" / "channels").glob("sms-*.json"))
    assert len(texts) == 1 and NEW in texts[0].read_text(encoding="utf-8")
    listed = subprocess.run([sys.executable, "-m", "cli", "subscriptions", "list"], cwd=ROOT, capture_output=True,
                            text=True, env=env, timeout=120)
    assert f"by email, sms {NEW} (waiting for confirmation)" in listed.stdout, listed.stdout
