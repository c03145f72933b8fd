"""Small text normalisations shared by the extractors."""
from __future__ import annotations

import re
import unicodedata

from indexing.cleantext import cut_words as truncate  # noqa: F401  (one rule for every cut text)

_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_WORD = re.compile(r"\w+")


def one_line(text: str | None) -> str:
    """Collapse every run of whitespace (newlines included) to one space."""
    return _SPACES.sub(" ", text or "").strip()


def clean_paragraphs(text: str | None) -> str:
    """Paragraphs separated by exactly one newline, inner whitespace collapsed."""
    # str.split() and the regex \s agree on what whitespace is, and split() is much faster.
    lines = (" ".join(line.split()) for line in (text or "").split("\n"))
    return "\n".join(line for line in lines if line)


def line_around(text: str, begin: int, end: int) -> tuple[int, int]:
    """Offsets of the start and end of the line (or lines) holding text[begin:end]."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, begin) + 1, line_end if line_end >= 0 else len(text)


def word_key(text: str | None) -> str:
    """Comparison key: lowercase word tokens only (ignores punctuation and spacing)."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text or "").lower()))
