"""Fairs declared as schema.org Event items (JSON-LD, microdata, RDFa)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spiders.extract.fair_edition import without_year
from spiders.extract.fair_text import TextFair
from spiders.extract.fair_vocab import City, city_by_name, fold
from spiders.extract.structured import Thing, first_text, type_names
from spiders.extract.textutil import one_line
from spiders.extract.timeparse import parse_timestamp
from spiders.extract.world_places import country_codes, find_world_towns

_EVENT_TYPES = frozenset({"Event", "ExhibitionEvent", "BusinessEvent", "Festival", "SaleEvent", "EducationEvent", "SocialEvent", "VisualArtsEvent", "EventSeries"})
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
        if city is None and city_name and "," in city_name:
            # "12 High St, Bath, UK": an address written out; its town is one of its parts
            city, country = _town_of_address(city_name, country)
            city_name = city.name if city else None
        if city is None and venue and city_by_name(venue) is not None:
            city, venue = city_by_name(venue), None  # "location": "Leeds" names a town, not a hall
        fairs.append(TextFair(
            name=without_year(name),
            start=start,
            end=_day(thing.get("endDate")),
            city=city.name if city else (one_line(city_name) or None),
            country=_country(country) or (city.country if city else None),
            venue=venue,
            description=one_line(first_text(thing.get("description")))[:500],
            website=_website(thing),
            declared_status=_status(thing.get("eventStatus")),
            declared_organizer=one_line(first_text(_named(thing.get("organizer")))) or None,
        ))
    return fairs


_STATUSES = {"eventscheduled": "scheduled", "eventpostponed": "postponed", "eventcancelled": "cancelled",
             "eventrescheduled": "rescheduled", "eventmovedonline": "online"}


def _status(value: object) -> str | None:
    text = first_text(value) if value is not None else ""
    return _STATUSES.get(text.rstrip("/").rsplit("/", 1)[-1].lower()) if text else None


def _named(value: object) -> object:
    """An organizer written as an Organization (its name) or as a bare string."""
    if isinstance(value, list):
        value = value[0] if value else None
    return value.get("name") if isinstance(value, dict) else value


def _town_of_address(address: str, country: str | None) -> tuple[City | None, str | None]:
    parts = [p.strip() for p in address.split(",") if p.strip()]
    code = _country(country) or (_country(parts[-1]) if parts else None)
    for part in reversed(parts):
        words = re.sub(r"^\d[\w-]*\s+|\s+\d[\w-]*$", "", part)  # a postcode before or after the town
        known = city_by_name(words)
        if known is not None:
            return known, code or known.country
    if code is not None and len(parts) >= 2:
        towns = find_world_towns(f"{parts[-2]}, {parts[-1]}")
        if towns:
            town = towns[0].entry
            assert isinstance(town, City)
            return town, town.country
    return None, code


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
    return country_codes().get(fold(text))
