"""The source catalogue kept as records in the backend, so every UI, crawl and scheduler process sees the same one.

`sources.yaml` (VEILLE_SOURCES) is the seed, imported when the store holds no source, and the import/export format.
Each record holds the source's definition in its YAML form (as JSON text: a definition's shape varies from source to
source and must not fight the backend's field mapping), validated by the same `parse_source` as the file.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

import yaml

from indexing.backends.records import RecordStore
from spiders.sources import (
    SCHEDULE_KEYS,
    CatalogueError,
    Listing,
    Source,
    load_catalogue,
    load_schedules,
    parse_source,
    validate_schedule,
)

log = logging.getLogger(__name__)
COLLECTION = "sources"
SCHEDULES_COLLECTION, SCHEDULES_ID = "meta", "source-schedules"
_DEFAULTS: dict[str, Any] = {"enabled": True, "crawlable": True, "max_pages": 500, "max_depth": 4, "discover": False}


def _listing_raw(listing: Listing) -> dict[str, Any]:
    raw: dict[str, Any] = {"url": listing.url}
    for key in ("link_pattern", "link_selector", "next_selector"):
        if getattr(listing, key):
            raw[key] = getattr(listing, key)
    if listing.max_pages != 20:
        raw["max_pages"] = listing.max_pages
    return raw


def source_to_raw(source: Source) -> dict[str, Any]:
    """The catalogue entry of a source, as `sources.yaml` writes it (defaults left out)."""
    raw: dict[str, Any] = {"id": source.id, "kind": source.kind, "name": source.name}
    if source.display_name and source.display_name != source.name:
        raw["display_name"] = source.display_name
    for key in ("feeds", "ical", "sitemaps", "start_urls", "crafts", "allowed_domains"):
        if getattr(source, key):
            raw[key] = list(getattr(source, key))
    if source.listings:
        raw["listings"] = [_listing_raw(listing) for listing in source.listings]
    if source.selectors:
        raw["selectors"] = dict(source.selectors)
    for key in ("language", "country", "schedule", "note"):
        if getattr(source, key):
            raw[key] = getattr(source, key)
    for key, default in _DEFAULTS.items():
        if getattr(source, key) != default:
            raw[key] = getattr(source, key)
    return raw


@dataclass(frozen=True)
class ImportReport:
    added: list[str]
    updated: list[str]
    removed: list[str]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


class SourceStore:
    def __init__(self, records: RecordStore) -> None:
        self.records = records

    # reading ----------------------------------------------------------------------------------
    def _rows(self) -> list[dict[str, Any]]:
        rows = self.records.list(COLLECTION)
        return sorted(rows, key=lambda r: (int(r.get("position", 0)), str(r.get("id"))))

    def raw(self, source_id: str) -> dict[str, Any] | None:
        row = self.records.get(COLLECTION, source_id)
        return self._definition(row) if row else None

    @staticmethod
    def _definition(row: Mapping[str, Any]) -> dict[str, Any] | None:
        try:
            raw = json.loads(str(row.get("definition") or ""))
        except json.JSONDecodeError:
            raw = None
        return raw if isinstance(raw, dict) else None

    def _parsed(self, row: Mapping[str, Any]) -> Source | None:
        raw = self._definition(row)
        try:
            if raw is None:
                raise CatalogueError("definition is not a JSON mapping")
            return parse_source(raw, int(row.get("position", 0)))
        except CatalogueError as exc:  # validated when written; a hand-edited record is skipped, never fatal
            log.warning("stored source %r skipped: %s", row.get("id"), exc)
            return None

    def all(self) -> list[Source]:
        return [s for s in (self._parsed(row) for row in self._rows()) if s is not None]

    def get(self, source_id: str) -> Source | None:
        row = self.records.get(COLLECTION, source_id)
        return self._parsed(row) if row else None

    def is_empty(self) -> bool:
        return not self.records.list(COLLECTION, limit=1)

    def schedules(self) -> dict[str, str]:
        row = self.records.get(SCHEDULES_COLLECTION, SCHEDULES_ID) or {}
        return {k: str(v) for k, v in row.items() if k in SCHEDULE_KEYS and v}

    # writing ----------------------------------------------------------------------------------
    def save(self, raw: Mapping[str, Any], *, create_only: bool = False) -> Source:
        """Validate a catalogue entry like the YAML file does and store it; CatalogueError names the key."""
        existing = self.records.get(COLLECTION, str(raw.get("id"))) if isinstance(raw.get("id"), str) else None
        position = int(existing.get("position", 0)) if existing else self._next_position()
        source = parse_source(dict(raw), position)
        row = {"id": source.id, "kind": source.kind, "enabled": source.enabled, "position": position,
               "definition": json.dumps(source_to_raw(source), ensure_ascii=False), "updated_at": _now()}
        if not self.records.put(COLLECTION, source.id, row, create_only=create_only):
            raise CatalogueError(f"source {source.id!r}: duplicate id")
        return source

    def _next_position(self) -> int:
        return max((int(r.get("position", 0)) for r in self.records.list(COLLECTION)), default=0) + 1

    def set_enabled(self, source_id: str, enabled: bool) -> Source | None:
        raw = self.raw(source_id)
        if raw is None:
            return None
        raw["enabled"] = enabled
        return self.save(raw)

    def delete(self, source_id: str) -> bool:
        return self.records.delete(COLLECTION, source_id)

    def set_schedules(self, schedules: Mapping[str, str]) -> None:
        for name, value in schedules.items():
            validate_schedule(f"schedules.{name}", value)
        self.records.put(SCHEDULES_COLLECTION, SCHEDULES_ID, {**schedules, "updated_at": _now()})

    def import_file(self, path: Path, variables: Mapping[str, str] | None = None, replace: bool = False) -> ImportReport:
        """All or nothing: the whole file is validated before any source is written. With `replace`, the stored
        sources the file does not name are removed."""
        sources = load_catalogue(path, variables)
        schedules = load_schedules(path)
        known = {str(r.get("id")) for r in self.records.list(COLLECTION)}
        added, updated = [], []
        for position, source in enumerate(sources, 1):
            row = {"id": source.id, "kind": source.kind, "enabled": source.enabled, "position": position,
                   "definition": json.dumps(source_to_raw(source), ensure_ascii=False), "updated_at": _now()}
            self.records.put(COLLECTION, source.id, row)
            (updated if source.id in known else added).append(source.id)
        removed = sorted(known - {s.id for s in sources}) if replace else []
        for source_id in removed:
            self.records.delete(COLLECTION, source_id)
        if schedules:
            self.set_schedules(schedules)
        return ImportReport(added, updated, removed)

    def seed(self, path: Path) -> ImportReport | None:
        """Import the seed catalogue when the store holds no source yet."""
        if not self.is_empty() or not Path(path).exists():
            return None
        report = self.import_file(path)
        log.debug("source catalogue seeded from %s: %d source(s)", path, len(report.added))
        return report

    def export_yaml(self) -> str:
        document: dict[str, Any] = {}
        if schedules := self.schedules():
            document["schedules"] = schedules
        document["sources"] = [d for d in (self._definition(r) for r in self._rows()) if d is not None]
        return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)
