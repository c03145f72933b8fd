"""Story clustering on news-stories/ (pairwise and B-cubed scores), and the training of its pair model.

    python -m bench.eval_stories            # scores on dev and check
    python -m bench.eval_stories --train    # refit alerts/story_model.json on the dev stories only

The split is by story (a story's articles are never cut in two): `part_of(record["story"])`.
"""
from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from functools import partial
from itertools import combinations
from pathlib import Path

from bench.eval_common import Score, realdata_root
from bench.eval_split import Part, part_of

INPUT_FIELDS = ("id", "url", "language", "title", "published", "text")
TARGET_F1 = 0.9


def load(root: Path, part: Part | None) -> list[dict]:
    records = json.loads((root / "news-stories" / "articles.json").read_text(encoding="utf-8"))
    return [r for r in records if part is None or part_of(r["story"]) == part]


def story_scores(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """The dataset README's rule: pairwise and B-cubed precision and recall."""
    ids = sorted(gold)
    predicted = {i: pred.get(i, f"alone:{i}") for i in ids}

    def groups(labels: dict[str, str]) -> dict[str, set[str]]:
        by_label: dict[str, set[str]] = defaultdict(set)
        for i in ids:
            by_label[labels[i]].add(i)
        return {i: by_label[labels[i]] for i in ids}

    g, p = groups(gold), groups(predicted)
    gold_pairs = {(a, b) for a, b in combinations(ids, 2) if gold[a] == gold[b]}
    pred_pairs = {(a, b) for a, b in combinations(ids, 2) if predicted[a] == predicted[b]}
    hits = len(gold_pairs & pred_pairs)
    precision = hits / len(pred_pairs) if pred_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    b3_p = sum(len(g[i] & p[i]) / len(p[i]) for i in ids) / len(ids)
    b3_r = sum(len(g[i] & p[i]) / len(g[i]) for i in ids) / len(ids)

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    return {"pair_p": precision, "pair_r": recall, "pair_f1": f1(precision, recall),
            "b3_p": b3_p, "b3_r": b3_r, "b3_f1": f1(b3_p, b3_r)}


def evaluate_stories(root: Path, part: Part) -> list[Score]:
    """Scores of exactly what `veille stories FILE` prints for the part's articles (input fields only)."""
    from cli import stories_of_records

    records = load(root, part)
    if not records:
        return []
    inputs = [{k: r[k] for k in INPUT_FIELDS} for r in records]
    pred = {line["id"]: line["story"] for line in stories_of_records(inputs)}
    scores = story_scores({r["id"]: r["story"] for r in records}, pred)
    n = len(records)
    return [
        Score("news-stories", "story pairwise F1", scores["pair_f1"], TARGET_F1,
              "word 3-gram Jaccard 0.04", n, {"P": scores["pair_p"], "R": scores["pair_r"]}),
        Score("news-stories", "story B-cubed F1", scores["b3_f1"], None,
              "one per article 0.65", n, {"P": scores["b3_p"], "R": scores["b3_r"]}),
    ]


def _dev_evidence(records: list[dict]) -> tuple[dict[tuple[int, int], list[float]], list]:
    from alerts.stories import pair_evidence
    from alerts.story_profile import article_from_json, profile

    profiles = [profile(article_from_json({k: r[k] for k in INPUT_FIELDS})) for r in records]
    return pair_evidence(profiles), profiles


def train(root: Path, out: Path, folds: int = 4, repeats: int = 4, c: float = 1.0) -> dict:
    """Fit the pair model on dev stories; the threshold is chosen on out-of-fold clusterings of all dev.

    Features come from the whole dev batch (its word and name frequencies, as a real batch has), and each
    pair is scored by a model fitted without the stories of either of its articles. The stories are dealt
    into folds `repeats` times (seeded) and the threshold with the best mean pairwise F1 wins: one dealing
    alone moves the best threshold by 0.1 and more.
    """
    import random

    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from alerts.stories import PairModel, average_linkage, must_stay_apart
    from alerts.story_pairs import FEATURES

    records = load(root, "dev")
    evidence, profiles = _dev_evidence(records)
    apart = partial(must_stay_apart, profiles)
    pairs = list(evidence)
    x = np.array([evidence[p] for p in pairs])
    y = np.array([int(records[i]["story"] == records[j]["story"]) for i, j in pairs])
    gold = {r["id"]: r["story"] for r in records}
    thresholds = [round(float(t), 2) for t in np.arange(0.3, 0.96, 0.05)]

    def fit(mask: np.ndarray) -> PairModel:
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
        model.fit(x[mask], y[mask])
        return PairModel(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), 0.5)

    runs: dict[float, list[dict[str, float]]] = defaultdict(list)
    for seed in range(repeats):
        stories = sorted({r["story"] for r in records})
        random.Random(seed).shuffle(stories)
        fold_of_story = {s: k % folds for k, s in enumerate(stories)}
        fold = [fold_of_story[r["story"]] for r in records]
        held = [frozenset((fold[i], fold[j])) for i, j in pairs]
        oof: dict[tuple[int, int], float] = {}
        for out_folds in sorted(set(held), key=sorted):
            model = fit(np.array([not (h & out_folds) for h in held]))
            for k, pair in enumerate(pairs):
                if held[k] == out_folds:
                    oof[pair] = model.probability(evidence[pair])
        for t in thresholds:
            found = average_linkage(len(records), oof, t, apart)
            runs[t].append(story_scores(gold, {r["id"]: str(cl) for r, cl in zip(records, found)}))
    by_threshold = {t: {k: sum(s[k] for s in runs[t]) / repeats for k in runs[t][0]} for t in thresholds}
    # The F1 curve is flat near its top; of the thresholds within one standard deviation (across the
    # dealings) of the best, take the strictest: in a digest, two stories merged hide one, while one
    # story shown twice only costs a line.
    top = max(thresholds, key=lambda t: by_threshold[t]["pair_f1"])
    spread = statistics.pstdev(s["pair_f1"] for s in runs[top]) if repeats > 1 else 0.0
    best = max(t for t in thresholds if by_threshold[t]["pair_f1"] >= by_threshold[top]["pair_f1"] - spread)
    final = fit(np.ones(len(pairs), dtype=bool))
    positives = sum(1 for a, b in combinations(records, 2) if a["story"] == b["story"])
    payload = {
        "features": list(FEATURES), "weights": list(final.weights), "bias": final.bias, "threshold": best,
        "trained_on": f"news-stories dev part: {len(records)} articles, {len(pairs)} candidate pairs, "
                      f"{int(y.sum())} of {positives} same-story pairs among them; C={c}; "
                      f"threshold from {repeats} x {folds}-fold out-of-fold clusterings (best {top}, spread {spread:.3f})",
        "out_of_fold_dev": {str(t): {k: round(v, 4) for k, v in s.items()} for t, s in by_threshold.items()},
    }
    out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return payload


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", action="store_true", help="refit the pair model on the dev stories")
    parser.add_argument("--model", type=Path, default=None, help="where --train writes the model")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength of --train")
    args = parser.parse_args(argv)
    root = realdata_root()
    if args.train:
        from alerts.stories import MODEL_FILE

        payload = train(root, args.model or MODEL_FILE, c=args.c)
        best = payload["out_of_fold_dev"][str(payload["threshold"])]
        print(payload["trained_on"])
        print(f"threshold {payload['threshold']}: out-of-fold dev {best}")
        for name, weight in zip(payload["features"], payload["weights"]):
            print(f"  {name:16s} {weight:+.3f}")
        return 0
    for part in ("dev", "check"):
        for score in evaluate_stories(root, part):  # type: ignore[arg-type]
            extra = " ".join(f"{k}={v:.3f}" for k, v in score.extra.items())
            print(f"{part:5s} {score.metric:20s} {score.value:.3f} ({extra}) n={score.n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
