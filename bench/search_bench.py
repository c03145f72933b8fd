"""Search at scale: index 200,000 realistic documents and time filtered, faceted text queries.

    python -m bench.search_bench [--docs N] [--es URL] [--queries 200]

Figures (into `results`): index_docs_per_s_sqlite, search_p50_ms_sqlite, search_p95_ms_sqlite and, with an
Elasticsearch URL, index_docs_per_s_es, raw_bulk_docs_per_s, index_ratio, search_p50_ms_es, search_p95_ms_es.
Targets: p95 <= 50 ms on both engines at 200k documents; index_ratio >= 0.8.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from indexing.backends.base import IndexedDoc, SearchBackend  # noqa: E402
from indexing.models import Document, NewsArticle, Offer, TradeFair  # noqa: E402
from indexing.query import SearchQuery, query_from_params  # noqa: E402
from indexing.taxonomy import TAXONOMY_FILE, crafts  # noqa: E402

DEFAULT_DOCS = 200_000
DEFAULT_QUERIES = 200
SEED = 20_261_129
BATCH = 1_000
MAD_PER_EUR = Decimal("10.62")
START = datetime(2026, 11, 29, tzinfo=timezone.utc)
TARGET_P95_MS = 50.0
TARGET_INDEX_RATIO = 0.8

CITIES = {"MA": ["Marrakech", "Fès", "Casablanca", "Rabat", "Safi", "Tanger", "Essaouira", "Meknès"],
          "FR": ["Paris", "Lyon", "Marseille", "Bordeaux"], "DE": ["Frankfurt", "Munich", "Köln", "Berlin"],
          "ES": ["Madrid", "Barcelona", "Valencia"], "IT": ["Milano", "Roma"], "US": ["New York", "Las Vegas"],
          "GB": ["London", "Birmingham"], "AE": ["Dubai"], "BE": ["Bruxelles"], "NL": ["Amsterdam"]}
COUNTRY_WEIGHTS = {"MA": 40, "FR": 18, "DE": 10, "ES": 8, "IT": 5, "US": 7, "GB": 5, "AE": 3, "BE": 2, "NL": 2}
SHOPS = ["Atelier Atlas", "Berber Home", "Souk Design", "Poterie Safi", "Maison Fès", "Zellige Art", "Dar Cuir",
         "Riad Déco", "Tapis Rouge", "Kasbah Store", "Medina Market", "Argan & Co", "Nomad Living", "Sahara Home"]
SOURCES = {"news": ["le-matin-eco", "hespress-ar", "mwn-en", "medias24", "leseco", "h24info"],
           "fair": ["artisanat-gov", "messe-frankfurt", "maison-objet", "tradefairdates", "eventseye"],
           "offer": ["atelier-atlas", "berber-home", "souk-design", "etsy-ma", "jumia-ma", "maisons-du-monde"]}
ADJECTIVES = {"fr": ["berbère", "marocain", "artisanal", "traditionnel", "tissé main", "ancien", "coloré", "naturel",
                     "moderne", "authentique", "fait main", "brodé"],
              "en": ["berber", "moroccan", "handmade", "traditional", "vintage", "colorful", "natural", "modern",
                     "authentic", "handwoven"],
              "ar": ["تقليدي", "مغربي", "يدوي", "أمازيغي", "أصيل", "طبيعي", "عصري"]}
NEWS_VERBS = {"fr": ["progresse", "séduit les acheteurs", "recule", "se modernise", "conquiert l'Europe",
                     "attire les touristes", "mise sur l'export"],
              "en": ["gains ground", "attracts buyers", "slows down", "goes digital", "wins new markets"],
              "ar": ["يغزو الأسواق", "يتراجع", "يجذب المشترين", "ينمو بسرعة", "يراهن على التصدير"]}
FILLER = {"fr": "Les coopératives de la région signalent une demande soutenue de la part des importateurs, "
                "mais les coûts de transport et les délais de paiement pèsent sur les marges des artisans.",
          "en": "Cooperatives in the region report steady demand from importers, while shipping costs "
                "and payment delays weigh on artisans' margins.",
          "ar": "تشير التعاونيات في الجهة إلى طلب متزايد من المستوردين، لكن تكاليف النقل وآجال الأداء "
                "تثقل هوامش الحرفيين."}


@dataclass(frozen=True)
class Vocabulary:
    """Words per craft and language: the taxonomy's labels and synonyms (crafts.yaml)."""
    words: dict[str, dict[str, list[str]]]

    @classmethod
    def from_taxonomy(cls) -> "Vocabulary":
        raw = yaml.safe_load(TAXONOMY_FILE.read_text(encoding="utf-8"))
        words: dict[str, dict[str, list[str]]] = {}
        for craft_id, entry in raw.items():
            words[craft_id] = {
                lang: [entry["label"][lang].lower(), *(str(s).rstrip("*") for s in entry["synonyms"].get(lang, []))]
                for lang in ("fr", "ar", "en")
            }
        return cls(words)


