"""Warm, single-process timing of the page extractors on real pages (what a crawler core pays)."""
from __future__ import annotations

import json
import time
from pathlib import Path

from bench.eval_common import read_bytes

WARMUP_PAGES = 5


def _pages(folder: Path, truth_file: str, limit: int) -> list[tuple[bytes, str]]:
    truth = json.loads((folder / truth_file).read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit]
    return [(read_bytes(folder / "html" / f"{i}.html.gz"), truth[i]["url"]) for i in ids]


def measure_speed(root: Path, pages: int = 60) -> dict[str, float]:
    from spiders.extract.news import extract_article
    from spiders.extract.offers import extract_offer

    timings: dict[str, float] = {}
    for name, extractor, folder, truth_file in (
        ("extract_article", extract_article, root / "article-extraction-benchmark", "ground-truth.json"),
        ("extract_offer", extract_offer, root / "product-extraction-benchmark", "ground-truth.json"),
    ):
        sample = _pages(folder, truth_file, pages)
        for data, url in sample[:WARMUP_PAGES]:
            extractor(data, url)
        started = time.perf_counter()
        for data, url in sample:
            extractor(data, url)
        timings[f"{name}_ms_per_page"] = 1000 * (time.perf_counter() - started) / len(sample)
        timings[f"{name}_mean_page_kb"] = sum(len(d) for d, _ in sample) / len(sample) / 1024
    return timings
