"""A reply of one stop word (STOP, ARRET, وقف) to an SMS or WhatsApp alert ends the text alerts of that number."""
from __future__ import annotations

import httpx

from alerts.replies import is_stop, reply_token
from alerts.subscriptions import SubscriptionStore, make_subscription
from tests.web.web_support import Site


def _url(site: Site, channel: str = "sms") -> str:
    return f"/webhooks/replies/{channel}?token={reply_token(site.settings.secret_key, channel)}"


def test_stop_words_in_three_languages() -> None:
    assert all(is_stop(t) for t in ("STOP", "stop merci", "Arrêt", "ARRET", "وقف", " توقف من فضلك"))
    assert not any(is_stop(t) for t in ("", "Merci !", "quand commence le salon ?", "stopper? non", "123"))


def test_a_stop_reply_removes_a_phone_only_subscription_and_keeps_email(site: Site, client: httpx.Client) -> None:
    store = SubscriptionStore(site.backend)
    phone_only = store.save(make_subscription(kind="salon", phone="+212612340001", channels=["sms", "whatsapp"],
                                              crafts=["tapis"], confirmed=True))
    both = store.save(make_subscription(kind="salon", email="halima.reply@example.ma", phone="+212612340002",
                                        channels=["email", "sms"], crafts=["cuir"], confirmed=True))
    other = store.save(make_subscription(kind="salon", phone="+212612340003", channels=["sms"], confirmed=True))
    site.backend.refresh()
    try:
        answer = client.post(_url(site), data={"From": "0612340001", "Body": "STOP"})
        assert answer.status_code == 200 and answer.json() == {"stopped": True, "subscriptions": 1}
        site.backend.refresh()
        assert store.get(phone_only.id) is None
        assert client.post(_url(site, "whatsapp"), json={"from": "whatsapp:+212612340002", "text": "وقف"}).json() == {
            "stopped": True, "subscriptions": 1}
        site.backend.refresh()
        kept = store.get(both.id)
        assert kept is not None and kept.channels == ["email"]
        # Any other reply changes nothing.
        assert client.post(_url(site), data={"From": "+212612340003", "Body": "Merci"}).json() == {
            "stopped": False, "subscriptions": 0}
        assert store.get(other.id) is not None
    finally:
        for sub in (phone_only, both, other):
            store.remove(sub.id)


def test_a_forged_or_hostile_reply_is_refused(site: Site, client: httpx.Client) -> None:
    assert client.post("/webhooks/replies/sms?token=guess", data={"From": "0612340001", "Body": "STOP"}).status_code == 403
    assert client.post(_url(site, "email").replace("email", "email"), data={}).status_code == 403
    assert client.post(_url(site), data={"From": "javascript:alert(1)", "Body": "STOP"}).status_code == 400
    assert client.post(_url(site), content=b"\xff\xfe not text", headers={"content-type": "text/plain"}).status_code == 400
    assert client.post(_url(site), content=b"[1, 2]", headers={"content-type": "application/json"}).status_code == 400
    assert client.post(_url(site), content=b"x" * 20_000).status_code == 413


def test_the_cli_prints_the_webhook_urls(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    from config import ROOT
    env = dict(os.environ, VEILLE_VAR_DIR=str(tmp_path), VEILLE_SECRET_KEY="a-test-secret-of-32-characters!!")
    env.pop("VEILLE_ELASTICSEARCH_URL", None)
    done = subprocess.run([sys.executable, "-m", "cli", "alerts", "webhooks"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    token = reply_token("a-test-secret-of-32-characters!!", "sms")
    assert f"/webhooks/replies/sms?token={token}" in done.stdout and "/webhooks/replies/whatsapp?token=" in done.stdout
