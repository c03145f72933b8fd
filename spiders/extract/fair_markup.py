"""Fairs declared as schema.org Event items (JSON-LD, microdata, RDFa)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spiders.extract.fair_text import TextFair
from spiders.extract.fair_vocab import city_by_name
from spiders.extract.structured import Thing, first_text, type_names
from spiders.extract.textutil import one_line
from spiders.extract.timeparse import parse_timestamp

_EVENT_TYPES = frozenset({"Event", "ExhibitionEvent", "BusinessEvent", "Festival", "SaleEvent", "EducationEvent", "SocialEvent", "VisualArtsEvent", "EventSeries"})
_COUNTRY_NAMES = {
    "morocco": "MA", "maroc": "MA", "المغرب": "MA", "france": "FR", "germany": "DE", "deutschland": "DE",
    "spain": "ES", "españa": "ES", "italy": "IT", "italia": "IT", "united states": "US", "usa": "US",
    "united kingdom": "GB", "uk": "GB", "great britain": "GB",
}
_SOCIAL = re.compile(r"(?:facebook|instagram|twitter|x|linkedin|youtube|tiktok|pinterest|wikipedia)\.(?:com|org)", re.IGNORECASE)
# Codes people write that are not ISO 3166 alpha-2.
_COUNTRY_CODE_FIXES = {"UK": "GB", "EL": "GR"}


def markup_fairs(things: Sequence[Thing]) -> list[TextFair]:
    fairs = []
    for thing in things:
        if not any(t in _EVENT_TYPES or t.endswith("Event") for t in type_names(thing)):
            continue
        name = one_line(first_text(thing.get("name")))
        start = _day(thing.get("startDate"))
        if not name:
            continue
        location = thing.get("location")
        venue, city_name, country = _location(location)
        city = city_by_name(city_name)
        fairs.append(TextFair(
            name=name,
            start=start,
            end=_day(thing.get("endDate")),
            city=city.name if city else (one_line(city_name) or None),
            country=_country(country) or (city.country if city else None),
            venue=venue,
            description=one_line(first_text(thing.get("description")))[:500],
            website=_website(thing),
        ))
    return fairs


def _website(thing: Thing) -> str | None:
    """The Event's url, else its first sameAs that is not a social-network profile."""
    for key in ("url", "sameAs"):
        value = thing.get(key)
        for candidate in value if isinstance(value, list) else [value]:
            text = first_text(candidate)
            if text and text.startswith(("http://", "https://")) and not _SOCIAL.search(text):
                return text.strip()
    return None


def _day(value: object) -> date | None:
    while isinstance(value, list) and value:
        value = value[0]
    moment = parse_timestamp(value, published=False)
    # Event dates are local calendar days: keep the day as written, not shifted to UTC.
    return moment.date() if moment else None


def _location(location: object) -> tuple[str | None, str | None, str | None]:
    if isinstance(location, list):
        location = location[0] if location else None
    if isinstance(location, str):
        return one_line(location) or None, None, None
    if not isinstance(location, dict):
        return None, None, None
    venue = one_line(first_text(location.get("name"))) or None
    address = location.get("address")
    if isinstance(address, list):
        address = address[0] if address else None
    if isinstance(address, dict):
        return venue, first_text(address.get("addressLocality")), first_text(address.get("addressCountry"))
    return venue, first_text(address), None


def _country(value: str | None) -> str | None:
    if not value:
        return None
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        return _COUNTRY_CODE_FIXES.get(text.upper(), text.upper())
    return _COUNTRY_NAMES.get(text.lower())
