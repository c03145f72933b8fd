"""Where the crawl, the scheduler and the console read the catalogue: the backend's store, seeded from VEILLE_SOURCES."""
from __future__ import annotations

from config import Settings
from indexing.backends.base import SearchBackend
from spiders.source_store import SourceStore
from spiders.sources import Source


def source_store(settings: Settings, backend: SearchBackend) -> SourceStore:
    """The store of this backend, seeded from the catalogue file the first time it is read empty."""
    store = SourceStore(backend.records)
    store.seed(settings.sources_file)
    return store


def active_catalogue(settings: Settings, backend: SearchBackend | None = None) -> list[Source]:
    if backend is not None:
        return source_store(settings, backend).all()
    from indexing.backends import open_backend
    own = open_backend(settings)
    try:
        own.setup()
        return source_store(settings, own).all()
    finally:
        own.close()


def active_schedules(settings: Settings, backend: SearchBackend) -> dict[str, str]:
    return source_store(settings, backend).schedules()
