"""Fairs listed one to a line, by a name and dates only: "- Craftex (Leeds): May 27-29, 2027",
"• Céramix, Vallauris, 12-14 mai 2027". A bullet, or a neighbouring line of the same shape, shows the list."""
from __future__ import annotations

import re

from spiders.extract.dates import calendar_words, find_date_spans
from spiders.extract.datefold import fold_same_length
from spiders.extract.fair_tokens import NameMention
from spiders.extract.fair_unmarked import NOT_NAMES

_BULLET = r"[-•*·▪►–]"
_LISTED = re.compile(
    rf"^[ \t]*(?P<bullet>{_BULLET}[ \t]*)?(?P<name>(?:[A-Z][\w&+'’.\-]*[ \t]+){{0,3}}[A-Z][\w&+'’.\-]*)"
    r"[ \t]*(?:\([^()\n]{2,40}\)|,[ \t]*[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2})?[ \t]*[:,–—|-][ \t]*(?P<rest>[^\n]{4,60})$",
    re.MULTILINE,
)
_MAX_LEFT_CHARS = 12  # what the line may hold besides its date: a city after it, a comma
# "Pulse — 3-5 June 2025, ExCeL London": or, after the date, a venue of a few capitalised words.
_PLACE_AFTER = re.compile(r"[,–—|-]?[ \t]*(?:[A-Z][\w'’.&\-]*[ \t]*){1,4}")


def listed_names(text: str) -> list[NameMention]:
    shaped = [m for m in _LISTED.finditer(text) if _dated_line(m.group("rest")) and not _common(m.group("name"))]
    numbers = [text.count("\n", 0, m.start()) for m in shaped]
    lines = set(numbers)
    return [NameMention(m.group("name"), m.start("name"), m.end("name")) for m, line in zip(shaped, numbers)
            if m.group("bullet") or line - 1 in lines or line + 1 in lines]


def _dated_line(rest: str) -> bool:
    # The pattern leaves no blank before `rest`: what it holds besides its one date is a city, a comma.
    spans = find_date_spans(rest)
    if len(spans) != 1:
        return False
    left = (rest[:spans[0].begin] + " " + rest[spans[0].finish:]).strip()
    return len(left) <= _MAX_LEFT_CHARS or _PLACE_AFTER.fullmatch(left) is not None


def _common(name: str) -> bool:
    """"Updated: …", "Monday: …", "March: …": a label, a weekday or a month, not a fair."""
    first = fold_same_length(name.split()[0]).strip(".")
    return first in NOT_NAMES or first in calendar_words()
