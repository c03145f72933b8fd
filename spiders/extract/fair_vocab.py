"""Gazetteers for fair extraction: cities (with venues) and known fairs, loaded from data/."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from spiders.extract.datefold import fold_same_length

DATA_DIR = Path(__file__).with_name("data")
_LETTER = r"[^\W_]"


@dataclass(frozen=True)
class City:
    name: str
    country: str


@dataclass(frozen=True)
class Venue:
    name: str
    city: City


@dataclass(frozen=True)
class KnownFair:
    name: str
    aliases: tuple[str, ...]
    city: City | None
    country: str | None
    venue: str | None


@dataclass(frozen=True)
class Mention:
    """A gazetteer entry found in text at [begin, end)."""

    surface: str
    begin: int
    end: int
    entry: City | Venue | KnownFair


def fold(text: str) -> str:
    return fold_same_length(text)


@lru_cache(maxsize=1)
def cities() -> dict[str, City]:
    raw = yaml.safe_load((DATA_DIR / "cities.yaml").read_text(encoding="utf-8"))
    return {name: City(name, entry["country"]) for name, entry in raw.items()}


@lru_cache(maxsize=1)
def _city_surfaces() -> dict[str, City]:
    raw = yaml.safe_load((DATA_DIR / "cities.yaml").read_text(encoding="utf-8"))
    surfaces: dict[str, City] = {}
    for name, entry in raw.items():
        city = cities()[name]
        for surface in [name, *(entry.get("names") or [])]:
            surfaces.setdefault(fold(str(surface)), city)
    return surfaces


@lru_cache(maxsize=1)
def _venue_surfaces() -> dict[str, Venue]:
    raw = yaml.safe_load((DATA_DIR / "cities.yaml").read_text(encoding="utf-8"))
    surfaces: dict[str, Venue] = {}
    for name, entry in raw.items():
        for venue in entry.get("venues") or []:
            surfaces.setdefault(fold(str(venue)), Venue(str(venue), cities()[name]))
    return surfaces


@lru_cache(maxsize=1)
def known_fairs() -> list[KnownFair]:
    raw = yaml.safe_load((DATA_DIR / "fairs.yaml").read_text(encoding="utf-8"))
    fairs = []
    for entry in raw:
        city = cities().get(entry.get("city") or "")
        fairs.append(KnownFair(
            name=str(entry["name"]),
            aliases=tuple(str(a) for a in entry.get("aliases") or []),
            city=city,
            country=entry.get("country") or (city.country if city else None),
            venue=entry.get("venue"),
        ))
    return fairs


@lru_cache(maxsize=1)
def _fair_surfaces() -> dict[str, KnownFair]:
    surfaces: dict[str, KnownFair] = {}
    for fair in known_fairs():
        for surface in (fair.name, *fair.aliases):
            surfaces.setdefault(fold(surface), fair)
    return surfaces


def _gazetteer_regex(surfaces: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(surfaces), key=len, reverse=True)
    # A space or a hyphen, written either way: "Paris-Nord Villepinte" and "Paris Nord Villepinte" are one ground.
    body = "|".join(r"[\s\-]+".join(re.escape(part) for part in re.split(r"[ \-]", s)) for s in ordered)
    # Arabic names may carry a proclitic (ب، ل، و) glued to them: "بالرباط", "بفاس", "بآسفي". Lazy, so that a
    # name starting with one of those letters ("وجدة") is read whole before as a proclitic and another name.
    return re.compile(rf"(?<!{_LETTER})(?:[وفبلك]{{1,2}}(?=ال)|[وفبلك](?=[\u0621-\u064a]))??({body})(?!{_LETTER})")


@lru_cache(maxsize=1)
def _city_regex() -> re.Pattern[str]:
    return _gazetteer_regex(list(_city_surfaces()))


@lru_cache(maxsize=1)
def _venue_regex() -> re.Pattern[str]:
    return _gazetteer_regex(list(_venue_surfaces()))


@lru_cache(maxsize=1)
def _fair_regex() -> re.Pattern[str]:
    return _gazetteer_regex(list(_fair_surfaces()))


def _find(text: str, folded: str, pattern: re.Pattern[str], table: dict[str, object]) -> list[Mention]:
    found = []
    for match in pattern.finditer(folded):
        key = re.sub(r"[\s\-]+", lambda m: " " if " " in m.group(0) or "\n" in m.group(0) else "-", match.group(1))
        entry = table.get(key) or table.get(match.group(1)) or _lookup_loose(match.group(1), table)
        if entry is None:
            continue
        surface = text[match.start(1):match.end(1)]
        acronym = _needs_case(entry, match.group(1))
        if acronym and not surface.isupper() and surface not in _written_surfaces():
            continue  # acronyms like "LA", "NEC", "INDEX" only count in capitals, or as our data writes them ("HoMi")
        if acronym and isinstance(entry, City) and _in_capitals(text, match.start(1), match.end(1)):
            continue  # "24E ÉDITION DE LA FIARA": a heading in capitals, its "LA" an article
        if isinstance(entry, KnownFair) and surface[:1].islower() and " " not in surface.strip():
            continue  # "un buen ambiente para los negocios": a common word; a fair's one-word name is capitalised
        if isinstance(entry, City) and surface[:1].islower() and surface[:1].isascii():
            continue  # "an estate sale" is not Salé: a town's name is capitalised in Latin script
        found.append(Mention(text[match.start(1):match.end(1)], match.start(1), match.end(1), entry))  # type: ignore[arg-type]
    return found


@lru_cache(maxsize=1)
def _written_surfaces() -> frozenset[str]:
    """Every surface exactly as our data writes it."""
    raw_cities = yaml.safe_load((DATA_DIR / "cities.yaml").read_text(encoding="utf-8"))
    surfaces: list[str] = []
    for name, entry in raw_cities.items():
        surfaces += [name, *(entry.get("names") or []), *(entry.get("venues") or [])]
    for fair in known_fairs():
        surfaces += [fair.name, *fair.aliases]
    return frozenset(map(str, surfaces))


@lru_cache(maxsize=1)
def _acronyms() -> frozenset[str]:
    """Folded forms of the surfaces written in capitals in our data (LA, NEC, SIEL, INDEX...)."""
    return frozenset(fold(s) for s in _written_surfaces() if s.isupper() and len(s) <= 6)


_CAPITAL_WORD = re.compile(r"[^\W\d_]{2,}")


def _in_capitals(text: str, begin: int, end: int) -> bool:
    before = _CAPITAL_WORD.findall(text[max(0, begin - 20):begin])[-1:]
    after = _CAPITAL_WORD.findall(text[end:end + 20])[:1]
    return any(word.isupper() for word in before + after)


def _needs_case(entry: object, folded_surface: str) -> bool:
    return folded_surface in _acronyms()


def _lookup_loose(surface: str, table: dict[str, object]) -> object | None:
    squashed = re.sub(r"[\s\-]+", " ", surface)
    for key, value in table.items():
        if re.sub(r"[\s\-]+", " ", key) == squashed:
            return value
    return None


def find_cities(text: str, folded: str | None = None) -> list[Mention]:
    return _find(text, folded or fold(text), _city_regex(), _city_surfaces())  # type: ignore[arg-type]


def find_venues(text: str, folded: str | None = None) -> list[Mention]:
    return _find(text, folded or fold(text), _venue_regex(), _venue_surfaces())  # type: ignore[arg-type]


def find_known_fairs(text: str, folded: str | None = None) -> list[Mention]:
    return _find(text, folded or fold(text), _fair_regex(), _fair_surfaces())  # type: ignore[arg-type]


def city_by_name(name: str | None) -> City | None:
    if not name:
        return None
    return _city_surfaces().get(fold(name.strip()))
