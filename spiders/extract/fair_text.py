"""Fairs announced in free text: names (known or by pattern) paired with the dates and places near them."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spiders.extract.dates import DateSpan, find_date_spans, resolve_span
from spiders.extract.fair_deadline import is_deadline_day
from spiders.extract.fair_closing import bare_closing_day, closes_only, days_after, merge_day_runs
from spiders.extract.fair_teasers import mask_teasers
from spiders.extract.fair_tense import previous_edition, superseded
from spiders.extract.fair_relative import dateline_spans, relative_start, store_dateline, wire_dateline
from spiders.extract.fair_edition import edition_after, edition_before, first_before
from spiders.extract.fair_years import Resolved, following_year, reference_date, resolve_fair_span
from spiders.extract.fair_pairing import pair_dates
from spiders.extract.fair_groups import FairGroup, group_mentions
from spiders.extract.fair_places import PlaceIndex
from spiders.extract.fair_log import ExtractionLog
from spiders.extract.fair_venue_choice import VenueChooser, VenueRow
from spiders.extract.fair_vocab import City, fold
from spiders.extract.textutil import line_around, one_line, sentence_around
from spiders.extract.world_places import names_a_region, town_after_name, town_ending_name

DATE_LANGUAGES = ("fr", "en", "es", "de", "it", "ar", "pt", "nl", "da")
# An opening verb, then at most a few short words ("débute ce", "opens on", "ينطلق يوم") before a date.
_OPENING_CUE = re.compile(
    r"(?:\bdebute|\bcommence|\bouvr\w*|\bdemarre|\bstarts?|\bopens?|\bbegins?|\bkicks?\s+off|\binaugur\w*"
    r"|\bbeginnt|\bstartet|\boffnet|\bcomienza|\babre|\binicia|\binizia|\bapre|\bse\s+inaugura\w*"
    r"|ينطلق|تنطلق|يفتتح|تفتتح|افتتاح|انطلاق)"
    r"(?:\s+[^\W\d_]{1,8}){0,2}\s*$"
)
_OPENING_LOOKBEHIND = 40
@dataclass(frozen=True)
class TextFair:
    name: str
    start: date | None
    end: date | None
    city: str | None
    country: str | None
    venue: str | None
    description: str
    series: str | None = None
    """A known fair's usual name, whatever form the text writes."""
    year_basis: str = "explicit"
    website: str | None = None
    """The fair's own site as the source declares it (schema.org url / sameAs)."""
    edition: int | None = None
    """An ordinal written just before the name ("le 1er Salon ...")."""
    own_clause: str = ""
    """The fair's sentence from its name on: what it says of this fair rather than of a neighbour before it."""
    opens_series: bool = False
    """Written "the first …" ("le premier salon africain de la céramique"): edition 1 unless a number says otherwise."""
    declared_status: str | None = None
    """The source's own schema.org eventStatus (markup), which beats what the text's words suggest."""
    declared_organizer: str | None = None


