"""Fair names in running text, found by pattern ("Salon ...", "... Fair", "...messe", "معرض ...").

Known fairs are found by the gazetteer (fair_vocab); this module finds the others, so an
unknown "Salon régional de l'artisanat de Doukkala-Abda" is still a fair.
"""
from __future__ import annotations

import re

from indexing.taxonomy import tag_crafts
from spiders.extract.fair_generic import HOLIDAYS, PLURAL_HEADS, VENUE_TAILS, generic_name
from spiders.extract.fair_cued import named_before_edition, named_before_hosting_verb, named_before_return
from spiders.extract.fair_listed import listed_names
from spiders.extract.fair_unmarked import (
    bracketed_names, explained_names, named_after_edition, named_after_hosting_verb, named_in_apposition,
)
from spiders.extract.fair_quoted import extended_by_quotes, quoted_names
from spiders.extract.fair_tokens import (
    ARABIC_HEADS, HEAD_KEYWORDS, HOLY_WORDS, TAIL_KEYWORDS, NameMention, Token, drop_nested, is_arabic_head, is_head,
    same_line, strip_proclitic, tokens_of,
)
from spiders.extract.fair_arabic_names import arabic_name
from spiders.extract.dates import calendar_words
from spiders.extract.fair_vocab import city_by_name, fold

