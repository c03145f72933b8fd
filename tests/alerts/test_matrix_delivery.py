"""A salon alert through the Apprise channel an operator configures (`VEILLE_APPRISE_EXTRA=matrix://…`)
to a real Matrix homeserver on loopback (Dendrite, started by .ci/push_server.sh), read back by an
advisor's account through the server's own client API: plain text within the limits for a hostile
fair name, and sent once only across a run killed after queuing and two restarts."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid
from datetime import date, timedelta

import pytest

from alerts.delivery import DeliveryLog
from alerts.service import queue_salon_alerts
from alerts.short_messages import CHAT_MAX_CHARS
from alerts.subscriptions import SubscriptionStore, make_subscription
from indexing.indexer import Indexer
from indexing.models import TradeFair
from matrix_server import MatrixServer
from support import ROOT, backend_env, unavailable

TODAY = date(2026, 11, 29)
HOSTILE_NAME = "Salon du Cuir\n<script>alert(1)</script> \u202eexe.txt\u202c\r\nBcc: x@example.com " + "long " * 80


@pytest.fixture
def matrix() -> MatrixServer:
    url, secret = os.environ.get("VEILLE_TEST_MATRIX_URL"), os.environ.get("VEILLE_TEST_MATRIX_SECRET")
    if not url or not secret:
        unavailable("VEILLE_TEST_MATRIX_URL/SECRET are unset",
                    "`.ci/push_server.sh build && .ci/push_server.sh start` then source var/push/env")
    return MatrixServer(url, secret)


def test_salon_alert_reaches_a_matrix_room_once(backend, settings, matrix: MatrixServer) -> None:  # type: ignore[no-untyped-def]
    sender, advisor = matrix.register("veille"), matrix.register("advisor")
    alias = f"salons-{uuid.uuid4().hex[:8]}"
    room_id = advisor.public_room(alias)
    Indexer(backend).upsert([TradeFair(url="https://fairs.example.org/cuir", source="salons", city="Fès",
                                       name=HOSTILE_NAME, country="MA", start_date=TODAY + timedelta(days=45),
                                       crafts=["cuir"])])
    SubscriptionStore(backend).save(make_subscription(kind="salon", email="conseil@example.ma", crafts=["cuir"],
                                                      channels=["apprise"], confirmed=True))
    backend.refresh()
    assert queue_salon_alerts(settings, backend, TODAY) == (1, 1)  # then the run is killed: nothing sent
    assert advisor.messages(room_id) == []

    env = dict(backend_env(backend, settings.var_dir), VEILLE_NOTIFIER="apprise",
               VEILLE_APPRISE_EXTRA=f"matrix://{sender.user}:{sender.password}@{matrix.host_port}/#{alias}")
    cmd = [sys.executable, "-m", "cli", "alerts", "run", "--today", TODAY.isoformat()]
    for _ in range(2):  # the restarted run sends it; the next one finds it sent
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        assert sender.password not in done.stdout + done.stderr

    (event,) = advisor.messages(room_id)
    content = event["content"]
    assert event["sender"].startswith(f"@{sender.user}:") and content["msgtype"] == "m.text"
    assert "formatted_body" not in content  # plain text, no HTML for a client to render
    body = content["body"]
    assert body.startswith("veille : salon pour vous\nSalon du Cuir") and "/fairs/" in body
    assert not any(c in body for c in "<>\r\u202e\u202c") and "\nBcc:" not in body
    assert len(body) <= CHAT_MAX_CHARS and "long " * 20 not in body
    assert DeliveryLog(backend).status_counts() == {"queued": 0, "retry": 0, "sent": 1, "failed": 0}
