"""Which venue a fair is held at: every venue the text names is a candidate, scored by a learned linear model.

The weights (`fair_venue_weights.py`) come from `python -m bench.train_fair_venues`, a logistic regression
fitted on the dev part of the trade-fairs corpus only; at run time the choice is plain arithmetic. The
highest-scoring candidate wins when its probability clears the model's threshold, else the fair has no
venue: texts often name a fairground that is the organiser's, the press conference's or another fair's.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spiders.extract.fair_places import PlaceIndex, VenueCandidate
from spiders.extract.fair_vocab import City, fold
from spiders.extract.fair_venue_weights import BIAS, THRESHOLD, WEIGHTS
from spiders.extract.textutil import line_around

Span = tuple[int, int]
_SENTENCE_BREAK = re.compile(r"[.!?\n؟]")
_FAR = 5000
_STRICT_BEFORE, _STRICT_AFTER = 40, 60
_NEAR_BEFORE, _NEAR_AFTER = 160, 260

FEATURES = (
    "own_distance", "date_distance", "other_fair_nearer", "after_mention", "hosting_cue", "credited", "gazetteer",
    "same_sentence", "single_fair", "nearest_candidate", "repeated", "candidates", "in_lede", "strict_window",
    "near_date", "arabic", "no_date", "first_candidate", "own_mentions", "main_fair", "surface_words",
    "digit_after", "hosting_single", "far_among_several", "operator_name",
)
# Fairgrounds named after the company that runs them: in a sentence the name is as often the organiser.
_OPERATORS = frozenset({
    "messe frankfurt", "deutsche messe", "messe munchen", "koelnmesse", "messe dusseldorf", "messe berlin",
    "nurnbergmesse", "messe stuttgart", "hamburg messe", "messe hamburg", "ifema", "fiera milano", "fira barcelona",
    "feria valencia", "bolognafiere", "veronafiere", "firenze fiera", "comexposium", "viparis", "reed exhibitions",
})


@dataclass(frozen=True)
class VenueRow:
    """One candidate of one fair, with its feature vector (kept for training)."""

    surface: str
    features: tuple[float, ...]
    probability: float
    city: City | None = None
    """The listed fairground's city; none for a venue written out."""


def _gap(a: Span, b: Span) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def _nearest_gap(candidate: Span, spans: Sequence[Span]) -> int:
    return min((_gap(candidate, s) for s in spans), default=_FAR)


def _scaled(distance: int) -> float:
    return math.log1p(min(distance, _FAR)) / math.log1p(_FAR)


@dataclass
class VenueChooser:
    places: PlaceIndex
    mentions: list[list[Span]]
    """Every fair group's name mentions, so a candidate nearer another fair can tell; `rows` and `choose` take one
    of these very lists as the fair's own."""

    def __post_init__(self) -> None:
        # A fairground named as organiser, partner or photo credit is never the venue (none is, on dev).
        self.candidates = [c for c in self.places.venue_candidates() if not c.credited]
        folded = self.places.folded
        self._repeats = {c.surface: max(1, folded.count(fold(c.surface))) for c in self.candidates}
        self._most = max((len(m) for m in self.mentions), default=0)
        self._arabic = sum(1 for ch in self.places.text[:2000] if "\u0600" <= ch <= "\u06ff") > 200

    def rows(self, own: Sequence[Span], date: Span | None, city: City | None = None) -> list[VenueRow]:
        """`city`: the known fair's usual city; a listed fairground of another city is not its venue."""
        others = [s for group in self.mentions if group is not own for s in group]
        own_gaps = [_nearest_gap((c.begin, c.end), own) for c in self.candidates]
        nearest = min(own_gaps, default=None)
        rows = []
        for candidate, own_gap in zip(self.candidates, own_gaps):
            if others and own_gap > _NEAR_AFTER and (date is None or _gap((candidate.begin, candidate.end), date) > _NEAR_AFTER):
                continue  # among several fairs, a venue far from this one's name and dates is another's
            if city is not None and candidate.city is not None and candidate.city != city:
                continue
            if any(b <= candidate.begin and candidate.end <= e for b, e in own):
                continue  # the fair's own name ("La Foire de Casablanca se tiendra …") is not where it is held
            if others and self._anothers_line(candidate, own, others):
                continue  # "• Pulse — 3-5 June, ExCeL London" / "• Craftex — 12-14 July, Leeds": the line's fair's

            features = self._features(candidate, own, date, others, own_gap, own_gap == nearest)
            score = BIAS + sum(w * x for w, x in zip(WEIGHTS, features))
            rows.append(VenueRow(candidate.surface, features, 1.0 / (1.0 + math.exp(-score)), candidate.city))
        return rows

    def _anothers_line(self, candidate: VenueCandidate, own: Sequence[Span], others: Sequence[Span]) -> bool:
        start, stop = line_around(self.places.text, candidate.begin, candidate.end)
        return not any(start <= b < stop for b, _ in own) and any(start <= b < stop for b, _ in others)

    def choose(self, own: Sequence[Span], date: Span | None, log: list[VenueRow] | None = None,
               city: City | None = None) -> VenueRow | None:
        rows = self.rows(own, date, city)
        if log is not None:
            log.extend(rows)
        best = max(rows, key=lambda r: r.probability, default=None)
        return best if best is not None and best.probability >= THRESHOLD else None

    def _features(
        self, c: VenueCandidate, own: Sequence[Span], date: Span | None, others: Sequence[Span], own_gap: int,
        nearest: bool,
    ) -> tuple[float, ...]:
        span = (c.begin, c.end)
        closest = min(own, key=lambda s: _gap(span, s)) if own else None
        date_gap = _gap(span, date) if date else _FAR
        text = self.places.text
        same_sentence = closest is not None and not _SENTENCE_BREAK.search(
            text[min(closest[1], c.end):max(closest[0], c.begin)])
        strict = closest is not None and (
            (c.begin >= closest[1] and c.begin - closest[1] <= _STRICT_AFTER)
            or (c.end <= closest[0] and closest[0] - c.end <= _STRICT_BEFORE) or _gap(span, closest) == 0)
        near_date = date is not None and (
            (c.begin >= date[1] and c.begin - date[1] <= _NEAR_AFTER) or (c.end <= date[0] and date[0] - c.end <= _NEAR_BEFORE))
        return (
            _scaled(own_gap),
            _scaled(date_gap),
            float(_nearest_gap(span, others) < own_gap),
            float(closest is not None and c.begin >= closest[1]),
            float(c.hosting),
            float(c.credited),
            float(c.gazetteer),
            float(same_sentence),
            float(not others),
            float(nearest),
            math.log(self._repeats.get(c.surface, 1)),
            math.log(len(self.candidates)),
            float(c.begin < 300),
            float(strict),
            float(near_date),
            float(self._arabic),
            float(date is None),
            float(bool(self.candidates) and c is self.candidates[0]),
            math.log(len(own)) if own else 0.0,
            float(len(own) == self._most),
            min(len(c.surface.split()), 10) / 10,
            float(bool(re.search(r"\d", text[c.end:c.end + 15]))),
            float(c.hosting and not others),
            float(bool(others) and own_gap > _NEAR_AFTER),
            float(fold(c.surface).lower() in _OPERATORS),
        )
