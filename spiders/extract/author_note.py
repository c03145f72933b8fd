"""The author's note closing an article ("Jane Roe is the senior editor of … Contact her at …").

It describes the writer, not the news, and it is printed under every article they write: a search
for the writer's employer would otherwise find all of them. Only a closing line that opens with the
page's own author name, followed by a verb that describes a person, is dropped.
"""
from __future__ import annotations

import re

_CLOSING_LINES = 2
_MAX_NOTE_CHARS = 420
_MIN_BODY_LINES = 3
_NAME_SEPARATORS = re.compile(r"\s*(?:,|&|\band\b|\bet\b|\by\b|\bund\b)\s*", re.IGNORECASE)
_BYLINE_WORD = re.compile(r"^\W*(?:by|par|por|von|di|door)\s+", re.IGNORECASE)
_PERSON_VERB = re.compile(
    r"^\W*(?:is|was|has\s+been|covers|writes|joined|reports|est|était|a\s+rejoint|couvre|es|fue|escribe|ist|war|schreibt|è|é|foi|escreve)\b",
    re.IGNORECASE,
)
_MIN_NAME_CHARS = 5


def drop_author_note(lines: list[str], author: str | None) -> list[str]:
    names = _author_names(author)
    if not names or len(lines) <= _MIN_BODY_LINES:
        return lines
    end = len(lines)
    while end > len(lines) - _CLOSING_LINES and end > _MIN_BODY_LINES and _is_note(lines[end - 1], names):
        end -= 1
    return lines[:end]


def _author_names(author: str | None) -> list[str]:
    if not author:
        return []
    names = (" ".join(_BYLINE_WORD.sub("", part).split()) for part in _NAME_SEPARATORS.split(author))
    # A single word ("admin", "Redaktion") names no one in particular.
    return [name.lower() for name in names if len(name) >= _MIN_NAME_CHARS and " " in name]


def _is_note(line: str, names: list[str]) -> bool:
    text = line.strip()
    if len(text) > _MAX_NOTE_CHARS:
        return False
    lowered = text.lower()
    return any(lowered.startswith(name) and _PERSON_VERB.match(text[len(name):]) for name in names)
