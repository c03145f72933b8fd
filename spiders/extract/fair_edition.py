"""What a text says about one edition of a fair: its number and whether it is postponed, cancelled or online."""
from __future__ import annotations

import re

from spiders.extract.datefold import fold_same_length

# Checked in this order: a cancelled edition that "moves online" is cancelled first.
_STATUS_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cancelled", re.compile(
        r"\b(?:cancel+ed|annule[e]?s?|annulation|cancelad[ao]|suspendid[ao]|annullat[ao]|abgesagt|absage|findet\s+nicht\s+statt)\b"
        r"|إلغاء|ألغي|الغاء")),
    ("postponed", re.compile(
        r"\b(?:postponed|reporte[e]?s?|aplazad[ao]|pospuest[ao]|rinviat[ao]|posticipat[ao]|verschoben|verlegt)\b"
        r"|تأجيل|تاجيل|أرجئ|تأجل")),
    ("online", re.compile(
        # "register online" says nothing about the fair: only an edition, a fair or a move that is online.
        r"\b(?:online[- ](?:only|edition|event|fair|show|format)|(?:goes|go|went|moved?|held|takes\s+place)\s+online"
        r"|virtual\s+(?:edition|fair|show|event)|edition\s+virtuelle|salon\s+virtuel|en\s+ligne"
        r"|edizione\s+digitale|fiera\s+(?:e\s+)?digitale|edicion\s+virtual|formato\s+virtual|digitale\s+messe)\b"
        r"|افتراضي|افتراضية")),
)
_ROMAN = r"(?:[IVXLC]{1,7})"
_EDITION_WORDS = r"(?:edition|editie|edizione|edicion|edicao|ausgabe|auflage)"
_EDITION = re.compile(
    rf"\b(\d{{1,3}})\s?(?:e|eme|er|ere|th|st|nd|rd|a|ª|º|°|o|\.|sima|esima|ma)?\s+{_EDITION_WORDS}\b"
    rf"|\b{_EDITION_WORDS}\s+(?:n[°o.]?\s*|numero\s+|number\s+)?(\d{{1,3}})\b(?!\s*(?:de\s+)?\d)"
    rf"|\b({_ROMAN})\s+{_EDITION_WORDS}\b"
    r"|(?:الدورة|النسخة)\s+(\d{1,3})\b",
    re.IGNORECASE,
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def edition_status(text: str) -> str:
    """schema.org eventStatus in lower case; 'scheduled' when the text says nothing else."""
    folded = fold_same_length(text)
    for status, cue in _STATUS_CUES:
        if cue.search(folded):
            return status
    return "scheduled"


def edition_number(text: str) -> int | None:
    match = _EDITION.search(fold_same_length(text).replace("ª", "a"))
    if match is None:
        return None
    digits = match.group(1) or match.group(2) or match.group(4)
    number = int(digits) if digits else _roman(text[match.start(3):match.end(3)].upper())
    return number if number and 0 < number < 300 else None


def _roman(numeral: str) -> int | None:
    values = [_ROMAN_VALUES.get(c) for c in numeral]
    if not values or None in values:
        return None
    total = 0
    for i, value in enumerate(values):
        assert value is not None
        following = values[i + 1] if i + 1 < len(values) else None
        total += -value if following is not None and following > value else value
    return total
