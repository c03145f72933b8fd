"""Shared plumbing of the evaluation: corpus location, file loading, scoring arithmetic."""
from __future__ import annotations

import gzip
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def realdata_root() -> Path:
    configured = os.environ.get("VEILLE_REALDATA")
    if configured:
        return Path(configured)
    repo = Path(__file__).resolve().parent.parent
    for candidate in (Path("/work/shared/realdata"), repo.parent / "shared" / "realdata"):
        if candidate.is_dir():
            return candidate
    return repo.parent / "shared" / "realdata"


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def collapse(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


@dataclass
class Score:
    """One row of the results table."""

    dataset: str
    metric: str
    value: float | None
    target: float | None = None
    reference: str = ""
    n: int = 0
    extra: dict[str, float] = field(default_factory=dict)
    part: str = "all"
    """dev or check (see eval_split)."""

    @property
    def meets_target(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.value >= self.target


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(0, len(tokens) - 3)))


def shingle_prf(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """Article-extraction-benchmark rule: per-page normalised shingle TP/FP/FN, macro P and R."""
    precisions: list[float] = []
    recalls: list[float] = []
    for predicted, expected in pairs:
        pred, true = _shingles(predicted), _shingles(expected)
        tp = sum((pred & true).values())
        fp = sum(pred.values()) - tp
        fn = sum(true.values()) - tp
        total = tp + fp + fn
        if total == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
        if tp_n + fp_n > 0:
            precisions.append(tp_n / (tp_n + fp_n))
        if tp_n + fn_n > 0:
            recalls.append(tp_n / (tp_n + fn_n))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
