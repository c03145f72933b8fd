"""The HTTP cache cap evicts whole entries, oldest first, and leaves the cache under its cap."""
from __future__ import annotations

import os
from pathlib import Path

from spiders.http_cache import evict_oldest


def entry(root: Path, fingerprint: str, size: int, mtime: float) -> Path:
    folder = root / "fairs" / fingerprint[:2] / fingerprint
    folder.mkdir(parents=True)
    (folder / "response_body").write_bytes(b"x" * size)
    mark = folder / "pickled_meta"
    mark.write_bytes(b"m")
    os.utime(mark, (mtime, mtime))
    return folder


def test_oldest_entries_go_first_until_under_the_cap(tmp_path: Path) -> None:
    old = entry(tmp_path, "aa01", 600, 1_000)
    middle = entry(tmp_path, "bb02", 600, 2_000)
    new = entry(tmp_path, "cc03", 600, 3_000)
    result = evict_oldest(tmp_path, 1_300)
    assert (result.entries, result.bytes_freed, result.bytes_left) == (1, 601, 1_202)
    assert not old.exists() and middle.exists() and new.exists()
    assert evict_oldest(tmp_path, 1_300).entries == 0  # nothing inside the cap is touched
    assert evict_oldest(tmp_path / "missing", 10).entries == 0
