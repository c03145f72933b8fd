"""Length-preserving text folding for date matching: positions in the folded text are positions in the original."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_DIGITS = {ord(c): str(i % 10) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")}
_PUNCTUATION = {"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ", "\u202f": " "}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char.isascii():
        return char.lower()
    if ord(char) in _DIGITS:
        return _DIGITS[ord(char)]
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    base = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in base if not unicodedata.combining(c)) or char
    lowered = kept.lower()
    # Keep one character per character so match offsets stay valid.
    return lowered[0] if lowered else char


def fold_same_length(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


def fold_word(word: str) -> str:
    return fold_same_length(word)
