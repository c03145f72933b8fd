"""Records in Elasticsearch: one small index per collection, written with refresh so a read sees the write."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from elasticsearch import ConflictError, Elasticsearch, NotFoundError
from elasticsearch.helpers import scan

from indexing.backends.records import RecordStore, check_collection

RECORDS_MAPPING: dict[str, Any] = {
    "dynamic_templates": [
        {"strings": {"match_mapping_type": "string", "mapping": {"type": "keyword", "ignore_above": 8191}}},
    ],
    # A stored message (alerts/delivery.py) is kept, never searched.
    "properties": {"updated_at": {"type": "keyword"}, "message": {"type": "keyword", "index": False, "doc_values": False}},
}
RECORD_ID_FIELD = "veille_record_id"


def _strip(source: dict[str, Any]) -> dict[str, Any]:
    source.pop(RECORD_ID_FIELD, None)
    return source


class ElasticsearchRecordStore(RecordStore):
    def __init__(self, es: Elasticsearch, prefix: str, call: Callable[..., Any]) -> None:
        # `call` turns connection failures into BackendUnavailable, like every other backend request.
        self.es = es
        self.prefix = prefix
        self._call = call

    def index_name(self, collection: str) -> str:
        check_collection(collection)
        return f"{self.prefix}-rec-{collection}"

    def put(self, collection: str, record_id: str, data: dict[str, Any], *, create_only: bool = False) -> bool:
        index = self.index_name(collection)
        body = {k: (str(v) if isinstance(v, datetime) else v) for k, v in data.items()}
        body[RECORD_ID_FIELD] = record_id
        try:
            if create_only:
                self._call(self.es.create, index=index, id=record_id, document=body, refresh=True)
            else:
                self._call(self.es.index, index=index, id=record_id, document=body, refresh=True)
        except ConflictError:
            return False
        return True

    def get(self, collection: str, record_id: str) -> dict[str, Any] | None:
        try:
            return _strip(self._call(self.es.get, index=self.index_name(collection), id=record_id)["_source"])
        except NotFoundError:
            return None

    def list(self, collection: str, where: dict[str, Any] | None = None, limit: int = 10_000) -> list[dict[str, Any]]:
        index = self.index_name(collection)
        query = {"bool": {"filter": [{"term": {k: v}} for k, v in (where or {}).items()]}}
        if limit <= 10_000:
            resp = self._call(self.es.search, index=index, query=query, size=limit,
                              sort=[{"updated_at": {"order": "desc", "unmapped_type": "keyword"}},
                                    {RECORD_ID_FIELD: {"order": "asc", "unmapped_type": "keyword"}}])
            return [_strip(h["_source"]) for h in resp["hits"]["hits"]]
        return [_strip(h["_source"]) for h in scan(self.es, index=index, query={"query": query})][:limit]

    def iter(self, collection: str, where: dict[str, Any] | None = None, batch: int = 500) -> Iterator[dict[str, Any]]:
        # A scroll reads one point in time: later writes do not move or repeat what it returns.
        query = {"bool": {"filter": [{"term": {k: v}} for k, v in (where or {}).items()]}}
        for hit in scan(self.es, index=self.index_name(collection), query={"query": query}, size=batch):
            yield _strip(hit["_source"])

    def delete(self, collection: str, record_id: str) -> bool:
        try:
            self._call(self.es.delete, index=self.index_name(collection), id=record_id, refresh=True)
            return True
        except NotFoundError:
            return False
