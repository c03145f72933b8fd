"""Kill the digest run while it queues (its queue writes are committed in batches), run it again:
every reader gets the week's digest, and nobody gets it twice."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter

from alerts.delivery import QUEUE_BATCH, DeliveryLog
from alerts.subscriptions import SubscriptionStore, make_subscription
from support import ROOT, backend_env

READERS = 6 * QUEUE_BATCH


def test_a_run_killed_while_queueing_digests_loses_and_repeats_nothing(backend, settings, smtp_server) -> None:  # type: ignore[no-untyped-def]
    store = SubscriptionStore(backend)
    for i in range(READERS):
        store.save(make_subscription(kind="digest", email=f"lecteur{i}@example.ma", language=("fr", "ar", "en")[i % 3],
                                     confirmed=True))
    backend.refresh()
    cmd = [sys.executable, "-m", "cli", "digest", "--week", "2026-W48"]
    env = dict(backend_env(backend, settings.var_dir), VEILLE_MAILER="smtp", VEILLE_SMTP_HOST=smtp_server.host,
               VEILLE_SMTP_PORT=str(smtp_server.port))
    log = open(settings.var_dir.parent / "killed-digest.log", "wb")  # never a pipe nobody reads
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deliveries = DeliveryLog(backend)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not deliveries.records("queued", limit=READERS):
        time.sleep(0.005)
    assert proc.poll() is None, "the run finished before it could be killed; raise READERS"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    log.close()
    queued_at_kill = len(deliveries.records("queued", limit=READERS))
    assert 0 < queued_at_kill < READERS and not smtp_server.parsed()

    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    received = Counter(m["To"] for m in smtp_server.parsed())
    assert received == Counter({f"lecteur{i}@example.ma": 1 for i in range(READERS)})
    assert deliveries.status_counts()["sent"] == READERS
