"""Notices a page prints inside the text block: advertising and affiliate disclosures, a picture's
copyright holder, and "also on <site>" pointers. Each is a whole line, short, and never the story."""
from __future__ import annotations

import re

_MAX_NOTICE_CHARS = 260
_DISCLOSURE = re.compile(
    r"affiliate[- ]?links?|\badvertising disclos\w*|\benthält (?:\w+ )?werbung|\bwerbung für\b|\bcontains affiliate"
    r"|\bliens? (?:d'affiliation|affiliés)|\benlaces? de afiliad\w+|\blink (?:di )?affiliazione"
    r"|\bwe (?:may )?(?:receive|earn) (?:a )?(?:small )?(?:compensation|commission)",
    re.IGNORECASE,
)
# "© Oli Scarff/Getty Images", "Copyright: Jane Roe": a holder's name only (no year, no sentence). A wire
# notice ("© 2019 Associated Press. All rights reserved.") has a year and a full stop, and stays.
_PICTURE_HOLDER = re.compile(r"^\W*(?:©|\(c\)|copyright\s*:)\s*[^\W\d_][^\W\d_ '’./-]*(?:[ '’/-]+[^\W\d_][^\W\d_'’.-]*){0,5}\s*$",
                             re.IGNORECASE)
_DISCLOSURE_WORDS = ("affili", "afili", "disclos", "werbung", "compensation", "commission")
_MAX_HOLDER_CHARS = 70
_ALSO_ON = re.compile(r"^\W*(?:auch auf|mehr (?:zum thema )?auf|more on|plus sur|más en|anche su|também no)\s+[\w.-]+\.[a-z]{2,6}\W*$",
                      re.IGNORECASE)


def is_notice(line: str) -> bool:
    if len(line) > _MAX_NOTICE_CHARS:
        return False
    if len(line) <= _MAX_HOLDER_CHARS and (_PICTURE_HOLDER.match(line) or _ALSO_ON.match(line)):
        return True
    # The unanchored pattern runs only on a line that holds one of its words.
    lowered = line.lower()
    return any(word in lowered for word in _DISCLOSURE_WORDS) and _DISCLOSURE.search(line) is not None
