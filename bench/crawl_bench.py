"""Crawl throughput: bare Scrapy against our full pipeline, same locally served site, same run.

Each crawl runs in its own process (one Twisted reactor per process) and reports pages/s
measured between spider open and close; peak RSS is sampled over the process tree.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COMMON = {
    "LOG_LEVEL": "WARNING",
    "HTTPCACHE_ENABLED": False,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DEPTH_LIMIT": 0,
    "TELNETCONSOLE_ENABLED": False,
    "REMOTE_CONTROL_ENABLED": False,
}


def _elapsed(stats: dict[str, Any]) -> float:
    return (stats["finish_time"] - stats["start_time"]).total_seconds()


def run_bare(url: str) -> dict[str, Any]:
    from scrapy import Spider
    from scrapy.crawler import CrawlerProcess

    class BareSpider(Spider):
        name = "bare"
        start_urls = [url]

        def parse(self, response):  # type: ignore[no-untyped-def]
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, self.parse)

    process = CrawlerProcess({**COMMON, "ROBOTSTXT_OBEY": True,
                              "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor"})
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler)
    process.start()
    stats = crawler.stats.get_stats()
    pages = int(stats.get("response_received_count", 0))
    return {"pages": pages, "seconds": _elapsed(stats)}


def run_ours(url: str, var_dir: str, max_pages: int) -> dict[str, Any]:
    from config import load_settings
    from spiders.runner import run_crawl
    from spiders.sources import Listing, Source

    source = Source(id="bench-site", kind="news", name="bench", language="fr", start_urls=(url + "/",),
                    listings=(Listing(url=url + "/list/1/", link_pattern=r"/article/", next_selector="a[rel=next]",
                                      max_pages=10_000),),
                    max_pages=max_pages, max_depth=20)
    settings = load_settings({"VEILLE_VAR_DIR": var_dir})
    records = run_crawl(settings, ["news"], catalogue=[source], overrides={**COMMON, "DEPTH_LIMIT": 0})
    from indexing.backends.sqlite import SqliteBackend
    backend = SqliteBackend(settings.sqlite_path)
    indexed = backend.count("news")
    record = records[0]
    from datetime import datetime
    # Spider open to close, the span bare Scrapy's stats measure.
    opened = record.get("opened_at") or record["started_at"]
    seconds = (datetime.fromisoformat(record["finished_at"]) - datetime.fromisoformat(opened)).total_seconds()
    return {"pages": record["pages"], "items": record["items"], "indexed": indexed, "seconds": seconds}


def _child(mode: str, url: str, extra: list[str], memory: bool = True) -> tuple[dict[str, Any], float]:
    """Run one crawl in a subprocess; returns its result and the peak RSS (MB) of its process tree.

    `memory=False` for the timed runs: reading every process's smaps each 50 ms costs kernel time on the
    same two cores, more for our four processes than for bare Scrapy's one, and would bias the ratio."""
    import psutil
    cmd = [sys.executable, "-m", "bench.crawl_bench", mode, url, *extra]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            parent = psutil.Process(proc.pid)
            while not done.is_set():
                try:
                    # PSS: shared pages (the fork server's libraries in every worker) count once.
                    procs = [parent, *parent.children(recursive=True)]
                    total = sum(p.memory_full_info().pss for p in procs)
                    peak = max(peak, total / 1e6)
                except psutil.Error:
                    pass
                time.sleep(0.05)
        except psutil.Error:
            pass

    if memory:
        threading.Thread(target=sample, daemon=True).start()
    out, err = proc.communicate()
    done.set()
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} crawl failed: {err[-2000:]}")
    return json.loads(out.strip().splitlines()[-1]), peak


def run(results: dict[str, Any], pages: int = 2500, rss_pages: int = 10_000, pairs: int = 3) -> None:
    """`pairs` bare/ours runs back to back; the ratio is the median pair's (one pair swings ±0.1 here)."""
    from demo.bigsite import BigSite
    runs = []
    with BigSite(n_pages=pages) as site:
        for _ in range(pairs):
            bare, _ = _child("bare", site.base_url, [], memory=False)
            with tempfile.TemporaryDirectory() as tmp:
                ours, _ = _child("ours", site.base_url, [tmp, str(pages + 200)], memory=False)
            bare_rate, ours_rate = bare["pages"] / bare["seconds"], ours["pages"] / ours["seconds"]
            runs.append((ours_rate / bare_rate, bare_rate, ours_rate, bare, ours))
    runs.sort(key=lambda r: r[0])
    ratio, bare_rate, ours_rate, bare, ours = runs[len(runs) // 2]
    results["crawl_site_pages"] = bare["pages"]
    results["bare_scrapy_pages_per_s"] = round(bare_rate, 1)
    results["crawl_pages_per_s"] = round(ours_rate, 1)
    results["crawl_ratio"] = round(ratio, 3)
    results["crawl_ratio_runs"] = [round(r[0], 3) for r in runs]
    results["crawl_items_indexed"] = ours["indexed"]
    if rss_pages:
        with BigSite(n_pages=rss_pages) as site, tempfile.TemporaryDirectory() as tmp:
            big, peak = _child("ours", site.base_url, [tmp, str(rss_pages + 400)])
        results["crawl_peak_rss_mb"] = round(peak, 1)
        results["crawl_rss_pages"] = big["pages"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["bare", "ours"])
    parser.add_argument("url")
    parser.add_argument("rest", nargs="*")
    args = parser.parse_args(argv)
    if args.mode == "bare":
        result = run_bare(args.url)
    else:
        result = run_ours(args.url, args.rest[0], int(args.rest[1]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
