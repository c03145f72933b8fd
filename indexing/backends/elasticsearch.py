"""ElasticsearchBackend: the engine for real deployments (8.x client, explicit mappings, aliases)."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Iterable, Sequence

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch.helpers import bulk, scan

from indexing.backends.base import BackendUnavailable, IndexedDoc, SearchBackend
from indexing.backends.es_records import RECORDS_MAPPING, ElasticsearchRecordStore
from indexing.backends.records import RECORD_COLLECTIONS
from indexing.backends.es_bulk import BulkWriter, bulk_line
from indexing.models import Document, PriceObservation, utc
from indexing.query import FACETS, SearchQuery, TextQuery, day_start

# Terms are analysed in Python (indexing.analysis); Elasticsearch only splits on whitespace,
# which keeps relevance features identical to the SQLite backend.
TERMS = {"type": "text", "analyzer": "whitespace", "norms": True}
DOCS_MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "id": {"type": "keyword"},
        "kind": {"type": "keyword"},
        "title": {"type": "keyword", "index": False, "doc_values": False},
        "url": {"type": "keyword"},
        "source": {"type": "keyword"},
        "language": {"type": "keyword"},
        "crafts": {"type": "keyword"},
        "countries": {"type": "keyword"},
        "date": {"type": "date"},
        "price_mad": {"type": "double"},
        "price_eur": {"type": "double"},
        "title_terms": TERMS,
        "body_terms": TERMS,
        "phrase": TERMS,
        "doc": {"type": "object", "enabled": False},
    },
}
OBSERVATIONS_MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "offer_id": {"type": "keyword"},
        "observed_at": {"type": "date"},
        "data": {"type": "object", "enabled": False},
    },
}
SCHEMA_VERSION = 1


def es_text_clauses(text: TextQuery) -> list[dict[str, Any]]:
    """Structured clauses only: user text never reaches query_string syntax."""
    clauses: list[dict[str, Any]] = []
    for group in text.groups:
        should = []
        for term in group:
            should.append({"term": {"title_terms": {"value": term, "boost": 3.0}}})
            should.append({"term": {"body_terms": {"value": term}}})
        clauses.append({"bool": {"should": should, "minimum_should_match": 1}})
    for phrase in text.phrases:
        clauses.append({"match_phrase": {"phrase": " ".join(phrase)}})
    for prefix in text.prefixes:
        clauses.append({"prefix": {"phrase": {"value": prefix}}})
    return clauses


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str, prefix: str = "veille", replicas: int = 0, shards: int = 1,
                 client: Elasticsearch | None = None) -> None:
        self.url = url
        self.prefix = prefix
        self.replicas = replicas
        self.shards = shards
        # Several comma-separated nodes: the client fails over when one of them dies.
        self.es = client or Elasticsearch([u.strip() for u in url.split(",")], request_timeout=30,
                                          retry_on_timeout=True, max_retries=3)
        self.writer = BulkWriter(self.es, url)
        self.records = ElasticsearchRecordStore(self.es, prefix, self._call)

    # names ---------------------------------------------------------------------------
    @property
    def docs_alias(self) -> str:
        return f"{self.prefix}-docs"

    @property
    def observations_index(self) -> str:
        return f"{self.prefix}-observations"

    def _settings(self) -> dict[str, Any]:
        settings: dict[str, Any] = {"number_of_shards": self.shards, "number_of_replicas": self.replicas,
                                    "refresh_interval": "1s"}
        if self.replicas:
            # Promote replicas at once when a node leaves instead of waiting a minute.
            settings["unassigned.node_left.delayed_timeout"] = "5s"
        return settings

    def _call(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return fn(*args, **kwargs)
        except (EsConnectionError, TransportError) as exc:
            raise BackendUnavailable(f"Elasticsearch at {self.url} is unreachable: {exc}") from exc
        except ApiError as exc:
            # A restarting or overloaded cluster answers 5xx/429: a transient outage, not bad data.
            if exc.meta.status >= 500 or exc.meta.status == 429:
                raise BackendUnavailable(f"Elasticsearch at {self.url} is not available: {exc}") from exc
            raise

    # lifecycle -----------------------------------------------------------------------
    def setup(self) -> None:
        es = self.es
        if not self._call(es.indices.exists_alias, name=self.docs_alias):
            concrete = f"{self.docs_alias}-v{SCHEMA_VERSION}"
            if not self._call(es.indices.exists, index=concrete):
                self._create(concrete, DOCS_MAPPING)
            self._call(es.indices.put_alias, index=concrete, name=self.docs_alias)
        if not self._call(es.indices.exists, index=self.observations_index):
            self._create(self.observations_index, OBSERVATIONS_MAPPING)
        for collection in RECORD_COLLECTIONS:
            index = self.records.index_name(collection)
            if not self._call(es.indices.exists, index=index):
                self._create(index, RECORDS_MAPPING)
        self._call(es.cluster.health, wait_for_status="yellow", timeout="30s")

    def _create(self, index: str, mappings: dict[str, Any]) -> None:
        try:
            self._call(self.es.indices.create, index=index, settings=self._settings(), mappings=mappings)
        except ApiError as exc:
            if "resource_already_exists_exception" not in str(exc):
                raise

    def close(self) -> None:
        self.es.close()

    def ping(self) -> bool:
        try:
            return bool(self.es.ping())
        except Exception:
            return False

    def drop_all(self) -> None:
        """Delete every index of this prefix (tests and `veille reset`)."""
        self._call(self.es.indices.delete, index=f"{self.prefix}-*", ignore_unavailable=True, allow_no_indices=True,
                   expand_wildcards="all")

    # documents ------------------------------------------------------------------------
    def put_many(self, docs: Sequence[IndexedDoc]) -> int:
        if not docs:
            return 0
        alias = self.docs_alias
        return self.writer.write(bulk_line(alias, d) for d in docs)

    def index(self, documents: Iterable[Document]) -> int:
        """Analyse and send at once: while threads ship one chunk, this thread analyses the next."""
        alias = self.docs_alias
        return self.writer.write(bulk_line(alias, IndexedDoc.of(d)) for d in documents)

    def get_raw(self, ids: Sequence[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        found: dict[str, tuple[str, dict[str, Any]]] = {}
        ids = list(ids)
        for start in range(0, len(ids), 1000):
            resp = self._call(self.es.mget, index=self.docs_alias, ids=ids[start:start + 1000],
                              source_includes=["kind", "doc"])
            for item in resp["docs"]:
                if item.get("found"):
                    found[item["_id"]] = (item["_source"]["kind"], item["_source"]["doc"])
        return found

    def delete(self, doc_id: str) -> bool:
        try:
            self._call(self.es.delete, index=self.docs_alias, id=doc_id, refresh=True)
            return True
        except NotFoundError:
            return False

    def ids_dated_before(self, kind: str, before: datetime, limit: int = 10_000) -> list[str]:
        query = {"bool": {"filter": [{"term": {"kind": kind}}, {"range": {"date": {"lt": utc(before).isoformat()}}}]}}  # type: ignore[union-attr]
        resp = self._call(self.es.search, index=self.docs_alias, query=query, size=limit, source=False,
                          sort=[{"date": "asc"}])
        return [h["_id"] for h in resp["hits"]["hits"]]

    def delete_many(self, ids: Sequence[str]) -> int:
        # No _delete_by_query: it lives in the reindex module, which Maven Central does not carry.
        actions = ({"_op_type": "delete", "_index": self.docs_alias, "_id": i} for i in ids)
        ok, _ = self._call(bulk, self.es, actions, raise_on_error=False, refresh="wait_for")
        return ok

    def count(self, kind: str | None = None) -> int:
        query = {"term": {"kind": kind}} if kind else {"match_all": {}}
        return self._call(self.es.count, index=self.docs_alias, query=query)["count"]

    def refresh(self) -> None:
        self._call(self.es.indices.refresh, index=f"{self.prefix}-*")

    def optimize(self) -> None:
        # After a bulk load Lucene holds dozens of segments; each query visits every one of them.
        self._call(self.es.indices.forcemerge, index=self.docs_alias, max_num_segments=1, request_timeout=3600)
        self.refresh()

    def iter_docs(self, kind: str | None = None, batch: int = 1000) -> Iterable[tuple[str, dict[str, Any]]]:
        query = {"term": {"kind": kind}} if kind else {"match_all": {}}
        for hit in scan(self.es, index=self.docs_alias, query={"query": query}, size=batch, _source_includes=["kind", "doc"]):
            yield hit["_source"]["kind"], hit["_source"]["doc"]

    # search ---------------------------------------------------------------------------
    def build_query(self, q: SearchQuery) -> dict[str, Any]:
        filters: list[dict[str, Any]] = []
        for field, values in (("kind", q.kinds), ("source", q.sources), ("language", q.languages),
                              ("crafts", q.crafts), ("countries", q.countries)):
            if values:
                filters.append({"terms": {field: list(values)}})
        date_range: dict[str, str] = {}
        if q.date_from:
            date_range["gte"] = day_start(q.date_from).isoformat()
        if q.date_to:
            date_range["lt"] = day_start(q.date_to + timedelta(days=1)).isoformat()
        if date_range:
            filters.append({"range": {"date": date_range}})
        price_field = "price_mad" if q.price_currency == "MAD" else "price_eur"
        price_range: dict[str, float] = {}
        if q.price_min is not None:
            price_range["gte"] = float(q.price_min)
        if q.price_max is not None:
            price_range["lte"] = float(q.price_max)
        if price_range:
            filters.append({"range": {price_field: price_range}})
        return {"bool": {"must": es_text_clauses(q.parsed) or [{"match_all": {}}], "filter": filters}}

    def _search(self, q: SearchQuery):  # type: ignore[override]
        price_field = "price_mad" if q.price_currency == "MAD" else "price_eur"
        tiebreak = [{"date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
        sort = {
            "relevance": ["_score", *tiebreak],
            "date": tiebreak,
            "-date": [{"date": {"order": "asc", "missing": "_last"}}, {"id": "asc"}],
            "price": [{price_field: {"order": "asc", "missing": "_last"}}, {"id": "asc"}],
            "-price": [{price_field: {"order": "desc", "missing": "_last"}}, {"id": "asc"}],
        }[q.sort]
        aggs = {f: {"terms": {"field": f, "size": 200}} for f in FACETS} if q.with_facets else None
        resp = self._call(self.es.search, index=self.docs_alias, query=self.build_query(q), sort=sort,
                          from_=q.offset, size=q.per_page, aggs=aggs, track_total_hits=True, track_scores=True,
                          source_includes=["kind", "doc"])
        rows = [(h["_id"], h["_source"]["kind"], float(h.get("_score") or 0.0), h["_source"]["doc"])
                for h in resp["hits"]["hits"]]
        facets: dict[str, dict[str, int]] = {}
        for facet in FACETS if q.with_facets else ():
            buckets = resp["aggregations"][facet]["buckets"]
            facets[facet] = dict(sorted(((b["key"], b["doc_count"]) for b in buckets), key=lambda kv: (-kv[1], kv[0])))
        return resp["hits"]["total"]["value"], rows, facets

    # price history ------------------------------------------------------------------------
    def add_observations(self, observations: Sequence[PriceObservation]) -> int:
        actions = ({"_op_type": "create", "_index": self.observations_index, "_id": o.id,
                    "_source": {"offer_id": o.offer_id, "observed_at": o.observed_at.isoformat(),
                                "data": o.model_dump(mode="json")}} for o in observations)
        ok, errors = self._call(bulk, self.es, actions, raise_on_error=False, refresh="wait_for")
        real = [e for e in errors if e.get("create", {}).get("status") != 409]
        if real:
            raise RuntimeError(f"Elasticsearch rejected price observations: {real[:2]}")
        return ok

    def _observations(self, query: dict[str, Any]) -> list[PriceObservation]:
        hits = scan(self.es, index=self.observations_index, query={"query": query, "sort": ["offer_id", "observed_at"]},
                    preserve_order=True, size=2000)
        return [PriceObservation.model_validate(h["_source"]["data"]) for h in hits]

    def price_history(self, offer_id: str, since: datetime | None = None) -> list[PriceObservation]:
        must: list[dict[str, Any]] = [{"term": {"offer_id": offer_id}}]
        if since:
            must.append({"range": {"observed_at": {"gte": since.isoformat()}}})
        return self._call(self._observations, {"bool": {"filter": must}})

    def observations_between(self, start: datetime, end: datetime) -> list[PriceObservation]:
        return self._call(self._observations,
                          {"range": {"observed_at": {"gte": start.isoformat(), "lt": end.isoformat()}}})

    def observation_keys_before(self, before: datetime) -> list[tuple[str, datetime]]:
        query = {"range": {"observed_at": {"lt": utc(before).isoformat()}}}  # type: ignore[union-attr]
        hits = self._call(lambda: list(scan(self.es, index=self.observations_index, query={"query": query},
                                            _source_includes=["offer_id", "observed_at"], size=2000)))
        return [(h["_source"]["offer_id"], datetime.fromisoformat(h["_source"]["observed_at"])) for h in hits]

    def delete_observations(self, keys: Sequence[tuple[str, datetime]]) -> int:
        actions = ({"_op_type": "delete", "_index": self.observations_index, "_id": f"{offer}@{utc(at).isoformat()}"}  # type: ignore[union-attr]
                   for offer, at in keys)
        ok, _ = self._call(bulk, self.es, actions, raise_on_error=False, refresh="wait_for")
        return ok
