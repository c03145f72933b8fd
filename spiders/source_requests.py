""""Run now" requests: the console writes one as a record, the scheduler picks it up on its next tick.

The web process never crawls. A request is claimed with a create-only record, so two schedulers never run it twice.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

from indexing.backends.records import RecordStore

COLLECTION = "source_requests"
PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


@dataclass(frozen=True)
class RunRequest:
    id: str
    source_id: str
    spider: str
    requested_by: str
    requested_at: str
    status: str
    finished_at: str = ""
    result: str = ""

    @classmethod
    def of(cls, row: dict[str, Any]) -> "RunRequest":
        return cls(**{k: str(row.get(k) or "") for k in cls.__dataclass_fields__})


class RunRequests:
    def __init__(self, records: RecordStore) -> None:
        self.records = records

    def request(self, source_id: str, spider: str, requested_by: str) -> RunRequest:
        now = _now()
        row = {"id": uuid.uuid4().hex, "source_id": source_id, "spider": spider, "requested_by": requested_by,
               "requested_at": now, "status": PENDING, "updated_at": now}
        self.records.put(COLLECTION, row["id"], row)
        return RunRequest.of(row)

    def of_source(self, source_id: str, limit: int = 20) -> list[RunRequest]:
        rows = [r for r in self.records.list(COLLECTION, {"source_id": source_id}, limit=limit) if "spider" in r]
        return [RunRequest.of(r) for r in rows]

    def pending(self) -> list[RunRequest]:
        rows = self.records.list(COLLECTION, {"status": PENDING})
        return sorted((RunRequest.of(r) for r in rows if "spider" in r), key=lambda r: r.requested_at)

    def claim(self, request: RunRequest) -> bool:
        """True for the one process that gets to run it."""
        if not self.records.put(COLLECTION, f"{request.id}.claim", {"request": request.id, "claimed_at": _now(),
                                                                    "updated_at": ""}, create_only=True):
            return False
        self._update(request, status=RUNNING)
        return True

    def finish(self, request: RunRequest, ok: bool, result: str) -> None:
        self._update(request, status=DONE if ok else FAILED, finished_at=_now(), result=result[:500])

    def _update(self, request: RunRequest, **changes: str) -> None:
        row = self.records.get(COLLECTION, request.id) or {}
        self.records.put(COLLECTION, request.id, {**row, **changes, "updated_at": _now()})


def run_pending(requests: RunRequests, run: Callable[[str, str], dict[str, Any]]) -> list[RunRequest]:
    """Run every pending request this process can claim; `run(spider, source_id)` is the crawl job."""
    done = []
    for request in requests.pending():
        if not requests.claim(request):
            continue
        try:
            result = run(request.spider, request.source_id)
        except Exception as exc:  # recorded on the request; the next one still runs
            requests.finish(request, False, f"{type(exc).__name__}: {exc}")
        else:
            status = str(result.get("status", "ok"))
            requests.finish(request, status == "ok", f"{status}: {result.get('items', 0)} item(s), "
                                                    f"{result.get('errors', 0)} error(s)")
        done.append(request)
    return done
