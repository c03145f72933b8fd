"""Where a fair takes place: venue, city and country near its mention in the text."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spiders.extract.fair_tokens import HEAD_KEYWORDS
from spiders.extract.fair_vocab import City, Mention, Venue, city_by_name, find_cities, find_venues, fold
from spiders.extract.textutil import line_around
from spiders.extract.world_places import find_arabic_towns, find_world_towns

# Venue words that make a venue only with a proper name after them ("espace Souissi", "centre culturel Pierre-Loti").
_NAMED_HEAD_WORDS = (
    "espace", "palais", "palazzo", "palacio", "fortezza", "complexe", "complejo", "pabellon", "padiglione",
    "pavillon", "piazza", "avenida", "boulevard", "bd", "place", "paseo",
    "centre culturel", "centro cultural", "centro culturale", "salle des fetes", "centre", "centro", "salle", "halle",
    "chateau", "castello", "castillo", "abbaye", "teatro", "theatre", "schloss", "parque", "parc", "parco",
)
# Venue words that name a venue only where a fair is held at it ("we could see the New World Trade Center").
_CUED_HEAD_WORDS = r"(?:exposition|trade|events?|civic|community) (?:center|centre)|fairgrounds?|showgrounds?|warehouse"
# Venues not in the gazetteer, written out: "Parc des expositions du Kram", "Pier 36", "فضاء OLM السويسي".
_VENUE_PATTERN = re.compile(
    r"((?<![^\W\d_])(?:parc des expositions|parc des expos|palais des congres|palais des expositions|palais de la culture"
    r"|centre des expositions|centro de convenciones|centro de exposiciones|palacio de (?:ferias|congresos)"
    r"|recinto ferial|polo fieristico|quartiere fieristico|centro fieristico|messegelande|messezentrum"
    r"|convention (?:center|centre)|exhibition (?:center|centre)"
    r"|congress (?:center|centre)|expo (?:center|centre)|esplanade|pier \d+|museum|musee|museo"
    r"|" + _CUED_HEAD_WORDS +
    r"|plaza(?=\s+(?:de|del|mayor)\b)|messengelande|messegelaende"
    r"|" + "|".join(sorted(_NAMED_HEAD_WORDS, key=len, reverse=True)) + r"|(?:hall|village|arena|dar)(?![^\W\d_])"
    # German venues are compounds: "Stadthalle", "Kongresszentrum", "Kulturforum"
    r"|(?<![^\W\d_])[a-z]{3,}(?:halle|zentrum|forum|platz)(?![^\W\d_])|platz(?![^\W\d_]))"
    # "مقررا" (scheduled) is no "مقر" (seat)
    r"|(?:ال)?(?:فضاء|قصر|ساحة|مركز|قرية|رواق|مقر(?!ر)|مركب|حديقة|بهو|فندق|قاعة(?=\s+ال)|[أا]رض(?=\s+المعارض))"
    # "بدار الصناعة التقليدية", "دار الثقافة": a house of crafts or culture, not "الدار البيضاء"
    r"|(?:(?<![^\W\d_])|(?<=(?<![^\W\d_])[بوف]))دار(?=\s+ال))"
    r"([^\n.,;:!?()«»\"،؛]{0,60})",
    re.IGNORECASE,
)
_DATE_AFTER_VENUE = re.compile(r"\s+(?:du|au|from|on|le|el|del|dal|vom|in|à|a|en|at|،|من|في|خلال)\s+\d.*$", re.IGNORECASE)
_VENUE_END = re.compile(r"\s+(?:du|au|from|on|le|el|del|dal|vom|in|à|a|en|at|،|من|في|خلال)\s+\d.*$|\s+(?:du|au|from|à|en|in|on|at|dans|with|avec|et|and|y|und|sous|pour|qui|which|where|où)\s.*$", re.IGNORECASE)
# Arabic clauses after a venue: "الذي انطلق ..." (which opened), "بمشاركة ..." (with), "أيام ..." (on the days).
_ARABIC_VENUE_END = re.compile(
    # "… ويستمر إلى …", "… فعاليات سوق …": the sentence goes on after the place
    r"\s+(?:الذي|التي|حيث|بمشاركة|مشاركة|أيام|يوم|يومي|خلال|منذ|أن|وذلك|ابتداء|انطلاقا|على|إلى|الى|حتى|لغاية|غاية|فعاليات"
    r"|و?(?:يستمر|تستمر|يتواصل|تتواصل|يمتد|تمتد|ينطلق|تنطلق|يختتم|تختتم)"
    # "… وبتنسيق مع المديرية", "… بشراكة مع": a partner follows the place
    r"|و?(?:بتنسيق|بشراكة|بتعاون|بدعم|تحت|مع|بإشراف|باشراف))(?:\s.*)?$")
# A capitalised word and a genitive right before a venue word: the venue word completes that other name.
_INSIDE_A_NAME = re.compile(r"(?<![\w'’])[A-ZÀ-Ý][\w'’\-]+\s+(?:de|del|of|di|du|des|der|dei|della)\s+$")
_ARTICLES = frozenset({"la", "le", "les", "l", "il", "lo", "el", "los", "las", "the", "der", "die", "das"})
# What a number right after a venue counts: exhibitors, stands, visitors.
_COUNTED = re.compile(
    r"\s+(?:aussteller|händler|haendler|stände|staende|stand(?:s|en)?\b|exhibitors?|exposants?|expositores|espositori"
    r"|artisans?|artesanos|artigiani|craftspeople|makers|brands?|marques|marcas|visitors?|visiteurs|visitantes|visitatori"
    r"|besucher|m²|m2|sq)", re.IGNORECASE)
# Lower-case words that may go on inside a venue's name ("Parc des expositions de l'OFEC").
_VENUE_CONNECTORS = frozenset({
    "de", "des", "du", "d", "la", "le", "l", "les", "di", "del", "della", "dello", "dei", "delle", "da", "do", "dos",
    "der", "die", "das", "of", "the", "y", "e", "los", "las",
})
# Words that make the fairground after them a partner or a credit: "with", "con", "mit", "par", "Bild:", ...
_ORGANISER_CUE = re.compile(
    r"(?:\b(?:con|with|mit|par|by|von|da|de la part de|selon|according to|laut|secondo|segun)"
    r"|\b(?:bild|foto|photo|source|quelle|fonte|fuente)\s*:|©)\s*(?:(?:der|die|the|la|le|il|el|l')\s*)?$"
)
_ORGANISER_LOOKBEHIND = 30
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d+")
_NAMED_HEADS = frozenset(_NAMED_HEAD_WORDS) | {
    "plaza",
    "dar",  # "Dar Souiri", "Dar Si Saïd": a Moroccan house of culture; "Dar es Salaam" is none
}
# English word order, the name before the venue word: "Riverside Exhibition Centre", "Mohammed V Boulevard".
# "Arts and Culture Centre", "Exhibition & Convention Centre": a coordinator between two capitalised words.
_NAME_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:(?:[A-Z][\w’'\-]*|[IVX]+)\s+(?:(?:and|&)\s+(?=[A-Z]))?){1,4})$")
# Words a venue's own name does not hold; in a title-case headline they end it ("… Opens At Riverside Hall").
_NOT_IN_NAME = frozenset({"the", "le", "la", "les", "el", "il", "der", "die", "das", "at", "in", "on", "a", "an", "and",
                          "un", "une", "una", "uno", "ein", "eine",
                          "for", "with", "to", "from", "au", "aux", "et", "opens", "returns", "comes", "moves"})
_NAME_FIRST_HEADS = frozenset({"hall", "village", "arena", "warehouse", "fairground", "fairgrounds",
                               "showground", "showgrounds", "platz"})
_GERMAN_HEADS = ("messegelande", "messezentrum", "messengelande")
# A preposition of place right before a venue: the fair is held there.
_HOSTING_CUE = re.compile(
    r"(?:\b(?:a|au|a\s+la|a\s+l'|dans\s+l'|dans\s+le|at|at\s+the|in\s+the|en|en\s+el|en\s+la|presso|al|alla|nel|nella"
    r"|im|in\s+der|auf\s+dem|no|na|في|presso\s+(?:il|la|lo|l'))\s*|\bl')$"
    # "يحتضن قصر المؤتمرات … المعرض": the place hosts the fair, named first
    r"|(?<![^\W\d_])(?:يحتضن|تحتضن|احتضن|احتضنت|تستضيف|يستضيف|استضاف|استضافت)\s+$"
)
_FRENCH_SQUARE = re.compile(r"\b(?:la|sur)\s+$")
_ARABIC_VENUE_MAX_WORDS = 6
_BEFORE_WINDOW = 160
_AFTER_WINDOW = 260
_VENUE_SLACK = 20


@dataclass(frozen=True)
class VenueCandidate:
    begin: int
    end: int
    surface: str
    gazetteer: bool
    hosting: bool
    """A preposition of place is written just before it ("à l'espace …", "بمركز …", "at the NEC")."""
    credited: bool
    city: City | None = None
    """The listed fairground's own city; None for a venue only written out."""


