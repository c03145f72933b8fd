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


_COMBINING = {cp: None for cp in range(0x300, 0x370)}
_COMBINING.update({cp: None for cp in range(0x1AB0, 0x1B00)})
_COMBINING.update({cp: None for cp in range(0x1DC0, 0x1E00)})
_COMBINING.update({cp: None for cp in range(0x20D0, 0x2100)})
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lowercase, strip Latin accents and normalize Arabic (alef forms, taa marbuta, tashkeel, tatweel)."""
    if text.isascii():
        return text.lower()
    text = _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_MAP).translate(_LIGATURES)
    return unicodedata.normalize("NFKD", text).translate(_COMBINING).lower()


def words(text: str) -> list[str]:
    """Folded word tokens: Latin letters, digits and Arabic letters only."""
    return _WORD.findall(fold(text))


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
