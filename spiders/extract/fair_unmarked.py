"""Fair names written without any fair word, where the sentence shows they are one: followed by their dates
in brackets ("Techtextil/Texprocess (21. bis 24. Juni 2022)"), or named right after a verb of being held
("Du 12 au 15 octobre se tiendront les Artisanales de Chartres")."""
from __future__ import annotations

import re

from spiders.extract.dates import calendar_words, find_date_spans
from spiders.extract.fair_quoted import QUOTE_MARKS
from spiders.extract.fair_tokens import NameMention, Token, is_head
from spiders.extract.fair_vocab import city_by_name
from spiders.extract.textutil import line_around

_BRACKETED_DATE = re.compile(r"\(\s*([^()\n]{4,40}?)\s*\)")
_JOINERS = frozenset({"/", "&", "+", "-", "'", "’"})
_MAX_WORDS = 5
_FAIR_NOUNS = ("messe", "fachmesse", "leitmesse", "publikumsmesse")
_ARTICLES = frozenset({"the", "la", "le", "les", "el", "il", "lo", "die", "der", "das", "l", "los", "las"})
# Capitalised words that head a bracketed date without naming a fair.
NOT_NAMES = frozenset({
    "deadline", "opening", "closing", "registration", "inscriptions", "inscription", "date", "dates", "du", "from",
    "vernissage", "update", "updated", "photo", "source", "edition", "édition", "session", "phase",
    # a time phrase before its dates: "Am Wochenende (12. und 13. Oktober)", "This weekend (12-13 October)"
    "am", "im", "ab", "vom", "bis", "seit", "wochenende", "weekend", "week-end", "this", "next", "last", "ce", "cette",
})


def bracketed_names(text: str, tokens: list[Token]) -> list[NameMention]:
    found = []
    ends = {t.end: i for i, t in enumerate(tokens)}
    for match in _BRACKETED_DATE.finditer(text):
        inside = match.group(1)
        if not any(c.isdigit() for c in inside) or not find_date_spans(inside):
            continue
        before = text[:match.start()].rstrip(" ")
        last = ends.get(len(before))
        if last is None:
            continue
        first = _name_start(tokens, last, text)
        town = _CITY_THEN_DATE.match(inside) if first is None else None
        if town is not None and city_by_name(town.group(1)):
            first = _sentence_case_start(tokens, last, text)  # "si può visitare Abitare il tempo (Verona, 21-25 settembre)"
        if first is None or _byline(text, tokens[first].begin, match.end()):
            continue
        found += _co_located(text, tokens[first].begin, tokens[last].end)
    return found


_CITY_THEN_DATE = re.compile(r"([A-ZÀ-Ý][\w'’\- ]{1,30}?)\s*,\s*\d")
_MAX_SENTENCE_CASE_WORDS = 4


def _sentence_case_start(tokens: list[Token], last: int, text: str) -> int | None:
    """A name written in sentence case before "(Town, dates)": a capitalised word, then a few lower-case ones."""
    for first in range(last - 1, max(-1, last - _MAX_SENTENCE_CASE_WORDS), -1):
        token = tokens[first]
        if not token.is_word or "\n" in text[token.end:tokens[first + 1].begin]:
            return None
        if token.is_capitalised:
            before = tokens[first - 1] if first > 0 else None
            starts_sentence = before is None or not before.is_word
            return None if starts_sentence or token.folded in NOT_NAMES else first
    return None


def _co_located(text: str, begin: int, end: int) -> list[NameMention]:
    """"Techtextil/Texprocess (21. bis 24. Juni 2022)": two fairs held together, one name each."""
    parts = [(m.start() + begin, m.end() + begin) for m in re.finditer(r"[^/]+", text[begin:end])]
    if len(parts) == 2 and all(text[a].isupper() and b - a >= 3 and " " not in text[a:b] for a, b in parts):
        return [NameMention(text[a:b], a, b) for a, b in parts]
    return [NameMention(text[begin:end], begin, end)]


def _byline(text: str, begin: int, end: int) -> bool:
    """"Au Fait Maroc (June 4, 2013) — The 4th edition…" opening its line, alone or before a dash: a publisher
    and its date, not a fair."""
    line_start, line_end = line_around(text, begin, end)
    rest = text[end:line_end]
    return not text[line_start:begin].strip() and (not rest.strip(" .,:;-–—") or rest.lstrip().startswith(("—", "–", "-")))