@dataclass(frozen=True)
class Place:
    city: City | None
    venue: str | None


@dataclass
class PlaceIndex:
    """City and venue mentions of one text, found once and queried per fair."""

    text: str
    folded: str
    cities: list[Mention]
    venues: list[Mention]
    written_venues: list[tuple[int, int, str]]
    credited_venues: list[Mention]
    """Fairgrounds named as an organiser, a partner or a photo credit."""
    region_cities: list[Mention]
    """The seat of a region the text names ("لجهة فاس مكناس": Fès), the fair's city only when it names no other town."""

    @classmethod
    def build(cls, text: str) -> PlaceIndex:
        folded = fold(text)
        venues = find_venues(text, folded)
        written = []
        for match in _VENUE_PATTERN.finditer(folded):
            venue = _written_venue(text, match)
            if venue is not None and not any(v.begin <= match.start() < v.end for v in venues):
                written.append(venue)
        written = [w for w in written if not _CUED_HEADS.search(fold(w[2])) or _hosted_at(text, folded, w[0])]
        written += [v for v in _labelled_venues(text) if not any(m.begin < v[1] and v[0] < m.end for m in venues)
                    and not any(w[0] < v[1] and v[0] < w[1] for w in written)]
        hosts = [_hosts(text, v) for v in venues]
        hosting = [v for v, ok in zip(venues, hosts) if ok]
        credited = [v for v, ok in zip(venues, hosts) if not ok]
        known = find_cities(text, folded)
        for town in find_world_towns(text):
            # The country written beside the town outranks the gazetteer's town of the same name.
            known = [c for c in known if not (c.begin < town.end and town.begin < c.end)] + [town]
        for town in find_arabic_towns(text):
            if not any(c.begin < town.end and town.begin < c.end for c in known):
                known.append(town)
        known.sort(key=lambda c: c.begin)
        known = [c for i, c in enumerate(known) if not (i and c.entry.country == known[i - 1].entry.country
                                                        and text[known[i - 1].end:c.begin].strip() == "(")]
        cities = [c for c in known if not _ORIGIN_CUE.search(folded[max(0, c.begin - _ORIGIN_LOOKBEHIND):c.begin])]
        regional = [c for c in cities if _REGION_BEFORE.search(text[max(0, c.begin - _REGION_LOOKBEHIND):c.begin])]
        seats = [c for c in regional if _REGION_SEAT_BEFORE.search(text[max(0, c.begin - _REGION_LOOKBEHIND):c.begin])]
        return cls(text, folded, [c for c in cities if c not in regional], hosting, written, credited, seats)

    def venue_candidates(self) -> list[VenueCandidate]:
        """Every venue the text names, in text order, each with what is written just before it."""
        found = []
        for mention, credited in [(v, False) for v in self.venues] + [(v, True) for v in self.credited_venues]:
            written = next((w for w in self.written_venues if w[0] <= mention.begin < w[1]), None)
            begin, end, surface = written if written else (mention.begin, mention.end, mention.surface)
            city = mention.entry.city if isinstance(mention.entry, Venue) else None
            found.append(VenueCandidate(begin, max(end, mention.end), surface, True, self._hosted(begin), credited, city))
        for begin, end, surface in self.written_venues:
            if not any(c.begin >= begin and c.begin < end for c in found):
                found.append(VenueCandidate(begin, end, surface, False, self._hosted(begin), False))
        return sorted(found, key=lambda c: c.begin)

    def _hosted(self, begin: int) -> bool:
        return _hosted_at(self.text, self.folded, begin)

    def near(self, begin: int, end: int, others: Sequence[tuple[int, int]] = ()) -> Place:
        """The city and venue nearest a mention; a city inside another fair's name (`others`) is that fair's."""
        windows = (_BEFORE_WINDOW, _AFTER_WINDOW)
        venue = _nearest(self.venues, begin, end, windows)
        written = _nearest_written(self.written_venues, begin, end, windows)
        cities = [c for c in self.cities if not any(b <= c.begin and c.end <= e for b, e in others)]
        city = _nearest(cities, begin, end, windows)
        city = _on_the_line(self.text, cities, begin, city, windows) or city
        if city is None and not cities:
            city = _nearest(self.region_cities, begin, end, windows)
        if venue is not None and city is not None and not _overlaps(city, venue) \
                and isinstance(venue.entry, Venue) and venue.entry.city != city.entry:
            # A city named with this fair beats a venue that belongs to the sentence before.
            if (_distance(city.begin, city.end, begin, end) or 0) + _VENUE_SLACK < (_distance(venue.begin, venue.end, begin, end) or 0):
                venue = None
        if venue is not None and isinstance(venue.entry, Venue):
            if written is not None and written[0] <= venue.begin < written[1]:
                return Place(venue.entry.city, written[2])
            return Place(venue.entry.city, venue.surface)
        city_entry = city.entry if city is not None and isinstance(city.entry, City) else None
        return Place(city_entry, written[2] if written else None)


