"""What the console does with subscribers: find them, read their delivery log, retry failed messages, erase them.

Erasing removes the subscription and every delivery record addressed to it (addresses, names and message bodies);
what is kept is a count of its messages per kind and status, with nothing that points back to the person.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from alerts.delivery import COLLECTION, record_id
from alerts.subscriptions import Subscription, SubscriptionStore
from indexing.backends.base import SearchBackend
from indexing.models import now_utc

ERASED_COUNTS = ("meta", "erased-deliveries")
MARKER_STATUS = "batched"  # per-item "announced" marks of a batch: not messages of their own


def matches(sub: Subscription, text: str) -> bool:
    needle = text.strip().casefold()
    haystack = " ".join((sub.email, sub.phone, sub.chat, sub.name, sub.kind, sub.title, sub.price_group, sub.shop))
    return not needle or needle in haystack.casefold()


def search_subscribers(store: SubscriptionStore, text: str = "", limit: int = 200) -> list[Subscription]:
    found = [s for s in store.list() if matches(s, text)]
    return sorted(found, key=lambda s: s.created_at, reverse=True)[:limit]


def _owned(record: dict[str, Any], sub: Subscription) -> bool:
    key = str(record.get("key", ""))
    return key.startswith(sub.id + ":") or (sub.kind == "digest" and bool(sub.email)
                                            and key.startswith(f"digest:{sub.email}:"))


def all_delivery_records(backend: SearchBackend, sub: Subscription) -> list[dict[str, Any]]:
    """Every delivery record of the subscription, batch item marks included."""
    seen: dict[str, dict[str, Any]] = {}
    for address in {a for a in (sub.email, sub.phone, sub.chat) if a}:
        for record in backend.records.list(COLLECTION, {"recipient": address}):
            if _owned(record, sub):
                seen[str(record["key"])] = record
    return sorted(seen.values(), key=lambda r: str(r.get("created_at", "")), reverse=True)


def delivery_log(backend: SearchBackend, sub: Subscription) -> list[dict[str, Any]]:
    """The messages (newest first) with their status, attempts and last error."""
    return [{k: record.get(k) for k in ("key", "kind", "channel", "recipient", "subject", "status", "attempts", "error",
                                        "created_at", "updated_at", "sent_at", "compacted")}
            for record in all_delivery_records(backend, sub) if record.get("status") != MARKER_STATUS]


def retry_failed(backend: SearchBackend, sub: Subscription) -> int:
    """Put its failed messages back in the queue: the next alerts run sends them (the web process sends nothing).
    A compacted message has lost its body and cannot be sent again."""
    now = now_utc().isoformat()
    retried = 0
    for record in all_delivery_records(backend, sub):
        if record.get("status") != "failed" or record.get("compacted"):
            continue
        record.update(status="retry", next_attempt_at=now, updated_at=now, retried_by_operator=True)
        backend.records.put(COLLECTION, record_id(str(record["key"])), record)
        retried += 1
    return retried


@dataclass(frozen=True)
class Erasure:
    removed: bool
    deliveries: int


def erase_subscriber(backend: SearchBackend, sub_id: str) -> Erasure:
    store = SubscriptionStore(backend)
    sub = store.get(sub_id)
    if sub is None:
        return Erasure(False, 0)
    records = all_delivery_records(backend, sub)
    messages = [r for r in records if r.get("status") != MARKER_STATUS]
    counts = erased_counts(backend)
    for record in messages:
        name = f"{record.get('kind', 'unknown')}:{record.get('status', 'unknown')}"
        counts[name] = counts.get(name, 0) + 1
    backend.records.put(*ERASED_COUNTS, {"counts": counts, "updated_at": now_utc().isoformat()})
    for record in records:
        backend.records.delete(COLLECTION, record_id(str(record["key"])))
    store.remove(sub_id)
    return Erasure(True, len(messages))


def erased_counts(backend: SearchBackend) -> dict[str, int]:
    """Messages of erased subscribers per `kind:status`: all that is left of them."""
    stored = backend.records.get(*ERASED_COUNTS) or {}
    return {str(k): int(v) for k, v in (stored.get("counts") or {}).items()}