def extract_text_fairs(
    text: str, language: str | None, page_date: date | None, log: ExtractionLog | None = None
) -> list[TextFair]:
    languages = tuple(dict.fromkeys(([language] if language else []) + list(DATE_LANGUAGES)))
    text = mask_teasers(text)
    spans = merge_day_runs(find_date_spans(text, languages), text)
    groups = group_mentions(text)
    if not groups:
        return []
    # The page's dateline dates the page, not a fair; it still anchors year-less and relative days. A year-less
    # one ("MADRID 25 Ago. (EUROPA PRESS)") is the page's too; a date beside a fair's name on its line is the fair's.
    page_lines = [s for s in dateline_spans(text, spans)
                  if wire_dateline(text, s) or store_dateline(text, s) or not _names_a_fair(s, groups, text)]
    own_date = next((s for s in page_lines if s.has_year), None)
    page_days = {id(s) for s in page_lines}
    fair_spans = [s for s in spans if id(s) not in page_days and not is_deadline_day(text, s)]
    # A past edition's dates go when the text dates another range: they are not the fair an artisan can go to.
    earlier = [s for s in fair_spans if previous_edition(text, s)]
    if earlier and any(s.end is not None for s in fair_spans if s not in earlier):
        fair_spans = [s for s in fair_spans if s not in earlier]
    pair_dates(groups, fair_spans, text)
    for group in groups:
        # A moved edition's old days give way to the new range given for the same fair; a cancelled one keeps its own.
        old = [s for s in group.spans if superseded(text, s)]
        if old and any(s.end is not None for s in group.spans if s not in old):
            group.spans = [s for s in group.spans if s not in old]
    _give_orphan_range_to_main_fair(groups, fair_spans, text)
    places = PlaceIndex.build(text)
    chooser = VenueChooser(places, [g.positions for g in groups])
    # The text's own dateline dates it better than the day it was fetched (a crawl reads old news too).
    reference = (own_date.start.to_date() if own_date else None) or page_date or reference_date(spans, None)
    main = _main_group(groups)
    # A text that dates none of its fairs ("los salones Intergift, Bisutex y MadridJoya") is about the known ones.
    undated_known = not any(g.spans for g in groups)
    fairs: list[TextFair] = []
    for group in groups:
        wanted = group is main or (undated_known and group.known is not None)
        found = _fairs_of(group, text, places, chooser, reference, wanted, own_date is not None or page_date is not None, log)
        # "Die Keramikmesse findet am 12. April statt": a kind of fair with no place, or no day ("Fleischmarkt 1,
        # Wien" in a footer), is nothing an artisan can go to.
        fairs.extend(f for f in found if not group.kind_only or (f.venue or f.city) and (f.start or f.end))
    return _dedupe(fairs)


def _names_a_fair(span: DateSpan, groups: Sequence[FairGroup], text: str) -> bool:
    line_start, line_end = line_around(text, span.begin, span.finish)
    if any(line_start <= begin and end <= line_end for g in groups for begin, end in g.positions):
        return True
    # "Yorkshire Textile Fair" alone on the line above: an event's heading and its date, not a news dateline.
    if line_start == 0:
        return False
    above_start, above_end = line_around(text, line_start - 1, line_start - 1)
    above = text[above_start:above_end].strip()
    return bool(above) and any(text[begin:end].strip() == above for g in groups for begin, end in g.positions)


# --- dates ---------------------------------------------------------------------------------------


_OPENING_CHARS = 200


def _main_group(groups: Sequence[FairGroup]) -> FairGroup | None:
    """The fair a text is about: the most mentioned one, when no other is dated or as frequent."""
    ranked = sorted(groups, key=lambda g: (-len(g.positions), min(g.positions)))
    if any(g.spans for g in ranked[1:]):
        return None
    if len(ranked) > 1 and len(ranked[1].positions) == len(ranked[0].positions):
        # As often named as another: the one the text opens with, in its first lines.
        return ranked[0] if min(ranked[0].positions)[0] < _OPENING_CHARS else None
    return ranked[0]


def _give_orphan_range_to_main_fair(groups: list[FairGroup], spans: Sequence[DateSpan], text: str) -> None:
    """A text about one fair often gives its dates sentences away from its name ("elle se déroule du ...")."""
    main = max(groups, key=lambda g: len(g.positions))
    if main.spans or sum(1 for g in groups if len(g.positions) == len(main.positions)) > 1:
        return
    claimed = {id(s) for g in groups for s in g.spans}
    orphans = [s for s in spans if s.end is not None and id(s) not in claimed]
    # "Elle débute ce 28 février": a single day after an opening verb is the fair's start.
    orphans = orphans or [s for s in spans if id(s) not in claimed and _opens(s, text)]
    if orphans:
        main.spans.append(orphans[0])


def _opens(span: DateSpan, text: str) -> bool:
    return _OPENING_CUE.search(fold(text[max(0, span.begin - _OPENING_LOOKBEHIND):span.begin])) is not None


