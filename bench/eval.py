"""Score every extractor on the real-data corpus, each dataset by its own rule.

    python -m bench.eval [--quick] [--json out.json]

The corpus is ../shared/realdata (or $VEILLE_REALDATA). Results go to bench/eval_results.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.eval_common import Score, realdata_root

RESULTS_FILE = Path(__file__).with_name("eval_results.json")
WORKERS = 2


def _fair_predictions(record: dict, text: str) -> list:
    from bench.eval_fairs import PredictedFair, store_page_date, to_iso
    from spiders.extract.fairs import extract_fairs

    found = extract_fairs(text, record.get("url"), record.get("language"), store_page_date(text))
    return [PredictedFair(f.name, to_iso(f.start_date), to_iso(f.end_date), f.city, f.country, f.venue) for f in found]


def run(root: Path, quick: bool) -> tuple[list[Score], dict[str, float]]:
    from bench.eval_articles import evaluate_articles
    from bench.eval_fairs import evaluate_fairs
    from bench.eval_speed import measure_speed
    from bench.eval_products import evaluate_price_strings, evaluate_products
    from bench.eval_strings import evaluate_dateparser_cases, evaluate_feed_dates, evaluate_rss_feeds

    scores: list[Score] = []
    timings: dict[str, float] = {}
    with ProcessPoolExecutor(WORKERS) as pool:
        article_scores = evaluate_articles(root, pool, quick)
        product_scores = evaluate_products(root, pool, quick)
    scores += article_scores + product_scores
    timings.update(measure_speed(root, 30 if quick else 60))
    scores += evaluate_price_strings(root)
    scores += evaluate_dateparser_cases(root)
    scores += evaluate_feed_dates(root)
    scores += evaluate_rss_feeds(root)
    fair_scores, _ = evaluate_fairs(root, _fair_predictions)
    scores += fair_scores
    return scores, timings


def render(scores: list[Score], timings: dict[str, float], seconds: float) -> None:
    table = Table(title="veille extraction evaluation")
    for column in ("dataset", "metric", "ours", "target", "reference", "n", ""):
        table.add_column(column)
    for s in scores:
        status = {True: "[green]ok[/green]", False: "[red]below[/red]", None: ""}[s.meets_target]
        detail = " ".join(f"{k}={v:.3f}" for k, v in s.extra.items())
        table.add_row(
            s.dataset, s.metric, f"{s.value:.3f}" if s.value is not None else "-",
            f"{s.target:.3f}" if s.target is not None else "", s.reference + (f" ({detail})" if detail else ""),
            str(s.n), status,
        )
    console = Console(width=200)
    console.print(table)
    for name, value in timings.items():
        console.print(f"{name}: {value:.1f}")
    console.print(f"total time: {seconds:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="subsample the large article sets")
    parser.add_argument("--json", type=Path, default=None, help="also write the results to this file")
    args = parser.parse_args(argv)
    root = realdata_root()
    if not root.is_dir():
        print(f"real-data corpus not found at {root} (set VEILLE_REALDATA)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    scores, timings = run(root, args.quick)
    elapsed = time.perf_counter() - started
    render(scores, timings, elapsed)
    payload = {"quick": args.quick, "corpus": str(root), "seconds": elapsed, "timings_ms": timings,
               "scores": [asdict(s) for s in scores]}
    RESULTS_FILE.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
