"""Small text normalisations shared by the extractors."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

from indexing.cleantext import cut_words as truncate  # noqa: F401  (one rule for every cut text)

_WORD = re.compile(r"\w+")


# Every whitespace character of str.split() and the regex \s (they agree) but the space and the newline.
_OTHER_WHITESPACE = ("\t", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680",
                     *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f", "\u205f", "\u3000")


# Below this, splitting costs less than the searches that could skip it.
_SHORTCUT_CHARS = 160


def _single_spaced(text: str) -> bool:
    """No whitespace but single spaces inside lines: collapsing would give the text back.

    Most long texts already are: a few searches in C say so without splitting them into words."""
    return (len(text) > _SHORTCUT_CHARS and "  " not in text and text[:1] != " " and text[-1:] != " "
            and not any(space in text for space in _OTHER_WHITESPACE))


def one_line(text: str | None) -> str:
    """Collapse every run of whitespace (newlines included) to one space."""
    text = text or ""
    if "\n" not in text and _single_spaced(text):
        return text
    return " ".join(text.split())


def clean_paragraphs(text: str | None) -> str:
    """Paragraphs separated by exactly one newline, inner whitespace collapsed."""
    text = text or ""
    if " \n" not in text and "\n " not in text and _single_spaced(text):
        return "\n".join(filter(None, text.split("\n")))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def sentence_around(text: str, begin: int, end: int) -> tuple[int, int]:
    """Offsets of the start and end of the sentence (or sentences) holding text[begin:end]: a line break or ". "."""
    start = max(text.rfind(". ", 0, begin), text.rfind("\n", 0, begin)) + 1
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return start, min(ends) if ends else len(text)


_Spanned = TypeVar("_Spanned")


def without_overlaps(items: list[_Spanned], span: Callable[[_Spanned], tuple[int, int]]) -> list[_Spanned]:
    """Items left to right; one that starts inside the item kept before it is left out (the longer of two
    starting together is kept)."""
    ordered = sorted(items, key=lambda item: (span(item)[0], span(item)[0] - span(item)[1]))
    kept: list[_Spanned] = []
    for item in ordered:
        if kept and span(item)[0] < span(kept[-1])[1]:
            continue
        kept.append(item)
    return kept


def line_around(text: str, begin: int, end: int) -> tuple[int, int]:
    """Offsets of the start and end of the line (or lines) holding text[begin:end]."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, begin) + 1, line_end if line_end >= 0 else len(text)


def word_key(text: str | None) -> str:
    """Comparison key: lowercase word tokens only (ignores punctuation and spacing)."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text or "").lower()))
