"""Changing the phone number on the preferences page: the SMS channel waits for a link sent to the new
number only, confirmed on /confirm-channel; the email keeps going; a link for an older number is stale."""
from __future__ import annotations

import json
import re
import uuid

import httpx
import pytest
from bs4 import BeautifulSoup
from web_support import Site

from alerts.subscriptions import SubscriptionStore, make_subscription
from alerts.tokens import TokenSigner

pytestmark = pytest.mark.timeout(60)


def random_phone() -> str:
    return f"+21266{uuid.uuid4().int % 10**7:07d}"  # 066… numbers are all valid mobiles


def texts_to(site: Site, phone: str) -> list[str]:
    folder = site.outbox / "channels"
    found = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))] if folder.exists() else []
    return [str(m["text"]) for m in found if m["to"] == phone]


def csrf(http: httpx.Client, path: str) -> str:
    return BeautifulSoup(http.get(path).text, "html.parser").select_one('input[name="csrf_token"]')["value"]


def change_phone(http: httpx.Client, token: str, phone: str, lang: str) -> httpx.Response:
    path = f"/preferences?token={token}&lang={lang}"
    return http.post(path, data={"csrf_token": csrf(http, path), "name": "Tifawin", "language": "fr",
                                 "crafts": ["tapis"], "countries": ["MA"], "window_min_days": "30",
                                 "window_max_days": "270", "frequency": "immediate", "phone": "0" + phone[4:],
                                 "channels": ["email", "sms"]})


def link_token(text: str) -> str:
    match = re.search(r"/confirm-channel\?token=([\w.\-]+)", text)
    assert match, text
    return match.group(1)


def test_a_new_number_waits_for_its_own_link(site: Site) -> None:
    store = SubscriptionStore(site.backend)
    old, new, newer = random_phone(), random_phone(), random_phone()
    sub = store.save(make_subscription(kind="salon", email=f"tifawin-{uuid.uuid4().hex[:8]}@exemple.ma", phone=old,
                                       channels=["email", "sms"], crafts=["tapis"], countries=["MA"], confirmed=True))
    preferences = TokenSigner(site.settings.secret_key).sign(sub.id, "preferences")
    with site.client() as http:
        response = change_phone(http, preferences, new, "ar")
        assert response.status_code == 200, response.text
        notice = BeautifulSoup(response.text, "html.parser").select_one(".notice-ok:-soup-contains('رابط تأكيد')")
        assert notice is not None and new in notice.get_text()
        moved = store.get(sub.id)
        assert (moved.phone, moved.pending_channels, moved.live_channels) == (new, ["sms"], ["email"])
        [text] = texts_to(site, new)
        assert not texts_to(site, old)
        token = link_token(text)

        page = http.get(f"/confirm-channel?token={token}&lang=en")
        assert page.status_code == 200 and "Receive fair alerts by SMS at" in page.text
        assert store.get(sub.id).pending_channels == ["sms"]  # showing the page confirms nothing
        path = f"/confirm-channel?token={token}&lang=en"
        done = http.post(path, data={"csrf_token": csrf(http, path)})
        assert done.status_code == 200 and "SMS confirmed: alerts will be sent there." in done.text
        assert store.get(sub.id).live_channels == ["email", "sms"]

        again = change_phone(http, preferences, newer, "fr")
        assert "Un lien de confirmation a été envoyé par SMS" in again.text
        stale = http.post(path, data={"csrf_token": csrf(http, "/subscribe")})  # the link sent to the previous number
        assert stale.status_code == 409 and "it confirms nothing" in BeautifulSoup(stale.text, "html.parser").get_text()
        assert store.get(sub.id).pending_channels == ["sms"]
        assert http.get("/confirm-channel?token=forged").status_code == 400


def test_preferences_of_a_digest_by_sms_keep_its_number_and_channel(site: Site) -> None:
    store = SubscriptionStore(site.backend)
    phone = random_phone()
    sub = store.save(make_subscription(kind="digest", phone=phone, channels=["sms"], confirmed=True))
    token = TokenSigner(site.settings.secret_key).sign(sub.id, "preferences")
    with site.client() as http:
        path = f"/preferences?token={token}"
        response = http.post(path, data={"csrf_token": csrf(http, path), "language": "ar", "frequency": "weekly"})
    assert response.status_code == 200, response.text
    kept = store.get(sub.id)
    assert (kept.phone, kept.channels, kept.language, kept.live_channels) == (phone, ["sms"], "ar", ["sms"])
