"""Smoke test of the local Elasticsearch node started by `.ci/es.sh start`.

Usage: .venv/bin/python tools/elasticsearch/smoke_test.py [URL]   (default http://127.0.0.1:9201)

Checks, with the official 8.x Python client, every feature the project relies on, and probes the
analyzers / field types / queries that need Elasticsearch modules absent from Maven Central.
Prints one line per check and 'N passed, N failed' at the end; exits 1 if a required check failed
(the probes of optional features are reported but never fail the run).
"""
from __future__ import annotations

import sys
import traceback

from elasticsearch import Elasticsearch, helpers

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:9201"
IDX = "veille-smoke-1"
ALIAS = "veille-smoke"

results: list[tuple[str, bool, bool, str]] = []  # name, required, ok, detail


def check(name: str, required: bool = True):
    def deco(fn):
        try:
            detail = fn() or ""
            results.append((name, required, True, str(detail)))
        except Exception as e:  # noqa: BLE001
            msg = getattr(e, "message", None) or str(e)
            info = getattr(e, "info", None)
            if info:
                msg = str(info)[:300]
            results.append((name, required, False, msg[:300]))
            if required and "-v" in sys.argv:
                traceback.print_exc()
        return fn

    return deco


es = Elasticsearch(URL, request_timeout=30)
for name in [IDX, IDX + "-2", "veille-smoke-probe"]:
    es.options(ignore_status=404).indices.delete(index=name)


@check("cluster health")
def _():
    h = es.cluster.health(wait_for_status="yellow", timeout="30s")
    return f"{h['status']} nodes={h['number_of_nodes']}"


@check("info / ping (GET / , HEAD /)")
def _():
    assert es.ping(), "ping failed"
    return es.info()["version"]["number"]


@check("create index with mappings + alias")
def _():
    es.indices.create(
        index=IDX,
        settings={"number_of_shards": 1, "number_of_replicas": 0},
        mappings={
            "dynamic": "strict",
            "properties": {
                "url": {"type": "keyword"},
                "source": {"type": "keyword"},
                "tags": {"type": "keyword"},
                "title": {"type": "text", "analyzer": "standard", "fields": {"raw": {"type": "keyword"}}},
                "body": {"type": "text", "analyzer": "standard"},
                "published": {"type": "date"},
                "score": {"type": "double"},
                "count": {"type": "integer"},
            },
        },
        aliases={ALIAS: {}},
    )


@check("bulk index")
def _():
    docs = [
        {"_id": "1", "url": "https://a/1", "source": "lemonde", "tags": ["eco", "maroc"],
         "title": "Croissance economique au Maroc", "body": "La banque centrale prevoit une croissance forte.",
         "published": "2024-05-01T10:00:00Z", "score": 1.5, "count": 3},
        {"_id": "2", "url": "https://a/2", "source": "hespress", "tags": ["sport"],
         "title": "Victoire du Wydad", "body": "Le club de Casablanca gagne la finale.",
         "published": "2024-05-02T10:00:00Z", "score": 2.5, "count": 1},
        {"_id": "3", "url": "https://a/3", "source": "lemonde", "tags": ["eco"],
         "title": "Inflation en baisse", "body": "La banque centrale maintient son taux directeur.",
         "published": "2024-05-03T10:00:00Z", "score": 0.5, "count": 7},
    ]
    ok, errors = helpers.bulk(es, ({"_index": ALIAS, **d} for d in docs), refresh="wait_for")
    assert ok == 3 and not errors, errors
    return f"{ok} docs"


@check("refresh + count")
def _():
    es.indices.refresh(index=ALIAS)
    n = es.count(index=ALIAS)["count"]
    assert n == 3, n
    return n


@check("get")
def _():
    d = es.get(index=ALIAS, id="1")
    assert d["_source"]["source"] == "lemonde"


@check("search bool/multi_match/match_phrase/prefix/terms/range + sort + highlight")
def _():
    r = es.search(
        index=ALIAS,
        query={"bool": {
            "must": [{"multi_match": {"query": "banque centrale", "fields": ["title^2", "body"]}}],
            "should": [{"match_phrase": {"body": "taux directeur"}}, {"prefix": {"title.raw": "Infl"}}],
            "filter": [{"terms": {"source": ["lemonde", "x"]}},
                       {"range": {"published": {"gte": "2024-05-01", "lte": "2024-05-31"}}},
                       {"range": {"score": {"gte": 0}}}],
            "must_not": [{"term": {"tags": "sport"}}],
        }},
        sort=[{"_score": "desc"}, {"published": "desc"}],
        highlight={"fields": {"body": {}, "title": {}}, "pre_tags": ["<em>"], "post_tags": ["</em>"]},
    )
    ids = [h["_id"] for h in r["hits"]["hits"]]
    assert ids == ["3", "1"], ids
    assert "<em>" in str(r["hits"]["hits"][0]["highlight"]), r["hits"]["hits"][0]
    return ids