def _hosted_at(text: str, folded: str, begin: int) -> bool:
    return text[begin - 1:begin] == "ب" or _HOSTING_CUE.search(folded[max(0, begin - 16):begin]) is not None \
        or _VENUE_LABEL.search(text[max(0, begin - 24):begin]) is not None


_CUED_HEADS = re.compile(_CUED_HEAD_WORDS)


# "Artisans from Fez will exhibit at …", "des exposants venus de Safi": where the exhibitors come from, not where
# the fair is held.
_ORIGIN_CUE = re.compile(
    r"(?:\b(?:artisans?|exhibitors?|makers?|weavers?|potters?|exposants?|artisanes?|artesanos?|artigiani|aussteller|companies|brands)"
    r"\s+(?:\w+\s+)?(?:from|de|d'|venus?\s+de|venant\s+de|originaires?\s+de|procedentes\s+de|provenienti\s+da|aus)"
    r"|\b(?:venus?|venues?|venant|originaires?|procedentes|provenienti)\s+(?:de|d'|da)|(?:القادمين|الوافدين|القادمات)\s+من)\s*$"
)
_ORIGIN_LOOKBEHIND = 40
# "غرفة الصناعة التقليدية لجهة فاس مكناس", "la Chambre de la région Fès-Meknès": towns that name a region, often two
# of them, say nothing of where the fair is held.
_REGION_WORD = (r"(?:(?<![^\W\d_])[لب]?جهة|\b[Rr][ée]gion|\b[Rr]egione|\b[Rr]egión|\b[Rr]egion)\s+"
                r"(?:(?:de|du|des|d'|of|di|del)\s+)?(?:(?:la|l'|the)\s+)?")
