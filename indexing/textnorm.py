"""Language-neutral text folding shared by tagging, indexing and querying."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Generic, TypeVar

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
})
_WORD = re.compile(r"[0-9a-z\u0621-\u064a]+")


_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]+")
_HAS_ARABIC = re.compile("[\u0600-\u06ff]")


def fold(text: str) -> str:
    """Lowercase, strip Latin accents and normalize Arabic (alef forms, taa marbuta, tashkeel, tatweel)."""
    if text.isascii():
        return text.lower()
    if _HAS_ARABIC.search(text):
        text = _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_MAP)
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae").replace("ß", "ss")
    # str.translate with a dict costs a lookup per character; a regex removal is far cheaper.
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()


CHUNK_CACHE_LIMIT = 300_000
V = TypeVar("V")


class ChunkCache(dict[str, V], Generic[V]):
    """A bounded memo keyed by whitespace-free chunks of text; subclasses say what a chunk maps to.

    Folding works character by character and never turns whitespace into a word character, so a
    text's tokens are its whitespace-separated chunks' tokens, in order. Chunks repeat far more
    than texts do, which turns tokenizing into dictionary lookups done in C.
    """

    def compute(self, chunk: str) -> V:
        raise NotImplementedError

    def __missing__(self, chunk: str) -> V:
        value = self.compute(chunk)
        if len(self) < CHUNK_CACHE_LIMIT:  # bounded: hostile text with endless new words only costs time
            self[chunk] = value
        return value


class _ChunkWords(ChunkCache[str]):
    """chunk -> its folded words joined by spaces ("" when it has none)."""

    def compute(self, chunk: str) -> str:
        return " ".join(_WORD.findall(fold(chunk)))


CHUNK_WORDS = _ChunkWords()


# Tagging, market detection, the indexed terms and the phrase form all read the same article
# body: its chunks and its folded words are made once per text. Small caches: a page needs a few texts
# at a time, and each entry holds a whole text.
@lru_cache(maxsize=8)
def chunks(text: str) -> tuple[str, ...]:
    """The whitespace-separated chunks of a text."""
    return tuple(text.split())


@lru_cache(maxsize=8)
def chunk_set(text: str) -> frozenset[str]:
    return frozenset(chunks(text))


@lru_cache(maxsize=32)
def _words(text: str) -> tuple[str, ...]:
    return tuple(folded_words(text).split())


def words(text: str) -> list[str]:
    """Folded word tokens: Latin letters, digits and Arabic letters only."""
    return list(_words(text))


def word_tuple(text: str) -> tuple[str, ...]:
    return _words(text)


@lru_cache(maxsize=8)
def folded_words(text: str) -> str:
    """The folded words of a text joined by single spaces (what phrase search indexes)."""
    return " ".join(filter(None, map(CHUNK_WORDS.__getitem__, chunks(text))))


def is_arabic(token: str) -> bool:
    return bool(token) and "\u0621" <= token[0] <= "\u064a"


_PROCLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")


def token_variants(token: str) -> tuple[str, ...]:
    """A token plus, for Arabic, the token without its proclitics (و، ب، ل، ف، ال)."""
    if not is_arabic(token):
        return (token,)
    found = [token]
    for candidate in found:  # grows while we iterate: و + ب + ال stack up
        for prefix in _PROCLITICS:
            if candidate.startswith(prefix) and len(candidate) - len(prefix) >= 2:
                stripped = candidate[len(prefix):]
                if stripped not in found and len(found) < 8:
                    found.append(stripped)
    return tuple(found)