# Lower-case words that may continue a name without a connector ("Salon national", "feria internacional").
_NAME_ADJECTIVES = frozenset({
    "international", "internationale", "internationaux", "national", "nationale", "regional", "regionale",
    "provincial", "provinciale", "departemental", "local", "africain", "africaine", "maghrebin", "arabe",
    "artisanal", "artisanale", "internacional", "nacional", "artesanal", "internazionale",
    "nazionale", "artigianale", "mondial", "mondiale", "europeen", "europeenne", "universel",
    "annuel", "annuelle", "itinerant", "itinerante", "virtuel", "virtuelle", "professionnel",
    # plural forms: "Journées nationales", "Rencontres internationales", "ferias artesanales"
    "internationales", "nationales", "nationaux", "regionales", "regionaux", "europeennes", "europeens",
    "artisanales", "artisanaux", "africaines", "mondiales", "internacionales", "nacionales", "artesanales",
})
_LEADING_ARTICLES = frozenset({"the", "la", "le", "les", "el", "il", "lo", "die", "der", "das", "l", "i"})
# "An Art Fair", "Una Feria Internacional de Artesanía": an indefinite article before a name is not part of it.
_INDEFINITE_ARTICLES = frozenset({"a", "an", "un", "une", "una", "uno", "um", "uma", "ein", "eine", "einen", "einem", "einer"})
_LOCATIVE_PROCLITICS = ("ب",)
_GERMAN_COMPOUND = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(messe|markt|ausstellung|schau|börse|tage)$|^[A-ZÄÖÜ][a-zäöüß]+markte?s$")
# "die 39. Ausgabe des Neuburger Töpfermarktes": the genitive's ending is not the name's.
_GENITIVE_MARKET = re.compile(r"(?<=markt)e?s(?=\s|$)")
# "Expoartesano", "Expohogar": one-word names; "Exposición", "Expositores", "Exportación" are common nouns.
_EXPO_COMPOUND = re.compile(r"^Expo(?!s|rt|n|r)[^\W\d_]{4,}$")
_CONNECTORS = frozenset({
    "de", "du", "des", "del", "della", "delle", "dei", "di", "der", "für", "fur", "of", "the", "and", "&", "+",
    "et", "y", "e", "und", "in", "la", "le", "l", "d", "da", "do", "dos", "das", "al", "a", "pour", "for",
    "per", "para", "von",
})
# "pour", "for", "para", "per" right before a lower-case word: a purpose ("pour découvrir"), unlike
# "Salon pour l'Habitat" or "Fair for Design".
_PURPOSES = frozenset({"pour", "for", "para", "per"})
# After a lower-case head ("la foire du tapis") only a genitive starts the rest of a name:
# "mostra la propria", "foire pour rendre" are a verb or a purpose, not a name.
_GENITIVES = frozenset({
    "de", "du", "des", "del", "della", "delle", "dei", "degli", "di", "der", "of", "d", "da", "do", "dos", "das", "von",
})
_ELISIONS = ("d'", "l'", "dell'", "dall'", "all'", "nell'", "sull'", "degl'", "qu'")
_STOP_WORDS = frozenset({
    # verbs, pronouns and prepositions that end a name in running text
    "aura", "a", "se", "s", "est", "sera", "seront", "qui", "que", "ouvre", "ouvrira", "tiendra", "tient", "au", "aux", "à", "dans", "avec", "sous", "sur", "par", "cette", "ce", "ces", "son", "sa", "ses", "leur",
    "will", "is", "was", "has", "have", "had", "which", "that", "who", "at", "on", "from", "to", "with", "by",
    "opens", "opened", "takes", "took", "held", "runs", "returns", "this", "its", "their", "as",
    "before", "after", "during", "about", "into", "over", "ahead", "since", "until", "inside", "behind",
    "si", "es", "fue", "será", "abre", "con", "en", "por", "su", "sus", "celebra", "celebrará",
    "è", "sarà", "che", "nel", "nella", "presso", "ha", "apre", "ospiterà",
    "ist", "wird", "findet", "hat", "mit", "im", "am", "auf", "bei", "vom", "zum", "zur", "ab", "bis", "öffnet",
    "dédiée", "dédié", "consacré", "consacrée", "organisé", "organisée", "prévu", "prévue", "lancé", "lancée",
    # verbs that open a headline before the fair's name: "Llega Feria Artesanal a …", "Torna Fiera del Rame"
    "llega", "vuelve", "regresa", "arranca", "inaugura", "torna", "arriva", "riapre", "presenta", "revient", "ouvre",
    "chega", "volta", "abrirá", "tendrá", "habrá", "podrá", "llegará", "volverá", "regresará", "arrancará",
    "tornerà", "arriverà", "aprirà", "terrà",
    # "une exposition de plus de 100 artisans": a count follows, not a name; "Expo Casa per la nostra": a possessive
    "plus", "moins", "more", "less", "más", "menos", "più", "meno", "mehr", "über",
    "notre", "nos", "nostra", "nostro", "nostri", "nuestra", "nuestro", "our",
})
# Capitalised at a headline's start, before a tail word ("Llegará Feria Artesanal"): compared folded.
_HEADLINE_VERBS = frozenset({
    "llega", "llegara", "vuelve", "volvera", "regresa", "regresara", "arranca", "arrancara", "abrira", "inaugura",
    "torna", "tornera", "arriva", "arrivera", "riapre", "aprira", "presenta", "revient", "ouvre", "chega", "celebra",
    "celebrara", "abre", "apre", "sera",
    # an invitation opening a headline or a sentence: "Join The Rug Show", "Découvrez le Salon …"
    "join", "visit", "discover", "explore", "attend", "meet", "celebrate", "experience", "enjoy", "shop", "register",
    "decouvrez", "visitez", "rejoignez", "retrouvez", "besuchen", "entdecken", "erleben", "visita", "descubre",
    "visite", "scopri", "vieni",
    # "Your Fair", "Unser Markt": the organiser's own word for it, no name (the stop words hold "our", "notre"…)
    "your", "my", "votre", "unser", "unsere", "unseren",
})
_MAX_TOKENS = 10
_ORDINAL = re.compile(r"^(?:[IVXLC]{2,8}|\d{1,3}(?:e|è|ème|eme|er|ère|st|nd|rd|th|ª|º|a|o|°|\.))$")
_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&+\-]{1,9}|[A-Z][a-z]+[A-Za-z0-9&+\-]{1,20})\s*\)")


# Words that head a fair's name only when written with a capital after an article: lower-case, "le marché" is
# the market of an economy.
_CAPITALISED_HEADS = frozenset({"marche", "journees", "festival", "moussem", "semana", "settimana"})
_HOLY = HOLY_WORDS | {"saint"}
_NOT_FAIR_SALONS = frozenset({"coiffure", "the", "beaute", "esthetique", "massage", "manucure", "jardin", "reception",
                              "lecture", "musique", "discussion", "passage"})
