"""Fair names followed by their dates in brackets: "Techtextil/Texprocess (21. bis 24. Juni 2022)",
"Made in Medina (3–5 mai 2027)". Listings and round-ups name fairs that way without any fair word."""
from __future__ import annotations

import re

from spiders.extract.dates import find_date_spans
from spiders.extract.fair_tokens import NameMention, Token

_BRACKETED_DATE = re.compile(r"\(\s*([^()\n]{4,40}?)\s*\)")
_JOINERS = frozenset({"/", "&", "+", "-", "'", "’"})
_MAX_WORDS = 5
_FAIR_NOUNS = ("messe", "fachmesse", "leitmesse", "publikumsmesse")
# Capitalised words that head a bracketed date without naming a fair.
_NOT_NAMES = frozenset({
    "deadline", "opening", "closing", "registration", "inscriptions", "inscription", "date", "dates", "du", "from",
    "vernissage", "update", "updated", "photo", "source", "edition", "édition", "session", "phase",
})


def bracketed_names(text: str, tokens: list[Token]) -> list[NameMention]:
    found = []
    ends = {t.end: i for i, t in enumerate(tokens)}
    for match in _BRACKETED_DATE.finditer(text):
        inside = match.group(1)
        if not any(c.isdigit() for c in inside) or not find_date_spans(inside):
            continue
        before = text[:match.start()].rstrip(" ")
        last = ends.get(len(before))
        if last is None:
            continue
        first = _name_start(tokens, last, text)
        if first is None:
            continue
        found.append(NameMention(text[tokens[first].begin:tokens[last].end], tokens[first].begin, tokens[last].end))
    return found


def _name_start(tokens: list[Token], last: int, text: str) -> int | None:
    """Capitalised words (joined by "/", "&", "+", "-") ending at `last`, on one line; None when they are not a name."""
    first = None
    words = 0
    i = last
    while i >= 0 and words < _MAX_WORDS:
        token = tokens[i]
        if token.is_word and not token.is_arabic and (token.is_capitalised or token.text[0].isdigit()):
            first, words = i, words + 1
        elif token.text in _JOINERS and first == i + 1 and i > 0 and tokens[i - 1].is_word:
            pass
        else:
            break
        if i > 0 and "\n" in text[tokens[i - 1].end:token.begin]:
            break
        i -= 1
    # "Messeduo Techtextil/Texprocess", "Fachmesse Nordstil": a German noun for the fair, then its name.
    while first is not None and first < last and tokens[first].folded.startswith(_FAIR_NOUNS):
        first += 1
    if first is None or not tokens[first].is_word or tokens[first].text[0].isdigit():
        return None
    if any(t.folded in _NOT_NAMES for t in tokens[first:last + 1] if t.is_word):
        return None
    return first