def _name_start(tokens: list[Token], last: int, text: str) -> int | None:
    """Capitalised words (joined by "/", "&", "+", "-") ending at `last`, on one line; None when they are not a name."""
    first = None
    words = 0
    i = last
    while i >= 0 and words < _MAX_WORDS:
        token = tokens[i]
        if token.is_word and not token.is_arabic and (token.is_capitalised or token.text[0].isdigit()):
            first, words = i, words + 1
        elif token.text in _JOINERS and first == i + 1 and i > 0 and tokens[i - 1].is_word:
            pass
        else:
            break
        if i > 0 and "\n" in text[tokens[i - 1].end:token.begin]:
            break
        i -= 1
    # "Messeduo Techtextil/Texprocess", "Fachmesse Nordstil": a German noun for the fair, then its name.
    while first is not None and first < last and (tokens[first].folded.startswith(_FAIR_NOUNS)
                                                  or tokens[first].folded in _ARTICLES):
        first += 1  # "The Leeds Basket Fair (3-6 May)", "Die Kasseler Keramikmesse (3. bis 6. Mai)": no article
    if first is None or not tokens[first].is_word or tokens[first].text[0].isdigit():
        return None
    if any(t.folded in NOT_NAMES for t in tokens[first:last + 1] if t.is_word):
        return None
    if all(t.folded in calendar_words() for t in tokens[first:last + 1] if t.is_word):
        return None  # "opened on Tuesday (28 May)": a day, not a fair
    return first


# "se tiendront les …", "se celebrará la …", "si svolgerà il …": the verb of being held, then its subject.
_HOSTING_VERB = re.compile(
    r"\b(?:se\s+tiendr(?:a|ont)|se\s+tient|se\s+tiennent|se\s+d[ée]roul(?:era|eront|e|ent)|aura\s+lieu|auront\s+lieu"
    r"|se\s+celebrar(?:á|a|án|an)|se\s+celebra|tendr(?:á|a)\s+lugar|se\s+realizar(?:á|a)"
    r"|si\s+terr(?:à|a)|si\s+svolger(?:à|a)|avr(?:à|a)\s+luogo)\s+"
    r"(?:les|le|la|l['’]|los|las|el|il|lo|la|i|gli|le)\s*(?=[A-Z])",
    re.IGNORECASE,
)
_ROMAN_NUMERAL = re.compile(r"[IVXLC]{1,7}")
_NAME_CONNECTORS = frozenset({"de", "du", "des", "d", "del", "della", "di", "et", "y", "e", "la", "le", "l"})


def named_after_hosting_verb(text: str, tokens: list[Token]) -> list[NameMention]:
    found = []
    starts = {t.begin: i for i, t in enumerate(tokens)}
    for match in _HOSTING_VERB.finditer(text):
        first = starts.get(match.end())
        if first is None or not tokens[first].is_capitalised or _ROMAN_NUMERAL.fullmatch(tokens[first].text):
            continue  # "tendrá lugar la XXV edición de …": the edition's number, its fair named after it
        last, i, words = first, first + 1, 1
        while i < len(tokens) and words < _MAX_WORDS and "\n" not in text[tokens[i - 1].end:tokens[i].begin]:
            token = tokens[i]
            if token.is_word and token.is_capitalised:
                last, words = i, words + 1
            elif token.is_word and i + 2 < len(tokens) and tokens[i + 1].folded in _NAME_CONNECTORS \
                    and tokens[i + 2].is_capitalised:
                pass  # "Rencontres potières de Safi": an adjective, when a genitive name follows
            elif not (token.is_word and token.folded in _NAME_CONNECTORS or token.text in _JOINERS):
                break
            i += 1
        if tokens[first].folded not in NOT_NAMES:
            found += _co_located(text, tokens[first].begin, tokens[last].end)
    return found