@check("terms aggregation + date_histogram + size=0")
def _():
    r = es.search(index=ALIAS, size=0, aggs={
        "by_source": {"terms": {"field": "source"}},
        "by_day": {"date_histogram": {"field": "published", "calendar_interval": "day"}},
        "avg_score": {"avg": {"field": "score"}},
    })
    b = {x["key"]: x["doc_count"] for x in r["aggregations"]["by_source"]["buckets"]}
    assert b == {"lemonde": 2, "hespress": 1}, b
    return b


@check("sort by field + from/size + search_after")
def _():
    r = es.search(index=ALIAS, sort=[{"count": "asc"}], size=2)
    ids = [h["_id"] for h in r["hits"]["hits"]]
    assert ids == ["2", "1"], ids
    r2 = es.search(index=ALIAS, sort=[{"count": "asc"}], size=2, search_after=r["hits"]["hits"][-1]["sort"])
    assert [h["_id"] for h in r2["hits"]["hits"]] == ["3"]


@check("update (partial doc) + delete")
def _():
    es.update(index=ALIAS, id="2", doc={"count": 10}, refresh=True)
    assert es.get(index=ALIAS, id="2")["_source"]["count"] == 10
    es.delete(index=ALIAS, id="2", refresh=True)
    assert es.count(index=ALIAS)["count"] == 2


@check("delete_by_query (reindex module)", required=False)
def _():
    r = es.delete_by_query(index=ALIAS, query={"term": {"source": "nothing"}}, refresh=True)
    return r.get("deleted")


@check("scan (scroll API) + create conflict 409 + dynamic_templates + enabled:false")
def _():
    from elasticsearch import ConflictError
    got = [h["_id"] for h in helpers.scan(es, index=ALIAS, query={"query": {"match_all": {}}}, size=1)]
    assert sorted(got) == ["1", "3"], got
    es.indices.create(index=IDX + "-rec", settings={"number_of_replicas": 0}, mappings={
        "dynamic_templates": [{"strings": {"match_mapping_type": "string",
                                           "mapping": {"type": "keyword", "ignore_above": 8191}}}],
        "properties": {"data": {"type": "object", "enabled": False}}})
    es.create(index=IDX + "-rec", id="a", document={"k": "v", "data": {"x": [1, "y"]}}, refresh=True)
    try:
        es.create(index=IDX + "-rec", id="a", document={"k": "w"})
        raise AssertionError("no conflict")
    except ConflictError:
        pass
    assert es.search(index=IDX + "-rec", query={"term": {"k": "v"}})["hits"]["total"]["value"] == 1
    es.indices.delete(index="veille-smoke-1-r*", ignore_unavailable=True, allow_no_indices=True)
    assert not es.indices.exists(index=IDX + "-rec")


@check("update_aliases (atomic swap)")
def _():
    es.indices.create(index=IDX + "-2", settings={"number_of_replicas": 0})
    es.indices.update_aliases(actions=[
        {"remove": {"index": IDX, "alias": ALIAS}},
        {"add": {"index": IDX + "-2", "alias": ALIAS}},
    ])
    got = es.indices.get_alias(name=ALIAS)
    assert list(got) == [IDX + "-2"], got
    es.indices.update_aliases(actions=[
        {"remove": {"index": IDX + "-2", "alias": ALIAS}},
        {"add": {"index": IDX, "alias": ALIAS}},
    ])
    assert es.indices.exists_alias(name=ALIAS, index=IDX)


@check("mget / exists / mapping / settings / cat indices")
def _():
    assert es.exists(index=ALIAS, id="1")
    assert len(es.mget(index=ALIAS, ids=["1", "3"])["docs"]) == 2
    es.indices.get_mapping(index=ALIAS)
    es.indices.get_settings(index=ALIAS)
    es.cat.indices(format="json")


@check("dynamic mapping on auto-created index")
def _():
    es.index(index="veille-smoke-probe", id="x", document={"a": "hello", "n": 1, "d": "2024-01-01"}, refresh=True)
    return es.indices.get_mapping(index="veille-smoke-probe")["veille-smoke-probe"]["mappings"]["properties"]