class CorpusGenerator:
    """Deterministic documents: 40 % news (fr/ar/en), 15 % fairs, 45 % offers with MAD or EUR prices."""

    def __init__(self, seed: int = SEED) -> None:
        self.rnd = random.Random(seed)
        self.vocabulary = Vocabulary.from_taxonomy()
        self.craft_ids = list(self.vocabulary.words)
        self.countries = list(COUNTRY_WEIGHTS)
        self.country_weights = list(COUNTRY_WEIGHTS.values())

    def _country(self) -> str:
        return self.rnd.choices(self.countries, self.country_weights)[0]

    def _craft_words(self, craft_id: str, lang: str) -> str:
        return self.rnd.choice(self.vocabulary.words[craft_id][lang])

    def news(self, i: int) -> NewsArticle:
        lang = self.rnd.choices(["fr", "ar", "en"], [55, 25, 20])[0]
        craft_ids = self.rnd.sample(self.craft_ids, self.rnd.randint(1, 2))
        country = self._country()
        city = self.rnd.choice(CITIES[country])
        subject = f"{self._craft_words(craft_ids[0], lang)} {self.rnd.choice(ADJECTIVES[lang])}"
        title = f"{subject.capitalize()} {self.rnd.choice(NEWS_VERBS[lang])} ({city})"
        sentences = [f"{self._craft_words(c, lang)} {self.rnd.choice(ADJECTIVES[lang])} {city}." for c in craft_ids]
        text = " ".join(sentences + [FILLER[lang]] * self.rnd.randint(1, 3))
        return NewsArticle(url=f"https://news{i % 7}.example.ma/a/{i}", source=self.rnd.choice(SOURCES["news"]),
                           title=title, text=text, language=lang, crafts=craft_ids,
                           countries=list(dict.fromkeys(["MA", country])),
                           published_at=START - timedelta(minutes=self.rnd.randint(0, 3 * 365 * 24 * 60)),
                           first_seen=START)

    def fair(self, i: int) -> TradeFair:
        country = self._country()
        city = self.rnd.choice(CITIES[country])
        craft_ids = self.rnd.sample(self.craft_ids, self.rnd.randint(1, 3))
        start = date(2026, 1, 1) + timedelta(days=self.rnd.randint(0, 3 * 365))
        label = crafts()[craft_ids[0]].labels["fr"]
        return TradeFair(url=f"https://fairs.example.org/f/{i}", source=self.rnd.choice(SOURCES["fair"]),
                         name=f"Salon {label} {city} n{i}", start_date=start,
                         end_date=start + timedelta(days=self.rnd.randint(0, 6)), city=city, country=country,
                         venue=f"Parc des expositions de {city}",
                         description=f"Exposants: {', '.join(self._craft_words(c, 'fr') for c in craft_ids)}. "
                                     f"{FILLER['fr']}",
                         crafts=craft_ids, language="fr", first_seen=START)

    def offer(self, i: int) -> Offer:
        country = self._country()
        craft_id = self.rnd.choice(self.craft_ids)
        lang = "fr" if country in ("MA", "FR", "BE") else "en"
        currency = "MAD" if country == "MA" else "EUR"
        amount = Decimal(self.rnd.randint(80, 12_000) if currency == "MAD" else self.rnd.randint(8, 1_200))
        mad = amount if currency == "MAD" else (amount * MAD_PER_EUR).quantize(Decimal("0.01"))
        eur = amount if currency == "EUR" else (amount / MAD_PER_EUR).quantize(Decimal("0.01"))
        name = f"{self._craft_words(craft_id, lang).capitalize()} {self.rnd.choice(ADJECTIVES[lang])} " \
               f"{self.rnd.randint(40, 300)}x{self.rnd.randint(40, 300)}"
        shop = self.rnd.choice(SHOPS)
        return Offer(url=f"https://{shop.lower().replace(' ', '-').replace('&', 'and')}.example.com/p/{i}",
                     source=self.rnd.choice(SOURCES["offer"]), name=name, shop=shop, price=amount, currency=currency,
                     price_mad=mad, price_eur=eur, availability="InStock", language=lang, crafts=[craft_id],
                     countries=[country], description=f"{name}. {FILLER[lang][:120]}",
                     observed_at=START - timedelta(hours=self.rnd.randint(0, 24 * 90)), first_seen=START)

    def documents(self, n: int) -> Iterator[Document]:
        makers: list[Callable[[int], Document]] = [self.news, self.fair, self.offer]
        for i in range(n):
            yield self.rnd.choices(makers, [40, 15, 45])[0](i)

    def queries(self, n: int) -> list[dict[str, object]]:
        """Two words (a craft term and an adjective), a kind and a country: filters plus facets."""
        rnd = random.Random(SEED + 1)
        params = []
        for i in range(n):
            lang = rnd.choices(["fr", "en", "ar"], [60, 25, 15])[0]
            craft_id = rnd.choice(self.craft_ids)
            words = f"{rnd.choice(self.vocabulary.words[craft_id][lang])} {rnd.choice(ADJECTIVES[lang])}"
            params.append({"q": words, "kind": "offer" if i % 2 else "fair", "country": rnd.choice(["MA", "MA", "FR", "DE"])})
        return params


