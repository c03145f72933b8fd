"""Upgrading the embedded database keeps every document, subscription and delivery record."""
from __future__ import annotations

import sqlite3
from datetime import date

from indexing.backends import sqlite_schema
from indexing.backends.sqlite import SqliteBackend
from indexing.backends.base import IndexedDoc
from indexing.models import TradeFair
from indexing.query import query_from_params


def write_like_version_2(db: sqlite3.Connection, doc: IndexedDoc) -> None:
    """A document as the code of schema version 2 stored it (three full-text columns, no tags)."""
    cur = db.execute("INSERT INTO docs(id, kind, title, url, source, language, date, price_mad, price_eur, doc) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?)", (doc.id, doc.kind, doc.title, doc.url, doc.source, doc.language,
                                                       doc.date, doc.price_mad, doc.price_eur, doc.doc_json))
    db.execute("INSERT INTO docs_fts(rowid, title_terms, body_terms, phrase) VALUES (?,?,?,?)",
               (cur.lastrowid, doc.title_terms, doc.body_terms, doc.phrase))
    db.executemany("INSERT INTO doc_tags(doc_rowid, facet, value) VALUES (?,?,?)",
                   [(cur.lastrowid, "crafts", c) for c in doc.crafts] +
                   [(cur.lastrowid, "countries", c) for c in doc.countries])


def test_upgrade_from_version_1_keeps_everything(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    monkeypatch.setattr(sqlite_schema, "MIGRATIONS", sqlite_schema.MIGRATIONS[:1])
    old = SqliteBackend(path)
    old.setup()
    old.records.put("subscriptions", "sub-1", {"email": "a@example.ma", "updated_at": "1"})
    old.records.put("deliveries", "d-1", {"status": "sent", "updated_at": "1"})
    old.close()
    assert sqlite3.connect(path).execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1
    monkeypatch.setattr(sqlite_schema, "MIGRATIONS", sqlite_schema.MIGRATIONS[:2])
    old = SqliteBackend(path)
    old.setup()
    fair = TradeFair(url="https://f.example.org/a", source="salons-ma", name="Ambiente", start_date=date(2027, 2, 6),
                     country="DE", crafts=["poterie"], description="Céramique et arts de la table")
    other = TradeFair(url="https://f.example.org/b", source="salons-ma", name="Ambiente Tendence",
                      start_date=date(2027, 3, 6), country="FR", crafts=["poterie"])
    with old.db:
        write_like_version_2(old.db, IndexedDoc.of(fair))
        write_like_version_2(old.db, IndexedDoc.of(other))
    old.close()

    monkeypatch.undo()
    new = SqliteBackend(path)
    new.setup()
    versions = [row[0] for row in new.db.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [number for number, _, _ in sqlite_schema.MIGRATIONS] and len(versions) >= 3
    assert new.get(fair.id).name == "Ambiente"
    assert new.records.get("subscriptions", "sub-1")["email"] == "a@example.ma"
    assert [r["status"] for r in new.records.list("deliveries", {"status": "sent"})] == ["sent"]
    # Version 3 moved facet filters into the full-text index: old rows must answer filtered text queries.
    hits = new.search(query_from_params({"q": "ambiente", "country": "DE", "craft": "poterie",
                                         "source": "salons-ma", "kind": "fair"}))
    assert [h.id for h in hits.hits] == [fair.id]
    assert new.search(query_from_params({"q": "ambiente"})).total == 2
    new.setup()  # idempotent
    assert new.count() == 2


def test_processes_that_upgrade_at_once_both_start(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The UI and a crawler started together on an old database: one migrates, the other waits, then goes on."""
    import subprocess
    import sys
    import time

    from support import ROOT
    path = tmp_path / "old.db"
    monkeypatch.setattr(sqlite_schema, "MIGRATIONS", sqlite_schema.MIGRATIONS[:2])
    old = SqliteBackend(path)
    old.setup()
    with old.db:
        for i in range(3_000):
            write_like_version_2(old.db, IndexedDoc.of(TradeFair(url=f"https://f.example.org/{i}", source="s",
                                                                 name="Salon " + "".join(chr(97 + int(d)) for d in f"{i:04d}"),
                                                                 start_date=date(2027, 2, 6))))
    old.close()
    monkeypatch.undo()
    script = "import sys; from indexing.backends.sqlite import SqliteBackend; SqliteBackend(sys.argv[1]).setup()"
    # Hold the write lock while they start: each reads version 2, then all queue for the lock together.
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    runs = [subprocess.Popen([sys.executable, "-c", script, str(path)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    time.sleep(3)
    blocker.execute("COMMIT")
    blocker.close()
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err[-2000:]
    new = SqliteBackend(path)
    versions = [row[0] for row in new.db.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [number for number, _, _ in sqlite_schema.MIGRATIONS]
    assert new.count() == 3_000
    assert new.search(query_from_params({"q": "salon", "kind": "fair"})).total == 3_000
