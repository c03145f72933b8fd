"""Versioned schema migrations of the embedded database; each runs once, in order, in a transaction."""
from __future__ import annotations

import hashlib
import sqlite3
from typing import Iterable

# Filters become words of a `tags` column of the full-text index, so that a text query with filters
# is one FTS5 doclist intersection instead of a row lookup per text match.
# KIND_SCOPED: each facet value also has a word per kind ("country MA among offers"). A kind filter,
# the common case, then joins another filter as one word instead of two: at a million documents the
# kind and country words each list about half of the corpus, and FTS5 reads every listed document of
# every word twice, to intersect and for bm25's document frequencies.
FILTER_FACETS = {"kind": "k", "source": "s", "language": "l", "crafts": "c", "countries": "n"}


def filter_token(facet: str, value: str, kind: str | None = None) -> str:
    """The word standing for `facet = value` (and `kind = kind` when given); hashed, so any value is a plain token."""
    if kind is None:
        digest = hashlib.blake2b(f"{facet}\x1f{value}".encode(), digest_size=8).hexdigest()
        return f"zz{FILTER_FACETS[facet]}{digest}"
    digest = hashlib.blake2b(f"{kind}\x1f{facet}\x1f{value}".encode(), digest_size=8).hexdigest()
    return f"zz{FILTER_FACETS[facet]}k{digest}"


def filter_tokens(kind: str, source: str | None, language: str | None, crafts: Iterable[str],
                  countries: Iterable[str]) -> str:
    """Each facet value twice: alone, and within the document's kind (see KIND_SCOPED)."""
    pairs = [("source", source), ("language", language), *(("crafts", c) for c in crafts),
             *(("countries", c) for c in countries)]
    tokens = [filter_token("kind", kind)]
    for facet, value in pairs:
        if value:
            tokens.append(filter_token(facet, value))
            tokens.append(filter_token(facet, value, kind))
    return " ".join(tokens)


def _sql_filter_tokens(kind: str, source: str | None, language: str | None, pairs: str | None) -> str:
    """SQL form for migrations 3 and 4: `pairs` is group_concat(facet || '=' || value, char(31)) of doc_tags."""
    tags: dict[str, list[str]] = {"crafts": [], "countries": []}
    for pair in (pairs or "").split("\x1f"):
        facet, _, value = pair.partition("=")
        if facet in tags and value:
            tags[facet].append(value)
    return filter_tokens(kind, source, language, tags["crafts"], tags["countries"])


def register_functions(db: sqlite3.Connection) -> None:
    db.create_function("veille_filter_tokens", 4, _sql_filter_tokens, deterministic=True)


def _rebuild_fts_with_tags(new: str) -> str:
    """Copy the full-text index into `new` with the tags column recomputed, then take its name."""
    return f"""
        DROP TABLE IF EXISTS {new};
        CREATE VIRTUAL TABLE {new} USING fts5(
            title_terms, body_terms, phrase, tags, tokenize = 'unicode61 remove_diacritics 0');
        INSERT INTO {new}(rowid, title_terms, body_terms, phrase, tags)
            SELECT f.rowid, f.title_terms, f.body_terms, f.phrase,
                   veille_filter_tokens(d.kind, d.source, d.language,
                       (SELECT group_concat(t.facet || '=' || t.value, char(31)) FROM doc_tags t
                        WHERE t.doc_rowid = d.rowid))
            FROM docs_fts f JOIN docs d ON d.rowid = f.rowid;
        DROP TABLE docs_fts;
        ALTER TABLE {new} RENAME TO docs_fts;
    """


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
    (3, "filter words in the full-text index (a tags column)", _rebuild_fts_with_tags("docs_fts_v3")),
    (4, "filter words within each kind (KIND_SCOPED)", _rebuild_fts_with_tags("docs_fts_v4")),
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
            # Another process (the UI, a crawler) may have applied it while this one waited for the lock.
            if db.execute("SELECT 1 FROM schema_version WHERE version = ?", (number,)).fetchone():
                db.execute("COMMIT")
                continue
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