# measuring --------------------------------------------------------------------------------
def progress(message: str) -> None:
    print(f"[search_bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def analyse(documents: Sequence[Document]) -> tuple[list[IndexedDoc], float]:
    """The flat documents both engines index, and the seconds the analysis took."""
    started = time.perf_counter()
    flat = [IndexedDoc.of(d) for d in documents]
    return flat, time.perf_counter() - started


def put_in_batches(backend: SearchBackend, flat: Sequence[IndexedDoc]) -> float:
    started = time.perf_counter()
    for offset in range(0, len(flat), BATCH):
        backend.put_many(flat[offset:offset + BATCH])
    backend.refresh()
    return time.perf_counter() - started


def time_searches(backend: SearchBackend, queries: Sequence[SearchQuery]) -> list[float]:
    # One untimed pass first, on both engines: the timed pass measures a warm engine (page cache,
    # the JVM's JIT and filter caches), not the first queries after a bulk load.
    for query in queries:
        backend.search(query)
    timings = []
    for query in queries:
        started = time.perf_counter()
        backend.search(query)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def record_search(results: dict[str, Any], engine: str, timings: list[float]) -> None:
    results[f"search_p50_ms_{engine}"] = round(statistics.median(timings), 2)
    results[f"search_p95_ms_{engine}"] = round(percentile(timings, 0.95), 2)


def sqlite_slowest_plan(backend: Any, query: SearchQuery) -> list[str]:
    """EXPLAIN QUERY PLAN of the statement that fills the hit table (the costly step at scale)."""
    sql, params = backend.hit_statement(query)
    return [" | ".join(str(c) for c in row) for row in backend.db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()]


def sqlite_step_timings(backend: Any, query: SearchQuery) -> dict[str, float]:
    """Milliseconds of each statement SqliteBackend._search runs for one query (which one is slow)."""
    from indexing.query import FACETS
    db = backend.db
    steps: dict[str, float] = {}

    def timed(name: str, sql: str, args: Sequence[Any] = ()) -> None:
        started = time.perf_counter()
        db.execute(sql, args).fetchall()
        steps[name] = round((time.perf_counter() - started) * 1000, 2)

    from indexing.backends.sqlite import HIT_COLUMNS, HITS_TABLE
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {HITS_TABLE}")
    db.execute("DELETE FROM temp.hits")
    statement, params = backend.hit_statement(query)
    timed("fill_hits", f"INSERT INTO temp.hits({HIT_COLUMNS}) {statement}", params)
    timed("count", "SELECT count(*) FROM temp.hits")
    timed("page", "SELECT rowid, id, kind, score FROM temp.hits ORDER BY score DESC, date IS NULL, date DESC, id LIMIT 20")
    for facet in FACETS:
        if facet not in ("crafts", "countries"):
            timed(f"facet_{facet}", f"SELECT {facet}, count(*) FROM temp.hits WHERE {facet} IS NOT NULL GROUP BY {facet}")
    timed("facet_tags", "SELECT t.facet, t.value, count(*) FROM temp.hits h CROSS JOIN doc_tags t "
                        "ON t.doc_rowid = h.rowid GROUP BY t.facet, t.value")
    return steps


def bench_sqlite(results: dict[str, Any], flat: list[IndexedDoc], analysis_seconds: float,
                 queries: list[SearchQuery], directory: Path) -> None:
    from indexing.backends.sqlite import SqliteBackend
    backend = SqliteBackend(directory / "bench.db")
    backend.setup()
    put_seconds = put_in_batches(backend, flat)
    progress(f"SQLite: {len(flat)} documents stored in {put_seconds:.1f} s; searching")
    results["index_docs_per_s_sqlite"] = round(len(flat) / (analysis_seconds + put_seconds))
    timings = time_searches(backend, queries)
    record_search(results, "sqlite", timings)
    slowest = max(range(len(queries)), key=lambda i: timings[i])
    results["sqlite_slowest_query"] = {
        "params": {"q": queries[slowest].text, "kind": list(queries[slowest].kinds),
                   "country": list(queries[slowest].countries)},
        "ms": round(timings[slowest], 2),
        "steps_ms": sqlite_step_timings(backend, queries[slowest]),
        "plan": sqlite_slowest_plan(backend, queries[slowest]),
    }
    backend.close()


def raw_bulk_seconds(es_url: str, flat: list[IndexedDoc]) -> float:
    """helpers.bulk of the same flat documents into a scratch index with the same mapping and settings."""
    from elasticsearch import Elasticsearch
    from elasticsearch.helpers import bulk

    from indexing.backends.elasticsearch import DOCS_MAPPING
    client = Elasticsearch(es_url, request_timeout=60)
    index = f"veille-bench-raw-{uuid.uuid4().hex[:8]}"
    client.indices.create(index=index, mappings=DOCS_MAPPING,
                          settings={"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "1s"})
    sources = [d.es_source() for d in flat]  # the same documents, as the dicts helpers.bulk takes
    try:
        started = time.perf_counter()
        bulk(client, ({"_index": index, "_id": d["id"], "_source": d} for d in sources), chunk_size=BATCH)
        client.indices.refresh(index=index)
        return time.perf_counter() - started
    finally:
        client.indices.delete(index=index, ignore_unavailable=True)
        client.close()


def index_documents(backend: SearchBackend, documents: Sequence[Document]) -> float:
    """Our indexing path end to end: models in, analysed and stored (`SearchBackend.index`)."""
    started = time.perf_counter()
    for offset in range(0, len(documents), 20 * BATCH):
        backend.index(documents[offset:offset + 20 * BATCH])
    backend.refresh()
    return time.perf_counter() - started


def bench_elasticsearch(results: dict[str, Any], es_url: str, flat: list[IndexedDoc], documents: Sequence[Document],
                        queries: list[SearchQuery]) -> None:
    from indexing.backends.elasticsearch import ElasticsearchBackend
    backend = ElasticsearchBackend(es_url, prefix=f"veille-bench-{uuid.uuid4().hex[:8]}")
    backend.setup()
    try:
        # Warm the JVM first, then alternate raw and ours on fresh indices and keep each one's best run:
        # a cold node or a busy machine must not decide the ratio.
        raw_bulk_seconds(es_url, flat[:20_000])
        raw_runs, ours_runs = [], []
        for attempt in range(2):
            raw_runs.append(raw_bulk_seconds(es_url, flat))
            if attempt:
                backend.drop_all()
                backend.setup()
            ours_runs.append(index_documents(backend, documents))
            progress(f"Elasticsearch round {attempt + 1}: raw bulk {raw_runs[-1]:.1f} s, ours {ours_runs[-1]:.1f} s")
        raw_seconds, ours_seconds = min(raw_runs), min(ours_runs)
        ours = len(flat) / ours_seconds
        raw = len(flat) / raw_seconds
        results["index_docs_per_s_es"] = round(ours)
        results["raw_bulk_docs_per_s"] = round(raw)
        results["index_ratio"] = round(ours / raw, 3)
        record_search(results, "es", time_searches(backend, queries))
    finally:
        backend.drop_all()
        backend.close()


def run(results: dict[str, Any], es_url: str | None, docs: int = DEFAULT_DOCS, queries: int = DEFAULT_QUERIES) -> None:
    generator = CorpusGenerator()
    started = time.perf_counter()
    documents = list(generator.documents(docs))
    results["search_bench_docs"] = docs
    results["generate_seconds"] = round(time.perf_counter() - started, 1)
    progress(f"{docs} documents generated; analysing")
    flat, analysis_seconds = analyse(documents)
    progress(f"analysed in {analysis_seconds:.1f} s; indexing into SQLite")
    results["analysis_docs_per_s"] = round(len(flat) / analysis_seconds)
    search_queries = [query_from_params(p) for p in generator.queries(queries)]
    with tempfile.TemporaryDirectory(prefix="veille-search-bench-") as directory:
        bench_sqlite(results, flat, analysis_seconds, search_queries, Path(directory))
    if es_url:
        bench_elasticsearch(results, es_url, flat, documents, search_queries)


def verdicts(results: dict[str, Any]) -> dict[str, str]:
    checks = {f"search_p95_ms_{e}": results.get(f"search_p95_ms_{e}") for e in ("sqlite", "sqlite_proposed", "es")}
    out = {k: ("ok" if v <= TARGET_P95_MS else f"over {TARGET_P95_MS:g} ms") for k, v in checks.items() if v is not None}
    if "index_ratio" in results:
        out["index_ratio"] = "ok" if results["index_ratio"] >= TARGET_INDEX_RATIO else f"under {TARGET_INDEX_RATIO}"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS)
    parser.add_argument("--queries", type=int, default=DEFAULT_QUERIES)
    parser.add_argument("--es", default=None, help="Elasticsearch URL (omit for SQLite only)")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    run(results, args.es, args.docs, args.queries)
    marks = verdicts(results)
    width = max(len(k) for k in results)
    print(f"{'figure'.ljust(width)}  value")
    for key, value in results.items():
        if isinstance(value, dict):
            continue
        print(f"{key.ljust(width)}  {value}{'   [' + marks[key] + ']' if key in marks else ''}")
    slow = results.get("sqlite_slowest_query")
    if slow:
        print(f"\nslowest SQLite query {slow['params']} took {slow['ms']} ms; statements (ms): {slow['steps_ms']}")
        print("query plan of the hit-table fill:\n  " + "\n  ".join(slow["plan"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
