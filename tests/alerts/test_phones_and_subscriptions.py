"""Phone numbers to E.164, and subscriptions by phone alone, with channels."""
from __future__ import annotations

import hashlib

import pytest

from alerts.phones import InvalidPhone, normalize_phone
from alerts.subscriptions import InvalidSubscription, SubscriptionStore, make_subscription


@pytest.mark.parametrize("raw, e164", [
    ("06 12 34 56 78", "+212612345678"),
    ("0712-34-56-78", "+212712345678"),
    ("+212 6 61 23 45 67", "+212661234567"),
    ("00212661234567", "+212661234567"),
    ("+33 6 12 34 56 78", "+33612345678"),
])
def test_numbers_become_e164(raw: str, e164: str) -> None:
    assert normalize_phone(raw) == e164


def test_region_reads_national_numbers_of_another_country() -> None:
    assert normalize_phone("06 12 34 56 78", region="FR") == "+33612345678"


@pytest.mark.parametrize("raw, words", [
    ("", "required"), ("abc", "not a phone number"), ("0612", "not a valid number"),
    ("0522 12 34 56", "not a mobile number"), ("06123\n45678", "not a phone number"),
])
def test_bad_numbers_say_what_is_wrong(raw: str, words: str) -> None:
    with pytest.raises(InvalidPhone, match=words):
        normalize_phone(raw)


def test_email_subscription_ids_are_unchanged() -> None:
    sub = make_subscription(kind="salon", email="Fatima@Example.ma", crafts=["tapis"], countries=["MA"])
    basis = "salon|fatima@example.ma|tapis|MA|[]"  # the basis before phones existed
    assert sub.id == "sub-" + hashlib.sha1(basis.encode()).hexdigest()[:16]
    assert sub.channels == ["email"]


def test_phone_alone_is_an_sms_subscription(backend) -> None:  # type: ignore[no-untyped-def]
    sub = make_subscription(kind="salon", phone="0661234567", language="ar", crafts=["tapis"], confirmed=True)
    assert (sub.email, sub.phone, sub.channels) == ("", "+212661234567", ["sms"])
    assert sub.address == "tel:+212661234567" and sub.address_of("sms") == "+212661234567"
    assert sub.id != make_subscription(kind="salon", phone="0661234568", crafts=["tapis"]).id
    store = SubscriptionStore(backend)
    store.save(sub)
    backend.refresh()
    assert store.get(sub.id) == store.list(kind="salon")[0]
    assert store.get(sub.id).phone == "+212661234567"  # type: ignore[union-attr]


@pytest.mark.parametrize("fields, words", [
    ({"channels": ["sms"], "email": "a@example.ma"}, "need a phone number"),
    ({"channels": ["email"], "phone": "0661234567"}, "needs an email address"),
    ({"channels": ["telegram"], "phone": "0661234567"}, "Telegram needs a chat id"),
    ({"channels": ["pigeon"], "phone": "0661234567"}, "channels"),
    ({"channels": [], "phone": "0661234567"}, "at least one channel"),
    ({"phone": "0522123456"}, "not a mobile number"),
    ({}, "email address or a phone number"),
])
def test_channels_need_their_address(fields: dict[str, object], words: str) -> None:
    with pytest.raises(InvalidSubscription, match=words):
        make_subscription(kind="salon", **fields)


def test_saved_searches_go_by_email_only() -> None:
    with pytest.raises(InvalidSubscription, match="saved searches go by email only"):
        make_subscription(kind="search", email="a@example.ma", phone="0661234567", channels=["sms"])
    # Price alerts and the weekly digest may go by text, with or without an email address.
    assert make_subscription(kind="digest", phone="0661234567", channels=["sms"]).address == "tel:+212661234567"
    assert make_subscription(kind="price", price_group="tapis", chat="-1001", channels=["telegram"]).chat == "-1001"
