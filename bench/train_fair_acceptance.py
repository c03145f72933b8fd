"""Fit the fair extractor's acceptance score on the dev part of trade-fairs, and write its weights.

    python -m bench.train_fair_acceptance [--dry-run]

Only dev records are read. The extractor runs with a log, so it keeps every candidate fair; a candidate
the scorer matches to a required fair is a positive, one it matches to nothing a negative, and one it
matches only to an optional fair is left out (the score counts it neither way). C and the threshold are
those with the best out-of-fold lenient F1 (5 folds grouped by site, mean of 8 deals).
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bench.eval_common import prf, realdata_root
from bench.eval_fairs import FairTally, PredictedFair, announcement_input, load_announcements, score_announcement, to_iso
from bench.eval_split import in_part, site_of
from bench.train_common import deal_folds, fit_logistic, write_weights
from spiders.extract import fair_acceptance
from spiders.extract.fair_log import ExtractionLog
from spiders.extract.fair_text import extract_text_fairs
from spiders.extract.language import detect_language

WEIGHTS_FILE = Path(fair_acceptance.__file__).with_name("fair_acceptance_weights.py")
_REPEATS = 8


@dataclass
class Announcement:
    site: str
    expected: list[dict[str, Any]]
    candidates: list[PredictedFair]
    features: list[tuple[float, ...]]
    labels: list[int | None]


def _labels(expected: list[dict[str, Any]], candidates: list[PredictedFair]) -> list[int | None]:
    required = {id(p) for _, p in score_announcement(expected, candidates, FairTally(), lenient=True)}
    anything = [{**e, "optional": False} for e in expected]
    matched = {id(p) for _, p in score_announcement(anything, candidates, FairTally(), lenient=True)}
    return [1 if id(p) in required else (None if id(p) in matched else 0) for p in candidates]


def dev_announcements(root: Path) -> list[Announcement]:
    found = []
    for record in load_announcements(root):
        if record.get("text") is None or not in_part(record.get("url") or record["id"], "dev"):
            continue
        text = announcement_input(root, record)
        log = ExtractionLog()
        fairs = extract_text_fairs(text, detect_language(text[:2000]), None, log)
        candidates = [PredictedFair(f.name, to_iso(f.start), to_iso(f.end), f.city, f.country, f.venue) for f in fairs]
        features = [next(x for name, start, x, _ in log.fairs if name == f.name and start == f.start) for f in fairs]
        found.append(Announcement(site_of(record.get("url") or record["id"]), record["expected"], candidates, features,
                                  _labels(record["expected"], candidates)))
    return found


def _training_rows(announcements: list[Announcement]) -> tuple[list[tuple[float, ...]], list[int]]:
    pairs = [(x, y) for a in announcements for x, y in zip(a.features, a.labels) if y is not None]
    return [x for x, _ in pairs], [y for _, y in pairs]


def f1_at(announcements: list[Announcement], probabilities: list[list[float]], threshold: float) -> float:
    tally = FairTally()
    for announcement, probs in zip(announcements, probabilities):
        kept = [c for c, p in zip(announcement.candidates, probs) if p >= threshold]
        score_announcement(announcement.expected, kept, tally, lenient=True)
    return prf(tally.tp, tally.fp, tally.fn)[2]


def out_of_fold(announcements: list[Announcement], c: float, seed: int, folds: int = 5) -> list[list[float]]:
    fold_of = deal_folds([a.site for a in announcements], folds, seed)
    probabilities: list[list[float]] = [[1.0] * len(a.candidates) for a in announcements]
    for fold in range(folds):
        x, y = _training_rows([a for a in announcements if fold_of[a.site] != fold])
        model = fit_logistic(x, y, c)
        for i, a in enumerate(announcements):
            if fold_of[a.site] == fold and a.candidates:
                probabilities[i] = list(model.predict_proba(a.features)[:, 1])
    return probabilities


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.train_fair_acceptance")
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validation, write nothing")
    args = parser.parse_args(argv)
    announcements = dev_announcements(realdata_root())
    everything = f1_at(announcements, [[1.0] * len(a.candidates) for a in announcements], 0.5)
    x, y = _training_rows(announcements)
    print(f"{len(announcements)} dev texts, {len(y)} labelled candidates ({sum(y)} positive); keeping all: F1 {everything:.3f}")
    best = (0.0, 1.0, 0.5)
    for c in (0.1, 0.3, 1.0, 3.0, 10.0):
        runs = [out_of_fold(announcements, c, seed) for seed in range(_REPEATS)]
        for threshold in [t / 20 for t in range(1, 16)]:
            f1 = sum(f1_at(announcements, run, threshold) for run in runs) / _REPEATS
            if f1 > best[0]:
                best = (f1, c, threshold)
        print(f"C={c}: best mean out-of-fold F1 so far {best[0]:.3f} (C={best[1]}, threshold {best[2]})")
    f1, c, threshold = best
    model = fit_logistic(x, y, c)
    for name, weight in zip(fair_acceptance.FEATURES, model.coef_[0]):
        print(f"  {name:20s} {weight:+.3f}")
    if not args.dry_run:
        write_weights(WEIGHTS_FILE, "python -m bench.train_fair_acceptance",
                      f"logistic regression on the dev part of trade-fairs, C={c}, out-of-fold lenient F1 {f1:.3f}",
                      model, threshold)
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
