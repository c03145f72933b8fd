"""Highlights computed in Python from the query's terms, identical on both backends."""
from __future__ import annotations

import html
import re

from indexing.analysis import CRAFT_TOKEN_PREFIX, stems
from indexing.cleantext import word_window
from indexing.query import TextQuery
from indexing.taxonomy import crafts_of_token
from indexing.textnorm import fold

_TOKEN = re.compile(r"\w+", re.UNICODE)


def highlight(text: str | None, query: TextQuery, max_chars: int = 240) -> str:
    """HTML-escaped excerpt of `text` with matching words wrapped in <mark>."""
    if not text:
        return ""
    words = query.highlight_words()
    wanted: set[str] = {t for t in words if not t.startswith(CRAFT_TOKEN_PREFIX)}
    # A craft found through a synonym (`rug` finds `tapis`, `زربية` finds `الزرابي`) is marked too.
    wanted_crafts = {t[len(CRAFT_TOKEN_PREFIX):] for t in words if t.startswith(CRAFT_TOKEN_PREFIX)}
    prefixes = query.prefixes
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        word = fold(match.group())
        if not word:
            continue
        if word in wanted or any(s in wanted for s in stems(word)) or any(word.startswith(p) for p in prefixes) \
                or (wanted_crafts and not wanted_crafts.isdisjoint(crafts_of_token(word))):
            spans.append(match.span())
    start = 0
    if spans and len(text) > max_chars:
        start = max(0, spans[0][0] - max_chars // 3)
    start, end = word_window(text, start, min(len(text), start + max_chars))
    out: list[str] = ["…" if start else ""]
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(html.escape(text[cursor:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        cursor = e
    out.append(html.escape(text[cursor:end]))
    if end < len(text):
        out.append("…")
    return "".join(out)
