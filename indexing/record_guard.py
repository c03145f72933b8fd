"""Stored records read back for a page, an export, a feed or an email: one that no longer makes a valid
document (stored before a rule existed, edited by hand, written by another version) is skipped,
logged and counted per source, so it never breaks the page for everyone."""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TypeVar

from indexing.models import Document, document_from_dict

if TYPE_CHECKING:
    from indexing.backends.base import SearchBackend

log = logging.getLogger(__name__)
SKIPPED_COLLECTION = "skipped"
DocumentT = TypeVar("DocumentT", bound=Document)


def valid_document(kind: str, data: Any, where: str, backend: "SearchBackend | None" = None) -> Document | None:
    """The stored record as a document, or None (logged and counted) when it is not a valid one."""
    try:
        if not isinstance(data, dict):
            raise TypeError(f"a stored document must be an object, not {type(data).__name__}")
        return document_from_dict(kind, data)
    except (ValueError, TypeError, ArithmeticError) as exc:  # pydantic's ValidationError is a ValueError
        note_skipped(kind, data, where, exc, backend)
        return None


def valid_documents(kind: str, records: Iterable[Any], where: str, model: type[DocumentT],
                    backend: "SearchBackend | None" = None) -> list[DocumentT]:
    return [doc for data in records if isinstance(doc := valid_document(kind, data, where, backend), model)]


def note_skipped(kind: str, data: Any, where: str, error: BaseException, backend: "SearchBackend | None") -> None:
    record = data if isinstance(data, dict) else {}
    source = str(record.get("source") or "unknown")[:100]
    url = str(record.get("url") or "")[:2000]
    doc_id = f"{kind}-" + hashlib.sha1(f"{url}|{record.get('name') or record.get('title')}".encode("utf-8", "replace")).hexdigest()[:20]
    reason = str(error).splitlines()[0][:300] if str(error) else type(error).__name__
    log.warning("skipped a stored %s record of %s in %s (%s): %s", kind, source, where, url[:200], reason)
    if backend is None:
        return
    try:
        backend.records.put(SKIPPED_COLLECTION, doc_id, {
            "source": source, "kind": kind, "doc": doc_id, "url": url, "where": where, "reason": reason,
            "updated_at": datetime.now(timezone.utc).isoformat()})
    except Exception as exc:  # noqa: BLE001 - counting must never break the page it protects
        log.warning("could not count a skipped record: %s", exc)


def skipped_per_source(backend: "SearchBackend", limit: int = 5000) -> dict[str, int]:
    """source id -> stored records that pages, exports, feeds or emails had to skip (each counted once)."""
    counts: dict[str, int] = {}
    for record in backend.records.list(SKIPPED_COLLECTION, limit=limit):
        source = str(record.get("source") or "unknown")
        counts[source] = counts.get(source, 0) + 1
    return dict(sorted(counts.items()))
