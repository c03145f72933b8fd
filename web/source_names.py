"""Sources are shown by the display name of the catalogue, never by their id (slug)."""
from __future__ import annotations

from pathlib import Path

from config import ROOT, Settings
from spiders.sources import display_names

DEMO_CATALOGUE = ROOT / "sources.demo.yaml"
_names: dict[str, str] = {}


def catalogue_names(settings: Settings) -> dict[str, str]:
    # the demo catalogue too: demo data is indexed under its ids whatever VEILLE_SOURCES says
    paths: list[Path] = [settings.sources_file, DEMO_CATALOGUE]
    return display_names(paths)


def load_source_names(settings: Settings) -> None:
    _names.clear()
    _names.update(catalogue_names(settings))


def source_name(source_id: str | None) -> str:
    if not source_id:
        return ""
    return _names.get(source_id) or source_id