_FRENCH_ADJECTIVE = re.compile(r"(?:aires?|eres?|elles?|iens?|iennes?|iques?|oises?|aines?|ales?|aux|ives?|ieres?|uels?|uelles?)$")
_TRADE_NOUNS = frozenset({"mercado", "mercato"})
_CONTRACTED_ARTICLES = frozenset({"des", "du", "au", "aux"})
# Not a town ending a sentence ("… à Fès. Spring Fair opens"): an elided or a listed short form.
_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "intl", "natl", "int", "nat", "co"})


def find_fair_names(text: str) -> list[NameMention]:
    tokens = tokens_of(text)
    mentions: list[NameMention] = []
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        span = None
        if token.is_arabic and is_arabic_head(token.text):
            span = arabic_name(tokens, i, text)
        elif _GERMAN_COMPOUND.match(token.text) and len(token.text) > 7:
            span = _german_name(tokens, i, text)
        elif _EXPO_COMPOUND.match(token.text):
            span = (i, i)
        elif token.folded in _CAPITALISED_HEADS and token.is_capitalised and i > 0 \
                and tokens[i - 1].folded in _LEADING_ARTICLES | _CONTRACTED_ARTICLES \
                and not (i + 1 < len(tokens) and tokens[i + 1].folded in _HOLY) \
                or token.folded == "marche" and [t.folded for t in tokens[i + 1:i + 3]] == ["de", "noel"]:
            span = _extend_right(tokens, i, text)  # "le Marché de Noël", "l'édition des Journées du patrimoine"
        elif token.folded in _WEEK_WORDS and i + 1 < len(tokens) and tokens[i + 1].folded in _HOLY:
            continue  # "la Semana Santa", "Holy Week": the holiday, not a crafts week
        elif token.folded in _FEAST_WORDS and token.is_capitalised:
            span = _extend_right(tokens, i, text)  # "la Festa della ceramica": a crafts' feast is a fair
            if not tag_crafts(text[token.begin:tokens[span[1]].end], ""):
                span = None  # "la Festa della Repubblica": a holiday
        elif token.folded in HEAD_KEYWORDS or _hyphenated_head(token):
            span = _extend_right(tokens, i, text)
            if not token.is_capitalised and all(t.folded in _NAME_ADJECTIVES for t in tokens[i + 1:span[1] + 1]) \
                    and not _after_ordinal(tokens, i):
                span = None  # a bare "salon", "la foire", "el mercado nacional": a reference, not a name
            elif token.folded == "salon" and i + 2 < len(tokens) and tokens[i + 1].folded in ("de", "d") \
                    and tokens[i + 2].folded in _NOT_FAIR_SALONS:
                span = None  # "salon de coiffure", "salon de thé": a shop, not a fair
            elif token.folded in _TRADE_NOUNS and not token.is_capitalised \
                    and not any(t.is_capitalised for t in tokens[i + 1:span[1] + 1]):
                span = None  # "el mercado de la cerámica creció": the trade, not a market held somewhere
            elif token.folded in TAIL_KEYWORDS:
                span = _extend_left(tokens, span[0], span[1], text)
        elif token.folded in TAIL_KEYWORDS and token.is_capitalised:
            span = _extend_left(tokens, i, i, text)
        elif (token.folded in _LOWER_TAILS or token.folded == "festival" and token.is_capitalised) and i > 0 \
                and tokens[i - 1].is_capitalised:
            span = _named_before_lower_tail(tokens, i, text)
        if span is None:
            continue
        first, last = span
        while first < last and tokens[first].folded in _LEADING_ARTICLES:
            first += 1
        if first < last and tokens[first].folded in _INDEFINITE_ARTICLES and tokens[first].text[0].isupper():
            first += 1  # "An Art Fair", "Una Feria Internacional de Artesanía": the article is not part of the name
        if _common_noun_before_name(tokens, first, last, text):
            first += 1  # "au salon Marrakech Design Week", "la feria Bienal Ibérica": the name is what follows
        begin, end = tokens[first].begin, tokens[last].end
        name = text[begin:end]
        if tokens[first].is_arabic:
            name = strip_proclitic(tokens[first].text) + text[tokens[first].end:end]
        elif any(t.folded.endswith(("marktes", "markts")) for t in tokens[first:last + 1]):
            name = _GENITIVE_MARKET.sub("", name)
        if _is_generic(tokens[first:last + 1]) or tokens[last].folded in VENUE_TAILS:
            continue  # "the Sharjah Expo Center wishes …": the hall, not a fair
        acronym = _acronym_after(text, end)
        locative = tokens[first].is_arabic and tokens[first].text.startswith(_LOCATIVE_PROCLITICS) \
            and tokens[first].text not in ARABIC_HEADS
        mentions.append(NameMention(name, begin, end, acronym, locative))
    mentions += bracketed_names(text, tokens) + named_after_hosting_verb(text, tokens) + named_after_edition(text, tokens)
    mentions += named_in_apposition(text) + named_before_edition(text) + named_before_return(text)
    mentions += named_before_hosting_verb(text) + listed_names(text)
    mentions = [m for m in mentions if fold(m.name).strip() not in HOLIDAYS]
    return drop_nested(explained_names(extended_by_quotes(mentions, quoted_names(text, tokens), text), text))