_REGION_BEFORE = re.compile(_REGION_WORD + r"(?:[^\W\d_][\w'’]*[\s\-]+){0,2}$")
# The town a region is named after first (Fès-Meknès, Casablanca-Settat) is its seat.
_REGION_SEAT_BEFORE = re.compile(_REGION_WORD + r"$")
_REGION_LOOKBEHIND = 40


def _hosts(text: str, venue: Mention) -> bool:
    """A fairground named as a partner or a credit ("in accordo con Fiera Milano", "(Bild: Deutsche Messe AG)",
    "Die Messe Frankfurt teilt mit") is the organiser there, not the venue."""
    before = fold(text[max(0, venue.begin - _ORGANISER_LOOKBEHIND):venue.begin])
    return _ORGANISER_CUE.search(before) is None


# "Venue: Bristol Harbourside", "Lieu : Espace Riad": a listing's own field names the place.
_VENUE_LABEL_WORDS = r"[ \t]*\W?[ \t]*(?:venue|location|where|lieu|ort|veranstaltungsort|lugar|luogo|sede|local|المكان)[ \t]*:[ \t]*"
_VENUE_LABEL = re.compile(r"(?:^|\n)" + _VENUE_LABEL_WORDS + "$", re.IGNORECASE)
_LABELLED_VENUE = re.compile("^" + _VENUE_LABEL_WORDS + r"([^\n]{5,80}?)[ \t.]*$", re.IGNORECASE | re.MULTILINE)


