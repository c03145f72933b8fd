"""Records in the SQLite file's `records` table."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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

    @staticmethod
    def _filter(collection: str, where: dict[str, Any] | None) -> tuple[str, list[Any]]:
        check_collection(collection)
        sql = "SELECT id, data FROM records WHERE collection = ?"
        params: list[Any] = [collection]
        for key, value in (where or {}).items():
            if not key.isidentifier():
                raise ValueError(f"bad record field {key!r}")
            sql += f" AND json_extract(data, '$.{key}') = ?"
            params.append(value if not isinstance(value, bool) else int(value))
        return sql, params

    def list(self, collection: str, where: dict[str, Any] | None = None, limit: int = 10_000) -> list[dict[str, Any]]:
        sql, params = self._filter(collection, where)
        rows = self._connection().execute(sql + " ORDER BY updated_at DESC, id LIMIT ?", [*params, limit])
        return [json.loads(r[1]) for r in rows]

    def iter(self, collection: str, where: dict[str, Any] | None = None, batch: int = 500) -> Iterator[dict[str, Any]]:
        # Pages by id: a record rewritten while iterating keeps its place, so it is never seen twice.
        sql, params = self._filter(collection, where)
        last = ""
        while True:
            rows = self._connection().execute(sql + " AND id > ? ORDER BY id LIMIT ?", [*params, last, batch]).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            for row in rows:
                yield json.loads(row[1])

    def delete(self, collection: str, record_id: str) -> bool:
        check_collection(collection)
        return self._connection().execute("DELETE FROM records WHERE collection = ? AND id = ?",
                                          (collection, record_id)).rowcount == 1

    @contextmanager
    def batch(self) -> Iterator[None]:
        # One transaction instead of one per write: each commit writes the pages it touched to the WAL again.
        conn = self._connection()
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            conn.execute("COMMIT")
