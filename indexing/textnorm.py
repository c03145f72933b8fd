"""Language-neutral text folding shared by tagging, indexing and querying."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


@lru_cache(maxsize=32)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def words(text: str) -> list[str]:
    """Folded word tokens: Latin letters, digits and Arabic letters only.

    Cached: tagging, market detection and indexing all tokenize the same article body.
    """
    return list(_words(text))


def word_tuple(text: str) -> tuple[str, ...]:
    return _words(text)


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
