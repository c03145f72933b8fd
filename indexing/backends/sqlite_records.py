"""Records in the SQLite file's `records` table."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from indexing.backends.records import RecordStore, check_collection


class SqliteRecordStore(RecordStore):
    def __init__(self, connection: Callable[[], sqlite3.Connection]) -> None:
        # A callable, because the backend keeps one connection per thread.
        self._connection = connection

    def put(self, collection: str, record_id: str, data: dict[str, Any], *, create_only: bool = False) -> bool:
        check_collection(collection)
        verb = "INSERT OR IGNORE" if create_only else "INSERT OR REPLACE"
        cur = self._connection().execute(f"{verb} INTO records(collection, id, updated_at, data) VALUES (?,?,?,?)",
                                         (collection, record_id, str(data.get("updated_at", "")),
                                          json.dumps(data, default=str)))
        return cur.rowcount == 1

    def get(self, collection: str, record_id: str) -> dict[str, Any] | None:
        check_collection(collection)
        row = self._connection().execute("SELECT data FROM records WHERE collection = ? AND id = ?",
                                         (collection, record_id)).fetchone()
        return json.loads(row[0]) if row else None

    def list(self, collection: str, where: dict[str, Any] | None = None, limit: int = 10_000) -> list[dict[str, Any]]:
        check_collection(collection)
        sql = "SELECT data FROM records WHERE collection = ?"
        params: list[Any] = [collection]
        for key, value in (where or {}).items():
            if not key.isidentifier():
                raise ValueError(f"bad record field {key!r}")
            sql += f" AND json_extract(data, '$.{key}') = ?"
            params.append(value if not isinstance(value, bool) else int(value))
        sql += " ORDER BY updated_at DESC, id LIMIT ?"
        params.append(limit)
        return [json.loads(r[0]) for r in self._connection().execute(sql, params)]

    def delete(self, collection: str, record_id: str) -> bool:
        check_collection(collection)
        return self._connection().execute("DELETE FROM records WHERE collection = ? AND id = ?",
                                          (collection, record_id)).rowcount == 1
