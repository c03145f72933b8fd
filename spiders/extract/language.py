"""Offline language identification (py3langid) over a restricted set of languages."""
from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# The markets we follow plus the big languages we meet on trade and news sites;
# a small set keeps py3langid from inventing rare languages for short snippets.
LANGUAGES: tuple[str, ...] = (
    "fr", "ar", "en", "es", "de", "it", "pt", "nl", "pl", "ru", "tr", "zh", "ja", "ko",
    "th", "el", "sv", "da", "no", "cs", "ro", "hu", "fi", "uk", "ca", "he", "fa",
    "ary", "arz",
)
# Dialect labels of the model folded into their ISO 639-1 macrolanguage.
_MODEL_TO_ISO = {"ary": "ar", "arz": "ar"}
_SAMPLE_CHARS = 1200
_CHECK_CHARS = 300
# Below this, a declared language is kept unless detection is sure it is wrong.
_HINT_MIN_PROBABILITY = 0.02
_SHORT_TEXT = 40
_PRIMARY_SUBTAG = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_].*)?$")
_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id"}


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def normalize_language_tag(tag: str | None) -> str | None:
    """'en-US' -> 'en', 'fr_FR' -> 'fr'; None for anything that is not a language tag."""
    if not tag:
        return None
    match = _PRIMARY_SUBTAG.match(tag)
    if not match:
        return None
    code = match.group(1).lower()
    return _ALIASES.get(code, code) if len(code) == 2 else None


def detect_language(text: str | None, hint: str | None = None) -> str | None:
    """ISO 639-1 code of the text; the declared `hint` wins when the text does not contradict it."""
    declared = normalize_language_tag(hint)
    sample = (text or "").strip()[:_SAMPLE_CHARS]
    if len(sample) < _SHORT_TEXT:
        return declared or (_classify(sample) if sample else None)
    if declared and len(sample) > _CHECK_CHARS:
        # py3langid walks the sample byte by byte in Python: a short look that agrees with
        # the declared language settles it; the full sample is read only to overrule it.
        if _ranking(sample[:_CHECK_CHARS]).get(declared, 0.0) >= _HINT_MIN_PROBABILITY:
            return declared
    ranking = _ranking(sample)
    if declared and ranking.get(declared, 0.0) >= _HINT_MIN_PROBABILITY:
        return declared
    return max(ranking, key=ranking.__getitem__)


def _ranking(sample: str) -> dict[str, float]:
    ranking: dict[str, float] = {}
    for label, probability in _identifier().rank(sample):
        code = _MODEL_TO_ISO.get(label, label)
        ranking[code] = ranking.get(code, 0.0) + probability
    return ranking


def _classify(sample: str) -> str:
    label = str(_identifier().classify(sample)[0])
    return _MODEL_TO_ISO.get(label, label)
