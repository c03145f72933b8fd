"""The audit log: who did what to what, and when, in the `audit` records (never edited, never deleted here)."""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from accounts.clock import iso
from indexing.backends.base import SearchBackend

COLLECTION = "audit"


@dataclass(frozen=True)
class AuditEntry:
    at: str
    actor: str
    action: str
    target: str
    details: dict[str, Any]


def record_audit(backend: SearchBackend, actor: str, action: str, target: str,
                 details: dict[str, Any] | None = None) -> AuditEntry:
    entry = AuditEntry(iso(), actor, action, target, dict(details or {}))
    # The time first, so ids sort like the entries; the random part keeps two entries of one instant apart.
    record_id = f"{entry.at}-{uuid.uuid4().hex[:8]}"
    # Details as JSON text: free-form fields would fight over Elasticsearch's dynamic mapping.
    backend.records.put(COLLECTION, record_id, {"at": entry.at, "updated_at": entry.at, "actor": actor,
                                                "action": action, "target": target,
                                                "details": json.dumps(entry.details, default=str, ensure_ascii=False)},
                        create_only=True)
    return entry


def recent_audit(backend: SearchBackend, limit: int = 200, actor: str | None = None) -> list[AuditEntry]:
    rows = backend.records.list(COLLECTION, {"actor": actor} if actor else None, limit=limit)
    return [AuditEntry(str(r["at"]), str(r["actor"]), str(r["action"]), str(r["target"]),
                       json.loads(str(r.get("details") or "{}"))) for r in rows]
