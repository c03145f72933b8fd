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
    """Exactly what `veille extract fair FILE` prints for the text (no URL, no language, no page date)."""
    from bench.eval_fairs import PredictedFair
    from cli import extract_one

    found = extract_one("fair", text.encode("utf-8"), None)["fairs"]
    return [PredictedFair(f["name"], f["start_date"], f["end_date"], f["city"], f["country"], f["venue"],
                          f["organizer"], f["edition"], f["status"]) for f in found]


def run(root: Path, quick: bool) -> tuple[list[Score], dict[str, float]]:
    """Every score twice: on the dev part and on the check part (disjoint sites, see eval_split)."""
    from bench.eval_speed import measure_speed
    from bench.eval_split import PARTS

    scores: list[Score] = []
    for part in PARTS:
        for score in run_part(root, quick, part):
            score.part = part
            scores.append(score)
    return scores, measure_speed(root, 30 if quick else 60)


def run_part(root: Path, quick: bool, part: str) -> list[Score]:
    from bench.eval_articles import evaluate_articles
    from bench.eval_fairs import evaluate_fairs
    from bench.eval_products import evaluate_price_strings, evaluate_products
    from bench.eval_stories import evaluate_stories
    from bench.eval_strings import evaluate_dateparser_cases, evaluate_feed_dates, evaluate_rss_feeds

    scores: list[Score] = []
    with ProcessPoolExecutor(WORKERS) as pool:
        scores += evaluate_articles(root, pool, quick, part)  # type: ignore[arg-type]
        scores += evaluate_products(root, pool, quick, part)  # type: ignore[arg-type]
    scores += evaluate_price_strings(root, part)  # type: ignore[arg-type]
    scores += evaluate_dateparser_cases(root, part)  # type: ignore[arg-type]
    scores += evaluate_feed_dates(root, part)  # type: ignore[arg-type]
    scores += evaluate_rss_feeds(root, part)  # type: ignore[arg-type]
    fair_scores, _ = evaluate_fairs(root, _fair_predictions, part)  # type: ignore[arg-type]
    # Split by story, not by site: a story's reports come from many sites (see bench/eval_stories).
    return scores + fair_scores + evaluate_stories(root, part)  # type: ignore[arg-type]


def _cell(score: Score | None) -> str:
    if score is None or score.value is None:
        return "-"
    detail = " ".join(f"{k}={v:.2f}" for k, v in score.extra.items())
    return f"{score.value:.3f}" + (f" ({detail})" if detail else "")


def render(scores: list[Score], timings: dict[str, float], seconds: float) -> None:
    table = Table(title="veille extraction evaluation (dev: develop here; check: keep a rule only if it holds)")
    for column in ("dataset", "metric", "dev", "check", "target", "reference", "n dev/check", ""):
        table.add_column(column)
    rows: dict[tuple[str, str], dict[str, Score]] = {}
    for s in scores:
        rows.setdefault((s.dataset, s.metric), {})[s.part] = s
    for (dataset, metric), parts in rows.items():
        dev, check = parts.get("dev"), parts.get("check")
        first = dev or check
        assert first is not None
        status = {True: "[green]ok[/green]", False: "[red]below[/red]", None: ""}[check.meets_target if check else None]
        table.add_row(
            dataset, metric, _cell(dev), _cell(check), f"{first.target:.3f}" if first.target is not None else "",
            first.reference, f"{dev.n if dev else 0}/{check.n if check else 0}", status,
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
