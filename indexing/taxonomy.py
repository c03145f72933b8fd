"""The crafts taxonomy, held as data in crafts.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from indexing.textnorm import CHUNK_WORDS, ChunkCache, chunk_set, folded_words, token_variants, words

TAXONOMY_FILE = Path(__file__).with_name("crafts.yaml")
LANGUAGES = ("fr", "ar", "en", "es")


@dataclass(frozen=True)
class Craft:
    id: str
    labels: dict[str, str]
    synonyms: tuple[str, ...]


@lru_cache(maxsize=1)
def crafts() -> dict[str, Craft]:
    raw = yaml.safe_load(TAXONOMY_FILE.read_text(encoding="utf-8"))
    result: dict[str, Craft] = {}
    for craft_id, entry in raw.items():
        syns: list[str] = []
        for lang in LANGUAGES:
            syns.extend(str(s) for s in entry["synonyms"].get(lang, []))
        result[craft_id] = Craft(craft_id, dict(entry["label"]), tuple(syns))
    return result


@dataclass(frozen=True)
class _Matcher:
    """Synonyms compiled for token lookups: linear in the text, whatever the taxonomy's size."""
    exact: dict[str, frozenset[str]]
    prefixes: dict[str, frozenset[str]]
    prefix_lengths: tuple[int, ...]
    phrases: tuple[tuple[str, bool, str, frozenset[str]], ...]
    """(folded phrase, is prefix, craft id, the words a text must have for it to match)"""
    phrase_words: frozenset[str]


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    exact: dict[str, set[str]] = {}
    prefixes: dict[str, set[str]] = {}
    phrases: list[tuple[str, bool, str, frozenset[str]]] = []
    for cid, craft in crafts().items():
        for synonym in craft.synonyms:
            is_prefix = synonym.endswith("*")
            tokens = words(synonym.rstrip("*"))
            if not tokens:
                continue
            if len(tokens) > 1:
                # A prefix phrase's last word may go on ("home linens"): only the others are whole words.
                phrases.append((" ".join(tokens), is_prefix, cid, frozenset(tokens[:-1] if is_prefix else tokens)))
            elif is_prefix:
                prefixes.setdefault(tokens[0], set()).add(cid)
            else:
                exact.setdefault(tokens[0], set()).add(cid)
    return _Matcher({k: frozenset(v) for k, v in exact.items()}, {k: frozenset(v) for k, v in prefixes.items()},
                    tuple(sorted({len(p) for p in prefixes})), tuple(phrases),
                    frozenset().union(*(needed for *_, needed in phrases)))


TOKEN_CACHE_LIMIT = 200_000


class _TokenCrafts(dict[str, frozenset[str]]):
    """folded token -> the crafts its exact or prefix synonyms name; tokens repeat from page to page."""

    def __missing__(self, token: str) -> frozenset[str]:
        m = _matcher()
        found: set[str] = set()
        for variant in token_variants(token):
            found.update(m.exact.get(variant, ()))
            for length in m.prefix_lengths:
                if len(variant) >= length:
                    found.update(m.prefixes.get(variant[:length], ()))
        value = frozenset(found)
        if len(self) < TOKEN_CACHE_LIMIT:
            self[token] = value
        return value


_TOKEN_CRAFTS = _TokenCrafts()


class _ChunkCrafts(ChunkCache["tuple[frozenset[str], frozenset[str]] | None"]):
    """chunk -> (the crafts its words name, its words that phrases use); None when neither."""

    def compute(self, chunk: str) -> tuple[frozenset[str], frozenset[str]] | None:
        tokens = CHUNK_WORDS[chunk].split()
        named = frozenset().union(*map(_TOKEN_CRAFTS.__getitem__, tokens))
        phrase_words = _matcher().phrase_words.intersection(tokens)
        return (named, phrase_words) if named or phrase_words else None


_CHUNK_CRAFTS = _ChunkCrafts()


def crafts_of_token(token: str) -> frozenset[str]:
    """The crafts one folded word names by itself (`zerbia` -> tapis), without phrases."""
    return _TOKEN_CRAFTS[token]


def tag_crafts(*texts: str | None) -> list[str]:
    """Craft ids mentioned in the texts, in taxonomy order."""
    m = _matcher()
    present = [text for text in texts if text]
    found: set[str] = set()
    phrase_words: set[str] = set()
    for unique in map(chunk_set, present):
        for named, words_for_phrases in filter(None, map(_CHUNK_CRAFTS.__getitem__, unique)):
            found.update(named)
            phrase_words.update(words_for_phrases)
    joined = None
    for phrase, is_prefix, cid, needed in m.phrases:
        if cid not in found and needed <= phrase_words:
            if joined is None:  # the texts' words in order, as one string: a phrase may run from one text into the next
                joined = " " + " ".join(filter(None, map(folded_words, present))) + " "
            if (" " + phrase + ("" if is_prefix else " ")) in joined:
                found.add(cid)
    return [cid for cid in crafts() if cid in found]


def craft_ids_for_term(term: str) -> list[str]:
    """Craft ids a query term (or phrase) names, e.g. 'rug' -> ['tapis']."""
    return tag_crafts(term)


def craft_label(craft_id: str, language: str = "fr") -> str:
    craft = crafts().get(craft_id)
    if craft is None:
        return craft_id
    return craft.labels.get(language) or craft.labels["fr"]
