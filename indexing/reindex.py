"""Reindexing: Elasticsearch with zero downtime (build a new index, then swap the alias atomically);
SQLite by re-analysing every document in place (after a change to the text analysis)."""
from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from config import Settings
from indexing.backends import open_backend
from indexing.backends.base import IndexedDoc, SearchBackend, to_document


def reindex(settings: Settings, progress: Callable[[int], None] | None = None) -> str:
    backend = open_backend(settings)
    backend.setup()
    return reindex_backend(backend, progress)


def reindex_backend(backend: SearchBackend, progress: Callable[[int], None] | None = None) -> str:
    if backend.name == "elasticsearch":
        return reindex_elasticsearch(backend, progress)
    return reindex_sqlite(backend, progress)


def reindex_sqlite(backend: SearchBackend, progress: Callable[[int], None] | None = None) -> str:
    """Re-analyse in place, streamed: iter_docs pages by rowid and updates keep their rowid, so memory stays
    bounded at a million documents (it held every document before)."""
    batch: list[IndexedDoc] = []
    done = 0
    for kind, data in backend.iter_docs():
        batch.append(IndexedDoc.of(to_document(kind, data)))
        if len(batch) == 500:
            done += backend.put_many(batch)
            batch = []
            if progress:
                progress(done)
    done += backend.put_many(batch)
    return f"re-analysed {done} documents in {getattr(backend, 'path', 'the embedded database')}"


def reindex_elasticsearch(backend, progress: Callable[[int], None] | None = None) -> str:  # type: ignore[no-untyped-def]
    """Copy into `<alias>-v<N+1>` with the current mapping, swap the alias, drop the old index.

    Readers follow the alias, so searches answer from the old index until the single
    update_aliases call switches them. Writes made during the copy go to the old index: a second
    pass compares every document's sequence number with the one copied and copies again only the
    documents written since, and a last pass after the swap does the same for the instant before it.
    """
    from elasticsearch.helpers import bulk, scan

    from indexing.backends.elasticsearch import DOCS_MAPPING
    from indexing.backends.es_bulk import bulk_line

    es = backend.es
    alias = backend.docs_alias
    current = sorted(es.indices.get_alias(name=alias).keys())
    versions = [int(m.group(1)) for name in es.indices.get(index=f"{alias}-v*").keys()
                if (m := re.search(r"-v(\d+)$", name))]
    target = f"{alias}-v{max(versions or [0]) + 1}"
    es.indices.create(index=target, settings=backend._settings(), mappings=DOCS_MAPPING)
    copied_at: dict[str, tuple[int, int]] = {}  # id -> (sequence number, primary term) when copied

    def version(hit: dict[str, Any]) -> tuple[int, int]:
        return hit["_seq_no"], hit["_primary_term"]

    def copy_all(source: str) -> Iterator[bytes]:
        for n, hit in enumerate(scan(es, index=source, query={"query": {"match_all": {}}}, size=1000,
                                     seq_no_primary_term=True, _source_includes=["kind", "doc"]), 1):
            copied_at[hit["_id"]] = version(hit)
            yield bulk_line(target, IndexedDoc.of(to_document(hit["_source"]["kind"], hit["_source"]["doc"])))
            if progress and n % 1000 == 0:
                progress(n)

    def copy_changed(source: str, op_type: str) -> int:
        changed = [h["_id"] for h in scan(es, index=source, query={"query": {"match_all": {}}}, size=5000,
                                          seq_no_primary_term=True, _source=False)
                   if copied_at.get(h["_id"]) != version(h)]
        actions = []
        for start in range(0, len(changed), 1000):
            for item in es.mget(index=source, ids=changed[start:start + 1000], source_includes=["kind", "doc"])["docs"]:
                if item.get("found"):
                    doc = IndexedDoc.of(to_document(item["_source"]["kind"], item["_source"]["doc"]))
                    actions.append({"_op_type": op_type, "_index": target, "_id": doc.id, "_source": doc.es_source()})
        # A create that finds the document already in the new index is expected: it was written there after the swap.
        return bulk(es, actions, raise_on_error=op_type == "index")[0] if actions else 0

    copied = backend.writer.write(copy_all(alias))
    es.indices.refresh(index=alias)
    copied += copy_changed(alias, "index")
    es.indices.refresh(index=target)  # searchable before readers switch to it
    es.indices.update_aliases(actions=[*({"remove": {"index": old, "alias": alias}} for old in current),
                                       {"add": {"index": target, "alias": alias}}])
    for old in current:
        es.indices.refresh(index=old)
        copy_changed(old, "create")
        es.indices.delete(index=old)
    backend.optimize()
    return f"reindexed {copied} documents into {target}; alias {alias} swapped from {', '.join(current)}"
