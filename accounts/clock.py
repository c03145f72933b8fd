"""Timestamps of account records: epoch seconds for arithmetic, ISO strings for ordering and reading."""
from __future__ import annotations

import time
from datetime import datetime, timezone


def epoch() -> float:
    return time.time()


def iso(at: float | None = None) -> str:
    return datetime.fromtimestamp(epoch() if at is None else at, timezone.utc).isoformat(timespec="microseconds")