# "The 4th edition of the national handicrafts and artisanal exposition": the edition names its fair in lower case.
_EDITION_OF = re.compile(
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+edition\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_ENGLISH_TAILS = frozenset({"exposition", "exhibition", "fair", "show", "expo", "market", "festival", "week", "salon"})


# "a 35ª edição da FIA Lisboa realiza-se", "la 12e édition de Artexa": the edition names a fair with no fair word.
_EDITION_OF_NAME = re.compile(
    r"\b\d{1,3}\s?(?:ª|º|°|a|o|e|è|ème|eme)?\s+(?:edição|edicao|edición|edicion|edizione|édition|edition)\s+"
    r"(?:da|do|de|del|della|dello|di|du|dell['’]|d['’])\s*(?=[A-Z])"
    # "the 22nd edition of Dubai Customs Carpet & Art Oasis starts on 29th December"
    r"|\b\d{1,3}(?:st|nd|rd|th)\s+edition\s+of\s+(?=[A-Z])"
)
_MAX_EDITION_NAME_WORDS = 6
_NAME_JOINERS = frozenset({"&", "and", "+"})


def _named_by_edition_number(text: str, tokens: list[Token], starts: dict[int, int]) -> list[NameMention]:
    found = []
    for match in _EDITION_OF_NAME.finditer(text):
        first = starts.get(match.end())
        if first is None or is_head(tokens[first]):
            continue  # "la 12e édition du Salon …": the fair word finds it
        last = first
        while last + 1 < len(tokens) and last + 1 - first < _MAX_EDITION_NAME_WORDS \
                and "\n" not in text[tokens[last].end:tokens[last + 1].begin]:
            step = 2 if tokens[last + 1].text in _NAME_JOINERS and last + 2 < len(tokens) else 1
            if not (tokens[last + step].is_word and tokens[last + step].is_capitalised):
                break
            last += step
        name = text[tokens[first].begin:tokens[last].end]
        english = text[match.start():match.end()].rstrip().endswith(" of")
        # An English ordinal edition names its fair plainly; elsewhere a name in capitals is asked for.
        if last > first and city_by_name(name) is None and (english and tokens[first].folded != "the"
                                                            or any(t.text.isupper() for t in tokens[first:last + 1])):
            found.append(NameMention(name, tokens[first].begin, tokens[last].end, numbered=True))
    return found


def named_after_edition(text: str, tokens: list[Token]) -> list[NameMention]:
    starts = {t.begin: i for i, t in enumerate(tokens)}
    found = _named_by_edition_number(text, tokens, starts)
    for match in _EDITION_OF.finditer(text):
        first = starts.get(match.end())
        if first is None:
            continue
        for last in range(first, min(first + 7, len(tokens))):
            token = tokens[last]
            if not (token.is_word and not token.is_arabic):
                break
            if token.folded in _ENGLISH_TAILS:
                if last > first:
                    found.append(NameMention(text[tokens[first].begin:token.end], tokens[first].begin, token.end,
                                             numbered=True))
                break
    return found


# "the region's largest interior design exhibition, Index, in November": the name in apposition to a fair noun.
_APPOSED = re.compile(
    r"\b(?:exhibition|fair|trade show|show|expo|salon|foire|messe|feria|fiera)\s*,\s+"
    r"((?:[A-Z][\w&+'’\-]*\s+){0,3}[A-Z][\w&+'’\-]*)\s*(?=[,(])"
)


def named_in_apposition(text: str) -> list[NameMention]:
    found = []
    for match in _APPOSED.finditer(text):
        if text[match.start()].isupper():
            continue  # "Fair, Index, …": a list of names, not a fair noun described
        found.append(NameMention(match.group(1), match.start(1), match.end(1)))
    return found


# "HOMI, il salone degli stili di vita, si svolgerà …": a lower-case fair phrase set beside the name it explains.
_NAME_BEFORE_EXPLANATION = re.compile(
    r"(?<![\w&+'’\-])((?:[A-Z][\w&+'’\-]*\s+){0,3}[A-Z][\w&+'’\-]*)\s*,\s+"
    r"(?:the|a|an|le|la|l['’]|un|une|il|lo|una|el|der|die|das|eine?|o|um|uma)?\s*$"
)
# Capitalised words that open a sentence before a comma without naming anything.
SENTENCE_OPENERS = frozenset({
    "demain", "aujourd'hui", "ensuite", "enfin", "puis", "ainsi", "depuis", "cette", "cet", "ce", "alors", "là", "ici",
    "today", "tomorrow", "meanwhile", "however", "also", "then", "finally", "now", "here", "there", "this", "yesterday",
    "hoy", "mañana", "además", "ayer", "así", "oggi", "domani", "inoltre", "ieri", "così", "heute", "morgen",
    "außerdem", "gestern", "dann", "hier", "next", "last", "first", "again", "still", "yes", "no",
})
_EXPLANATION_LOOKBEHIND = 60


def explained_names(mentions: list[NameMention], text: str) -> list[NameMention]:
    """Each lower-case fair phrase in apposition to a name gives way to that name."""
    named = []
    for mention in mentions:
        if not mention.name[:1].islower() or any(q in mention.name for q in QUOTE_MARKS):
            named.append(mention)  # 'le salon "Fait Main"': the quotes hold its own name
            continue
        window = max(0, mention.begin - _EXPLANATION_LOOKBEHIND)
        before = _NAME_BEFORE_EXPLANATION.search(text[window:mention.begin])
        # The apposition closes with a comma, or with the sentence ("…, il salone internazionale del gioiello.").
        closed = re.match(r"\s*(?:,|\.(?:\s|$)|$)", text[mention.end:])
        name = before.group(1) if before else ""
        if not before or not closed or name.split()[0].lower() in SENTENCE_OPENERS or city_by_name(name) is not None:
            named.append(mention)
            continue
        begin = window + before.start(1)
        named.append(NameMention(name, begin, begin + len(name)))
    return named
