from __future__ import annotations

from config import Settings
from indexing.backends.base import BackendUnavailable, SearchBackend

CRAWLER_CACHE_KIB = 8 * 1024


def open_backend(settings: Settings, crawler: bool = False) -> SearchBackend:
    """The backend the configuration selects: Elasticsearch when a URL is set, else embedded SQLite.

    `crawler`: for a crawl's indexing pipeline, which writes and reads documents back by id only. It
    reads SQLite without the memory map searches use (mapped, every page of the file it touched
    counted in the crawler's memory: 135 MB of 404 at 10,000 pages) and with a smaller page cache;
    the kernel's file cache serves its reads either way."""
    if settings.elasticsearch_url:
        from indexing.backends.elasticsearch import ElasticsearchBackend
        return ElasticsearchBackend(settings.elasticsearch_url, prefix=settings.es_prefix,
                                    replicas=settings.es_replicas, shards=settings.es_shards)
    from indexing.backends.sqlite import SqliteBackend
    if crawler:
        return SqliteBackend(settings.sqlite_path, mmap_bytes=0, cache_kib=CRAWLER_CACHE_KIB)
    return SqliteBackend(settings.sqlite_path)


__all__ = ["BackendUnavailable", "SearchBackend", "open_backend"]