_CONJUNCTIONS = frozenset({"e", "et", "y", "and", "und", "&"})


# "the Emirates Jewels exhibition": a name before a fair noun in lower case ("the Riverside show" is too vague);
# "the Carolina Pottery Festival" (a lower-case festival is mostly a feast: "the Hindu festival").
_LOWER_TAILS = frozenset({"fair", "exhibition", "expo"})


def _named_before_lower_tail(tokens: list[Token], i: int, text: str) -> tuple[int, int] | None:
    if is_head(tokens[i - 1]):
        return None  # "the Licensing Show exhibition": the name already ends in its fair word
    first, _ = _extend_left(tokens, i - 1, i - 1, text)
    if tokens[first].folded == "the":
        first += 1
    elif not (first > 0 and tokens[first - 1].folded == "the"):
        return None  # "Moroccan crafts fair", "Last year's show": no name announced
    words = tokens[first:i]
    if not words or all(city_by_name(w.text) or w.folded in calendar_words() for w in words):
        return None  # "the Dubai fair", "the December fair": a town's or a month's fair, described
    return first, i


def _joins_capitalised(tokens: list[Token], j: int, named: bool) -> bool:
    """ "il mercatino Arti e Mestieri": "e" between two capitalised words of a name after a lower-case head."""
    return named and tokens[j].folded in _CONJUNCTIONS and tokens[j - 1].is_capitalised \
        and j + 1 < len(tokens) and tokens[j + 1].is_word and tokens[j + 1].is_capitalised


_FEAST_WORDS = frozenset({"festa", "fete", "fiesta"})
_WEEK_WORDS = frozenset({"semana", "settimana", "semaine", "week", "woche"})


def _hyphenated_head(token: Token) -> bool:
    """ "il mercatino-fiera Arti e Mestieri", "la foire-exposition": two fair words make one head."""
    parts = token.folded.split("-")
    return len(parts) > 1 and all(part in HEAD_KEYWORDS for part in parts)


_EDITION_WORDS = frozenset({"edicion", "edition", "edizione", "edicao", "ausgabe", "session"})
_EDITION_LINKS = frozenset({"de", "la", "del", "della", "di", "du", "de", "of", "the", "l", "da", "do", "der"})


def _common_noun_before_name(tokens: list[Token], first: int, last: int, text: str) -> bool:
    if first >= last or tokens[first].is_capitalised or tokens[first].folded not in HEAD_KEYWORDS:
        return False
    rest = tokens[first + 1:last + 1]
    words = [t for t in rest if t.is_word]
    if not words or not words[0].is_capitalised or words[0] is not rest[0] or not same_line(text, tokens[first], rest[0]):
        return False
    return city_by_name(text[rest[0].begin:rest[-1].end]) is None  # "le salon Marrakech": the town's salon


