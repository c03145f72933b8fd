"""Indexer: upserts documents with merge and change detection, spooling when the backend is down."""
from __future__ import annotations

import json
import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping, Sequence

from indexing.backends.base import BackendUnavailable, IndexedDoc, SearchBackend
from indexing.models import Document, Offer, PriceObservation, TradeFair, document_from_dict, now_utc
from indexing.product_groups import with_group

log = logging.getLogger(__name__)


@dataclass
class ChangeSet:
    """What an indexing batch did: alerts are driven by `new` and `changed`."""
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    spooled: int = 0

    def merge(self, other: "ChangeSet") -> None:
        self.new += other.new
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.spooled += other.spooled


def merge_fair(old: TradeFair, new: TradeFair) -> tuple[TradeFair, bool]:
    """One fair seen by several sources is one record; returns (merged, alert-worthy change)."""
    sources = list(old.sources)
    known = {(s.source, s.url) for s in sources}
    for s in new.sources:
        if (s.source, s.url) not in known:
            sources.append(s)
    data = old.model_dump()
    for key in ("end_date", "city", "country", "venue", "organizer", "registration_deadline", "description", "language",
                "website", "edition", "series"):
        value = getattr(new, key)
        if value is not None and (key in ("end_date", "city", "venue", "registration_deadline") or data.get(key) is None):
            data[key] = value
    # A source that says nothing of the status must not undo another's "cancelled" or "postponed".
    if new.status != "scheduled" or _has_new_dates(old, new):
        data["status"] = new.status
    if new.year_basis == "explicit":
        data["year_basis"] = "explicit"
    data["start_date"] = new.start_date
    data["crafts"] = list(dict.fromkeys([*old.crafts, *new.crafts]))
    data["countries"] = list(dict.fromkeys([*old.countries, *new.countries]))
    data["sources"] = [s.model_dump() for s in sources]
    data["first_seen"] = old.first_seen
    merged = TradeFair.model_validate(data)
    changed = merged.identity_fields() != old.identity_fields()
    if changed:
        merged = merged.model_copy(update={"changed_at": now_utc()})
    else:
        merged = merged.model_copy(update={"changed_at": old.changed_at})
    return merged, changed


def _has_new_dates(old: TradeFair, new: TradeFair) -> bool:
    return (new.start_date, new.end_date) != (old.start_date, old.end_date) and new.end_date is not None


def _same(old: Document, new: Document) -> bool:
    ignore = {"first_seen", "observed_at", "changed_at"}
    return old.model_dump(exclude=ignore) == new.model_dump(exclude=ignore)


