"""Where a fair takes place: venue, city and country near its mention in the text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spiders.extract.fair_vocab import City, Mention, Venue, find_cities, find_venues, fold

# Venues not in the gazetteer, written out: "Parc des expositions du Kram", "Pier 36", "فضاء OLM السويسي".
_VENUE_PATTERN = re.compile(
    r"(?:(?<![^\W\d_])(?:parc des expositions|parc des expos|palais des congres|palais des expositions|palais de la culture"
    r"|centre des expositions|centro de convenciones|centro de exposiciones|palacio de (?:ferias|congresos)"
    r"|recinto ferial|messegelande|messezentrum|convention (?:center|centre)|exhibition (?:center|centre)"
    r"|congress (?:center|centre)|expo (?:center|centre)|esplanade|pier \d+|museum|musee|museo"
    r"|plaza de los|plaza de la|plaza del)"
    r"|(?:فضاء|قصر|ساحة|مركز|قرية|رواق|مقر))"
    r"[^\n.,;:()«»\"،؛]{0,60}",
    re.IGNORECASE,
)
_VENUE_END = re.compile(r"\s+(?:du|au|from|on|le|el|del|dal|vom|in|à|a|en|at|،|من|في|خلال)\s+\d.*$|\s+(?:du|au|from|à|en|in|on|at|dans|with|avec|et|and|y|und|sous|pour|qui|which|where|où)\s.*$", re.IGNORECASE)
# Arabic clauses after a venue: "الذي انطلق ..." (which opened), "بمشاركة ..." (with), "أيام ..." (on the days).
_ARABIC_VENUE_END = re.compile(r"\s+(?:الذي|التي|حيث|بمشاركة|مشاركة|أيام|يوم|يومي|خلال|منذ|أن|وذلك|ابتداء|انطلاقا)(?:\s.*)?$")
_BEFORE_WINDOW = 160
_AFTER_WINDOW = 260
_VENUE_SLACK = 20


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

    @classmethod
    def build(cls, text: str) -> PlaceIndex:
        folded = fold(text)
        venues = find_venues(text, folded)
        written = []
        for match in _VENUE_PATTERN.finditer(folded):
            surface = _ARABIC_VENUE_END.sub("", _VENUE_END.sub("", text[match.start():match.end()])).strip(" -–,")
            if len(surface) > 4 and not any(v.begin <= match.start() < v.end for v in venues):
                written.append((match.start(), match.start() + len(surface), surface))
        return cls(text, folded, find_cities(text, folded), venues, written)

    def near(self, begin: int, end: int) -> Place:
        venue = _nearest(self.venues, begin, end)
        written = _nearest_written(self.written_venues, begin, end)
        city = _nearest(self.cities, begin, end)
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


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.begin < b.end and b.begin < a.end


def _distance(mention_begin: int, mention_end: int, begin: int, end: int) -> int | None:
    if mention_end <= begin:
        gap = begin - mention_end
        return gap if gap <= _BEFORE_WINDOW else None
    if mention_begin >= end:
        gap = mention_begin - end
        return gap if gap <= _AFTER_WINDOW else None
    return 0


def _nearest(mentions: list[Mention], begin: int, end: int) -> Mention | None:
    best, best_gap = None, None
    for mention in mentions:
        gap = _distance(mention.begin, mention.end, begin, end)
        if gap is not None and (best_gap is None or gap < best_gap):
            best, best_gap = mention, gap
    return best


def _nearest_written(venues: list[tuple[int, int, str]], begin: int, end: int) -> tuple[int, int, str] | None:
    best, best_gap = None, None
    for venue in venues:
        gap = _distance(venue[0], venue[1], begin, end)
        if gap is not None and (best_gap is None or gap < best_gap):
            best, best_gap = venue, gap
    return best
