"""Stored descriptions and shown snippets without page chrome: breadcrumb trails, menus, a repeated title.

Extractors take a description from the page text, where the trail ("Accueil › Salons › Ambiente")
and the heading sit right before it; the title is shown on its own, so neither belongs in the text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from indexing.textnorm import fold

# Separators of breadcrumb trails and menus, written between spaces. "/", "-", "·" and "•" are left
# out: prose and product specifications use them between items ("Paris / Lyon", "• Laine • 2 m").
_SEPARATOR = re.compile(r"\s+(›|»|>|→|\|)\s+")
# Separators a trail needs: one of the arrows between two short items is already a trail; a ">"
# can be prose, and a "|" list of one or two short items a title ("Tapis | Maison").
_MIN_SEPARATORS = {"›": 1, "»": 1, "→": 1, ">": 2, "|": 3}
_MAX_CRUMB_WORDS = 5
_MAX_CRUMB_CHARS = 48
_MAX_LAST_CRUMB_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?]\s+")
_WORD_CHARS = re.compile(r"\w", re.UNICODE)
_ELLIPSIS = "…"


def clean_description(text: str | None, title: str | None = None) -> str | None:
    """The text without breadcrumb trails or menus, and without the title repeated at its start."""
    if not text:
        return text
    cleaned = _drop_trails(text, title)
    cleaned = _drop_leading_title(cleaned, title)
    return cleaned or None


def cut_words(text: str, limit: int) -> str:
    """Cut at a word boundary before `limit` characters, adding an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if _WORD_CHARS.match(text[limit]) and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # the limit falls inside a word: drop the part shown
    return cut.rstrip(",;:-–— ") + _ELLIPSIS


def word_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The span [start, end) shrunk so that it neither begins nor ends inside a word."""
    if 0 < start < len(text) and _WORD_CHARS.match(text[start - 1]) and _WORD_CHARS.match(text[start]):
        space = text.find(" ", start, end)
        if space != -1:
            start = space + 1
    if 0 < end < len(text) and _WORD_CHARS.match(text[end - 1]) and _WORD_CHARS.match(text[end]):
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    return start, end


def _drop_trails(text: str, title: str | None) -> str:
    pieces = _SEPARATOR.split(text)
    if len(pieces) < 3:
        return text
    texts, separators = pieces[0::2], pieces[1::2]
    out: list[str] = []
    current, index = texts[0], 0
    while index < len(separators):
        kind = separators[index]
        last = index + 1  # texts[last] follows the trail's last separator
        while last < len(separators) and separators[last] == kind and _is_crumb(texts[last]):
            last += 1
        before, head = _split_head(current)
        if head is not None and last - index >= _MIN_SEPARATORS.get(kind, 2):
            out.append(before)
            current, index = _after_last_crumb(texts[last], title), last
        else:
            out += [current, kind]
            current, index = texts[index + 1], index + 1
    out.append(current)
    return " ".join(p for p in out if p).strip()


def _is_crumb(piece: str) -> bool:
    # "Matière : laine": a labelled value of a specification list, not a link of a trail or a menu.
    return 0 < len(piece) <= _MAX_CRUMB_CHARS and len(piece.split()) <= _MAX_CRUMB_WORDS and ":" not in piece


def _split_head(piece: str) -> tuple[str, str | None]:
    """(text before the first crumb, first crumb): the crumb starts the text or a new sentence."""
    ends = list(_SENTENCE_END.finditer(piece))
    before, head = (piece[: ends[-1].end()].strip(), piece[ends[-1].end():]) if ends else ("", piece)
    return (before, head) if _is_crumb(head.strip()) else (piece, None)


def _after_last_crumb(piece: str, title: str | None) -> str:
    """The last crumb names the page itself (its title) or is a word or three; the text proper follows."""
    end = _title_end(piece, title)
    if end is not None:
        return piece[end:].lstrip(_SET_OFF).strip()
    return "" if len(piece.split()) <= _MAX_LAST_CRUMB_WORDS and ":" not in piece else piece


def _drop_leading_title(text: str, title: str | None) -> str:
    """Drop the title at the start when it stands as a heading: repeated, set off by a dash or a
    colon, or followed by a new sentence; "Ambiente is the fair..." keeps its subject."""
    end = _title_end(text, title)
    if end is None:
        return text
    rest = text[end:].lstrip(_SET_OFF).strip()
    if not rest:
        return text
    repeated = _title_end(rest, title)
    if repeated is not None:
        return rest[repeated:].lstrip(_SET_OFF).strip() or rest
    set_off = any(mark in text[end:len(text) - len(rest)] for mark in "-–—:|")
    return rest if set_off or rest[:1].isupper() else text


_SET_OFF = " \t\n-–—:|,."


def _title_end(text: str, title: str | None) -> int | None:
    """Where `title` ends when the text starts with it (accents, case and punctuation aside)."""
    if not title or len(title) < 3:
        return None
    wanted = _letters(title)
    if not wanted:
        return None
    consumed = ""
    for position, char in enumerate(text):
        consumed += _CHAR_LETTERS[char]
        if len(consumed) >= len(wanted):
            if consumed != wanted or (position + 1 < len(text) and _WORD_CHARS.match(text[position + 1])):
                return None
            return position + 1
        if not wanted.startswith(consumed):
            return None
    return None


@lru_cache(maxsize=64)
def _letters(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalnum())


class _CharLetters(dict[str, str]):
    """character -> _letters(character): the title is matched a character at a time."""

    def __missing__(self, char: str) -> str:
        value = _letters(char)
        if len(self) < 100_000:
            self[char] = value
        return value


_CHAR_LETTERS = _CharLetters()
