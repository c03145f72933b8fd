"""Registration deadlines: "les inscriptions sont ouvertes jusqu'au 15 avril", "آخر أجل للتسجيل هو 15 مارس"."""
from __future__ import annotations

import re

from spiders.extract.dates import DateSpan

# A registration word, then within a few words a closing cue right before the date: "deadline: 15 March",
# "les inscriptions … sont ouvertes jusqu'au 15 avril", "applications … close on April 30", "آخر أجل … هو 15 مارس".
REGISTRATION_WORD = re.compile(
    r"deadline|date\s+limite|inscri|candidat|dossier|application|registration|register|apply|submission|anmeld"
    r"|iscrizion|domande|solicitud|plazo|آخر\s+أجل|آخر\s+موعد|التسجيل|الترشيح|مطالب\s+المشاركة|طلبات\s+المشاركة",
    re.IGNORECASE,
)
_CLOSING_CUE = re.compile(
    r"(?:jusqu['’]\s*au|jusqu['’]\s*à|avant\s+le|avant|until|by|before|close[sd]?(?:\s+on)?|end(?:s)?(?:\s+on)?|bis\s+zum|bis"
    r"|ist\s+der|hasta\s+el|hasta|entro\s+il|entro|fino\s+al|est\s+fix[ée]e?\s+au|:|هو|قبل|غاية|إلى"
    # "el plazo de inscripción termina el 15 de abril", "le iscrizioni chiudono il", "se termine le"
    r"|termina|finaliza|acaba|cierra|scade|chiudono|chiude|se\s+termine|expire[s]?|expira)\s*(?:le\s+|the\s+|el\s+|il\s+)?$",
    re.IGNORECASE,
)
DEADLINE_LOOKBEHIND = 140
# Closer than this, a registration word and a closing cue make a single day a deadline, never a fair's day.
_NEAR_LOOKBEHIND = 70
# "إلى غاية يوم الاثنين القادم، 12 جانفي": a weekday and "next" may stand between the cue and the date.
_WEEKDAY_GAP = re.compile(r"(?:\s*(?:يوم\s+)?[\u0600-\u06ff]+\s+القادم\s*[،,]?\s*)$")


def deadline_before(text: str, span: DateSpan, reach: int = DEADLINE_LOOKBEHIND) -> bool:
    before = text[max(0, span.begin - reach):span.begin]
    cue = _CLOSING_CUE.search(before) or _CLOSING_CUE.search(_WEEKDAY_GAP.sub("", before))
    return cue is not None and REGISTRATION_WORD.search(before) is not None


def is_deadline_day(text: str, span: DateSpan) -> bool:
    """A single day given as the close of registrations, not as any fair's day."""
    return span.end is None and deadline_before(text, span, _NEAR_LOOKBEHIND)