def _after_ordinal(tokens: list[Token], i: int) -> bool:
    """"la XXVIII feria", "la 47e foire", "the 5th fair", "la 27 edición de la feria regional": an edition's
    number makes a lower-case head a name."""
    if _ordinal_ends_at(tokens, i - 1):
        return True
    j = i - 1
    while j > 0 and i - j <= 3 and tokens[j].folded in _EDITION_LINKS:
        j -= 1
    if j < 1 or j == i - 1 or tokens[j].folded not in _EDITION_WORDS:
        return False
    return _ordinal_ends_at(tokens, j - 1) or (tokens[j - 1].text.isdigit() and len(tokens[j - 1].text) <= 3)


_ORDINAL_SUFFIXES = frozenset({"e", "è", "ème", "eme", "er", "ère", "st", "nd", "rd", "th", "ª", "º", "a", "o", "°", "."})


def _ordinal_ends_at(tokens: list[Token], k: int) -> bool:
    """"XXVIII", or "47e" / "5th" / "27ª", which the tokens split into the number and its suffix."""
    if k < 0:
        return False
    if _ORDINAL.match(tokens[k].text):
        return True
    return k > 0 and tokens[k].text in _ORDINAL_SUFFIXES and tokens[k - 1].text.isdigit() and len(tokens[k - 1].text) <= 3 \
        and tokens[k - 1].end == tokens[k].begin


def _extend_right(tokens: list[Token], start: int, text: str) -> tuple[int, int]:
    """Words after a head keyword: capitalised words, known adjectives, and words after a connector."""
    last = start
    j = start + 1
    after_connector = purpose = False
    connectors = 0
    lower_head = not tokens[start].is_capitalised
    while j < len(tokens) and j - start < _MAX_TOKENS and same_line(text, tokens[j - 1], tokens[j]):
        token = tokens[j]
        if not token.is_word:
            if token.text in ("’", "'", "&", "+", "-"):
                j += 1
                continue
            break
        if token.is_arabic or token.text.lower() in _STOP_WORDS:  # before folding: "è" is a verb, "e" joins
            break
        if token.folded in _CONNECTORS:
            if lower_head and not after_connector and token.folded not in _GENITIVES \
                    and not _joins_capitalised(tokens, j, last > start):
                break
            connectors += 1
            if connectors > 2:
                break
            after_connector = True
            purpose = token.folded in _PURPOSES
            j += 1
            continue
        if token.folded in _STOP_WORDS:
            break
        if j + 1 < len(tokens) and tokens[j + 1].text[0].isdigit() and token.folded in ("du", "au", "le", "del", "dal"):
            break
        elided = token.folded.startswith(_ELISIONS) and "'" in token.folded[:-1]  # "d'Essaouira", "dell'Artigianato"
        # "Mostra mercato", "Foire exposition": two fair words make one head.
        compound_head = j == start + 1 and token.folded in HEAD_KEYWORDS
        # "Salon du tapis berbère", "Festival des arts populaires": an adjective after the genitive's noun
        adjective = last > start and tokens[last].folded not in _CONNECTORS and j == last + 1 \
            and _FRENCH_ADJECTIVE.search(token.folded) is not None
        acceptable = token.is_capitalised or after_connector or elided or compound_head or adjective \
            or token.folded in _NAME_ADJECTIVES
        if not acceptable or (purpose and not token.is_capitalised and not elided):
            break  # "Salon pour découvrir les tapis": a purpose, not the rest of the name
        last = j
        after_connector = purpose = False
        connectors = 0
        j += 1
    return start, last


