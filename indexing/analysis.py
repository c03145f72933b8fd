"""Text analysis done once, in Python, so SQLite and Elasticsearch see the same tokens.

Both backends index pre-analysed terms (folded, stemmed, craft-tagged) and split them on
whitespace; that is what makes `ceramique` find `céramique`, `rug` find `زربية`, and the two
engines return the same hits.
"""
from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from indexing.taxonomy import tag_crafts
from indexing.textnorm import CHUNK_WORDS, ChunkCache, chunks, folded_words, is_arabic

CRAFT_TOKEN_PREFIX = "craftx"
STOPWORDS = frozenset(
    "le la les l de des du d un une et ou en au aux a pour par sur dans avec ce ces qui que est sont"
    " the a an and or of in on for to with by is are at from as this that"
    " el los las y del con por para una"
    " في من على الى إلى عن مع هذا هذه التي الذي و ان أن".split()
)
# snowballstemmer hands out PyStemmer's C build of the same algorithms when it is installed (it is a
# requirement): the same stems (tests/indexing/test_analysis.py), 10-40 times faster on new words.
_LATIN_STEMMERS = (snowballstemmer.stemmer("french"), snowballstemmer.stemmer("english"))
_ARABIC_STEMMER = snowballstemmer.stemmer("arabic")


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[str, ...]:
    """All stems a folded word may take (French and English stems for Latin script)."""
    if is_arabic(word):
        stem = _ARABIC_STEMMER.stemWord(word)
        return (stem,) if stem else (word,)
    if word.isdigit() or len(word) <= 2:
        return (word,)
    found = []
    for stemmer in _LATIN_STEMMERS:
        stem = stemmer.stemWord(word)
        if stem and stem not in found:
            found.append(stem)
    return tuple(found)


class _TermCache(dict[str, str]):
    """word -> its indexed terms ("" for a stopword); a C-level lookup on the hot path."""

    def __missing__(self, word: str) -> str:
        terms = "" if word in STOPWORDS else " ".join(stems(word))
        if len(self) < 500_000:
            self[word] = terms
        return terms


_TERMS = _TermCache()


class _ChunkTerms(ChunkCache[str]):
    """chunk -> the indexed terms of its words, joined by spaces."""

    def compute(self, chunk: str) -> str:
        return " ".join(filter(None, map(_TERMS.__getitem__, CHUNK_WORDS[chunk].split())))


_CHUNK_TERMS = _ChunkTerms()


def index_terms(text: str | None, crafts: list[str] | None = None) -> str:
    """The whitespace-separated terms both backends index for a text field."""
    if not text and not crafts:
        return ""
    terms = " ".join(filter(None, map(_CHUNK_TERMS.__getitem__, chunks(text or ""))))
    if crafts:
        tags = " ".join(CRAFT_TOKEN_PREFIX + c for c in crafts)
        return f"{terms} {tags}" if terms else tags
    return terms


def phrase_terms(text: str | None) -> str:
    """Folded, unstemmed words: used for phrases and prefixes."""
    return folded_words(text or "")


def query_term_alternatives(word: str) -> list[str]:
    """Terms any of which satisfies one query word: its stems plus the craft it names."""
    alternatives = list(stems(word))
    alternatives.extend(CRAFT_TOKEN_PREFIX + c for c in tag_crafts(word))
    return alternatives