def _labelled_venues(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _LABELLED_VENUE.finditer(text):
        value = match.group(1)
        place = value.split(",")[0].strip()
        if city_by_name(place) is not None or place[:1].isdigit() or not place[:1].isupper() and place[:1] < "\u0600":
            continue  # a town alone, a street number, a sentence: no venue's name
        found.append((match.start(1), match.start(1) + len(place), place))
    return found


def _written_venue(text: str, match: re.Match[str]) -> tuple[int, int, str] | None:
    head = text[match.start(1):match.end(1)]
    tail = text[match.start(2):match.end(2)]
    if _INSIDE_A_NAME.search(text[max(0, match.start() - 40):match.start()]):
        return None  # "Festival Internacional de Teatro Clásico", "Museum of Modern Art Week": another name's complement
    if head[0] >= "\u0600":
        if _indefinite(tail):
            return None  # "فضاء مخصصا لـ...", "ساحة تقدر بـ...": a space described, not a named venue
        surface = _arabic_venue_words(_ARABIC_VENUE_END.sub("", _VENUE_END.sub("", head + tail)))
    else:
        if fold(head) == "place" and not _FRENCH_SQUARE.search(fold(text[max(0, match.start() - 8):match.start()])):
            return None  # "takes place Jan 8-11": only "la place Kléber", "sur la place …" is a square
        proper = _latin_tail(tail)
        if fold(head) in _NAMED_HEADS and not _name_before(text, match.start()) and not re.match(r"\s+(?:(?:de|du|des|di|dei|degli|del|della|delle|dello|da|do|dos|d'|l'|la|los|las)\s*)*[A-Z0-9]", proper):
            return None  # "un espace réservé", "l'hôtel de ville": a common noun unless a proper name follows
        if fold(head) in ("centre", "centro") and not re.match(r"\s+[A-Z0-9]", proper) and not _name_before(text, match.start()):
            return None  # "au centre de Marrakech" is the town's middle; "au centre Saint-Exupéry" is a venue
        surface = _DATE_AFTER_VENUE.sub("", head + proper)
    surface = surface.strip(" -–,")
    # "l'esplanade de la municipalité": the written name stops at a lower-case word, its connectors left dangling.
    # So is a coordinator: "Palacio de Exposiciones y Congresos" keeps its "y", "… de Tenerife y cerrará" loses it.
    surface = re.sub(r"(?:\s+(?:de|du|des|di|del|della|da|d'|l'|la|le|les|el|il|the|of|y|e|et|and|und|o|ou|or|&))+$", "", surface, flags=re.IGNORECASE)
    begin = match.start()
    if fold(head).startswith(_GERMAN_HEADS):
        # "Münchner Messegelände", "Hamburger Messegelände": the city's adjective belongs to the name.
        before = re.search(r"([A-ZÄÖÜ][a-zäöüß]+er)\s+$", text[max(0, begin - 30):begin])
        if before:
            begin -= len(before.group(0))
            surface = before.group(1) + " " + surface
    elif head[0] < "\u0600":
        named = _name_before(text, begin)
        if named:
            begin = named[0]
            surface = text[begin:match.start()] + surface
        elif fold(head) in _NAME_FIRST_HEADS:
            return None  # "the hall", "a village": a common noun
    if len(surface) <= 4:
        return None
    named = _BRACKETED_NAME.match(text, begin + len(surface)) if head[0] >= "\u0600" and len(surface.split()) <= 3 else None
    if named is not None:
        surface += named.group(0)  # "دار الثقافة (عبد القادر علولة)": a house of culture and the name it bears
    return begin, begin + len(surface), surface


_BRACKETED_NAME = re.compile(r"\s*\([\u0600-\u06ff\s]{3,40}\)")


def _name_before(text: str, begin: int) -> tuple[int, str] | None:
    """Where the capitalised words right before a venue word start, and those words (determiners left out)."""
    window = max(0, begin - 60)
    found = _NAME_BEFORE.search(text[window:begin])
    if not found:
        return None
    start = window + found.start(1)
    first = None
    for word in re.finditer(r"\S+", found.group(1)):
        if first is not None and word.group(0) in ("and", "&"):
            continue
        if fold(word.group(0)) in _NOT_IN_NAME:
            first = None
        elif first is None:
            first = start + word.start()
    return (first, text[first:begin].strip()) if first is not None else None


def _arabic_venue_words(surface: str) -> str:
    """A venue's name is a few words; a longer run has gone on into the sentence, and "in <town>" ends it
    ("فضاء طورو بالعنق بالدار البيضاء": the space is in Casablanca, the town is not in its name)."""
    words = surface.split()[:_ARABIC_VENUE_MAX_WORDS]
    for i, word in enumerate(words[1:], start=1):
        town = [word[1:], *words[i + 1:i + 3]]
        if town[0] == "مدينة":  # "بمدينة أكادير": in the city of Agadir
            town = town[1:]
        if word.startswith("ب") and any(city_by_name(" ".join(town[:size])) is not None for size in (1, 2)):
            return " ".join(words[:i])
    return " ".join(words)


def _latin_tail(tail: str) -> str:
    """The words after a venue word up to the first lower-case word that is not a connector: a verb or a clause."""
    previous = ""
    for word in _WORD.finditer(tail):
        token = word.group(0)
        numbered = token[0].isdigit() and (previous in _ARTICLES or _COUNTED.match(tail, word.end()))
        fair_next = previous in _ARTICLES and (re.match(r"[IVXLC]{1,6}$", token) or fold(token) in HEAD_KEYWORDS)
        if numbered or fair_next:  # "Rho la 22ª edizione", "Schulturnhalle 30 Aussteller", "Santiago la II Feria"
            return tail[:word.start()].rstrip()
        previous = fold(token)
        if token[0].islower() and fold(token).split("'")[0].split("’")[0] not in _VENUE_CONNECTORS \
                and not fold(token).startswith(("d'", "l'", "dell'")):
            return tail[:word.start()].rstrip()
    return tail


def _indefinite(tail: str) -> bool:
    words = tail.split()
    if not words:
        return False
    first = words[0]
    if first.startswith("ال") or not first[0] >= "\u0600":
        return False
    verb_or_adverb = first.startswith("ي") or (first.endswith("ا") and len(first) > 3)
    return verb_or_adverb or (len(words) > 1 and words[1] in ("ب", "إلى", "الى"))


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.begin < b.end and b.begin < a.end


def _distance(
    mention_begin: int, mention_end: int, begin: int, end: int, windows: tuple[int, int] = (0, 0)
) -> int | None:
    before, after = windows if windows != (0, 0) else (_BEFORE_WINDOW, _AFTER_WINDOW)
    if mention_end <= begin:
        gap = begin - mention_end
        return gap if gap <= before else None
    if mention_begin >= end:
        gap = mention_begin - end
        return gap if gap <= after else None
    return 0


def _nearest(mentions: list[Mention], begin: int, end: int, windows: tuple[int, int]) -> Mention | None:
    best, best_gap = None, None
    for mention in mentions:
        gap = _distance(mention.begin, mention.end, begin, end, windows)
        if gap is not None and (best_gap is None or gap < best_gap):
            best, best_gap = mention, gap
    return best


def _on_the_line(
    text: str, mentions: list[Mention], begin: int, nearest: Mention | None, windows: tuple[int, int]
) -> Mention | None:
    """A city on the fair's own line beats a nearer one on another line ("3-6 avril | Foire du tapis | Taznakht")."""
    start, stop = line_around(text, begin, begin)
    if nearest is None or start <= nearest.begin < stop:
        return None
    return _nearest([m for m in mentions if start <= m.begin < stop], begin, begin, windows)


def _nearest_written(
    venues: list[tuple[int, int, str]], begin: int, end: int, windows: tuple[int, int]
) -> tuple[int, int, str] | None:
    best, best_gap = None, None
    for venue in venues:
        gap = _distance(venue[0], venue[1], begin, end, windows)
        if gap is not None and (best_gap is None or gap < best_gap):
            best, best_gap = venue, gap
    return best
