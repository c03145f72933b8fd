"""Kill a run that sends by email, SMS and an Apprise webhook at once, run it again: every subscriber
gets one message per channel; only the one message in flight at the kill can arrive twice."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta

from alerts.delivery import DeliveryLog
from alerts.subscriptions import SubscriptionStore, make_subscription
from http_receiver import HttpReceiver
from indexing.indexer import Indexer
from indexing.models import TradeFair
from support import ROOT, backend_env

TODAY = date(2026, 11, 29)
SUBSCRIBERS = 120
CHANNELS = ("email", "sms", "apprise")


def test_kill_during_a_multi_channel_run(backend, settings, smtp_server, receiver: HttpReceiver) -> None:  # type: ignore[no-untyped-def]
    Indexer(backend).upsert([TradeFair(url="https://f.example.org/sna", source="salons", name="Salon National",
                                       start_date=TODAY + timedelta(days=60), city="Casablanca", country="MA",
                                       crafts=["tapis"])])
    store = SubscriptionStore(backend)
    phones = [f"+212661{i:06d}" for i in range(SUBSCRIBERS)]
    for i, phone in enumerate(phones):
        store.save(make_subscription(kind="salon", email=f"artisan{i}@example.ma", phone=phone,
                                     channels=list(CHANNELS), language=("fr", "ar", "en")[i % 3],
                                     crafts=["tapis"], confirmed=True))
    backend.refresh()
    env = dict(backend_env(backend, settings.var_dir), VEILLE_MAILER="smtp", VEILLE_SMTP_HOST=smtp_server.host,
               VEILLE_SMTP_PORT=str(smtp_server.port), VEILLE_NOTIFIER="apprise",
               VEILLE_APPRISE_SMS=f"smseagle://gatewaySecret1@{receiver.url}/{{phone}}?secure=no",
               VEILLE_APPRISE_EXTRA=f"json://{receiver.url}/advisors/{{phone}}")
    cmd = [sys.executable, "-m", "cli", "alerts", "run", "--today", TODAY.isoformat()]
    log = open(settings.var_dir.parent / "killed-run.log", "wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 180

    def delivered() -> int:
        return len(smtp_server.parsed()) + len(receiver.received())

    while delivered() < 60 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.01)
    assert proc.poll() is None, "the run finished before it could be killed; raise SUBSCRIBERS"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    log.close()
    assert 0 < delivered() < SUBSCRIBERS * len(CHANNELS)

    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    received = {
        "email": Counter(str(m["To"]) for m in smtp_server.parsed()),
        "sms": Counter(r.json()["params"]["to"] for r in receiver.received("/jsonrpc/sms")),
        "apprise": Counter(r.path.rsplit("/", 1)[1].replace("%2B", "+") for r in receiver.received("/advisors/")),
    }
    assert set(received["email"]) == {f"artisan{i}@example.ma" for i in range(SUBSCRIBERS)}  # no loss
    assert set(received["sms"]) == set(phones) and set(received["apprise"]) == set(phones)
    twice = [(channel, who) for channel, counts in received.items() for who, n in counts.items() if n > 1]
    assert len(twice) <= 1 and all(received[c][w] == 2 for c, w in twice)
    assert DeliveryLog(backend).status_counts()["sent"] == SUBSCRIBERS * len(CHANNELS)
    assert "gatewaySecret1" not in done.stdout + done.stderr
