"""open_backend: what a crawler's SQLite connection gives up, and what searches keep."""
from __future__ import annotations

from pathlib import Path

from config import load_settings
from indexing.backends import CRAWLER_CACHE_KIB, open_backend
from indexing.backends.sqlite import CACHE_KIB, MMAP_BYTES, SqliteBackend


def pragmas(backend: SqliteBackend) -> tuple[int, int]:
    return backend.db.execute("PRAGMA mmap_size").fetchone()[0], backend.db.execute("PRAGMA cache_size").fetchone()[0]


def test_a_crawler_reads_sqlite_without_the_memory_map_and_with_a_small_cache(tmp_path: Path) -> None:
    settings = load_settings({"VEILLE_VAR_DIR": str(tmp_path)})
    crawler, search = open_backend(settings, crawler=True), open_backend(settings)
    assert isinstance(crawler, SqliteBackend) and isinstance(search, SqliteBackend)
    assert pragmas(crawler) == (0, -CRAWLER_CACHE_KIB)
    mapped, cache = pragmas(search)
    assert 0 < mapped <= MMAP_BYTES and cache == -CACHE_KIB  # SQLite caps the map at its build's maximum
    crawler.close()
    search.close()
