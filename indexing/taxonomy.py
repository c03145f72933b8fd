"""The crafts taxonomy, held as data in crafts.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from indexing.textnorm import fold, words

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


def _synonym_pattern(synonym: str) -> str:
    prefix = synonym.endswith("*")
    body = " ".join(words(synonym.rstrip("*")))
    escaped = re.escape(body).replace(r"\ ", r"\s+")
    # Arabic words often carry a proclitic (و, ب, ل, ال): allow one before the word.
    lead = r"(?:^|(?<=[^0-9a-z\u0621-\u064a])|(?<=[وبلف])|(?<=ال))" if body and "\u0621" <= body[0] <= "\u064a" \
        else r"(?<![0-9a-z\u0621-\u064a])"
    tail = r"[0-9a-z\u0621-\u064a]*" if prefix else r"(?![0-9a-z\u0621-\u064a])"
    return lead + escaped + tail


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        cid: re.compile("|".join(_synonym_pattern(s) for s in craft.synonyms))
        for cid, craft in crafts().items()
    }


def tag_crafts(*texts: str | None) -> list[str]:
    """Craft ids mentioned in the texts, in taxonomy order."""
    folded = " ".join(" ".join(words(t)) for t in texts if t)
    return [cid for cid, pattern in _patterns().items() if pattern.search(folded)]


def craft_ids_for_term(term: str) -> list[str]:
    """Craft ids a query term (or phrase) names, e.g. 'rug' -> ['tapis']."""
    return tag_crafts(term)


def craft_label(craft_id: str, language: str = "fr") -> str:
    craft = crafts().get(craft_id)
    if craft is None:
        return craft_id
    return craft.labels.get(language) or craft.labels["fr"]
