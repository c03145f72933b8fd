"""What the trainers of the fair extractor share: dev records only, folds dealt by site, weights files."""
from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def deal_folds(sites: Sequence[str], folds: int, seed: int) -> dict[str, int]:
    """Each site to one fold, by a seeded shuffle, so one site's pages never train and test together."""
    ordered = sorted(set(sites))
    random.Random(seed).shuffle(ordered)
    return {site: i % folds for i, site in enumerate(ordered)}


def fit_logistic(x: Sequence[Sequence[float]], y: Sequence[int], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=2000).fit(list(x), list(y))


def write_weights(path: Path, command: str, description: str, model: Any, threshold: float) -> None:
    weights = tuple(round(float(w), 4) for w in model.coef_[0])
    path.write_text(
        f'"""Written by `{command}` ({description}); do not edit by hand."""\n'
        f"BIAS = {round(float(model.intercept_[0]), 4)}\n"
        f"THRESHOLD = {threshold}\n"
        f"WEIGHTS: tuple[float, ...] = {weights}\n",
        encoding="utf-8")
