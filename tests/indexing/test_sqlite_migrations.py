"""Upgrading the embedded database keeps every document, subscription and delivery record."""
from __future__ import annotations

import sqlite3
from datetime import date

from indexing.backends import sqlite_schema
from indexing.backends.sqlite import SqliteBackend
from indexing.models import TradeFair


def test_upgrade_from_version_1_keeps_everything(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    monkeypatch.setattr(sqlite_schema, "MIGRATIONS", sqlite_schema.MIGRATIONS[:1])
    old = SqliteBackend(path)
    old.setup()
    fair = TradeFair(url="https://f.example.org/a", source="s", name="Ambiente", start_date=date(2027, 2, 6))
    old.index([fair])
    old.put_record("subscriptions", "sub-1", {"email": "a@example.ma", "updated_at": "1"})
    old.put_record("deliveries", "d-1", {"status": "sent", "updated_at": "1"})
    old.close()
    assert sqlite3.connect(path).execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1

    monkeypatch.undo()
    new = SqliteBackend(path)
    new.setup()
    versions = [row[0] for row in new.db.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [number for number, _, _ in sqlite_schema.MIGRATIONS] and len(versions) >= 2
    assert new.get(fair.id).name == "Ambiente"
    assert new.get_record("subscriptions", "sub-1")["email"] == "a@example.ma"
    assert [r["status"] for r in new.list_records("deliveries", {"status": "sent"})] == ["sent"]
    new.setup()  # idempotent
    assert new.count() == 1