@check("health after auto-created index (default 1 replica: yellow on one node)", required=False)
def _():
    return es.cluster.health()["status"]


# ---- probes: features that live in modules not published on Maven Central ----
def probe_analyzer(name, analysis=None, analyzer=None):
    def fn():
        settings = {"number_of_replicas": 0}
        if analysis:
            settings["analysis"] = analysis
        es.options(ignore_status=404).indices.delete(index="veille-smoke-probe")
        es.indices.create(index="veille-smoke-probe", settings=settings,
                          mappings={"properties": {"t": {"type": "text", "analyzer": analyzer or name}}})
        toks = es.indices.analyze(index="veille-smoke-probe", field="t", text="Les Élèves étudiaient l'économie")
        return [t["token"] for t in toks["tokens"]]
    check(f"analyzer {name}", required=False)(fn)


for a in ["standard", "simple", "whitespace", "keyword", "stop", "french", "english", "arabic", "snowball", "pattern"]:
    probe_analyzer(a)
probe_analyzer("custom asciifolding+lowercase", analyzer="folded", analysis={"analyzer": {"folded": {
    "type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}}})
probe_analyzer("custom elision+french_stem", analyzer="fr", analysis={
    "filter": {"fr_elision": {"type": "elision", "articles_case": True, "articles": ["l", "d"]},
               "fr_stem": {"type": "stemmer", "language": "light_french"},
               "fr_stop": {"type": "stop", "stopwords": "_french_"}},
    "analyzer": {"fr": {"type": "custom", "tokenizer": "standard",
                        "filter": ["fr_elision", "lowercase", "fr_stop", "asciifolding", "fr_stem"]}}})
probe_analyzer("custom html_strip char_filter", analyzer="h", analysis={"analyzer": {"h": {
    "type": "custom", "tokenizer": "standard", "char_filter": ["html_strip"]}}})


def probe_type(t, extra=None):
    def fn():
        es.options(ignore_status=404).indices.delete(index="veille-smoke-probe")
        es.indices.create(index="veille-smoke-probe", settings={"number_of_replicas": 0},
                          mappings={"properties": {"f": {"type": t, **(extra or {})}}})
    check(f"field type {t}", required=False)(fn)


probe_type("scaled_float", {"scaling_factor": 100})
probe_type("nested")
probe_type("search_as_you_type")
probe_type("rank_feature")
probe_type("token_count", {"analyzer": "standard"})
probe_type("match_only_text")
probe_type("geo_point")
probe_type("geo_shape")
probe_type("flattened")
probe_type("wildcard")
probe_type("dense_vector", {"dims": 3})
probe_type("boolean")
probe_type("ip")


def probe_query(name, body):
    def fn():
        r = es.search(index=IDX, **body)
        return r["hits"]["total"]["value"] if "hits" in r else "ok"
    check(f"query {name}", required=False)(fn)


probe_query("query_string", {"query": {"query_string": {"query": "banque AND centrale"}}})
probe_query("simple_query_string", {"query": {"simple_query_string": {"query": "banque +centrale"}}})
probe_query("fuzzy match", {"query": {"match": {"title": {"query": "Inflaton", "fuzziness": "AUTO"}}}})
probe_query("function_score (field_value_factor)", {"query": {"function_score": {
    "query": {"match_all": {}}, "field_value_factor": {"field": "score"}}}})
probe_query("script_score (painless)", {"query": {"script_score": {
    "query": {"match_all": {}}, "script": {"source": "doc['score'].value * 2"}}}})
probe_query("significant_terms", {"size": 0, "aggs": {"s": {"significant_terms": {"field": "tags"}}}})
probe_query("cardinality + top_hits", {"size": 0, "aggs": {"c": {"cardinality": {"field": "source"}},
                                                           "t": {"top_hits": {"size": 1}}}})
check("update by script (painless)", required=False)(
    lambda: es.update(index=IDX, id="1", script={"source": "ctx._source.count += 1"}))
check("reindex", required=False)(lambda: es.reindex(source={"index": IDX}, dest={"index": IDX + "-2"}))
check("update_by_query", required=False)(lambda: es.update_by_query(index=IDX))

es.options(ignore_status=404).indices.delete(index="veille-smoke-probe")
es.options(ignore_status=404).indices.delete(index=IDX + "-2")
es.options(ignore_status=404).indices.delete(index=IDX)

passed = failed = 0
for name, required, ok, detail in results:
    tag = "ok  " if ok else ("FAIL" if required else "n/a ")
    print(f"{tag} {name}: {detail}")
    if required:
        passed += ok
        failed += not ok
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
