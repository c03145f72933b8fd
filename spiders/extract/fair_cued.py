"""Names written without a fair word, known by the cue after them and the dates in the same sentence: "The
Craftopia summer edition was held … on August 11-14", "Made on Salt Spring Debuts at … on March 23, 24, 25",
"Fitur 2023 se celebrará del 18 al 22 de enero"."""
from __future__ import annotations

import re
from collections.abc import Callable

from spiders.extract.dates import find_date_spans
from spiders.extract.fair_tokens import HOLY_WORDS, NameMention
from spiders.extract.fair_unmarked import SENTENCE_OPENERS
from spiders.extract.fair_vocab import city_by_name

_NAME = r"(?<![\w&+'’\-])((?:[A-Z][\w&+'’\-]*\s+){0,3}[A-Z][\w&+'’\-]*)"
_BEFORE_EDITION = re.compile(_NAME + r"\s+(?:(?:summer|winter|spring|autumn|fall|\d{4})\s+)?(?i:edition)\b")
_RETURNS_TO = re.compile(
    r"(?<![\w&+'’\-])((?:[A-Z][\w&+'’\-]*\s+(?:(?:on|of|in|and|by|for|the|de|du)\s+)?){0,4}[A-Z][\w&+'’\-]*)\s+"
    r"(?:[Dd]ebuts|[Rr]eturns|[Cc]omes\s+back)\s+(?:at|to|in)\b"
)
# "Fatto a Mano torna a Bologna dal 3 al 5 ottobre", "Artexa revient à Lyon du …", "Expoartesanías vuelve a …"
_RETURNS_TO_ROMANCE = re.compile(
    r"(?<![\w&+'’\-])(?<![Ll]e )(?<![Ll]a )(?<![Ll]es )(?<![Ee]l )(?<![Ll]os )(?<![Ll]as )(?<![Ii]l )(?<![Ll]o )(?<![Ll]')((?:[A-Z][\w&+'’\-]*\s+(?:(?:a|di|de|del|du|des|et|e|y)\s+)?){0,3}[A-Z][\w&+'’\-]*)[»”\"]?\s+"
    r"(?:torna|revient|vuelve|regresa|volta)\s+(?:a|à|au|en|in|ad|al|alla|nel|nella)\b"
)
# "Artesanía de Galicia, que se celebra entre el 5 y el 8 de diciembre": genitive links, a relative clause.
_LINKED_NAME = r"(?<![\w&+'’\-])((?:[A-Z][\w&+'’\-]*\s+(?:(?:de|del|di|du|des|of)\s+)?){0,3}[A-Z][\w&+'’\-]*)"
_BEFORE_HOSTING_VERB = re.compile(
    _LINKED_NAME + r"(?:\s+(?:19|20)\d\d)?(?:\s*,\s*(?:que|qui|che))?\s+"
    r"(?:se\s+celebrar[áa]|se\s+celebra|tendr[áa]\s+lugar|se\s+tiendra|se\s+tient|aura\s+lieu|se\s+d[ée]roulera"
    r"|will\s+(?:now\s+|finally\s+|also\s+|again\s+)?(?:take\s+place|be\s+held)|takes\s+place|is\s+held|si\s+terr[àa]|si\s+svolger[àa]|avr[àa]\s+luogo"
    r"|find(?:et|en)(?=(?:[^.\n]|(?<=\d)\.){0,160}\bstatt\b))\b"
)
_NOT_NAMES = frozenset({"the", "this", "that", "next", "last", "first", "new", "special", "limited", "latest",
                        "previous", "upcoming", "digital", "online", "physical", "print"})
_ARTICLES = frozenset({"le", "la", "les", "l'", "el", "los", "las", "il", "lo", "der", "die", "das"})
_SEASONS = frozenset({"summer", "winter", "spring", "autumn", "fall"})
_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "it", "this", "that", "which", "he", "she", "they", "we", "lo", "la",
                       "el", "ella", "esta", "este", "esto", "questa", "questo", "cette", "ce", "celle", "celui", "on",
                       "sie", "er", "es", "diese", "dieser", "dieses", "man", "event", "fair", "show", "salon",
                       "feria", "fiera", "exhibition", "expo", "edition", "édition", "messe", "ausstellung",
                       "veranstaltung", "markt"})
