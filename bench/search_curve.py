"""Search cost as the index grows: 50k, 200k and 1M generated documents on both backends, streamed.

    python -m bench --only search --sizes 50k,200k,1m

Per size and backend: indexing rate (docs/s, generation excluded), p50/p95 of the query mix of
bench.search_bench (text, kind and country filters, facets), disk per 100,000 documents; at the
largest size, the seconds `veille reindex` takes. Documents are generated, analysed and written in
batches, so memory stays bounded whatever the size; a size is a prefix of the next (one seed).
"""
from __future__ import annotations

import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from bench.search_bench import BATCH, DEFAULT_QUERIES, CorpusGenerator, percentile, progress, time_searches
from indexing.backends.base import IndexedDoc, SearchBackend
from indexing.models import Document
from indexing.query import SearchQuery, query_from_params

DEFAULT_SIZES = "50k,200k,1m"
TARGET_P95_MS_1M = {"sqlite": 50.0, "es": 25.0}
LEGACY_SIZE = 200_000  # the size the figures without a size suffix (search_p95_ms_sqlite, ...) describe


def parse_sizes(text: str) -> list[tuple[str, int]]:
    """'50k,200k,1m' -> [('50k', 50000), ...]; a clear error for anything else."""
    sizes = []
    for part in (p.strip().lower() for p in text.split(",") if p.strip()):
        multiplier = {"k": 1_000, "m": 1_000_000}.get(part[-1], 1)
        digits = part[:-1] if multiplier > 1 else part
        if not digits.isdigit() or int(digits) == 0:
            raise ValueError(f"bad size {part!r}: use a count such as 50k, 200k, 1m or 5000")
        sizes.append((part, int(digits) * multiplier))
    if not sizes:
        raise ValueError("no size given")
    return sorted(set(sizes), key=lambda s: s[1])


@dataclass
class GenerationClock:
    """Wraps the document stream and adds up the time spent generating, which is the bench's, not the engine's."""
    seconds: float = 0.0

    def stream(self, documents: Iterator[Document]) -> Iterator[Document]:
        while True:
            started = time.perf_counter()
            try:
                document = next(documents)
            except StopIteration:
                self.seconds += time.perf_counter() - started
                return
            self.seconds += time.perf_counter() - started
            yield document


@dataclass
class Point:
    engine: str
    label: str
    docs: int
    docs_per_s: float
    p50_ms: float
    p95_ms: float
    disk_bytes: int
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def mb_per_100k(self) -> float:
        return round(self.disk_bytes / 1e6 * 100_000 / self.docs, 1)


def stream_sqlite(backend: SearchBackend, documents: Iterable[Document]) -> None:
    batch: list[IndexedDoc] = []
    for document in documents:
        batch.append(IndexedDoc.of(document))
        if len(batch) == BATCH:
            backend.put_many(batch)
            batch = []
    backend.put_many(batch)


def sqlite_disk_bytes(backend: Any, path: Path) -> int:
    backend.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def es_disk_bytes(backend: Any) -> int:
    stats = backend.es.indices.stats(index=backend.docs_alias, metric="store")
    return sum(i["primaries"]["store"]["size_in_bytes"] for i in stats["indices"].values())


def measure(engine: str, label: str, n: int, backend: SearchBackend, index_seconds: float,
            queries: list[SearchQuery], disk: Callable[[], int]) -> Point:
    """Queries as loaded, then after `optimize` (what a deployment runs after a bulk load or a reindex)."""
    loaded = time_searches(backend, queries)
    started = time.perf_counter()
    backend.optimize()
    optimize_seconds = time.perf_counter() - started
    timings = time_searches(backend, queries)
    point = Point(engine, label, n, round(n / index_seconds), round(percentile(timings, 0.5), 2),
                  round(percentile(timings, 0.95), 2), disk(),
                  {"p95_ms_as_loaded": round(percentile(loaded, 0.95), 2), "optimize_seconds": round(optimize_seconds, 1)})
    progress(f"{engine} {label}: {point.docs_per_s:.0f} docs/s, p95 {point.p95_ms} ms "
             f"(as loaded {point.extra['p95_ms_as_loaded']} ms, optimize {optimize_seconds:.1f} s), "
             f"{point.mb_per_100k} MB per 100k documents")
    return point


