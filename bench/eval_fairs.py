"""trade-fairs/ scoring, exactly as its README defines it (strict and lenient)."""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench.eval_common import Score, prf
from bench.eval_split import Part, in_part

_NON_WORD = re.compile(r"[^\w]+")


def name_tokens(name: str | None) -> frozenset[str]:
    decomposed = unicodedata.normalize("NFKD", name or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return frozenset(t for t in _NON_WORD.split(stripped) if t)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@dataclass(frozen=True)
class PredictedFair:
    name: str
    start: str | None
    end: str | None
    city: str | None
    country: str | None
    venue: str | None
    organizer: str | None = None
    edition: int | None = None
    status: str | None = None


# Labelled only on some batch-2 entries (README: optional, informative): scored where labelled.
_LABELLED_FIELDS = ("organizer", "edition", "status")
# The README's status words that an eventStatus should reflect; anything else ("going ahead") is scheduled.
_STATUS_WORDS = (("cancel", "cancelled"), ("postpon", "postponed"), ("online", "online"), ("virtual", "online"),
                 ("not held in person", "online"), ("reschedul", "postponed"), ("moved", "postponed"))


@dataclass
class FairTally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {
        k: [0, 0] for k in ("end_date", "city", "country", "venue", *_LABELLED_FIELDS)})


def _dates_equal(predicted: str | None, expected: str | None, expected_md: str | None, lenient: bool) -> bool:
    if predicted == expected:
        return True
    return bool(lenient and expected is None and expected_md and predicted and predicted[4:] == expected_md[1:])


def score_announcement(
    expected: Sequence[dict[str, Any]], predicted: Sequence[PredictedFair], tally: FairTally, lenient: bool
) -> list[tuple[dict[str, Any], PredictedFair]]:
    pairs: list[tuple[int, float, int, int]] = []
    for ei, exp in enumerate(expected):
        names = [name_tokens(exp["name"])] + [name_tokens(a) for a in exp.get("aliases") or []]
        for pi, pred in enumerate(predicted):
            similarity = max(jaccard(name_tokens(pred.name), n) for n in names)
            if similarity >= 0.5 and _dates_equal(pred.start, exp["start_date"], exp.get("start_md"), lenient):
                pairs.append((int(bool(exp.get("optional"))), -similarity, ei, pi))
    pairs.sort()
    used_e: set[int] = set()
    used_p: set[int] = set()
    matched: list[tuple[dict[str, Any], PredictedFair]] = []
    for optional, _, ei, pi in pairs:
        if ei in used_e or pi in used_p:
            continue
        used_e.add(ei)
        used_p.add(pi)
        if not optional:
            matched.append((expected[ei], predicted[pi]))
    required = [i for i, e in enumerate(expected) if not e.get("optional")]
    tally.tp += len(matched)
    tally.fn += sum(1 for i in required if i not in used_e)
    tally.fp += sum(1 for i in range(len(predicted)) if i not in used_p)
    for exp, pred in matched:
        _field(tally, "end_date", _dates_equal(pred.end, exp["end_date"], exp.get("end_md"), lenient))
        cities = {name_tokens(c) for c in [exp.get("city"), *(exp.get("city_alternatives") or [])] if c}
        # README: a null city with alternatives accepts both no city and any listed alternative.
        no_city_ok = not exp.get("city")
        _field(tally, "city", (no_city_ok and not pred.city) or name_tokens(pred.city) in cities)
        _field(tally, "country", pred.country == exp.get("country"))
        venues = [name_tokens(v) for v in [exp.get("venue"), *(exp.get("venue_alternatives") or [])] if v]
        if not pred.venue:
            venue_ok = exp.get("venue") is None
        else:
            venue_ok = any(jaccard(name_tokens(pred.venue), v) >= 0.5 for v in venues)
        _field(tally, "venue", venue_ok)
        _labelled_fields(tally, exp, pred)
    return matched


def _labelled_fields(tally: FairTally, exp: dict[str, Any], pred: PredictedFair) -> None:
    if exp.get("organizer"):
        _field(tally, "organizer", jaccard(name_tokens(pred.organizer), name_tokens(exp["organizer"])) >= 0.5)
    if exp.get("edition") is not None:
        _field(tally, "edition", pred.edition == exp["edition"])
    if exp.get("status"):
        _field(tally, "status", _expected_status(str(exp["status"])) == _loose_status(pred.status))


def _expected_status(label: str) -> str:
    """The status word the label opens with ("online (physical edition cancelled)" is online)."""
    lowered = label.lower()
    found = [(lowered.find(word), status) for word, status in _STATUS_WORDS if word in lowered]
    return min(found)[1] if found else "scheduled"


def _loose_status(predicted: str | None) -> str:
    return "postponed" if predicted == "rescheduled" else (predicted or "scheduled")


def _field(tally: FairTally, name: str, ok: bool) -> None:
    tally.fields[name][0] += int(ok)
    tally.fields[name][1] += 1


_STORE_DATE_LINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s*$", re.MULTILINE)


def store_page_date(text: str) -> date | None:
    """The corpus's ' date YYYY-MM[-DD]' first line is the page's date (README: treat it as such)."""
    match = _STORE_DATE_LINE.search(text[:200])
    if not match:
        return None
    return date(int(match[1]), int(match[2]), int(match[3] or 1))


def load_announcements(root: Path) -> list[dict[str, Any]]:
    return json.loads((root / "trade-fairs" / "announcements.json").read_text(encoding="utf-8"))


def announcement_input(root: Path, record: dict[str, Any]) -> str:
    if record.get("text") is not None:
        return str(record["text"])
    return (root / "trade-fairs" / record["html_file"]).read_text(encoding="utf-8")


def evaluate_fairs(
    root: Path, extract: Callable[[dict[str, Any], str], list[PredictedFair]], part: Part | None = None
) -> tuple[list[Score], dict[str, Any]]:
    records = [r for r in load_announcements(root) if in_part(r.get("url") or r["id"], part)]
    predictions = [extract(r, announcement_input(root, r)) for r in records]
    scores: list[Score] = []
    details: dict[str, Any] = {}
    for lenient in (False, True):
        tally = FairTally()
        for record, predicted in zip(records, predictions):
            score_announcement(record["expected"], predicted, tally, lenient)
        p, r, f1 = prf(tally.tp, tally.fp, tally.fn)
        label = "lenient" if lenient else "strict"
        fields = {k: (v[0] / v[1] if v[1] else 0.0) for k, v in tally.fields.items()}
        details[label] = {"tp": tally.tp, "fp": tally.fp, "fn": tally.fn, "precision": p, "recall": r, "f1": f1, **fields}
        scores.append(Score("trade-fairs", f"fair detection F1 ({label})", f1, 0.85 if lenient else None,
                            n=len(records), extra={"P": p, "R": r}))
        scores.append(Score("trade-fairs", f"end date acc. on matched ({label})", fields["end_date"],
                            0.95 if lenient else None, n=tally.tp))
        if not lenient:
            for key in ("city", "country", "venue"):
                scores.append(Score("trade-fairs", f"{key} acc. on matched", fields[key], 0.85 if key == "venue" else None,
                                    n=tally.tp))
            for key in _LABELLED_FIELDS:
                scores.append(Score("trade-fairs", f"{key} acc. on matched, where labelled", fields[key],
                                    n=tally.fields[key][1]))
    return scores, details


def to_iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
