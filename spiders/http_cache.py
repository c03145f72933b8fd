"""A size cap for Scrapy's filesystem HTTP cache: the oldest entries go first."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

# FilesystemCacheStorage keeps one folder per request: <dir>/<spider>/<fp[:2]>/<fp>/, with this file in it.
_ENTRY_MARK = "pickled_meta"


@dataclass(frozen=True)
class Eviction:
    entries: int
    bytes_freed: int
    bytes_left: int


def _entry_size(entry: Path) -> int:
    return sum(f.stat().st_size for f in entry.iterdir() if f.is_file())


def evict_oldest(cache_dir: Path, max_bytes: int) -> Eviction:
    """Delete whole entries, least recently written first, until the cache holds at most `max_bytes`."""
    if not cache_dir.is_dir():
        return Eviction(0, 0, 0)
    entries: list[tuple[float, int, Path]] = []
    for mark in cache_dir.glob(f"*/*/*/{_ENTRY_MARK}"):
        entry = mark.parent
        try:
            entries.append((mark.stat().st_mtime, _entry_size(entry), entry))
        except FileNotFoundError:  # a crawl may be rewriting it right now
            continue
    total = sum(size for _, size, _ in entries)
    removed = freed = 0
    for _, size, entry in sorted(entries, key=lambda e: e[0]):
        if total - freed <= max_bytes:
            break
        shutil.rmtree(entry, ignore_errors=True)
        removed += 1
        freed += size
    return Eviction(removed, freed, total - freed)
