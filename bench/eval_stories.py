"""Story clustering on news-stories/ (pairwise and B-cubed scores), and the training of its pair model.

    python -m bench.eval_stories            # scores on dev and check
    python -m bench.eval_stories --train    # refit alerts/story_model.json on the dev stories only

The split is by story (a story's articles are never cut in two): `part_of(record["story"])`.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
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


def _training_set(records: list[dict]) -> tuple[list[list[float]], list[int], list[tuple[str, str]], int]:
    from alerts.stories import pair_evidence
    from alerts.story_profile import article_from_json, profile

    profiles = [profile(article_from_json({k: r[k] for k in INPUT_FIELDS})) for r in records]
    evidence = pair_evidence(profiles)
    rows, labels, groups = [], [], []
    for (i, j), features in evidence.items():
        rows.append(features)
        labels.append(int(records[i]["story"] == records[j]["story"]))
        groups.append((records[i]["story"], records[j]["story"]))
    positives = sum(1 for a, b in combinations(records, 2) if a["story"] == b["story"])
    return rows, labels, groups, positives


def train(root: Path, out: Path) -> dict:
    """Fit the pair model on dev stories; the threshold is chosen on out-of-fold (by story) clusterings."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from alerts.stories import MODEL_FILE, PairModel, cluster_profiles
    from alerts.story_pairs import FEATURES
    from alerts.story_profile import article_from_json, profile

    records = load(root, "dev")
    rows, labels, _, positives = _training_set(records)
    x, y = np.array(rows), np.array(labels)

    def fit(xs: np.ndarray, ys: np.ndarray) -> PairModel:
        model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)
        model.fit(xs, ys)
        return PairModel(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), 0.5)

    # Out-of-fold: every story is clustered by a model that never saw it.
    stories = sorted({r["story"] for r in records})
    folds = 4
    fold_of = {s: k % folds for k, s in enumerate(stories)}
    oof: dict[float, dict[str, str]] = defaultdict(dict)
    thresholds = [round(t, 2) for t in np.arange(0.3, 0.96, 0.05)]
    for k in range(folds):
        train_records = [r for r in records if fold_of[r["story"]] != k]
        test_records = [r for r in records if fold_of[r["story"]] == k]
        fr, fl, _, _ = _training_set(train_records)
        model = fit(np.array(fr), np.array(fl))
        profiles = [profile(article_from_json({f: r[f] for f in INPUT_FIELDS})) for r in test_records]
        for t in thresholds:
            found = cluster_profiles(profiles, PairModel(model.weights, model.bias, t))
            for r, c in zip(test_records, found):
                oof[t][r["id"]] = f"{k}:{c}"
    gold = {r["id"]: r["story"] for r in records}
    by_threshold = {t: story_scores(gold, oof[t]) for t in thresholds}
    best = max(thresholds, key=lambda t: (round(by_threshold[t]["pair_f1"], 4), -abs(t - 0.6)))
    final = fit(x, y)
    payload = {
        "features": list(FEATURES), "weights": list(final.weights), "bias": final.bias, "threshold": best,
        "trained_on": f"news-stories dev part: {len(records)} articles, {len(rows)} candidate pairs, "
                      f"{int(y.sum())} of {positives} same-story pairs among them",
        "out_of_fold_dev": {str(t): {k: round(v, 4) for k, v in s.items()} for t, s in by_threshold.items()},
    }
    (out or MODEL_FILE).write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return payload


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", action="store_true", help="refit the pair model on the dev stories")
    parser.add_argument("--model", type=Path, default=None, help="where --train writes the model")
    args = parser.parse_args(argv)
    root = realdata_root()
    if args.train:
        from alerts.stories import MODEL_FILE

        payload = train(root, args.model or MODEL_FILE)
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
