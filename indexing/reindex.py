"""Reindexing: Elasticsearch with zero downtime (build a new index, then swap the alias atomically);
SQLite by re-analysing every document in place (after a change to the text analysis)."""
from __future__ import annotations

import re
from typing import Callable

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
    update_aliases call switches them. Writes made during the copy go to the old index
    and are copied again by a second pass before the swap.
    """
    from elasticsearch.helpers import bulk, scan

    from indexing.backends.elasticsearch import DOCS_MAPPING

    es = backend.es
    alias = backend.docs_alias
    current = sorted(es.indices.get_alias(name=alias).keys())
    versions = [int(m.group(1)) for name in es.indices.get(index=f"{alias}-v*").keys()
                if (m := re.search(r"-v(\d+)$", name))]
    target = f"{alias}-v{max(versions or [0]) + 1}"
    es.indices.create(index=target, settings=backend._settings(), mappings=DOCS_MAPPING)
    copied = 0

    def copy(source: str, op_type: str = "index") -> int:
        count = 0
        actions = []
        for hit in scan(es, index=source, query={"query": {"match_all": {}}}, _source_includes=["kind", "doc"]):
            doc = IndexedDoc.of(to_document(hit["_source"]["kind"], hit["_source"]["doc"]))
            actions.append({"_op_type": op_type, "_index": target, "_id": doc.id, "_source": doc.es_source()})
            if len(actions) == 1000:
                count += bulk(es, actions, raise_on_error=op_type == "index")[0]
                actions = []
                if progress:
                    progress(count)
        if actions:
            count += bulk(es, actions, raise_on_error=op_type == "index")[0]
        return count

    copied = copy(alias)
    es.indices.refresh(index=alias)
    copied = copy(alias)  # again: writes made during the first pass
    es.indices.refresh(index=target)  # searchable before readers switch to it
    es.indices.update_aliases(actions=[*({"remove": {"index": old, "alias": alias}} for old in current),
                                       {"add": {"index": target, "alias": alias}}])
    for old in current:
        es.indices.refresh(index=old)
        copy(old, op_type="create")  # documents created in the instant before the swap
        es.indices.delete(index=old)
    es.indices.refresh(index=target)
    return f"reindexed {copied} documents into {target}; alias {alias} swapped from {', '.join(current)}"
