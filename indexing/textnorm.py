"""Language-neutral text folding shared by tagging, indexing and querying."""
from __future__ import annotations

import re
import unicodedata

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
})
_WORD = re.compile(r"[0-9a-z\u0621-\u064a]+")


def fold(text: str) -> str:
    """Lowercase, strip Latin accents and normalize Arabic (alef forms, taa marbuta, tashkeel, tatweel)."""
    text = _ARABIC_DIACRITICS.sub("", text)
    text = text.translate(_ARABIC_MAP)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").lower()


def words(text: str) -> list[str]:
    """Folded word tokens: Latin letters, digits and Arabic letters only."""
    return _WORD.findall(fold(text))


def is_arabic(token: str) -> bool:
    return bool(token) and "\u0621" <= token[0] <= "\u064a"
