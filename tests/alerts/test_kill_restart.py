"""Kill the alert run mid-way with SIGKILL, run it again: nobody is missed, nobody gets two messages."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta

from alerts.delivery import DeliveryLog
from alerts.subscriptions import SubscriptionStore, make_subscription
from support import ROOT, backend_env
from indexing.indexer import Indexer
from indexing.models import TradeFair

TODAY = date(2026, 11, 29)
SUBSCRIBERS = 400


def _env(backend, settings, smtp) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(backend_env(backend, settings.var_dir), VEILLE_MAILER="smtp", VEILLE_SMTP_HOST=smtp.host,
                VEILLE_SMTP_PORT=str(smtp.port))


def test_kill_and_restart_loses_nothing_and_duplicates_nothing(backend, settings, smtp_server) -> None:  # type: ignore[no-untyped-def]
    Indexer(backend).upsert([TradeFair(url="https://f.example.org/sna", source="salons", name="Salon National",
                                       start_date=TODAY + timedelta(days=60), city="Casablanca", country="MA",
                                       crafts=["tapis"])])
    store = SubscriptionStore(backend)
    for i in range(SUBSCRIBERS):
        store.save(make_subscription(kind="salon", email=f"artisan{i}@example.ma", language=("fr", "ar", "en")[i % 3],
                                     crafts=["tapis"], confirmed=True))
    backend.refresh()
    cmd = [sys.executable, "-m", "cli", "alerts", "run", "--today", TODAY.isoformat()]
    env = _env(backend, settings, smtp_server)
    log = open(settings.var_dir.parent / "killed-run.log", "wb")  # never a pipe nobody reads
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while len(smtp_server.parsed()) < 20 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.01)
    assert proc.poll() is None, "the run finished before it could be killed; raise SUBSCRIBERS"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    log.close()
    killed_at = len(smtp_server.parsed())
    assert 0 < killed_at < SUBSCRIBERS

    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    received = Counter(m["To"] for m in smtp_server.parsed())
    assert set(received) == {f"artisan{i}@example.ma" for i in range(SUBSCRIBERS)}  # no loss
    duplicates = [to for to, n in received.items() if n > 1]
    # Only a message accepted by SMTP in the instant before the kill can go twice, with the same Message-ID.
    assert len(duplicates) <= 1
    for to in duplicates:
        ids = {m["Message-ID"] for m in smtp_server.parsed() if m["To"] == to}
        assert len(ids) == 1
    assert DeliveryLog(backend).status_counts()["sent"] == SUBSCRIBERS
