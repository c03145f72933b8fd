"""Fit the venue chooser of the fair extractor on the dev part of trade-fairs, and write its weights.

    python -m bench.train_fair_venues [--dry-run]

Only dev records are read (the check part stays unseen). Each fair the extractor finds and the scorer
matches gives one row per venue candidate, labelled by the scorer's own venue rule. The threshold is
the one that maximises out-of-fold venue accuracy (5 folds grouped by site, mean of 8 deals).
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from bench.eval_common import realdata_root
from bench.eval_fairs import (FairTally, PredictedFair, announcement_input, jaccard, load_announcements, name_tokens,
                              score_announcement, to_iso)
from bench.eval_split import in_part, site_of
from bench.train_common import deal_folds, fit_logistic, write_weights
from spiders.extract import fair_venue_choice
from spiders.extract.fair_log import ExtractionLog
from spiders.extract.fair_text import extract_text_fairs
from spiders.extract.language import detect_language

_REPEATS = 8
WEIGHTS_FILE = Path(fair_venue_choice.__file__).with_name("fair_venue_weights.py")


@dataclass
class FairCase:
    site: str
    rows: list[tuple[float, ...]]
    labels: list[int]
    none_ok: bool
    current_ok: bool


def _acceptable(surface: str | None, expected: dict) -> bool:
    if not surface:
        return expected.get("venue") is None
    venues = [name_tokens(v) for v in [expected.get("venue"), *(expected.get("venue_alternatives") or [])] if v]
    return any(jaccard(name_tokens(surface), v) >= 0.5 for v in venues)


def dev_cases(root: Path) -> list[FairCase]:
    cases = []
    for record in load_announcements(root):
        if record.get("text") is None or not in_part(record.get("url") or record["id"], "dev"):
            continue
        text = announcement_input(root, record)
        log = ExtractionLog()
        found = extract_text_fairs(text, detect_language(text[:2000]), None, log)
        predicted = [PredictedFair(f.name, to_iso(f.start), to_iso(f.end), f.city, f.country, f.venue) for f in found]
        for expected, fair in score_announcement(record["expected"], predicted, FairTally(), lenient=True):
            rows = next((r for name, start, r in log.venues if name == fair.name and to_iso(start) == fair.start), None)
            if rows is None:
                continue
            cases.append(FairCase(site_of(record.get("url") or record["id"]), [r.features for r in rows],
                                  [int(_acceptable(r.surface, expected)) for r in rows],
                                  expected.get("venue") is None, _acceptable(fair.venue, expected)))
    return cases


def _decide(case: FairCase, probabilities: list[float], threshold: float) -> bool:
    if not probabilities or max(probabilities) < threshold:
        return case.none_ok
    return bool(case.labels[probabilities.index(max(probabilities))])


def _fit(cases: list[FairCase], c: float):  # type: ignore[no-untyped-def]
    return fit_logistic([row for case in cases for row in case.rows], [lab for case in cases for lab in case.labels], c)


def out_of_fold(cases: list[FairCase], c: float, folds: int = 5, seed: int = 0) -> list[list[float]]:
    """Each case scored by a model fitted on the other folds."""
    fold_of = deal_folds([case.site for case in cases], folds, seed)
    probabilities: list[list[float]] = [[] for _ in cases]
    for fold in range(folds):
        trained = [case for case in cases if fold_of[case.site] != fold and case.rows]
        if len({label for case in trained for label in case.labels}) < 2:
            continue
        model = _fit(trained, c)
        for i, case in enumerate(cases):
            if fold_of[case.site] == fold and case.rows:
                probabilities[i] = list(model.predict_proba(case.rows)[:, 1])
    return probabilities


def cross_validated(cases: list[FairCase], runs: list[list[list[float]]], threshold: float) -> float:
    """Mean out-of-fold venue accuracy over several fold deals (one deal of 111 cases swings by 2-3 cases)."""
    return sum(sum(_decide(case, p, threshold) for case, p in zip(cases, run)) / len(cases) for run in runs) / len(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.train_fair_venues")
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validation, write nothing")
    args = parser.parse_args(argv)
    cases = dev_cases(realdata_root())
    current = sum(case.current_ok for case in cases) / len(cases)
    print(f"{len(cases)} matched dev fairs, {sum(len(c.rows) for c in cases)} candidates; current chooser {current:.3f}")
    best = (0.0, 1.0, 0.5)
    for c in (0.1, 0.3, 1.0, 3.0, 10.0):
        runs = [out_of_fold(cases, c, seed=seed) for seed in range(_REPEATS)]
        for threshold in [t / 20 for t in range(4, 17)]:
            accuracy = cross_validated(cases, runs, threshold)
            if accuracy > best[0]:
                best = (accuracy, c, threshold)
        print(f"C={c}: best mean out-of-fold accuracy so far {best[0]:.3f} (C={best[1]}, threshold {best[2]})")
    accuracy, c, threshold = best
    model = _fit([case for case in cases if case.rows], c)
    for name, weight in zip(fair_venue_choice.FEATURES, model.coef_[0]):
        print(f"  {name:20s} {weight:+.3f}")
    if not args.dry_run:
        write_weights(WEIGHTS_FILE, "python -m bench.train_fair_venues",
                      f"logistic regression on the dev part of trade-fairs, C={c}, out-of-fold venue accuracy {accuracy:.3f}",
                      model, threshold)
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