def curve_sqlite(sizes: list[tuple[str, int]], queries: list[SearchQuery], directory: Path,
                 reindex_at_largest: bool) -> list[Point]:
    from indexing.backends.sqlite import SqliteBackend
    from indexing.reindex import reindex_backend
    points = []
    for label, n in sizes:
        path = directory / f"curve-{label}.db"
        backend = SqliteBackend(path)
        backend.setup()
        clock = GenerationClock()
        started = time.perf_counter()
        stream_sqlite(backend, clock.stream(CorpusGenerator().documents(n)))
        backend.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        seconds = time.perf_counter() - started - clock.seconds
        points.append(measure("sqlite", label, n, backend, seconds, queries, lambda: sqlite_disk_bytes(backend, path)))
        if reindex_at_largest and (label, n) == sizes[-1]:
            started = time.perf_counter()
            reindex_backend(backend)
            points[-1].extra["reindex_seconds"] = round(time.perf_counter() - started, 1)
        backend.close()
        path.unlink()
        for wal in path.parent.glob(path.name + "-*"):
            wal.unlink()
    return points


def curve_es(sizes: list[tuple[str, int]], queries: list[SearchQuery], es_url: str,
             reindex_at_largest: bool) -> list[Point]:
    from indexing.backends.elasticsearch import ElasticsearchBackend
    from indexing.reindex import reindex_backend
    points = []
    for label, n in sizes:
        backend = ElasticsearchBackend(es_url, prefix=f"veille-curve-{uuid.uuid4().hex[:8]}")
        backend.setup()
        try:
            clock = GenerationClock()
            started = time.perf_counter()
            backend.index(clock.stream(CorpusGenerator().documents(n)))
            backend.refresh()
            seconds = time.perf_counter() - started - clock.seconds
            points.append(measure("es", label, n, backend, seconds, queries, lambda: es_disk_bytes(backend)))
            if reindex_at_largest and (label, n) == sizes[-1]:
                started = time.perf_counter()
                reindex_backend(backend)
                points[-1].extra["reindex_seconds"] = round(time.perf_counter() - started, 1)
        finally:
            backend.drop_all()
            backend.close()
    return points


def record(results: dict[str, Any], points: list[Point]) -> None:
    for p in points:
        results[f"search_p95_ms_{p.engine}_{p.label}"] = p.p95_ms
        results[f"search_p50_ms_{p.engine}_{p.label}"] = p.p50_ms
        results[f"index_docs_per_s_{p.engine}_{p.label}"] = p.docs_per_s
        results[f"disk_mb_per_100k_{p.engine}_{p.label}"] = p.mb_per_100k
        results[f"search_p95_ms_{p.engine}_{p.label}_as_loaded"] = p.extra["p95_ms_as_loaded"]
        if "reindex_seconds" in p.extra:
            results[f"reindex_seconds_{p.engine}_{p.label}"] = p.extra["reindex_seconds"]
        if p.docs == LEGACY_SIZE:
            results[f"search_p95_ms_{p.engine}"] = p.p95_ms
            results[f"search_p50_ms_{p.engine}"] = p.p50_ms


def verdict(point: Point) -> str:
    target = TARGET_P95_MS_1M[point.engine]
    if point.docs < 1_000_000:
        return ""
    return "ok" if point.p95_ms <= target else f"MISSES {target:g} ms"


def print_table(points: list[Point]) -> None:
    from rich.console import Console
    from rich.table import Table
    table = Table(title="search cost by index size (same query mix)")
    for name in ("engine", "documents", "index docs/s", "p50 ms", "p95 ms", "p95 as loaded", "MB / 100k docs", "reindex s", "1M target"):
        table.add_column(name, justify="left" if name == "engine" else "right")
    for p in points:
        table.add_row(p.engine, f"{p.docs:,}", f"{p.docs_per_s:,.0f}", f"{p.p50_ms}", f"{p.p95_ms}",
                      f"{p.extra['p95_ms_as_loaded']}", f"{p.mb_per_100k}", str(p.extra.get("reindex_seconds", "")), verdict(p))
    Console(width=140).print(table)


def run(results: dict[str, Any], es_url: str | None, sizes_text: str = DEFAULT_SIZES,
        n_queries: int = DEFAULT_QUERIES, reindex: bool = True) -> list[Point]:
    sizes = parse_sizes(sizes_text)
    queries = [query_from_params(p) for p in CorpusGenerator().queries(n_queries)]
    with tempfile.TemporaryDirectory(prefix="veille-search-curve-") as directory:
        points = curve_sqlite(sizes, queries, Path(directory), reindex)
    if es_url:
        points += curve_es(sizes, queries, es_url, reindex)
    record(results, points)
    print_table(points)
    return points
