"""The SearchBackend interface: one contract, two implementations (SQLite FTS5, Elasticsearch)."""
from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Iterable, Sequence

from indexing.backends.records import RecordStore
from indexing.analysis import index_terms, phrase_terms
from indexing.cleantext import clean_description
from indexing.highlight import highlight
from indexing.models import Document, PriceObservation, document_from_dict
from indexing.query import Hit, SearchQuery, SearchResult



class BackendUnavailable(RuntimeError):
    """The search engine cannot be reached; callers spool and retry."""


@dataclass(frozen=True)
class IndexedDoc:
    """The flat form both engines index; `doc_json` is the model's JSON, stored and returned untouched."""
    id: str
    kind: str
    title: str
    url: str
    source: str
    language: str | None
    crafts: list[str]
    countries: list[str]
    date: str | None
    price_mad: float | None
    price_eur: float | None
    title_terms: str
    body_terms: str
    phrase: str
    doc_json: str

    @classmethod
    def of(cls, document: Document) -> "IndexedDoc":
        title = document.search_title()
        body = document.search_body()
        sort_date = document.sort_date()
        # A method, not getattr(..., None): a missing attribute costs pydantic a slow __getattr__.
        price_mad, price_eur = document.normalized_prices()
        return cls(
            id=document.id,
            kind=document.kind,
            title=title,
            url=document.url,
            source=document.source,
            language=document.language_code(),
            crafts=list(document.crafts),
            countries=list(document.countries),
            date=sort_date.isoformat() if sort_date else None,
            price_mad=float(price_mad) if price_mad is not None else None,
            price_eur=float(price_eur) if price_eur is not None else None,
            title_terms=index_terms(title),
            body_terms=index_terms(body, document.crafts),
            phrase=phrase_terms(title) + " " + phrase_terms(body),
            doc_json=document.model_dump_json(),
        )

    def flat_fields(self) -> dict[str, Any]:
        """Everything but the model JSON."""
        return {"id": self.id, "kind": self.kind, "title": self.title, "url": self.url, "source": self.source,
                "language": self.language, "crafts": self.crafts, "countries": self.countries, "date": self.date,
                "price_mad": self.price_mad, "price_eur": self.price_eur, "title_terms": self.title_terms,
                "body_terms": self.body_terms, "phrase": self.phrase}

    def es_source(self) -> dict[str, Any]:
        """The Elasticsearch document as a dict (the model JSON parsed under `doc`)."""
        return {**self.flat_fields(), "doc": json.loads(self.doc_json)}


def to_document(kind: str, doc: dict[str, Any]) -> Document:
    return document_from_dict(kind, doc)


class SearchBackend(ABC):
    records: RecordStore
    name: str

    @abstractmethod
    def setup(self) -> None:
        """Create tables or indices; safe to call again."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def ping(self) -> bool: ...

    # documents -----------------------------------------------------------------
    @abstractmethod
    def put_many(self, docs: Sequence[IndexedDoc]) -> int:
        """Insert or replace by id (idempotent); returns how many were written."""

    @abstractmethod
    def get_raw(self, ids: Sequence[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """id -> (kind, model JSON) for the ids that exist."""

    @abstractmethod
    def delete(self, doc_id: str) -> bool: ...

    @abstractmethod
    def count(self, kind: str | None = None) -> int: ...

    @abstractmethod
    def ids_dated_before(self, kind: str, before: datetime, limit: int = 10_000) -> list[str]:
        """Ids of documents of `kind` whose sort date is before `before` (retention)."""

    @abstractmethod
    def delete_many(self, ids: Sequence[str]) -> int:
        """Delete documents by id; returns how many existed."""

    @abstractmethod
    def refresh(self) -> None:
        """Make writes visible to search (a no-op where writes are immediately visible)."""

    def optimize(self) -> None:
        """Compact the full-text index after a bulk load or a reindex (fewer segments to search)."""

    @abstractmethod
    def _search(self, query: SearchQuery) -> tuple[int, list[tuple[str, str, float, dict[str, Any]]], dict[str, dict[str, int]]]:
        """total, [(id, kind, score, model JSON)], facets."""

    @abstractmethod
    def iter_docs(self, kind: str | None = None, batch: int = 1000) -> Iterable[tuple[str, dict[str, Any]]]: ...

    # price history ---------------------------------------------------------------
    @abstractmethod
    def add_observations(self, observations: Sequence[PriceObservation]) -> int: ...

    @abstractmethod
    def price_history(self, offer_id: str, since: datetime | None = None) -> list[PriceObservation]: ...

    @abstractmethod
    def observations_between(self, start: datetime, end: datetime) -> list[PriceObservation]: ...

    @abstractmethod
    def observation_keys_before(self, before: datetime) -> list[tuple[str, datetime]]:
        """(offer id, observed at) of every observation older than `before`."""

    @abstractmethod
    def delete_observations(self, keys: Sequence[tuple[str, datetime]]) -> int: ...

    # shared behaviour --------------------------------------------------------------
    def index(self, documents: Iterable[Document]) -> int:
        return self.put_many([IndexedDoc.of(d) for d in documents])

    def get(self, doc_id: str) -> Document | None:
        """The stored document, or None when there is none or it is no longer valid (skipped, counted)."""
        return self.get_many([doc_id]).get(doc_id)

    def get_many(self, ids: Sequence[str]) -> dict[str, Document]:
        from indexing.record_guard import valid_document
        found = {i: valid_document(kind, data, "lookup", self) for i, (kind, data) in self.get_raw(ids).items()}
        return {i: doc for i, doc in found.items() if doc is not None}

    def search(self, query: SearchQuery) -> SearchResult:
        import time
        started = time.perf_counter()
        total, rows, facets = self._search(query)
        hits = []
        for doc_id, kind, score, data in rows:
            title = data.get("title") or data.get("name") or ""
            # Cleaned again: documents stored before descriptions were cleaned keep their trails.
            body = clean_description(data.get("summary") or data.get("text") or data.get("description"), title) or ""
            highlights = {}
            if not query.parsed.empty:
                highlights = {"title": highlight(title, query.parsed), "text": highlight(body, query.parsed)}
            hits.append(Hit(doc_id, kind, score, data, highlights))
        return SearchResult(total, hits, facets, query, (time.perf_counter() - started) * 1000)


def decimal_or_none(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))