def _fairs_of(
    group: FairGroup, text: str, places: PlaceIndex, chooser: VenueChooser, reference: date | None, is_main: bool,
    dated_page: bool, log: ExtractionLog | None,
) -> list[TextFair]:
    name_city = _city_in_name(group, places)
    others = [span for spans in chooser.mentions if spans is not group.positions for span in spans]

    def record(start: date | None, end: date | None, anchor: tuple[int, int], date_span: tuple[int, int] | None,
               basis: str) -> TextFair:
        rows: list[VenueRow] = []
        venue = chooser.choose(group.positions, date_span, rows if log is not None else None,
                               group.known.city if group.known else name_city)
        fair = _record(group, start, end, anchor, text, places, basis, venue, name_city, others)
        if log is not None:
            log.venues.append((fair.name, fair.start, rows))
        return fair

    if not group.spans:
        # An undated fair is worth a record only when the text is about it.
        if not is_main:
            return []
        start = relative_start(text, group.positions, reference) if dated_page and reference else None
        return [record(start, None, group.positions[0], None, "context" if start else "none")]
    closing = [s for s in group.spans if closes_only(s, text)]
    opening = [s for s in group.spans if s not in closing]
    if not opening:
        # "prendra place jusqu'au 11 avril 2010": the end is known, the start is not.
        last, _, basis = resolve_fair_span(closing[0], group.positions, text, reference)
        anchor = (min(group.positions)[0], closing[0].finish)
        # "انطلقت أمس السبت … إلى غاية 9 مارس": opened the day before the dateline, open until the 9th.
        first = relative_start(text, group.positions, reference) if dated_page and reference else None
        first = first if first is not None and last is not None and first <= last else None
        return [record(first, last, anchor, (closing[0].begin, closing[0].finish), basis if last else "none")]
    ranked = sorted(opening, key=lambda s: (s.end is None, not s.has_year, s.begin))
    best = ranked[0]
    start, end, basis = resolve_fair_span(best, group.positions, text, reference)
    if end is None and start is not None:
        ends = (resolve_fair_span(s, group.positions, text, start).start for s in closing)
        end = min((e for e in ends if e is not None and e > start), default=None)
        if end is None and not best.has_year:
            start, end = _opened_the_year_before(start, closing)
    if end is None and start is not None and best.end is None:
        end = _closing_day(start, bare_closing_day(text, best.finish))
        lasts = days_after(text, best.finish) if end is None else None
        end = start + timedelta(days=lasts - 1) if lasts else end
    anchor = (min(group.positions)[0], best.finish)
    records = [record(start, end, anchor, (best.begin, best.finish), basis)]
    # Next year's dates, not the same days restated ("se celebrará el año que viene … del 1 al 5 de mayo").
    days = (best.start.day, best.start.month)
    later = [(s, r) for s in ranked[1:]
             if start is not None and (s.start.day, s.start.month) != days and (r := following_year(s, text, start.year))]
    # A year-less season of a dated edition is the one nearest that edition ("gennaio 2021" puts "settembre" in 2020).
    for other, resolved in [(s, resolve_fair_span(s, group.positions, text, reference) if s.has_year or start is None
                             else Resolved(*resolve_span(s, start), "context"))
                            for s in _other_editions(ranked[1:], best, group.positions) if s not in (x for x, _ in later)] + later:
        # "geplant 10. bis 14. März 2021 ... die nächste Ausgabe vom 9. bis 13. März 2022": one record per edition.
        first, last, _ = resolved
        edition = record(first, last, (other.begin, other.finish), (other.begin, other.finish), resolved.year_basis)
        records.append(replace(edition, venue=edition.venue or records[0].venue, city=edition.city or records[0].city,
                               country=edition.country or records[0].country))
    return records


_MAX_FAIR_DAYS = 31


def _opened_the_year_before(start: date, closing: Sequence[DateSpan]) -> tuple[date, date | None]:
    """"abrirá el 20 de diciembre y cerrará el 5 de enero de 2025": the closing date's year is the next one's."""
    for span in closing:
        last = span.start.to_date() if span.has_year else None
        if last is None or last >= start:
            continue
        try:
            first = start.replace(year=start.year - 1)
        except ValueError:
            continue
        if first < last <= first + timedelta(days=_MAX_FAIR_DAYS * 2):
            return first, last
    return start, None


def _closing_day(start: date, day: int | None) -> date | None:
    """The closing day after `start`: in its month, or the next when the day number is smaller."""
    if day is None:
        return None
    month_start = start.replace(day=1)
    for month in (month_start, (month_start + timedelta(days=32)).replace(day=1)):
        try:
            end = month.replace(day=day)
        except ValueError:
            continue
        if start < end <= start + timedelta(days=_MAX_FAIR_DAYS):
            return end
    return None


