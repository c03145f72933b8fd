"""Records: small keyed JSON documents kept beside the search index, a concept apart from search documents.

Subscriptions, deliveries, job runs, crawl stats, page fingerprints, accounts, sessions, tokens, sources and the
audit log are records. In Elasticsearch mode they live in Elasticsearch too, so no shared state sits in a local file.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

RECORD_COLLECTIONS = (
    "subscriptions", "deliveries", "jobs", "crawlstats", "pages", "meta", "skipped",
    "accounts", "sessions", "api_tokens", "login_attempts", "audit", "sources", "source_requests",
)


def check_collection(collection: str) -> None:
    if collection not in RECORD_COLLECTIONS:
        raise ValueError(f"unknown record collection {collection!r}")


class RecordStore(ABC):
    @abstractmethod
    def put(self, collection: str, record_id: str, data: dict[str, Any], *, create_only: bool = False) -> bool:
        """Store a record; with create_only, return False (and write nothing) if it exists."""

    @abstractmethod
    def get(self, collection: str, record_id: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def list(self, collection: str, where: dict[str, Any] | None = None, limit: int = 10_000) -> list[dict[str, Any]]:
        """Records whose top-level fields equal `where`'s values, newest first by `updated_at` when present."""

    @abstractmethod
    def iter(self, collection: str, where: dict[str, Any] | None = None, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every record matching `where`, a batch at a time, in no set order; records written while
        iterating may or may not be seen, and none is seen twice."""

    @abstractmethod
    def delete(self, collection: str, record_id: str) -> bool: ...

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Writes in the block may be committed together, when it ends (also by an exception): a store
        where each write is its own commit (Elasticsearch) writes them as they come. Reads in the block
        see its writes. Keep blocks short: other writers of a SQLite file wait for the block to end."""
        yield
