"""RSS / Atom / RDF feeds -> entries with plain-text summaries and dates, UTC and as written (feedparser)."""
from __future__ import annotations

import calendar
import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

import feedparser

from indexing.plausibility import published_problem

from spiders.extract.language import detect_language, normalize_language_tag
from spiders.extract.markup import fragment_text
from spiders.extract.page_meta import safe_absolute_url
from spiders.extract.textutil import one_line
from spiders.extract.timeparse import parse_as_written

MAX_FEED_BYTES = 10_000_000
_SUMMARY_CHARS = 50_000


@dataclass(frozen=True)
class FeedEntry:
    title: str | None
    link: str | None
    published: datetime | None
    """UTC."""
    summary: str | None
    """Plain text: HTML removed, paragraphs on their own lines."""
    author: str | None
    language: str | None
    guid: str | None = None
    published_local: datetime | None = None
    """The same instant in the offset the feed wrote it with (its day is the publisher's day)."""
    rejected: tuple[str, ...] = ()
    """Reason codes of the implausible values left out (indexing.plausibility)."""


def parse_feed(data: bytes, url: str | None = None) -> list[FeedEntry]:
    headers = {"content-location": url} if url else {}
    parsed = feedparser.parse(data[:MAX_FEED_BYTES], response_headers=headers, sanitize_html=True)
    feed_language = normalize_language_tag(parsed.feed.get("language"))
    entries = []
    for entry in parsed.entries:
        title = one_line(fragment_text(entry.get("title"))) or None
        summary = _summary(entry)
        declared = normalize_language_tag(_entry_language(entry)) or feed_language
        published, rejected = _entry_date(entry), ()
        if published is not None and (code := published_problem(published)):
            published, rejected = None, (code,)
        entries.append(FeedEntry(
            title=title,
            link=_link(entry, url),
            published=published,
            rejected=rejected,
            summary=summary,
            author=one_line(entry.get("author")) or None,
            language=detect_language(f"{title or ''}\n{summary or ''}", declared),
            guid=entry.get("id") or None,
            published_local=_local_date(entry, published),
        ))
    return entries


def _link(entry: feedparser.FeedParserDict, base: str | None) -> str | None:
    href = entry.get("link")
    if not href:
        for link in entry.get("links", []):
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                href = link["href"]
                break
    if base is None and href and ":" not in href.split("/", 1)[0]:
        return one_line(href)  # relative link and no feed URL to resolve it against
    return safe_absolute_url(href, base)


def _summary(entry: feedparser.FeedParserDict) -> str | None:
    html = entry.get("summary")
    if not html:
        contents = entry.get("content") or []
        html = contents[0].get("value") if contents else None
    text = fragment_text(html)
    return text[:_SUMMARY_CHARS] or None


def _entry_language(entry: feedparser.FeedParserDict) -> str | None:
    for detail in ("summary_detail", "title_detail"):
        language = (entry.get(detail) or {}).get("language")
        if language:
            return str(language)
    return None


def _entry_date(entry: feedparser.FeedParserDict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        moment = _from_struct(entry.get(key))
        if moment is not None:
            return moment
    return None


def _local_date(entry: feedparser.FeedParserDict, instant: datetime | None) -> datetime | None:
    """The entry's date with the feed's own offset, when its text names one and agrees with feedparser."""
    if instant is None:
        return None
    for key in ("published", "updated", "created"):
        written = parse_as_written(entry.get(key))
        if isinstance(written, datetime) and written.tzinfo is not None \
                and written.replace(microsecond=0) == instant:
            return written.replace(microsecond=0)
    return instant


def _from_struct(value: time.struct_time | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None


def parse_feed_date(text: str) -> datetime | None:
    """A feed date string (RFC 822, W3C-DTF, ISO 8601, asctime, Greek, Korean...) as UTC.

    ISO-looking strings are validated strictly (feedparser's chain would accept
    "10:61:55" or a garbage offset); everything else goes through feedparser's handlers.
    """
    text = (text or "").strip()
    if not text:
        return None
    korean = _KOREAN_MERIDIEM.match(text)
    if korean:
        return _korean_date(korean)
    if _ISO_START.match(text):
        return _strict_w3dtf(text)
    text = _MISSING_SPACE_AFTER_COMMA.sub(r"\1, ", text)
    # feedparser's date handlers are reached through a one-item feed: its public API.
    document = f"<rss version='2.0'><channel><item><pubDate>{escape(text)}</pubDate></item></channel></rss>"
    parsed = feedparser.parse(document.encode("utf-8"))
    if not parsed.entries:
        return None
    return _from_struct(parsed.entries[0].get("published_parsed"))


def _strict_w3dtf(text: str) -> datetime | None:
    match = _W3DTF.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        moment = datetime(
            int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0),
            tzinfo=timezone.utc,
        )
    except ValueError:
        return None
    offset = _zone_offset(zone)
    if offset is None:
        return None
    return moment - offset


def _zone_offset(zone: str | None) -> timedelta | None:
    if not zone or zone == "Z":
        return timedelta(0)
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        return None
    return sign * timedelta(hours=hours, minutes=minutes)


def _korean_date(match: re.Match[str]) -> datetime | None:
    year, month, day, meridiem, hour, minute, second = match.groups()
    hour_24 = int(hour) % 12 + (12 if meridiem == "오후" else 0)
    try:
        local = datetime(int(year), int(month), int(day), hour_24, int(minute), int(second), tzinfo=_KST)
    except ValueError:
        return None
    return local.astimezone(timezone.utc)


_ISO_START = re.compile(r"^\d{4}-")
_W3DTF = re.compile(
    r"^(\d{4})(?:-(0?\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)
_MISSING_SPACE_AFTER_COMMA = re.compile(r"^([A-Za-z]{3}),(?=\S)")
_KOREAN_MERIDIEM = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (오전|오후) (\d{1,2}):(\d{2}):(\d{2})$")
_KST = timezone(timedelta(hours=9))
