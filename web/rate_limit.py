"""A small sliding-window limiter: the subscribe forms must not become a way to mail-bomb an address."""
from __future__ import annotations

import threading
import time
from collections import defaultdict, deque


class RateLimiter:
    def __init__(self, limit: int, window_seconds: float) -> None:
        self.limit = limit
        self.window = window_seconds
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits[key]
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self._hits) > 100_000:  # bounded memory under a flood of distinct keys
                self._hits.clear()
            return True


# Per client address: 20 subscription forms in 10 minutes; per recipient: 3 confirmation emails an hour.
PER_CLIENT = RateLimiter(20, 600)
PER_RECIPIENT = RateLimiter(3, 3600)
