"""Publication date of a page: publisher metadata first, then htmldate's heuristics."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from htmldate import find_date
from lxml import html

from spiders.extract.labelled_date import labelled_date
from spiders.extract.structured import Thing, type_names
from spiders.extract.timeparse import as_aware, parse_as_written

_LOG = logging.getLogger(__name__)

_ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle",
    "ScholarlyArticle", "Report", "SocialMediaPosting", "DiscussionForumPosting", "LiveBlogPosting",
    "PressRelease", "Review", "Recipe", "VideoObject", "Event",
})
_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "CollectionPage", "AboutPage"})
_META_KEYS: tuple[str, ...] = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "publishdate", "publish-date", "pubdate", "og:pubdate", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "article.published",
    "published_time", "date",
)


Declared = datetime | date
"""A timestamp as the page writes it: aware, naive (a time without offset) or only a day."""


@dataclass(frozen=True)
class Published:
    moment: datetime | None
    """When the publisher's metadata gives a time; in the publisher's own offset (naive if it gives none)."""
    day: date | None
    """The calendar day as the publisher wrote it (no shift to UTC)."""

    @property
    def local(self) -> Declared | None:
        """The time of day with the page's own offset when known, else the day alone."""
        return self.moment or self.day

    @property
    def utc(self) -> datetime | None:
        moment = as_aware(self.local)
        return moment.astimezone(timezone.utc) if moment else None


def find_published(
    tree: html.HtmlElement, url: str | None, things: Sequence[Thing], meta: dict[str, str]
) -> Published:
    declared = _in_site_zone(_local_form(_from_structured(things) or _from_meta(meta), tree), url)
    # htmldate (original_date=True) reads the same metadata plus URL and visible dates and
    # picks the right day more often; the declared timestamp only supplies the time of day.
    day = _from_htmldate(tree, url)
    moment = declared if isinstance(declared, datetime) else None
    declared_day = _day_of(declared)
    if declared_day != day:
        # "Datum: 03.02.2022" under the headline beats a comment's or a teaser's date htmldate picked,
        # unless the metadata agrees with htmldate (then the page is not read again).
        day = labelled_date(tree) or day
    if day is None:
        return Published(moment, declared_day)
    if declared_day is None or abs((declared_day - day).days) > 1:
        return Published(None, day)
    if declared_day != day and moment is not None and moment.utcoffset() not in (None, timedelta(0)):
        # An offset other than UTC means the publisher wrote its local day: trust it. A time
        # without offset is often the server's UTC clock: htmldate's day wins then.
        return Published(moment, declared_day)
    return Published(moment if declared_day == day else None, day)


_SAME_INSTANT = timedelta(minutes=1)


def _local_form(declared: Declared | None, tree: html.HtmlElement) -> Declared | None:
    """The same instant written with the publisher's own offset: JSON-LD often carries the UTC form
    ("…T02:11:03+00:00") of the time the page shows as local ("<time datetime='…T21:11:03-05:00'>")."""
    if not isinstance(declared, datetime) or declared.utcoffset() != timedelta(0):
        return declared
    for element in tree.iter("time"):
        if element.get("datetime") is None:
            continue
        written = parse_as_written(element.get("datetime"))
        if isinstance(written, datetime) and written.utcoffset() not in (None, timedelta(0)) \
                and abs(written - declared) <= _SAME_INSTANT:
            return written
    return declared


# A country-code domain's time zone, where the country has one: "…T23:15Z" on an Italian site is past midnight there.
_SITE_ZONES = {
    "it": "Europe/Rome", "de": "Europe/Berlin", "fr": "Europe/Paris", "es": "Europe/Madrid", "at": "Europe/Vienna",
    "ch": "Europe/Zurich", "nl": "Europe/Amsterdam", "be": "Europe/Brussels", "pl": "Europe/Warsaw",
    "uk": "Europe/London", "ie": "Europe/Dublin", "pt": "Europe/Lisbon", "ma": "Africa/Casablanca",
    "dz": "Africa/Algiers", "tn": "Africa/Tunis", "eg": "Africa/Cairo", "sa": "Asia/Riyadh", "ae": "Asia/Dubai",
    "qa": "Asia/Qatar", "jp": "Asia/Tokyo", "kr": "Asia/Seoul", "cz": "Europe/Prague", "se": "Europe/Stockholm",
    "dk": "Europe/Copenhagen", "no": "Europe/Oslo", "fi": "Europe/Helsinki", "gr": "Europe/Athens",
    "tr": "Europe/Istanbul", "il": "Asia/Jerusalem", "in": "Asia/Kolkata", "co": "America/Bogota",
    "ar": "America/Argentina/Buenos_Aires", "cl": "America/Santiago",
}


def _in_site_zone(declared: Declared | None, url: str | None) -> Declared | None:
    """A UTC timestamp on a site of a one-zone country, in that zone: the day its readers saw."""
    if not isinstance(declared, datetime) or declared.utcoffset() != timedelta(0) or not url:
        return declared
    zone = _SITE_ZONES.get((urlsplit(url).hostname or "").rsplit(".", 1)[-1])
    if zone is None:
        return declared
    try:
        return declared.astimezone(ZoneInfo(zone))
    except ZoneInfoNotFoundError:
        return declared


def _day_of(value: Declared | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def _from_structured(things: Sequence[Thing]) -> Declared | None:
    ranked: list[tuple[int, Declared]] = []
    for thing in things:
        kinds = type_names(thing)
        rank = 0 if kinds & _ARTICLE_TYPES else 1 if kinds & _PAGE_TYPES else None
        if rank is None:
            continue
        for key in ("datePublished", "dateCreated", "uploadDate"):
            moment = parse_as_written(_scalar(thing.get(key)))
            if moment is not None:
                ranked.append((rank, moment))
                break
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def _scalar(value: object) -> object:
    while isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        return value.get("@value")
    return value


def _from_meta(meta: dict[str, str]) -> Declared | None:
    for key in _META_KEYS:
        if key in meta:
            moment = parse_as_written(meta[key])
            if moment is not None:
                return moment
    return None


def _from_htmldate(tree: html.HtmlElement, url: str | None) -> date | None:
    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError):
        _LOG.debug("htmldate failed", exc_info=True)
        return None
    if not found:
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None