class Indexer:
    def __init__(self, backend: SearchBackend, spool_dir: Path | None = None, spool_max_bytes: int | None = None,
                 pause_seconds: float = 5.0) -> None:
        self.backend = backend
        self.spool_dir = spool_dir
        self.spool_max_bytes = spool_max_bytes
        self.pause_seconds = pause_seconds
        self.paused_seconds = 0.0
        """How long batches waited for a full spool (the crawl's back-pressure then pauses it)."""
        self._lock = threading.Lock()

    def upsert(self, documents: Sequence[Document], prepared: Mapping[str, IndexedDoc] | None = None) -> ChangeSet:
        """Index a batch; on an outage the batch goes to the spool and is replayed later.

        `prepared` holds index forms computed off the crawler thread, used when the stored
        document is the scraped one.
        """
        while True:
            try:
                return self._upsert(documents, prepared or {})
            except BackendUnavailable as exc:
                if self.spool_dir is None:
                    raise
                if not self.spool_full():
                    log.warning("backend down, spooling %d documents: %s", len(documents), exc)
                    self.spool(documents)
                    return ChangeSet(spooled=len(documents))
                # Never drop a batch: hold it (and, through back-pressure, the crawl) until the backend
                # answers or a replay frees the spool.
                log.warning("backend down and spool full (%d bytes, cap %d): waiting %.0f s with %d documents",
                            self.spool_bytes(), self.spool_max_bytes or 0, self.pause_seconds, len(documents))
                time.sleep(self.pause_seconds)
                self.paused_seconds += self.pause_seconds

    def _upsert(self, documents: Sequence[Document], prepared: Mapping[str, IndexedDoc] | None = None) -> ChangeSet:
        prepared = prepared or {}
        changes = ChangeSet()
        # Later duplicates in one batch win, but fairs merge with each other first.
        batch: dict[str, Document] = {}
        for doc in documents:
            if isinstance(doc, Offer) and doc.product_type is None:
                doc = with_group(doc)  # offers that did not come through the crawler's workers
            prior = batch.get(doc.id)
            if isinstance(prior, TradeFair) and isinstance(doc, TradeFair):
                doc, _ = merge_fair(prior, doc)
            batch[doc.id] = doc
        with self._lock:
            existing = self.backend.get_many(list(batch))
            to_write: list[Document] = []
            observations: list[PriceObservation] = []
            for doc_id, doc in batch.items():
                old = existing.get(doc_id)
                if isinstance(doc, Offer):
                    obs = PriceObservation.of(doc)
                    if obs:
                        observations.append(obs)
                if old is None:
                    changes.new.append(doc_id)
                    to_write.append(doc)
                    continue
                if isinstance(doc, TradeFair) and isinstance(old, TradeFair):
                    merged, alert_change = merge_fair(old, doc)
                    if _same(old, merged):
                        changes.unchanged.append(doc_id)
                        continue
                    (changes.changed if alert_change else changes.unchanged).append(doc_id)
                    to_write.append(merged)
                    continue
                doc = doc.model_copy(update={"first_seen": old.first_seen})
                if _same(old, doc):
                    changes.unchanged.append(doc_id)
                    if isinstance(doc, Offer):
                        to_write.append(doc)  # keeps observed_at current
                    continue
                changes.changed.append(doc_id)
                to_write.append(doc)
            if to_write:
                self.backend.put_many([self._indexed(doc, batch[doc.id], prepared.get(doc.id)) for doc in to_write])
            if observations:
                self.backend.add_observations(observations)
        return changes

    @staticmethod
    def _indexed(doc: Document, scraped: Document, ready: IndexedDoc | None) -> IndexedDoc:
        if ready is not None and doc is scraped:
            return ready
        if ready is not None and getattr(scraped, "published_at", True) is not None and \
                doc.model_dump(exclude={"first_seen"}) == scraped.model_dump(exclude={"first_seen"}):
            return replace(ready, doc_json=doc.model_dump_json())
        return IndexedDoc.of(doc)

    # spool ---------------------------------------------------------------------------
    def spool(self, documents: Sequence[Document]) -> Path:
        assert self.spool_dir is not None
        self.spool_dir.mkdir(parents=True, exist_ok=True)
        final = self.spool_dir / f"{now_utc().strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}.jsonl"
        partial = final.with_suffix(".part")
        with partial.open("w", encoding="utf-8") as fh:
            for doc in documents:
                fh.write(json.dumps({"kind": doc.kind, "doc": json.loads(doc.model_dump_json())}) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        partial.rename(final)  # atomic: a replay never sees half a file
        return final

    def spool_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.spooled_files() if p.exists())

    def spool_full(self) -> bool:
        return self.spool_max_bytes is not None and self.spool_bytes() >= self.spool_max_bytes

    def spooled_files(self) -> list[Path]:
        if self.spool_dir is None or not self.spool_dir.exists():
            return []
        return sorted(self.spool_dir.glob("*.jsonl"))

    def replay_spool(self) -> ChangeSet:
        """Re-index spooled batches; a file is deleted only after its batch is indexed."""
        total = ChangeSet()
        for path in self.spooled_files():
            docs = [document_from_dict(r["kind"], r["doc"]) for r in map(json.loads, path.read_text("utf-8").splitlines()) if r]
            total.merge(self._upsert(docs))
            path.unlink()
            log.info("replayed %d spooled documents from %s", len(docs), path.name)
        return total
