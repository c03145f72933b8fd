"""Whether a candidate fair is one the text announces: a learned linear score over what the text says of it.

The name patterns propose candidates generously (any head word, quoted names, Arabic heads); this score
keeps those that look announced rather than named in passing or made of generic words. The weights
(`fair_acceptance_weights.py`) come from `python -m bench.train_fair_acceptance`, a logistic regression
fitted on the dev part of the trade-fairs corpus only.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spiders.extract.fair_acceptance_weights import BIAS, THRESHOLD, WEIGHTS
from spiders.extract.fair_tokens import is_arabic_head
from spiders.extract.fair_vocab import fold

Span = tuple[int, int]
_FAR = 5000
_STRONG_HEADS = frozenset({
    "salon", "foire", "fair", "messe", "feria", "fiera", "salone", "mostra", "expo", "exposition", "biennale",
    "show", "exhibition", "salón", "معرض", "صالون",
})
_WEAK_HEADS = frozenset({
    "market", "markt", "mercado", "mercato", "mercadillo", "semaine", "week", "festival", "days", "journees",
    "أيام", "سوق", "ملتقى", "مهرجان", "أسبوع",
})
_WORD = re.compile(r"[^\W\d_][\w&+’'\-]*")

FEATURES = (
    "known", "strong_head", "weak_head_only", "name_words", "proper_words", "mentions", "main_fair", "fairs",
    "has_start", "has_end", "year_written", "date_distance", "in_lede", "lower_case_start", "arabic",
    "later_edition", "has_city", "has_venue", "year_inferred", "compound_name", "all_capitals",
)


@dataclass(frozen=True)
class FairEvidence:
    name: str
    known: bool
    positions: Sequence[Span]
    main: bool
    fairs: int
    has_start: bool
    has_end: bool
    year_basis: str
    date: Span | None
    later_edition: bool
    has_city: bool
    has_venue: bool


def _heads(name: str) -> tuple[bool, bool]:
    words = [fold(w) for w in _WORD.findall(name)]
    stripped = [w[2:] if w.startswith("ال") else w for w in words]
    strong = any(w in _STRONG_HEADS or w.endswith("messe") or "معرض" in w or "صالون" in w for w in words)
    weak = any(w in _WEAK_HEADS or w.endswith(("markt", "tage")) or is_arabic_head(w) for w in words) \
        or any(s in _WEAK_HEADS for s in stripped)
    return strong, weak and not strong


def _gap(a: Span, b: Span) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def fair_features(evidence: FairEvidence) -> tuple[float, ...]:
    name = evidence.name
    words = _WORD.findall(name)
    strong, weak_only = _heads(name)
    proper = [w for w in words[1:] if w[0].isupper()]
    date_gap = min((_gap(p, evidence.date) for p in evidence.positions), default=_FAR) if evidence.date else _FAR
    first = min((p[0] for p in evidence.positions), default=_FAR)
    return (
        float(evidence.known),
        float(strong),
        float(weak_only),
        min(len(words), 12) / 12,
        min(len(proper), 6) / 6,
        math.log(max(1, len(evidence.positions))),
        float(evidence.main),
        math.log(max(1, evidence.fairs)),
        float(evidence.has_start),
        float(evidence.has_end),
        float(evidence.year_basis == "explicit" and (evidence.has_start or evidence.has_end)),
        math.log1p(min(date_gap, _FAR)) / math.log1p(_FAR),
        float(first < 300),
        float(bool(words) and words[0][0].islower() and not ("\u0600" <= words[0][0] <= "\u06ff")),
        float(bool(words) and "\u0600" <= words[0][0] <= "\u06ff"),
        float(evidence.later_edition),
        float(evidence.has_city),
        float(evidence.has_venue),
        float(evidence.year_basis == "context"),
        float(len(words) == 1),
        float(name.isupper()),
    )


def acceptance(features: tuple[float, ...]) -> float:
    score = BIAS + sum(w * x for w, x in zip(WEIGHTS, features))
    return 1.0 / (1.0 + math.exp(-score))


def accepted(probability: float) -> bool:
    return probability >= THRESHOLD
