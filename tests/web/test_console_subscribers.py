"""The console's subscribers and audit log over real HTTP, on both engines: search, delivery log, retry, erasure."""
from __future__ import annotations

import uuid
from email.message import EmailMessage

import pytest
from bs4 import BeautifulSoup
from console_support import post, signed_in
from web_support import Site

from alerts.delivery import DeliveryLog, record_id
from alerts.subscriber_admin import erased_counts
from alerts.subscriptions import SubscriptionStore, make_subscription
from web.access import recent_audit

pytestmark = pytest.mark.timeout(120)


def message(to: str, subject: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "veille@example.ma", to, subject
    mail["Message-ID"] = f"<{uuid.uuid4().hex}@example.ma>"
    mail.set_content("Salon du tapis")
    return mail


def subscriber_with_deliveries(site: Site) -> tuple[str, str]:
    email = f"tisserande-{uuid.uuid4().hex[:8]}@exemple.ma"
    sub = SubscriptionStore(site.backend).save(make_subscription(kind="salon", email=email, name="Fatima Zahra",
                                                                 crafts=["tapis"], confirmed=True))
    log = DeliveryLog(site.backend)
    for n, status in enumerate(("sent", "failed", "failed")):
        key = f"{sub.id}:batch:{n}"
        log.enqueue(key, "salon", email, lambda n=n: message(email, f"Alerte salon {n}"))
        record = site.backend.records.get("deliveries", record_id(key))
        assert record is not None
        record.update(status=status, attempts=6 if status == "failed" else 1,
                      error="550 mailbox unavailable" if status == "failed" else None)
        site.backend.records.put("deliveries", record_id(key), record)
    site.backend.records.put("deliveries", record_id(f"{sub.id}:fair-1"), {  # a batch's item mark: not a message
        "key": f"{sub.id}:fair-1", "kind": "salon-item", "recipient": email, "status": "batched"})
    other = f"autre-{uuid.uuid4().hex[:8]}@exemple.ma"  # another person's message is never touched
    log.enqueue(f"sub-other:{other}", "salon", other, lambda: message(other, "Autre"))
    return sub.id, email


def test_search_view_retry_and_remove(site: Site) -> None:
    sub_id, email = subscriber_with_deliveries(site)
    before = erased_counts(site.backend).get("salon:failed", 0)
    with signed_in(site) as (admin, name):
        found = BeautifulSoup(admin.get("/console/subscribers", params={"q": email.split("@")[0].upper()}).text,
                              "html.parser")
        rows = found.select("#subscribers tbody tr")
        assert len(rows) == 1 and email in rows[0].get_text() and "Fatima Zahra" in rows[0].get_text()
        nobody = BeautifulSoup(admin.get("/console/subscribers", params={"q": "zz-nobody-zz"}).text, "html.parser")
        assert "Aucun abonné" in nobody.select_one("#subscribers").get_text()  # type: ignore[union-attr]

        page = BeautifulSoup(admin.get(f"/console/subscribers/{sub_id}?lang=en").text, "html.parser")
        log = page.select("#delivery-log tbody tr")
        assert len(log) == 3 and sum("550 mailbox unavailable" in r.get_text() for r in log) == 2
        assert page.select_one("#retry-failed") is not None and "2" in page.select_one("#retry-failed").get_text()  # type: ignore[union-attr]

        retried = post(admin, f"/console/subscribers/{sub_id}/retry", {}, f"/console/subscribers/{sub_id}")
        assert retried.status_code == 303 and retried.headers["location"].endswith("retried=2")
        statuses = sorted(r["status"] for r in DeliveryLog(site.backend).records()
                          if str(r["key"]).startswith(sub_id + ":batch:"))
        assert statuses == ["retry", "retry", "sent"]  # the sent one is never sent again
        assert all(r["next_attempt_at"] for r in DeliveryLog(site.backend).records("retry")
                   if str(r["key"]).startswith(sub_id))

        removed = post(admin, f"/console/subscribers/{sub_id}/remove", {}, f"/console/subscribers/{sub_id}")
        assert removed.status_code == 303 and removed.headers["location"] == "/console/subscribers?done=removed"
        assert admin.get(f"/console/subscribers/{sub_id}").status_code == 404
        assert post(admin, f"/console/subscribers/{sub_id}/remove", {}, "/console/subscribers").status_code == 404
        audit = BeautifulSoup(admin.get("/console/audit", params={"actor": name}).text, "html.parser")
        text = audit.select_one("#audit").get_text()  # type: ignore[union-attr]
        assert "subscriber.remove" in text and "subscriber.retry" in text and email not in text
    assert SubscriptionStore(site.backend).get(sub_id) is None
    left = [r for r in site.backend.records.list("deliveries", limit=100_000)
            if email in str(r) or str(r.get("key", "")).startswith(sub_id)]
    assert left == []  # no address, name or body left behind
    assert erased_counts(site.backend)["salon:retry"] >= 2 and erased_counts(site.backend).get("salon:failed", 0) == before
    assert any(str(r.get("key", "")).startswith("sub-other:") for r in site.backend.records.list("deliveries", limit=100_000))
    entries = [e for e in recent_audit(site.backend, 20, name) if e.target == f"subscription:{sub_id}"]
    assert [(e.action, e.details) for e in entries] == [("subscriber.remove", {"deliveries_erased": 3}),
                                                        ("subscriber.retry", {"messages": 2})]


def test_audit_log_shows_who_when_what_in_three_languages(site: Site) -> None:
    with signed_in(site) as (admin, name):
        post(admin, "/console/sources/new", {"id": f"a-{uuid.uuid4().hex[:6]}", "kind": "news",
                                             "feeds": "https://coop.example.ma/rss", "enabled": "1", "action": "save"},
             "/console/sources/new")
        for lang, label in (("fr", "source ajoutée"), ("ar", "أُضيف مصدر"), ("en", "source added")):
            soup = BeautifulSoup(admin.get("/console/audit", params={"lang": lang, "actor": name}).text, "html.parser")
            rows = soup.select("#audit tbody tr")
            assert label in rows[0].get_text() and name in rows[0].get_text()
            assert [r.select_one("code").get_text() for r in rows] == ["source.create", "login"]  # type: ignore[union-attr]
