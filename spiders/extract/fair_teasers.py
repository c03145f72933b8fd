"""Teasers for other articles inside an announcement's text ("À lire aussi", "Most read", "مقالات ذات صلة").

Their headlines name other fairs, dates and statuses ("Le Salon du cuir reporté"): left in, a teaser's date
slides to the article's fair or its "postponed" becomes the fair's status. They are blanked out, offsets kept.
"""
from __future__ import annotations

import re

_LABEL = (
    r"(?:[àa]\s+lire\s+(?:aussi|également)|lire\s+(?:aussi|également)|voir\s+aussi|sur\s+le\s+même\s+sujet|les\s+plus\s+lus"
    r"|articles?\s+similaires|dans\s+la\s+même\s+rubrique|read\s+also|see\s+also|related(?:\s+(?:articles|stories|posts|news))?"
    r"|most\s+(?:read|popular|viewed)|you\s+may\s+also\s+like|more\s+(?:stories|news)|trending"
    r"|te\s+puede\s+interesar|le\s+puede\s+interesar|lee\s+también|lea\s+también|noticias\s+relacionadas|lo\s+más\s+leído"
    r"|leggi\s+anche|articoli\s+correlati|potrebbe\s+interessarti|i\s+più\s+letti"
    r"|lesen\s+sie\s+auch|auch\s+interessant|das\s+könnte\s+(?:sie|dich)\s+auch\s+interessieren|meistgelesen|weitere\s+artikel"
    r"|مقالات\s+ذات\s+صلة|اقرأ\s+أيضا|اقرأ\s+أيضاً|أخبار\s+ذات\s+صلة|الأكثر\s+قراءة|مواضيع\s+ذات\s+صلة)"
)
# A label alone on its line, the teasers on the lines after it.
_LABEL_LINE = re.compile(r"^\W*" + _LABEL + r"\W*$", re.IGNORECASE)
_MAX_TEASER_CHARS = 160
# A list of coming events after the teasers is the page's agenda, fairs and all: blanking stops there.
_EVENTS_LABEL = re.compile(
    r"^\W*(?:upcoming\s+(?:events|shows|fairs)|events|agenda|calendar|calendrier|[ée]v[ée]nements|prochains\s+(?:salons|[ée]v[ée]nements)"
    r"|pr[óo]ximos\s+eventos|agenda\s+de\s+eventos|prossimi\s+eventi|eventi|termine|veranstaltungen|messetermine"
    r"|أجندة|المواعيد|الفعاليات\s+القادمة)\W*$",
    re.IGNORECASE,
)


def _headline_like(line: str) -> bool:
    """A teaser is a headline, or its first words cut short: no sentence ends it."""
    return len(line) <= _MAX_TEASER_CHARS and (not line.endswith((".", "!", "?", "。")) or line.endswith(("...", "…")))


def mask_teasers(text: str) -> str:
    lines = text.split("\n")
    masked = []
    under_label = False
    for line in lines:
        stripped = line.strip()
        if _LABEL_LINE.match(stripped):
            under_label = True
            masked.append(" " * len(line))
            continue
        if under_label and stripped and (not _headline_like(stripped) or _EVENTS_LABEL.match(stripped)):
            under_label = False  # the text goes on after the teasers, or the page's agenda does
        # A label and its teaser on one line ("Lire aussi : …") stay: blanking them cost a held-out fair.
        if under_label and stripped:
            masked.append(" " * len(line))
            continue
        masked.append(line)
    return "\n".join(masked)
