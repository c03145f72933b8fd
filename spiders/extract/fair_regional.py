"""Editions a fair brand holds abroad, named after their region: "INDEX Saudi Arabia", "Heimtextil Russia"."""
from __future__ import annotations

import re
from collections.abc import Sequence

from spiders.extract.fair_tokens import NameMention
from spiders.extract.fair_vocab import City, KnownFair, Mention, find_cities

# The region's country; none for a continent.
_REGIONS: dict[str, str | None] = {
    "Saudi Arabia": "SA", "Middle East": None, "North America": None, "Americas": None, "America": None, "Asia": None,
    "Africa": None, "India": "IN", "China": "CN", "Russia": "RU", "Japan": "JP", "Korea": "KR", "Turkey": "TR",
    "USA": "US", "Mexico": "MX", "Brazil": "BR", "Indonesia": "ID", "Vietnam": "VN", "Thailand": "TH", "Egypt": "EG",
    "Morocco": "MA", "Maroc": "MA", "Qatar": "QA", "Kuwait": "KW", "Oman": "OM", "Bahrain": "BH", "Nigeria": "NG",
    "Kenya": "KE",
}
_REGION_AFTER = re.compile(r"[ \t]+(" + "|".join(sorted(_REGIONS, key=len, reverse=True)) + r")\b")
_REGION_REACH = 30


def regional_editions(
    known: Sequence[Mention], text: str
) -> list[tuple[NameMention, tuple[City | None, str | None]]]:
    """A known fair's name right before a region, or a city other than its own: another series of the brand."""
    found = []
    for mention in known:
        fair = mention.entry
        assert isinstance(fair, KnownFair)
        after = text[mention.end:mention.end + _REGION_REACH]
        region = _REGION_AFTER.match(after)
        if region is not None:
            end, place = mention.end + region.end(1), (None, _REGIONS[region.group(1)])
        else:
            city = next((c for c in find_cities(after) if c.begin > 0 and not after[:c.begin].strip(" \t")), None)
            if city is None or not isinstance(city.entry, City) or city.entry == fair.city:
                continue
            end, place = mention.end + city.end, (city.entry, city.entry.country)
        found.append((NameMention(text[mention.begin:end], mention.begin, end), place))
    return found
