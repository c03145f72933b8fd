"""`make bench`: every benchmark in one run, printed as a table and written to bench/results.json."""
from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path
from typing import Any, Callable

RESULTS = Path(__file__).with_name("results.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--only", choices=["crawl", "index", "search", "alerts"], action="append")
    parser.add_argument("--es", default=os.environ.get("VEILLE_TEST_ELASTICSEARCH_URL"),
                        help="Elasticsearch URL for the Elasticsearch figures")
    parser.add_argument("--docs", type=int, default=200_000, help="documents of the indexing-ratio run")
    parser.add_argument("--sizes", default="50k,200k,1m", help="index sizes of the search curve, e.g. 50k,200k")
    parser.add_argument("--no-reindex", action="store_true", help="skip timing `veille reindex` at the largest size")
    parser.add_argument("--crawl-pages", type=int, default=2500)
    parser.add_argument("--rss-pages", type=int, default=10_000)
    args = parser.parse_args(argv)
    results: dict[str, Any] = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    sections: dict[str, Callable[[], None]] = {}

    def crawl() -> None:
        from bench.crawl_bench import run
        run(results, pages=args.crawl_pages, rss_pages=args.rss_pages)

    def index() -> None:
        from bench.search_bench import run
        run(results, args.es, args.docs)

    def search() -> None:
        from bench.search_curve import run
        run(results, args.es, args.sizes, reindex=not args.no_reindex)

    def alerts() -> None:
        from bench.alerts_bench import run
        run(results)

    sections.update(crawl=crawl, index=index, search=search, alerts=alerts)
    for name in args.only or list(sections):
        started = time.time()
        try:
            sections[name]()
        except ModuleNotFoundError as exc:
            print(f"{name}: skipped ({exc})")
            continue
        results[f"{name}_bench_seconds"] = round(time.time() - started, 1)
    results["machine"] = f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"
    results["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    from rich.console import Console
    from rich.table import Table
    table = Table(title="veille benchmarks (bench/results.json)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key in sorted(results):
        table.add_row(key, str(results[key]))
    Console().print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
