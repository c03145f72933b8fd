"""Story clustering: news that tells the same story, across sources and languages, gets one id.

Articles in, cluster ids out. Candidate pairs (alerts.story_pairs) are scored by a logistic model over
their evidence (shared figures, names, days, words; publication dates) trained on labelled pairs
(`python -m bench.eval_stories --train`, stored in story_model.json). Clusters are then grown by
average linkage: two groups merge only when their pairs agree *on average*, so one loose link cannot
chain two stories together.
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from alerts.story_pairs import FEATURES, Weights, candidate_pairs, pair_features
from alerts.story_profile import Article, Profile, profile

MODEL_FILE = Path(__file__).with_name("story_model.json")
MAX_CLUSTER = 30


@dataclass(frozen=True)
class PairModel:
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> PairModel:
    raw = json.loads(path.read_text(encoding="utf-8"))
    if tuple(raw["features"]) != FEATURES:
        raise ValueError(f"{path}: trained on other features; retrain with python -m bench.eval_stories --train")
    return PairModel(tuple(raw["weights"]), float(raw["bias"]), float(raw["threshold"]))


def pair_evidence(profiles: Sequence[Profile]) -> dict[tuple[int, int], list[float]]:
    """The features of every candidate pair of a batch."""
    weights = Weights(profiles)
    return {pair: pair_features(pair[0], pair[1], profiles, weights) for pair in sorted(candidate_pairs(profiles))}


def average_linkage(count: int, scores: dict[tuple[int, int], float], threshold: float,
                    apart: Callable[[int, int], bool] | None = None) -> list[int]:
    """Cluster index of each item: merge the closest groups while their mean pair score >= threshold.

    Pairs without a score count as 0, so a group joins another only when most of its members agree;
    two groups never merge when `apart` says one of their pairs must stay apart.
    """
    cluster = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    for (i, j), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < threshold:
            break
        a, b = cluster[i], cluster[j]
        if a == b or len(members[a]) + len(members[b]) > MAX_CLUSTER:
            continue
        total = sum(scores.get((min(x, y), max(x, y)), 0.0) for x in members[a] for y in members[b])
        if total / (len(members[a]) * len(members[b])) < threshold:
            continue
        if apart and any(apart(x, y) for x in members[a] for y in members[b]):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for x in members[b]:
            cluster[x] = a
        members[a].extend(members.pop(b))
    return cluster


def cluster_profiles(profiles: Sequence[Profile], model: PairModel | None = None) -> list[int]:
    model = model or load_model()
    scores = {pair: model.probability(f) for pair, f in pair_evidence(profiles).items()}
    return average_linkage(len(profiles), scores, model.threshold, partial(must_stay_apart, profiles))


def must_stay_apart(profiles: Sequence[Profile], i: int, j: int) -> bool:
    """An announcement of an event and a report of it are two stories, however much they share."""
    return profiles[i].preview != profiles[j].preview


def cluster_articles(articles: Sequence[Article], model: PairModel | None = None) -> list[str]:
    """A story id per article, in order; the id is that of the story's first article."""
    found = cluster_profiles([profile(a) for a in articles], model)
    first: dict[int, str] = {}
    for article, root in zip(articles, found):
        first.setdefault(root, article.id)
    return [first[root] for root in found]
