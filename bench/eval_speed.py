"""Warm, single-process timing of the page extractors (what a crawler core pays).

CPU time of this process (not wall time), so that other work on the machine weighs less;
the best of a few rounds is kept for the same reason.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.eval_common import read_bytes

WARMUP_PAGES = 5
ROUNDS = 3
BIGSITE_PAGES = 80


def _pages(folder: Path, truth_file: str, limit: int) -> list[tuple[bytes, str]]:
    truth = json.loads((folder / truth_file).read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit]
    return [(read_bytes(folder / "html" / f"{i}.html.gz"), truth[i]["url"]) for i in ids]


def _bigsite_pages() -> list[tuple[bytes, str]]:
    """The generated news pages of the crawl benchmark (15-40 KB each)."""
    from demo.bigsite import BigSite

    site = BigSite(n_pages=BIGSITE_PAGES)
    return [(r.body, f"http://bigsite.example{path}") for path, r in site.pages.items() if path.startswith("/article/")]


def _ms_per_page(extractor: Callable[[bytes, str], Any], sample: list[tuple[bytes, str]], rounds: int) -> float:
    for data, url in sample[:WARMUP_PAGES]:
        extractor(data, url)
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for data, url in sample:
            extractor(data, url)
        best = min(best, time.process_time() - started)
    return 1000 * best / len(sample)


def measure_speed(root: Path, pages: int = 60) -> dict[str, float]:
    from spiders.extract.news import extract_article
    from spiders.extract.offers import extract_offer

    timings: dict[str, float] = {}
    for name, extractor, folder, truth_file in (
        ("extract_article", extract_article, root / "article-extraction-benchmark", "ground-truth.json"),
        ("extract_offer", extract_offer, root / "product-extraction-benchmark", "ground-truth.json"),
    ):
        sample = _pages(folder, truth_file, pages)
        timings[f"{name}_ms_per_page"] = _ms_per_page(extractor, sample, 1)
        timings[f"{name}_mean_page_kb"] = sum(len(d) for d, _ in sample) / len(sample) / 1024
    bigsite = _bigsite_pages()
    timings["bigsite_extract_article_ms_per_page"] = _ms_per_page(extract_article, bigsite, ROUNDS)
    timings["bigsite_mean_page_kb"] = sum(len(d) for d, _ in bigsite) / len(bigsite) / 1024
    return timings
