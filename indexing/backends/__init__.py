from __future__ import annotations

from config import Settings
from indexing.backends.base import BackendUnavailable, SearchBackend


def open_backend(settings: Settings) -> SearchBackend:
    """The backend the configuration selects: Elasticsearch when a URL is set, else embedded SQLite."""
    if settings.elasticsearch_url:
        from indexing.backends.elasticsearch import ElasticsearchBackend
        return ElasticsearchBackend(settings.elasticsearch_url, prefix=settings.es_prefix,
                                    replicas=settings.es_replicas, shards=settings.es_shards)
    from indexing.backends.sqlite import SqliteBackend
    return SqliteBackend(settings.sqlite_path)


__all__ = ["BackendUnavailable", "SearchBackend", "open_backend"]
