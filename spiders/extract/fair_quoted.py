"""Fair names set in quotes: after their head word, opening with it, or after a naming word."""
from __future__ import annotations

import re

from spiders.extract.fair_tokens import NameMention, Token, is_head, strip_proclitic

def extended_by_quotes(mentions: list[NameMention], quoted: list[NameMention], text: str) -> list[NameMention]:
    """"III Feria" found by pattern, then "Feria ‘Productos de la Tierra’" in quotes: one name, from the ordinal."""
    merged = []
    for mention in mentions:
        longer = next((q for q in quoted if mention.begin < q.begin < mention.end < q.end), None)
        if longer is not None:
            quoted.remove(longer)
            mention = NameMention(text[mention.begin:longer.end], mention.begin, longer.end, mention.acronym)
        merged.append(mention)
    return merged + quoted


_OPEN_QUOTES = "«“\"‘„‹"
_CLOSE_QUOTES = "»”\"’“›"
QUOTE_MARKS = "«»“”\"„"
"""The double quotes a name is set in (single ones are apostrophes too)."""
_QUOTED = re.compile(r"[«“\"‘„‹]\s*([^«»“”\"‘’„‹›\n]{2,80}?)\s*[»”\"’“›]")
_MAX_QUOTED_WORDS = 8
_NAMING_CUE = re.compile(
    r"(?:\b(?:baptis|intitul|denomm|dénomm|appel|nomm|denominad|llamad|bautizad|chiamat|denominat|intitolat)\w*"
    r"|\b(?:named|called|titled|dubbed|genannt|namens)|\bsous\s+le\s+nom(?:\s+de)?|\bunder\s+the\s+name"
    r"|(?<![^\W\d_])(?:اسم|باسم|إسم|تسمية))\s*$",
    re.IGNORECASE,
)
_NAMING_REACH = 100
_SPACE = re.compile(r"[ \t]+")
_APPOSED_ARTICLE = re.compile(r"\s*,\s*(?:(?:the|a|an|la|le|il|el|lo|una|un|une|die|der|das|eine|ein)\s+|l['’]\s*)?", re.IGNORECASE)
# Last words that make a quoted, capitalised phrase a fair's name, beside the fair words themselves.
_QUOTED_TAILS = frozenset({"week", "days", "festival", "fest", "woche", "tage", "semana", "settimana", "giornate"})


def quoted_names(text: str, tokens: list[Token]) -> list[NameMention]:
    """A name set in quotes after its head word ("la III Feria ‘Productos de la Tierra’", "مهرجان “حرفة”"), or a
    quoted name that opens with one ("“مهرجان حرفة”"): the quotes mark where the name ends, whatever its case."""
    found: list[NameMention] = []
    starts = {t.begin: i for i, t in enumerate(tokens)}
    for match in _QUOTED.finditer(text):
        inner = match.group(1)
        if len(inner.split()) > _MAX_QUOTED_WORDS or not any(c.isalpha() for c in inner):
            continue
        first = starts.get(match.start(1))
        if first is not None and is_head(tokens[first]):
            if len(inner.split()) > 1:
                found.append(NameMention(strip_proclitic(tokens[first].text) + inner[len(tokens[first].text):]
                                         if tokens[first].is_arabic else inner, match.start(1), match.end(1)))
            continue
        inner_tokens = [t for t in tokens if match.start(1) <= t.begin and t.end <= match.end(1) and t.is_word]
        if len(inner_tokens) > 1 and inner_tokens[0].is_capitalised and \
                (is_head(inner_tokens[-1]) or inner_tokens[-1].folded in _QUOTED_TAILS):
            found.append(NameMention(inner, match.start(1), match.end(1)))  # "the ‘Moroccan Handicraft Week’"
            continue
        if _NAMING_CUE.search(text[max(0, match.start() - 24):match.start()]) and \
                any(is_head(t) for t in tokens if match.start() - _NAMING_REACH <= t.begin < match.start()):
            # "un salon baptisé « Terre et Feu »", "معرضا اختارت له اسم «دار المعلمة»": the quotes hold the name.
            found.append(NameMention(inner, match.start(1), match.end(1)))
            continue
        following = _APPOSED_ARTICLE.match(text, match.end()) or _SPACE.match(text, match.end())
        after = starts.get(following.end()) if following else None
        if after is not None and is_head(tokens[after]) and inner[:1].isupper() and len(inner.split()) > 1:
            # "“Made in Italy”, la mostra mercato …", "the “Emirates Jewels” exhibition": a quoted name, then its kind
            found.append(NameMention(inner, match.start(1), match.end(1)))
            continue
        head = _head_just_before(tokens, match.start())
        if head is not None:
            begin = tokens[head].begin
            found.append(NameMention(text[begin:match.end()], begin, match.end()))
    return found


def _head_just_before(tokens: list[Token], position: int) -> int | None:
    """The head word right before `position`, after at most an ordinal ("Feria", "معرض", "Salon")."""
    before = [i for i, t in enumerate(tokens) if t.end <= position][-1:]
    if not before:
        return None
    i = before[0]
    while i >= 0 and tokens[i].text in _OPEN_QUOTES:
        i -= 1
    return i if i >= 0 and is_head(tokens[i]) and tokens[i].end <= position else None
