"""Which article pairs may tell one story (blocking), and the evidence of each pair (features).

Comparing every pair of a week's news is quadratic; two reports of one story always share something
specific: a long figure, a proper name, a day, or (in one language) a run of words, which MinHash LSH
finds. Only those pairs are scored. Keys that half the batch shares (the country's name, the year)
say nothing and are not used for blocking.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import timedelta
from itertools import combinations

from datasketch import MinHash, MinHashLSH

from alerts.story_facts import day_gap
from alerts.story_profile import Profile

NUM_PERM = 64
LSH_THRESHOLD = 0.2
MAX_BLOCK = 40  # a key more articles share than one story has reports says nothing
RARE_BLOCK = 6
MAX_GAP_DAYS = 120

FEATURES: tuple[str, ...] = (
    "same_language", "word_cosine", "shingle_jaccard",
    "long_figures", "short_figures", "percents", "figure_overlap",
    "long_disjoint", "names", "name_cosine", "places", "transliterated", "days", "day_conflict", "months",
    "year_jaccard", "year_conflict",
    "dated", "close_days", "far_days", "gap", "tags", "weekday", "weekday_conflict", "preview_mismatch",
)


def _long(figure: str) -> bool:
    return len(figure.rstrip("%")) >= 3


def _block_keys(p: Profile) -> set[str]:
    keys = {f"f:{f}" for f in p.figures if _long(f) or (f.endswith("%") and len(f) >= 3)}
    keys.update(f"n:{n}" for n in p.names)
    keys.update(f"d:{d}" for d in p.days)
    if p.published and p.published[1] == 1:
        # Same place or craft, published the same or the next day: the weekly digest's commonest case.
        for shift in (0, 1):
            day = (p.published[0] + timedelta(days=shift)).isoformat()
            keys.update(f"pd:{k}:{day}" for k in p.places | {t for t in p.tags if t.startswith("craft:")})
    return keys


def _skeleton_pairs(profiles: Sequence[Profile], limit: int) -> set[tuple[int, int]]:
    """Arabic texts paired with Latin-script texts whose names they spell (Macron / ماكرون)."""
    latin: dict[str, list[int]] = defaultdict(list)
    arabic: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for key in p.skeletons:
            (arabic if p.arabic else latin)[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, names in latin.items():
        spelled = arabic.get(key, [])
        if len(names) * len(spelled) and len(names) + len(spelled) <= limit:
            pairs.update((min(i, j), max(i, j)) for i in names for j in spelled)
    return pairs


def _minhashes(profiles: Sequence[Profile]) -> list[MinHash]:
    hashes = MinHash.bulk([[s.encode("utf-8") for s in p.shingles] for p in profiles], num_perm=NUM_PERM, seed=7)
    return hashes


def candidate_pairs(profiles: Sequence[Profile]) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share a specific key or a LSH band of their shingles."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for key in _block_keys(p):
            index[key].append(i)
    limit = MAX_BLOCK
    # A key few articles share is enough; keys many share must come two at a time.
    evidence: Counter[tuple[int, int]] = Counter()
    for members in index.values():
        if 2 <= len(members) <= limit:
            weight = 2 if len(members) <= RARE_BLOCK else 1
            for pair in combinations(members, 2):
                evidence[pair] += weight
    pairs = {pair for pair, weight in evidence.items() if weight >= 2}
    pairs |= _skeleton_pairs(profiles, limit)
    hashes = _minhashes(profiles)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for i, h in enumerate(hashes):
        if profiles[i].shingles:
            lsh.insert(i, h)
    for i, h in enumerate(hashes):
        if profiles[i].shingles:
            pairs.update((min(i, j), max(i, j)) for j in lsh.query(h) if j != i)
    return {(i, j) for i, j in pairs
            if (gap := day_gap(profiles[i].published, profiles[j].published)) is None or gap <= MAX_GAP_DAYS}


class Weights:
    """Inverse document frequencies over the batch, for words and names."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.total = len(profiles)
        self.words: Counter[str] = Counter()
        self.names: Counter[str] = Counter()
        for p in profiles:
            self.words.update(p.words.keys())
            self.names.update(p.names | p.places)
        self._word_vectors = [self._vector({w: (1 + math.log(c)) * self.idf(self.words[w]) for w, c in p.words.items()})
                              for p in profiles]
        self._name_vectors = [self._vector({n: self.idf(self.names[n]) for n in p.names | p.places}) for p in profiles]

    def idf(self, df: int) -> float:
        return math.log((self.total + 1) / (df + 1)) + 1.0

    @staticmethod
    def _vector(weights: dict[str, float]) -> dict[str, float]:
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {k: v / norm for k, v in weights.items()}

    @staticmethod
    def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b[k] for k, v in a.items() if k in b)

    def word_cosine(self, i: int, j: int) -> float:
        return self._cosine(self._word_vectors[i], self._word_vectors[j])

    def name_cosine(self, i: int, j: int) -> float:
        return self._cosine(self._name_vectors[i], self._name_vectors[j])


def _jaccard(a: frozenset, b: frozenset) -> float:  # type: ignore[type-arg]
    return len(a & b) / len(a | b) if a or b else 0.0


def pair_features(i: int, j: int, profiles: Sequence[Profile], weights: Weights) -> list[float]:
    a, b = profiles[i], profiles[j]
    same = a.language == b.language
    cosine = weights.word_cosine(i, j) if same else 0.0
    shared_figures = a.figures & b.figures
    long_figures = sum(1 for f in shared_figures if _long(f) and not f.endswith("%"))
    percents = sum(1 for f in shared_figures if f.endswith("%"))
    short_figures = len(shared_figures) - long_figures - percents
    smaller = min(len(a.figures), len(b.figures))
    long_a = sum(1 for f in a.figures if _long(f))
    long_b = sum(1 for f in b.figures if _long(f))
    if a.arabic != b.arabic:
        latin, arabic = (a, b) if b.arabic else (b, a)
        transliterated = len(latin.skeletons & arabic.skeletons)
    else:
        transliterated = 0
    gap = day_gap(a.published, b.published)
    conflict = bool(a.years and b.years and not a.years & b.years)
    return [
        float(same),
        cosine,
        # Shingle sets are large; texts with few words in common share no run of three either.
        _jaccard(a.shingles, b.shingles) if cosine >= 0.15 else 0.0,
        math.log1p(long_figures),
        math.log1p(short_figures),
        math.log1p(percents),
        len(shared_figures) / smaller if smaller else 0.0,
        float(long_a >= 2 and long_b >= 2 and long_figures == 0),
        math.log1p(len(a.names & b.names)),
        weights.name_cosine(i, j),
        math.log1p(len(a.places & b.places)),
        math.log1p(transliterated),
        math.log1p(len(a.days & b.days)),
        float(bool(a.days and b.days and not a.days & b.days)),
        math.log1p(len(a.months & b.months)),
        _jaccard(a.years, b.years),
        float(conflict),
        float(gap is not None),
        float(gap is not None and gap <= 3),
        float(gap is not None and gap > 31),
        math.log1p(gap) / 5 if gap is not None else 0.0,
        _jaccard(a.tags, b.tags),
        float(bool(a.weekdays & b.weekdays)),
        float(bool(a.weekdays and b.weekdays and not a.weekdays & b.weekdays)),
        float(a.preview != b.preview),
    ]
