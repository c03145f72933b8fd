"""Trade fairs from pages, free text and iCalendar files: name, dates, place, crafts."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from indexing.plausibility import fair_problem, year_problem
from indexing.taxonomy import tag_crafts
from spiders.extract.dates import DEFAULT_LANGUAGES, find_date_spans, resolve_span
from spiders.extract.fair_deadline import REGISTRATION_WORD, deadline_before
from spiders.extract.fair_edition import edition_number, edition_status, split_leading_edition, without_year
from spiders.extract.fair_listing import extract_listing_fairs
from spiders.extract.fair_markup import markup_fairs
from spiders.extract.fair_organizer import fair_organizer
from spiders.extract.fair_text import TextFair, extract_text_fairs
from spiders.extract.fair_vocab import fold
from spiders.extract.htmlinput import MAX_INPUT_BYTES, decode_html, parse_html
from spiders.extract.ical import ical_events, place_of
from spiders.extract.language import detect_language
from spiders.extract.markup import block_text
from spiders.extract.page_meta import safe_absolute_url
from spiders.extract.structured import jsonld_items, microdata_items, rdfa_items, walk

_LOG = logging.getLogger(__name__)
_LISTING_MIN_FAIRS = 3
_HEADLINE_LINES = 2
_HTML_HINT = re.compile(r"<(?:!doctype|html|head|body|div|p|article|section|table|span|a)\b", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"\bhttps?://[^\s<>\"'«»]+|\bwww\.[a-z0-9\-]+(?:\.[a-z0-9\-]+)+(?:/[^\s<>\"'«»]*)?", re.IGNORECASE)
_SOCIAL_SITE = re.compile(r"(?:facebook|instagram|twitter|linkedin|youtube|tiktok|pinterest)\.com", re.IGNORECASE)


@dataclass(frozen=True)
class ExtractedFair:
    name: str
    start_date: date | None
    end_date: date | None
    city: str | None
    country: str | None
    """ISO 3166-1 alpha-2."""
    venue: str | None
    organizer: str | None
    registration_deadline: date | None
    crafts: tuple[str, ...]
    url: str | None
    description: str | None
    website: str | None = None
    """The fair's official site, when the page names one (not the page's own URL)."""
    edition: int | None = None
    """The edition number the text gives ("47e édition", "87ª edizione", "الدورة 24")."""
    status: str = "scheduled"
    """schema.org eventStatus, lower-case: scheduled, postponed, cancelled, rescheduled or online."""
    year_basis: str = "explicit"
    """How the year of the dates was found: explicit, context (dateline, page date, weekday) or none."""
    series: str | None = None
    """The series the edition belongs to: the name without edition ordinals and years."""


@dataclass(frozen=True)
class CheckedFairs:
    fairs: list[ExtractedFair]
    rejected: list[str]
    """The plausibility reason code of every fair or value left out (indexing.plausibility)."""


def check_fairs(fairs: list[ExtractedFair]) -> CheckedFairs:
    """Fairs whose days break a plausibility rule are left out, an implausible deadline is dropped;
    each with its reason. Nothing is moved to a credible day."""
    kept, rejected = [], []
    for fair in fairs:
        if code := fair_problem(fair.start_date, fair.end_date):
            _LOG.info("left out fair %r: %s", fair.name[:100], code)
            rejected.append(code)
            continue
        deadline = fair.registration_deadline
        if deadline is not None and (code := year_problem(deadline.year)):
            rejected.append(code)
            fair = replace(fair, registration_deadline=None)
        kept.append(fair)
    return CheckedFairs(kept, rejected)


def extract_fairs(
    html_or_text: str | bytes,
    url: str | None = None,
    language: str | None = None,
    page_date: date | None = None,
) -> list[ExtractedFair]:
    """Every plausible fair a page or text announces; year-less dates need `page_date` or a year in the text."""
    return extract_checked_fairs(html_or_text, url, language, page_date).fairs


def parse_ical(data: bytes) -> list[ExtractedFair]:
    """Every plausible fair of an iCalendar file."""
    return check_fairs(ical_fairs(data)).fairs


def extract_checked_fairs(
    html_or_text: str | bytes,
    url: str | None = None,
    language: str | None = None,
    page_date: date | None = None,
) -> CheckedFairs:
    """The fairs of a page, with the reasons of those left out."""
    return check_fairs(_page_fairs(html_or_text, url, language, page_date))


def _page_fairs(html_or_text: str | bytes, url: str | None, language: str | None, page_date: date | None) -> list[ExtractedFair]:
    raw = decode_html(html_or_text) if isinstance(html_or_text, bytes) else html_or_text[:MAX_INPUT_BYTES]
    found: list[TextFair] = []
    if _HTML_HINT.search(raw[:2000]):
        tree = parse_html(raw)
        found += markup_fairs(list(walk(jsonld_items(tree) + microdata_items(tree, url))))
        if not found:
            found += markup_fairs(list(walk(rdfa_items(tree, url))))  # pyRdfa is slow: last resort
        text = block_text(tree)
        languages = _languages(text, language)
        listed = extract_listing_fairs(tree, languages)
        found += listed
        if len(listed) >= _LISTING_MIN_FAIRS:
            # A listing's free text only repeats its entries with looser pairing.
            return [_finish(fair, text, url, whole_text=False) for fair in _merge(found)]
    else:
        text = raw
    language = language or detect_language(text[:2000])
    found += extract_text_fairs(text, language, page_date)
    return [_finish(fair, text, url, whole_text=True) for fair in _merge(found)]


def ical_fairs(data: bytes) -> list[ExtractedFair]:
    fairs = []
    for event in ical_events(data):
        summary = str(event["summary"] or "")
        if not summary:
            continue
        venue, city, country = place_of(str(event["location"] or ""))
        description = str(event["description"] or "") or None
        fairs.append(ExtractedFair(
            name=summary,
            start_date=event["start"],  # type: ignore[arg-type]
            end_date=event["end"],  # type: ignore[arg-type]
            city=city,
            country=country,
            venue=venue,
            organizer=None,
            registration_deadline=None,
            crafts=tuple(tag_crafts(summary, description)),
            url=safe_absolute_url(event["url"], None) if event["url"] else None,  # type: ignore[arg-type]
            description=description,
        ))
    return fairs


def _languages(text: str, language: str | None) -> list[str]:
    detected = language or detect_language(text[:2000])
    return list(dict.fromkeys(([detected] if detected else []) + list(DEFAULT_LANGUAGES)))


_YEAR_WORD = re.compile(r"(?:19|20)\d\d")


def _merge(fairs: list[TextFair]) -> list[TextFair]:
    """One record per (name, start): markup first, then listings, then free text."""
    merged: dict[tuple[str, date | None], TextFair] = {}
    for fair in fairs:
        # "Rugs and Textiles Show 2025" from a heading, "Rugs and Textiles Show" in the text: one edition.
        key = (" ".join(w for w in re.findall(r"\w+", fold(fair.series or fair.name)) if not _YEAR_WORD.fullmatch(w)),
               fair.start)
        if key not in merged:
            merged[key] = fair
            continue
        kept = merged[key]
        merged[key] = TextFair(
            kept.name, kept.start, kept.end or fair.end, kept.city or fair.city, kept.country or fair.country,
            kept.venue or fair.venue, kept.description or fair.description, kept.series or fair.series,
            kept.year_basis, kept.website or fair.website, kept.edition or fair.edition,
            opens_series=kept.opens_series or fair.opens_series,
            declared_status=kept.declared_status or fair.declared_status,
            declared_organizer=kept.declared_organizer or fair.declared_organizer,
        )
    # A page's markup dates its event; the heading that names it again, undated, is the same fair.
    dated = {name for name, start in merged if start is not None}
    return [fair for (name, start), fair in merged.items() if start is not None or name not in dated]


def _own_status(fair: TextFair) -> str:
    """ "Paperworld has been cancelled, while Top Drawer … have been postponed": what follows the fair's name
    in its sentence speaks of it before what precedes it."""
    year = fair.start.year if fair.start else None
    after = edition_status(fair.own_clause, year)
    return after if after != "scheduled" else edition_status(fair.description or "", year)


def _finish(fair: TextFair, text: str, url: str | None, whole_text: bool) -> ExtractedFair:
    # What the fair's own sentence does not say, an announcement often says elsewhere; a listing's entries do not share it.
    whole = text if whole_text else ""
    leading, series = split_leading_edition(fair.name)
    status = fair.declared_status or _own_status(fair)
    if status == "scheduled" and whole and not fair.declared_status:
        # "Intergift, Bisutex y MadridJoya cambian de fechas": a headline says what the fair's sentence does not.
        status = edition_status("\n".join(whole.lstrip().split("\n")[:_HEADLINE_LINES]),
                                fair.start.year if fair.start else None)
    # An edition held online has no hall: a fairground named beside it is the cancelled or the next physical one's.
    online = status == "online"
    return ExtractedFair(
        name=series if leading else fair.name,  # "XXVI Feria …": the ordinal is the edition, not the name
        start_date=fair.start,
        end_date=fair.end,
        city=None if online else fair.city,
        country=None if online else fair.country,
        venue=None if online else fair.venue,
        organizer=fair.declared_organizer or fair_organizer(fair.description, whole),
        registration_deadline=_deadline(fair.description, fair.start) or _deadline(whole, fair.start),
        crafts=tuple(tag_crafts(fair.name, fair.description)),
        url=url,
        description=fair.description or None,
        website=fair.website or _website(fair.description, url),
        series=fair.series or without_year(series),
        edition=leading or fair.edition or edition_number(fair.description or "") or edition_number(whole)
        or (1 if fair.opens_series else None),
        status=status,
        year_basis=fair.year_basis if fair.start or fair.end else "none",
    )


def _website(description: str, page_url: str | None) -> str | None:
    """An address written next to the fair ("www.salon-cuir.ma", "site officiel : https://..."), not the page's own."""
    for match in _WEB_ADDRESS.finditer(description or ""):
        address = match.group(0).rstrip(".,;:)»\"'")
        full = address if address.lower().startswith("http") else "https://" + address
        if _SOCIAL_SITE.search(full) or (page_url and urlsplit(full).netloc.lower() == urlsplit(page_url).netloc.lower()):
            continue
        return full
    return None




def _deadline(description: str, start: date | None) -> date | None:
    text = description or ""
    if not REGISTRATION_WORD.search(text):
        return None  # every deadline has a registration word before it: no need to read the text's dates
    for span in find_date_spans(text):
        if not deadline_before(text, span):
            continue
        deadline, _ = resolve_span(span, start)
        if deadline and (start is None or deadline < start):
            return deadline
    return None