"""Sources are shown by the display name of the catalogue, never by their id (slug)."""
from __future__ import annotations

import logging
from pathlib import Path

from config import ROOT, Settings
from indexing.backends.base import SearchBackend
from spiders.sources import display_names

log = logging.getLogger(__name__)
DEMO_CATALOGUE = ROOT / "sources.demo.yaml"
_names: dict[str, str] = {}


def catalogue_names(settings: Settings) -> dict[str, str]:
    # the demo catalogue too: demo data is indexed under its ids whatever VEILLE_SOURCES says
    paths: list[Path] = [settings.sources_file, DEMO_CATALOGUE]
    return display_names(paths)


def load_source_names(settings: Settings, backend: SearchBackend | None = None) -> None:
    """The files' names, then the backend's catalogue's (the console edits it), when the backend answers."""
    _names.clear()
    _names.update(catalogue_names(settings))
    if backend is not None:
        from spiders.source_store import SourceStore
        try:
            _names.update({s.id: s.display_name or s.name for s in SourceStore(backend.records).all()})
        except Exception as exc:  # a page must still render with the backend down: ids stand in for names
            log.warning("source names from the backend unavailable: %s", exc)


def remember_source_name(source_id: str, name: str) -> None:
    _names[source_id] = name


def source_name(source_id: str | None) -> str:
    if not source_id:
        return ""
    return _names.get(source_id) or source_id