_SEASON_GAP = 100


def _near_a_mention(span: DateSpan, positions: Sequence[tuple[int, int]], spans: Sequence[DateSpan]) -> bool:
    """Written close to one of the fair's own names with no other date between: a season, not a neighbour's dates
    paired from afar ("Maison&Objet (16-20 January) …, and finally Index in Dubai on 27-29 May")."""
    for begin, end in positions:
        low, high = (end, span.begin) if end <= span.begin else (span.finish, begin)
        if high - low <= _SEASON_GAP and not any(s is not span and low <= s.begin < high for s in spans):
            return True
    return False


def _other_editions(spans: Sequence[DateSpan], best: DateSpan, positions: Sequence[tuple[int, int]]) -> list[DateSpan]:
    """Further dated ranges of the same fair in other years: other editions, not the same one restated."""
    if best.end is None or not best.has_year:
        return []
    years = {best.start.year}
    months = {best.start.month}
    editions = []
    for span in spans:
        if span.end is None:
            continue
        if span.has_year and span.start.year not in years:
            years.add(span.start.year)
            editions.append(span)
        elif not span.has_year and span.start.month not in months and _near_a_mention(span, positions, [best, *spans]):
            # "dal 4 al 18 settembre … a gennaio 2021, dal 22 al 26": a twice-yearly fair's other season.
            months.add(span.start.month)
            editions.append(span)
    return editions


_CLAUSE_CHARS = 400


def _city_in_name(group: FairGroup, places: PlaceIndex) -> City | None:
    for mention in places.cities:
        if isinstance(mention.entry, City) and any(b <= mention.begin and mention.end <= e for b, e in group.positions):
            return mention.entry
    return None


def _record(
    group: FairGroup, start: date | None, end: date | None, anchor: tuple[int, int], text: str, places: PlaceIndex,
    year_basis: str, venue: VenueRow | None, name_city: City | None, others: Sequence[tuple[int, int]] = (),
) -> TextFair:
    place = places.near(*anchor, others)
    # A city in the fair's own name, else a listed fairground's own city, beat the city the text names nearest.
    city = (group.known.city if group.known else None) or name_city \
        or next((t for _, end in sorted(group.positions) if (t := town_after_name(text, end))), None) \
        or (venue.city if venue else None) or place.city \
        or town_ending_name(group.display_name) or (town_ending_name(venue.surface) if venue else None)
    country = city.country if city else (group.known.country if group.known else None)
    if group.region is not None:
        city, country = group.region
    sentence_start, sentence_end = sentence_around(text, anchor[0], anchor[0])
    description = one_line(text[sentence_start:sentence_start + 300])
    own_clause = one_line(text[anchor[0]:min(sentence_end, anchor[0] + _CLAUSE_CHARS)])
    return TextFair(
        name=one_line(group.display_name),
        start=start,
        end=end,
        city=city.name if city else None,
        country=country,
        venue=venue.surface if venue else None,
        description=description,
        series=group.known.name if group.known else None,
        year_basis=year_basis,
        edition=next((e for begin, end in sorted(group.positions)
                      if (e := edition_before(text, begin) or edition_after(text, end))), None),
        own_clause=own_clause,
        opens_series=any(first_before(text, begin) for begin, _ in group.positions),
    )


def _dedupe(fairs: list[TextFair]) -> list[TextFair]:
    seen: set[tuple[str, date | None]] = set()
    unique = []
    for fair in fairs:
        if fair.start is not None and any(_regional_edition_of(other, fair) for other in fairs):
            continue  # "DOMOTEX Middle East … April 23-25": the days are the regional edition's, not the brand's
        key = (fold(fair.name), fair.start)
        if key not in seen:
            seen.add(key)
            unique.append(fair)
    return unique


def _regional_edition_of(edition: TextFair, brand: TextFair) -> bool:
    if (edition.start, edition.end) != (brand.start, brand.end) or edition is brand:
        return False
    name, longer = one_line(brand.name), one_line(edition.name)
    return longer.lower().startswith(name.lower() + " ") and names_a_region(longer[len(name):])
