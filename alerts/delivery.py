"""The delivery log: at most one message per key, queued before sending so nothing is lost.

A key is (subscription, item) for alerts and (recipient, ISO week) for digests. `enqueue`
stores the rendered message with create-if-absent, so a second run (or a restarted one)
can never queue the same key twice. `dispatch` sends queued messages and marks them sent;
a process killed after the SMTP server accepted a message but before it was marked sent
resends it once with the same Message-ID, which mail clients collapse.

Text channels (WhatsApp, SMS, Telegram, Apprise) use the same log: a record with a `channel` holds
the short text instead of the email, and goes through a Notifier. Each channel's record is its own
key, retried and backed off on its own; a channel that fails in a run defers its other messages of
that run without trying, so an outage costs one timeout, not one per subscriber.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, TypeVar

from alerts.mailers import Mailer, MailerError
from alerts.messages import WIRE_POLICY
from alerts.notifiers import Notifier
from alerts.wire import WireMessage
from indexing.backends.base import SearchBackend
from indexing.models import now_utc

log = logging.getLogger(__name__)
COLLECTION = "deliveries"
MAX_ATTEMPTS = 6
COUNTS_RECORD = "delivery-counts"
QUEUE_BATCH = 200
T = TypeVar("T")
# What a compacted record keeps: enough for `already(key)` (at most once, forever) and the status pages.
_KEPT_FIELDS = ("key", "kind", "channel", "recipient", "status", "attempts", "message_id", "subject", "created_at", "updated_at")


def record_id(key: str) -> str:
    return "d-" + hashlib.sha256(key.encode()).hexdigest()[:40]


def stored_message(data: bytes) -> dict[str, str]:
    """The message as the log stores it: compressed (a digest shrinks about fourfold, and so do the
    log's writes and the file a run of 100,000 pages through)."""
    return {"message": base64.b64encode(zlib.compress(data, 6)).decode("ascii"), "message_encoding": "zlib"}


def message_bytes(record: dict[str, Any]) -> bytes:
    """The stored message's bytes; a record queued before compression has no `message_encoding`."""
    data = base64.b64decode(record["message"])
    return zlib.decompress(data) if record.get("message_encoding") == "zlib" else data


@dataclass
class DispatchReport:
    sent: int = 0
    failed: int = 0
    deferred: int = 0


class DeliveryLog:
    def __init__(self, backend: SearchBackend) -> None:
        self.backend = backend

    def already(self, key: str) -> bool:
        return self.backend.records.get(COLLECTION, record_id(key)) is not None

    def enqueue(self, key: str, kind: str, recipient: str, build: Callable[[], EmailMessage | WireMessage],
                extra: dict[str, Any] | None = None) -> bool:
        """Queue the message for `key` unless one was ever queued; returns whether it was queued now.

        `extra` is stored with the record (a batch lists the item keys it announces)."""
        if self.already(key):
            return False
        built = build()
        message = built if isinstance(built, WireMessage) else WireMessage(
            built["Message-ID"], str(built["From"]), str(built["Subject"]), built.as_bytes(policy=WIRE_POLICY))
        now = now_utc().isoformat()
        record = {
            "key": key, "kind": kind, "recipient": recipient, "status": "queued", "attempts": 0,
            "message_id": message.message_id, "subject": message.subject, "sender": message.sender,
            **stored_message(message.data),
            "created_at": now, "updated_at": now, "next_attempt_at": now, "error": None, **(extra or {}),
        }
        return self.backend.records.put(COLLECTION, record_id(key), record, create_only=True)

    def queueing(self, items: Iterable[T], every: int = QUEUE_BATCH) -> Iterator[T]:
        """`items` again, the log's writes meanwhile committed `every` items at a time (a record store
        batch). A run killed inside a batch loses only queue writes of messages not yet sent, which the
        next run queues again: the at-most-once rule holds."""
        iterator = iter(items)
        while chunk := list(islice(iterator, every)):
            with self.backend.records.batch():
                yield from chunk

    def enqueue_text(self, key: str, kind: str, channel: str, recipient: str, text: str,
                     extra: dict[str, Any] | None = None) -> bool:
        """Queue a short text for `channel`, under the same at-most-once rule as `enqueue`."""
        if self.already(key):
            return False
        now = now_utc().isoformat()
        record = {
            "key": key, "kind": kind, "channel": channel, "recipient": recipient, "status": "queued", "attempts": 0,
            "message_id": hashlib.sha256(key.encode()).hexdigest()[:32], "subject": text.split("\n", 1)[0][:120],
            "text": text, "created_at": now, "updated_at": now, "next_attempt_at": now, "error": None, **(extra or {}),
        }
        return self.backend.records.put(COLLECTION, record_id(key), record, create_only=True)

    def compact(self, before: datetime, limit: int = 100_000) -> dict[str, int]:
        """Drop the stored bodies of messages finished before `before`; count them per month, kind, status.

        The record itself stays (small), so its key can never be queued again."""
        cutoff = before.isoformat()
        tally: dict[str, int] = {}
        for status in ("sent", "failed"):
            for record in self.records(status, limit=limit):
                if record.get("compacted") or str(record.get("updated_at", "")) >= cutoff:
                    continue
                slim = {k: record[k] for k in _KEPT_FIELDS if k in record}
                self.backend.records.put(COLLECTION, record_id(record["key"]), {**slim, "compacted": True})
                name = f"{str(record.get('created_at', ''))[:7] or 'unknown'}:{record.get('kind', 'unknown')}:{status}"
                tally[name] = tally.get(name, 0) + 1
        if tally:
            counts = self.counts()
            for name, n in tally.items():
                counts[name] = counts.get(name, 0) + n
            self.backend.records.put("meta", COUNTS_RECORD, {"counts": counts, "updated_at": now_utc().isoformat()})
        return tally

    def counts(self) -> dict[str, int]:
        """Compacted messages per `YYYY-MM:kind:status`."""
        stored = self.backend.records.get("meta", COUNTS_RECORD) or {}
        return {k: int(v) for k, v in (stored.get("counts") or {}).items()}

    def records(self, status: str | None = None, limit: int = 100_000) -> list[dict[str, Any]]:
        return self.backend.records.list(COLLECTION, {"status": status} if status else None, limit=limit)

    def _pending(self) -> Iterator[dict[str, Any]]:
        """Queued, then retried records, a page at a time: a backlog of 100,000 stored messages is
        never in memory at once. A record retried in this run is not met again in the retry pass."""
        done: set[str] = set()
        for status in ("queued", "retry"):
            for record in self.backend.records.iter(COLLECTION, {"status": status}):
                if record["key"] not in done:
                    done.add(record["key"])
                    yield record

    def _update(self, record: dict[str, Any], **changes: Any) -> None:
        record.update(changes, updated_at=now_utc().isoformat())
        self.backend.records.put(COLLECTION, record_id(record["key"]), record)

    @staticmethod
    def _send(record: dict[str, Any], mailer: Mailer, notifier: Notifier | None) -> None:
        channel = record.get("channel") or "email"
        if channel == "email":
            mailer.send_bytes(record["message_id"], record["sender"], [record["recipient"]], message_bytes(record))
        else:
            assert notifier is not None
            notifier.send(channel, record["recipient"], record["text"], record["message_id"])

    def dispatch(self, mailer: Mailer, now: datetime | None = None, retry_sleep: float = 0.0,
                 in_run_retries: int = 0, notifier: Notifier | None = None) -> DispatchReport:
        """Send every due queued message; failures back off exponentially across runs."""
        report = DispatchReport()
        now = now or now_utc()
        down: dict[str, str] = {}  # text channel -> its error in this run
        for record in self._pending():
            if record["status"] == "retry" and record.get("next_attempt_at", "") > now.isoformat():
                report.deferred += 1
                continue
            channel = record.get("channel") or "email"
            if channel != "email" and notifier is None:
                continue  # a run without a notifier leaves text messages to a run that has one
            if channel in down:
                self._update(record, status="retry", error=down[channel],
                             next_attempt_at=(now + timedelta(minutes=2)).isoformat())
                report.deferred += 1
                continue
            # No "sending" write before the attempt: a killed run leaves the record queued and the
            # next run sends it, with the same Message-ID.
            for attempt in range(in_run_retries + 1):
                try:
                    self._send(record, mailer, notifier)
                except MailerError as exc:
                    attempts = int(record.get("attempts", 0)) + 1
                    if exc.permanent or attempts >= MAX_ATTEMPTS:
                        self._update(record, status="failed", attempts=attempts, error=str(exc)[:500])
                        report.failed += 1
                        log.warning("delivery %s failed for good: %s", record["key"], exc)
                        break
                    if attempt < in_run_retries:
                        record["attempts"] = attempts
                        time.sleep(retry_sleep * (2 ** attempt))
                        continue
                    if channel != "email":
                        down[channel] = str(exc)[:500]
                    backoff = timedelta(minutes=2 ** attempts)
                    self._update(record, status="retry", attempts=attempts, error=str(exc)[:500],
                                 next_attempt_at=(now + backoff).isoformat())
                    report.deferred += 1
                    log.info("delivery %s deferred (attempt %d): %s", record["key"], attempts, exc)
                    break
                else:
                    self._update(record, status="sent", attempts=int(record.get("attempts", 0)) + 1, error=None,
                                 sent_at=now_utc().isoformat())
                    report.sent += 1
                    break
        return report

    def status_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for status in ("queued", "retry", "sent", "failed"):
            counts[status] = len(self.records(status))
        return counts
