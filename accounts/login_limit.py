"""Failed logins counted per account and per client in the `login_attempts` records, so every UI instance
enforces one limit: past it, logins are refused for the rest of the window, even with the right password."""
from __future__ import annotations

import hashlib

from accounts.clock import epoch, iso
from indexing.backends.records import RecordStore

COLLECTION = "login_attempts"


def _key(kind: str, value: str) -> str:
    return f"{kind}:" + hashlib.sha256(value.encode()).hexdigest()[:32]


class LoginLimiter:
    def __init__(self, records: RecordStore, max_failures: int = 5, window_seconds: float = 900,
                 max_client_failures: int = 20) -> None:
        self.records = records
        self.max_failures = max_failures
        self.max_client_failures = max_client_failures
        self.window = window_seconds

    def _recent(self, key: str, now: float) -> list[float]:
        data = self.records.get(COLLECTION, key) or {}
        return [t for t in data.get("failures", []) if isinstance(t, (int, float)) and t > now - self.window]

    def _limits(self, username: str, client: str) -> list[tuple[str, int]]:
        return [(_key("account", username.strip().lower()), self.max_failures),
                (_key("client", client), self.max_client_failures)]

    def blocked(self, username: str, client: str) -> bool:
        now = epoch()
        return any(len(self._recent(key, now)) >= limit for key, limit in self._limits(username, client))

    def failed(self, username: str, client: str) -> None:
        now = epoch()
        for key, limit in self._limits(username, client):
            failures = (self._recent(key, now) + [now])[-limit:]
            self.records.put(COLLECTION, key, {"key": key, "failures": failures, "updated_at": iso(now)})

    def succeeded(self, username: str) -> None:
        """A good password clears the account's count, not the client's (one client may try many accounts)."""
        self.records.delete(COLLECTION, _key("account", username.strip().lower()))

    def purge_expired(self) -> int:
        now = epoch()
        stale = [str(r["key"]) for r in self.records.list(COLLECTION)
                 if "key" in r and not [t for t in r.get("failures", []) if isinstance(t, (int, float)) and t > now - self.window]]
        return sum(self.records.delete(COLLECTION, key) for key in stale)
