"""The words fair names are made of: tokens with their folded form, and the head words that open or close a name."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spiders.extract.datefold import fold_same_length
from spiders.extract.textutil import without_overlaps

_TOKEN = re.compile(r"[^\W\d_](?:[\w&+’'\-.]*[\w&+])?|\d+(?:[.,]\d+)*|\S", re.UNICODE)
# Keywords that open a name and take the words after them ("Salon international de ...").
HEAD_KEYWORDS = frozenset({
    "salon", "foire", "feria", "fiera", "salone", "semaine", "exposition", "mostra", "expo",
    "biennale", "mercado", "mercato", "exposicion", "esposizione", "muestra", "rassegna", "exposicao",
    "mercatino", "mercatini", "mercadillo", "feira", "mostra-mercato",
})
# Keywords that close a name and take the capitalised words before them ("Spring Fair").
TAIL_KEYWORDS = frozenset({
    "fair", "fayre", "show", "market", "exhibition", "expo", "messe", "fiera", "feria", "markt", "mugė", "biennale",
    "salone",
})
# "la Semana Santa de Sevilla se celebra …": Holy Week, no fair
HOLY_WORDS = frozenset({"santa", "santo", "sainte"})
ARABIC_HEADS = frozenset({"أيام", "الأيام", "معرض", "المعرض", "صالون", "الصالون", "الأسبوع", "أسبوع", "الاسبوع", "اسبوع", "ملتقى", "الملتقى", "سوق", "مهرجان", "المهرجان", "معارض", "المعارض"})


@dataclass(frozen=True)
class NameMention:
    name: str
    begin: int
    end: int
    acronym: str | None = None
    locative: bool = False
    """"بمعرض ..." ("at the ... fair"): a place where something happens, unless the fair is named elsewhere."""
    numbered: bool = False
    """Named by its edition ("the 5th edition of the regional pottery exhibition"): a name, however generic."""


@dataclass(frozen=True)
class Token:
    text: str
    folded: str
    begin: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_arabic(self) -> bool:
        return "\u0600" <= self.text[0] <= "\u06ff"


def tokens_of(text: str) -> list[Token]:
    folded = fold_same_length(text)
    return [Token(m.group(0), folded[m.start():m.end()], m.start(), m.end()) for m in _TOKEN.finditer(text)]


def is_arabic_head(word: str) -> bool:
    if word in ARABIC_HEADS:
        return True
    # Proclitics: "للأسبوع" = لـ + الأسبوع, "والمعرض", "بمعرض".
    if word.startswith("لل") and "ال" + word[2:] in ARABIC_HEADS:
        return True
    for prefix in ("وال", "بال", "فال", "و", "ب", "ف", "ل"):
        rest = word[len(prefix):]
        if word.startswith(prefix) and (rest in ARABIC_HEADS or (("ال" + rest) in ARABIC_HEADS and prefix.endswith("ال"))):
            return True
    return False


def strip_proclitic(word: str) -> str:
    if word in ARABIC_HEADS:
        return word
    if word.startswith("لل"):
        return "ال" + word[2:]
    for prefix in ("وال", "بال", "فال"):
        if word.startswith(prefix):
            return word[len(prefix) - 2:]
    return word[1:] if word[1:] in ARABIC_HEADS else word


def is_head(token: Token) -> bool:
    if token.is_arabic:
        # "معرضا" (accusative, "an exhibition") is a head too when a name follows in quotes.
        return is_arabic_head(token.text) or (token.text.endswith("ا") and is_arabic_head(token.text[:-1]))
    return token.folded in HEAD_KEYWORDS or token.folded in TAIL_KEYWORDS


def same_line(text: str, left: Token, right: Token) -> bool:
    return "\n" not in text[left.end:right.begin]


def drop_nested(mentions: list[NameMention]) -> list[NameMention]:
    """Mentions left to right, a mention inside (or overlapping) a longer one before it left out."""
    return without_overlaps(mentions, lambda mention: (mention.begin, mention.end))
