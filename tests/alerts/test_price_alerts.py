"""Price-change alerts: a group, a shop or an offer, a threshold, once per observation across restarts."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from alerts.delivery import DeliveryLog
from alerts.price_alerts import price_matches, queue_price_alerts, recent_changes
from alerts.subscriptions import SubscriptionStore, make_subscription
from indexing.indexer import Indexer
from indexing.models import Offer
from support import ROOT, backend_env

import pytest

NOW = datetime.now(timezone.utc).replace(microsecond=0)


def rug(price: str, hours_ago: int, shop: str = "Maison d'Orient") -> Offer:
    return Offer(url=f"https://{shop[:6].lower().replace(' ', '').replace(chr(39), '')}.example.fr/kilim", source="orient",
                 shop=shop, name="Kilim berbère 150 x 240 cm", price=Decimal(price), currency="EUR",
                 price_eur=Decimal(price), price_mad=Decimal(price) * 10, crafts=["tapis"], language="fr",
                 observed_at=NOW - timedelta(hours=hours_ago))


def _run(cmd: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "cli", *cmd], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_threshold_and_watch_targets(backend) -> None:  # type: ignore[no-untyped-def]
    idx = Indexer(backend)
    for price, hours in (("400", 50), ("380", 30), ("342", 10)):  # -5 %, then -10 %
        idx.upsert([rug(price, hours)])
    backend.refresh()
    changes = recent_changes(backend, NOW)
    assert [round(c.change_pct, 1) for c in changes] == [-5.0, -10.0]
    offer_id = changes[0].offer.id
    subs = [make_subscription(kind="price", email="a@example.ma", price_group="tapis/rug", threshold_pct=8, confirmed=True),
            make_subscription(kind="price", email="b@example.ma", shop="maison d'orient", threshold_pct=4, confirmed=True),
            make_subscription(kind="price", email="c@example.ma", offer_id=offer_id, threshold_pct=20, confirmed=True),
            make_subscription(kind="price", email="d@example.ma", price_group="cuir", threshold_pct=1, confirmed=True)]
    fired = sorted((s.email, round(c.change_pct)) for s, c in price_matches(subs, changes))
    assert fired == [("a@example.ma", -10), ("b@example.ma", -10), ("b@example.ma", -5)]
    with pytest.raises(ValueError):
        make_subscription(kind="price", email="e@example.ma")


def test_price_alert_fires_once_across_a_restart(backend, settings) -> None:  # type: ignore[no-untyped-def]
    env = dict(backend_env(backend, settings.var_dir), VEILLE_MAILER="outbox")
    out = _run(["subscribe", "--kind", "price", "--email", "conseil@example.ma", "--group", "tapis/rug/M",
                "--threshold", "10"], env)
    assert "(price)" in out
    idx = Indexer(backend)
    idx.upsert([rug("400", 30)])
    idx.upsert([rug("460", 20)])  # +15 %: crosses the threshold
    backend.refresh()

    # The first run is cut short after queueing (as a kill would): nothing is sent yet.
    assert queue_price_alerts(settings, backend) == (1, 1)
    _run(["alerts", "run"], env)  # a new process: sends the queued alert
    _run(["alerts", "run"], env)  # and again: the same observation never fires twice
    outbox = sorted(settings.outbox_dir.glob("*.eml"))
    assert len(outbox) == 1
    mail = outbox[0].read_text(encoding="utf-8", errors="replace")
    assert "Kilim" in mail and "+15.0 %" in mail

    idx.upsert([rug("470", 10)])  # +2 %: below the threshold
    backend.refresh()
    _run(["alerts", "run"], env)
    assert len(list(settings.outbox_dir.glob("*.eml"))) == 1
    idx.upsert([rug("400", 1)])  # -14.9 %: a new observation crosses it again
    backend.refresh()
    _run(["alerts", "run"], env)
    _run(["alerts", "run"], env)
    assert len(list(settings.outbox_dir.glob("*.eml"))) == 2
    price_records = [r for r in DeliveryLog(backend).records() if r.get("kind") == "price"]
    assert len(price_records) == 2 and {r["status"] for r in price_records} == {"sent"}
    assert SubscriptionStore(backend).list(kind="price")[0].threshold_pct == 10