# German capitalises every noun: "Die Eröffnung findet am Freitag statt" names a part of the fair, not one.
_ABSTRACT_NOUN = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|nis)$")
_SENTENCE_CHARS = 200
_PLACE_BEFORE = re.compile(r"(?<![^\W\d_])(?:at|in|à|au|en|a|im|nel|nella|alla|al|am|beim|(?:auf|in|vor|an)\s+(?:dem|der|den))\s+$",
                           re.IGNORECASE)
# Not the full stop of a German ordinal day ("vom 11. bis 13. Januar").
_SENTENCE_END = re.compile(r"(?<!\d)[.!?]\s|\n")


def named_before_edition(text: str) -> list[NameMention]:
    def words_of(words: list[str]) -> list[str]:
        words = _without_leading(words, _NOT_NAMES)
        while words and words[-1].lower() in _SEASONS:
            words = words[:-1]  # "NY NOW Fall Edition": the season is the edition's
        return [] if words and words[-1].lower() in _NOT_NAMES else words
    return _dated_names(_BEFORE_EDITION, text, words_of)


def named_before_return(text: str) -> list[NameMention]:
    def words_of(words: list[str]) -> list[str]:
        if words and words[0].lower() in _ARTICLES:
            return []  # "Le Président revient à Rabat": after an article, a common noun
        return _a_name(_without_leading(words, _NOT_NAMES | SENTENCE_OPENERS), _PRONOUNS)
    return _dated_names(_RETURNS_TO, text, lambda words: _without_leading(words, _NOT_NAMES)) \
        + _dated_names(_RETURNS_TO_ROMANCE, text, words_of, ranged=True)


def named_before_hosting_verb(text: str) -> list[NameMention]:
    def words_of(words: list[str]) -> list[str]:
        words = _a_name(_without_leading(words, _NOT_NAMES | SENTENCE_OPENERS | _ARTICLES), _PRONOUNS | HOLY_WORDS)
        return [] if len(words) == 1 and _ABSTRACT_NOUN.search(words[0]) else words
    return _dated_names(_BEFORE_HOSTING_VERB, text, words_of)


def _a_name(words: list[str], refused: frozenset[str]) -> list[str]:
    """The words, unless one of them is refused (a pronoun: "Il se tiendra …") or all of them name a town."""
    if any(w.lower() in refused for w in words) or (words and city_by_name(" ".join(words)) is not None):
        return []
    return words


def _without_leading(words: list[str], skipped: frozenset[str]) -> list[str]:
    while words and words[0].lower() in skipped:
        words = words[1:]
    return words


def _dated_names(pattern: re.Pattern[str], text: str, words_of: Callable[[list[str]], list[str]],
                 ranged: bool = False) -> list[NameMention]:
    """`ranged`: the sentence must give a range of days, as a fair runs over several."""
    found = []
    for match in pattern.finditer(text):
        words = words_of(match.group(1).split())
        if not words or _PLACE_BEFORE.search(text, max(0, match.start(1) - 12), match.start(1)) \
                and "," not in text[match.end(1):match.end()]:
            continue  # "the Craft Fair at Hatfield House will be held": where, not what ("en X, que se celebra": what)
        rest = text[match.end():match.end() + _SENTENCE_CHARS]
        sentence = _SENTENCE_END.split(rest, maxsplit=1)[0]
        spans = find_date_spans(sentence) if any(c.isdigit() for c in sentence) else []
        if not spans or ranged and all(span.end is None for span in spans):
            continue  # dated in the same sentence, as a fair is
        name = " ".join(words)
        begin = match.start(1) + match.group(1).index(words[0])
        found.append(NameMention(name, begin, begin + len(name)))
    return found
