"""Dates that close a fair without opening it: "jusqu'au 11 avril", "until March 3", "fino al 21 aprile"."""
from __future__ import annotations

import re

from spiders.extract.datefold import fold_same_length
from spiders.extract.dates import DateSpan

# An "until" word, then at most an article or a weekday-sized word, right before the date.
_UNTIL = re.compile(
    r"(?:\bjusqu\W{0,2}(?:au|a|à|le)|\buntil|\btill|\bthrough|\bfino\s+al?l?|\bhasta\s+el|\bbis(?:\s+zu[mr])?"
    r"|\btot\s+en\s+met|\bate\s+(?:ao|a)|حتى|غاية|لغاية)"
    r"(?:\s+(?:le|el|the|il|den|dem|o|a))?(?:\s+[^\W\d_]{2,12}[.,]?)?\s*$",
    re.IGNORECASE,
)
# "إلى يوم السبت المقبل الموافق 11 يناير": "to the day", then a weekday, "next", "corresponding to".
_ARABIC_UNTIL = re.compile(r"(?:حتى|غاية|لغاية|إلى|الى)(?:\s+يوم)?(?:\s+[^\W\d_]{2,12}){0,3}\s*$")
# A closing verb, then at most three short words ("closes on", "fermera ses portes le", "cerrará el", "يختتم يوم").
_CLOSING_VERB = re.compile(
    r"(?:\bclos(?:es|ing)|\bends?\b|\bwraps?\s+up|\bfermer\w*|\bferme\b|\bclotur\w*|\bse\s+termin\w*|\bs'acheve\w*"
    r"|\bprend(?:ra)?\s+fin|\bcerrar\w*|\bcierra\w*|\bfinaliza\w*|\bconclu\w*|\bchiud\w*|\btermin\w*|\bendet\b"
    r"|\bschlie(?:ss|ß)t|يختتم|تختتم|اختتام|تسدل|يسدل)"
    r"(?:\s+[^\W\d_]{1,8}){0,3}\s*$",
    re.IGNORECASE,
)
_LOOKBEHIND = 40


def closes_only(span: DateSpan, text: str) -> bool:
    """A single date that says when a fair ends ("se poursuivra jusqu'au 11 avril")."""
    if span.end is not None:
        return False
    before = fold_same_length(text[max(0, span.begin - _LOOKBEHIND):span.begin])
    return any(p.search(before) is not None for p in (_UNTIL, _ARABIC_UNTIL, _CLOSING_VERB))