def _extend_left(tokens: list[Token], first: int, last: int, text: str) -> tuple[int, int]:
    """Capitalised words before a tail keyword ("Las Vegas Market", "Artigiano in Fiera")."""
    i = first - 1
    start = first
    while i >= 0 and first - i < _MAX_TOKENS and same_line(text, tokens[i], tokens[i + 1]):
        token = tokens[i]
        if token.is_word and (token.is_capitalised or token.text.isupper()) and token.folded not in _STOP_WORDS \
                and token.folded not in _HEADLINE_VERBS:
            start = i
            i -= 1
            continue
        # "One of a Kind Show": "of a" / "of the" between two capitalised words
        if token.is_word and token.folded in ("a", "the") and i - 2 >= 0 and tokens[i - 1].folded == "of" \
                and tokens[i - 2].is_word and tokens[i - 2].is_capitalised and tokens[i - 2].folded not in _STOP_WORDS:
            i -= 2
            continue
        # Not across "der": German capitalises every noun ("im Rahmen der Messe", "zum Auftakt der Messe").
        if token.text in ("&", "+", "-") or (token.is_word and token.folded in ("and", "in", "de", "du", "des", "für")):
            if i - 1 >= 0 and tokens[i - 1].is_word and tokens[i - 1].is_capitalised:
                i -= 1
                continue
        # "NY Int'l. Gift Fair", "St. Louis Art Fair": an abbreviation's full stop, glued to its capitalised word.
        if token.text == "." and i - 1 >= 0 and tokens[i - 1].end == token.begin and _abbreviation(tokens[i - 1].text):
            i -= 1
            continue
        break
    return start, last


def _abbreviation(word: str) -> bool:
    return word[:1].isupper() and ("'" in word or "’" in word or word.lower() in _ABBREVIATIONS)


def _german_name(tokens: list[Token], i: int, text: str) -> tuple[int, int]:
    """'Internationale Handwerksmesse', 'Frankfurter Herbstmesse', 'Weihnachtsmesse der Kunsthandwerker'."""
    first = i
    while first - 1 >= 0 and i - first < 2 and same_line(text, tokens[first - 1], tokens[first]):
        previous = tokens[first - 1]
        if previous.is_word and previous.is_capitalised and previous.folded.endswith(("e", "en", "er", "es")) \
                and previous.folded not in _LEADING_ARTICLES and previous.folded not in ("den", "dem", "des", "eine", "einer"):
            first -= 1
        else:
            break
    last = i
    if i + 2 < len(tokens) and tokens[i + 1].folded in ("der", "des", "fur", "für") and tokens[i + 2].is_capitalised \
            and same_line(text, tokens[i], tokens[i + 2]):
        last = i + 2
    elif first == i and tokens[i].folded not in _TYPE_NOUNS:
        last = _place_after(tokens, i, text)
        if last == i and i + 2 < len(tokens) and tokens[i + 1].folded == "in" and tokens[i + 2].is_capitalised \
                and city_by_name(tokens[i + 2].text) is not None and same_line(text, tokens[i], tokens[i + 2]):
            last = i + 2  # "die Keramikmesse in Bamberg findet …": the town's fair, named by its town
    return first, last


# "Leitmesse Keramikwelt", "Fachmesse Heimtextil": a kind of fair, then its name.
_TYPE_NOUNS = frozenset({"leitmesse", "fachmesse", "publikumsmesse", "verbrauchermesse", "ordermesse", "weltleitmesse"})


def _place_after(tokens: list[Token], i: int, text: str) -> int:
    """ "Frühjahrsmesse Dresden öffnet", "Kunsthandwerkermarkt Bad Tölz findet": one or two capitalised words
    between the compound and a verb, a preposition or the clause's end name its town."""
    for size in (1, 2):
        after = i + size + 1
        words = tokens[i + 1:after]
        if len(words) < size or not all(w.is_word and w.is_capitalised and w.folded not in _STOP_WORDS for w in words):
            return i
        if not same_line(text, tokens[i], words[-1]):
            return i
        following = tokens[after].text if after < len(tokens) else ""
        # German nouns are capitalised: a lower-case word after the town is the verb or a preposition.
        if not following or following[0].islower() or following in ",.;:(":
            return i + size
    return i


def _is_generic(tokens: list[Token]) -> bool:
    words = [t.folded for t in tokens if t.is_word and t.folded not in _CONNECTORS]
    named = [t.folded for t in tokens
             if t.is_word and (t.is_capitalised or t.folded in PLURAL_HEADS) and t.folded not in _CONNECTORS]
    return generic_name(words, named)


def _acronym_after(text: str, end: int) -> str | None:
    match = _ACRONYM.match(text, end)
    return match.group(1) if match else None
