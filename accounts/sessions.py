"""Browser sessions, server-side in the `sessions` records: a random id in a signed cookie, ended by logout or
inactivity. The record's key is a hash of the id, so reading the records does not hand out live sessions."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from accounts.clock import epoch, iso
from indexing.backends.records import RecordStore

COLLECTION = "sessions"
TOUCH_EVERY_SECONDS = 60  # a write per request would be a write per page view


def record_key(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


@dataclass(frozen=True)
class Session:
    session_id: str
    username: str
    last_seen: float


class SessionStore:
    def __init__(self, records: RecordStore, idle_seconds: float) -> None:
        self.records = records
        self.idle_seconds = idle_seconds

    def create(self, username: str) -> Session:
        session_id = secrets.token_urlsafe(32)
        now = epoch()
        key = record_key(session_id)
        self.records.put(COLLECTION, key, {"key": key, "username": username, "created": now, "last_seen": now,
                                           "updated_at": iso(now)})
        return Session(session_id, username, now)

    def get(self, session_id: str) -> Session | None:
        """The live session, its inactivity clock restarted; an expired one is deleted and is None."""
        key = record_key(session_id)
        data = self.records.get(COLLECTION, key)
        if data is None:
            return None
        now = epoch()
        last_seen = float(data.get("last_seen", 0))
        if now - last_seen > self.idle_seconds:
            self.records.delete(COLLECTION, key)
            return None
        if now - last_seen > TOUCH_EVERY_SECONDS:
            self.records.put(COLLECTION, key, {**data, "last_seen": now, "updated_at": iso(now)})
            last_seen = now
        return Session(session_id, str(data["username"]), last_seen)

    def end(self, session_id: str) -> bool:
        return self.records.delete(COLLECTION, record_key(session_id))

    def end_all(self, username: str) -> int:
        keys = [r["key"] for r in self.records.list(COLLECTION, {"username": username}) if "key" in r]
        return sum(self.records.delete(COLLECTION, key) for key in keys)

    def purge_expired(self) -> int:
        """Sessions left idle past the limit (a browser closed without logging out)."""
        cutoff = epoch() - self.idle_seconds
        stale = [r["key"] for r in self.records.list(COLLECTION) if float(r.get("last_seen", 0)) < cutoff and "key" in r]
        return sum(self.records.delete(COLLECTION, key) for key in stale)
