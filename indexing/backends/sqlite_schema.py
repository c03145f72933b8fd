"""Versioned schema migrations of the embedded database; each runs once, in order, in a transaction."""
from __future__ import annotations

import sqlite3

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "documents, full-text index, tags, price observations, records", """
        CREATE TABLE IF NOT EXISTS docs(
            rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, title TEXT, url TEXT,
            source TEXT, language TEXT, date TEXT, price_mad REAL, price_eur REAL, doc TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS docs_kind_date ON docs(kind, date);
        CREATE INDEX IF NOT EXISTS docs_source ON docs(source);
        CREATE INDEX IF NOT EXISTS docs_price_mad ON docs(price_mad);
        CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(
            title_terms, body_terms, phrase, tokenize = 'unicode61 remove_diacritics 0');
        CREATE TABLE IF NOT EXISTS doc_tags(
            doc_rowid INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY(doc_rowid, facet, value)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS doc_tags_value ON doc_tags(facet, value, doc_rowid);
        CREATE TABLE IF NOT EXISTS observations(
            offer_id TEXT NOT NULL, observed_at TEXT NOT NULL, data TEXT NOT NULL,
            PRIMARY KEY(offer_id, observed_at)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS observations_time ON observations(observed_at);
        CREATE TABLE IF NOT EXISTS records(
            collection TEXT NOT NULL, id TEXT NOT NULL, updated_at TEXT NOT NULL DEFAULT '', data TEXT NOT NULL,
            PRIMARY KEY(collection, id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS records_updated ON records(collection, updated_at);
    """),
    (2, "delivery log and job history lookups by status and name", """
        CREATE INDEX IF NOT EXISTS records_status ON records(collection, json_extract(data, '$.status'));
        CREATE INDEX IF NOT EXISTS records_name ON records(collection, json_extract(data, '$.name'));
    """),
]


def current_version(db: sqlite3.Connection) -> int:
    db.execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)")
    row = db.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(db: sqlite3.Connection) -> list[int]:
    applied = []
    version = current_version(db)
    for number, description, sql in MIGRATIONS:
        if number <= version:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in (s.strip() for s in sql.split(";")):
                if statement:
                    db.execute(statement)
            db.execute("INSERT INTO schema_version VALUES (?, ?, datetime('now'))", (number, description))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
