"""Which year a fair's day-month dates belong to, when the dates themselves do not say."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from spiders.extract.datefold import fold_same_length
from spiders.extract.dates import DateSpan, nearest_year, resolve_span
from spiders.extract.fair_relative import store_date_end, weekday_of_span
from spiders.extract.fair_tense import needs_other_year, reported_as_past
from spiders.extract.textutil import sentence_around

_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
_ISSUE_LINE = re.compile(r"^(?:[^\W\d_]{3,12}\.?\s+)?((?:19[5-9]|20\d)\d)$")
_ISSUE_LINES = 8
# "seit 1949", "depuis 1987", "since 1949": a founding year, not the year of these dates.
_SINCE = re.compile(r"(?:\bseit|\bdepuis|\bsince|\bdesde|\bdal|\bdall'|\bfin\s+dal|منذ)\s*(?:l'an\s+|el\s+año\s+|dem\s+jahr\s+)?$", re.IGNORECASE)
# "Le roi Mohammed V a fondé l'organisation en 1957", "founded in 1982": the organiser's year, not the fair's.
_FOUNDED = re.compile(r"(?:\bfond[ée]e?s?|\bcr[ée]{2}e?s?|\bfounded|\bestablished|\bgegr[üu]ndet|\bfundad[ao]s?|\bfondat[ao]"
                      r"|تأسست|تأسس|أسست|أسس|أنشئت|أنشئ)\b[^.\n]*$", re.IGNORECASE)
_FOUNDED_CHARS = 40
_EDITION_YEAR = re.compile(
    r"\b(?:edizione|edición|edicion|édition|edition|ausgabe|auflage|edição)\s+(?:de\s+|di\s+|del\s+)?((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)\s+(?:edition|edizione|ausgabe)\b"
    r"|(?:دورة|الدورة|نسخة|النسخة|طبعة|الطبعة)\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


# "Ab dem nächsten Jahr … vom 24. bis 27. Juni": the following edition, a year after the one the text dates.
_NEXT_YEAR = re.compile(
    r"(?:nachste[nm]?|kommende[nm]?)\s+jahr|\bnext\s+year|annee\s+prochaine|an\s+prochain|prochaine\s+edition"
    r"|(?:proximo|siguiente)\s+ano|ano\s+(?:proximo|que\s+viene)|(?:prossimo|l'anno)\s+(?:anno|prossimo)"
    r"|العام\s+(?:المقبل|القادم)|السنة\s+(?:المقبلة|القادمة)",
    re.IGNORECASE,
)
_NEXT_YEAR_LOOKBEHIND = 120


def following_year(span: DateSpan, text: str, year: int) -> Resolved | None:
    """A year-less range said to be next year's: the edition after `year`'s."""
    if span.has_year or span.end is None:
        return None
    window = max(sentence_around(text, span.begin, span.begin)[0], span.begin - _NEXT_YEAR_LOOKBEHIND)
    before = fold_same_length(text[window:span.begin]).lower()
    start = span.start.with_year(year + 1) if _NEXT_YEAR.search(before) else None
    return Resolved(*resolve_span(span, start), "context") if start is not None else None


def reference_date(spans: Sequence[DateSpan], page_date: date | None) -> date | None:
    """The date year-less days are read against: the page's date, else the text's first full date (a dateline)."""
    if page_date is not None:
        return page_date
    dated = (s.start.to_date() for s in spans if s.has_year)
    return next((d for d in dated if d is not None), None)


class Resolved(NamedTuple):
    start: date | None
    end: date | None
    year_basis: str
    """explicit (the year is written with the dates or the name), context (elsewhere in the text) or none."""


def resolve_fair_span(span: DateSpan, positions: Sequence[tuple[int, int]], text: str, reference: date | None) -> Resolved:
    if span.has_year:
        return Resolved(*resolve_span(span, None), "explicit")
    for year, basis in (
        (_year_in_sentence(span, text), "explicit"),
        (_list_heading_year(span, text) or _year_next_to_name(positions, text) or _edition_year(text), "context"),
    ):
        start = span.start.with_year(year) if year is not None else None
        if start is not None:
            if basis == "context":
                # "ce dimanche 5 mai" in a text that names "l'édition 2018": the Sunday next to that year (2019).
                start = _weekday_year(span, text, start) or start
            return Resolved(*resolve_span(span, start), basis)
    if reference is not None:
        return Resolved(*resolve_span(span, _weekday_year(span, text, reference) or _tensed(span, text, reference)), "context")
    for year in (headline_year(text), _only_year(text)):
        start = span.start.with_year(year) if year is not None else None
        if start is not None:
            # A page dated by its month only ("date 2024-06"): a written weekday may put the day in the next year.
            return Resolved(*resolve_span(span, _weekday_year(span, text, start) or start), "context")
    return Resolved(None, None, "none")


def _tensed(span: DateSpan, text: str, reference: date) -> date:
    """The reference itself, or the day in the year the sentence's tense asks for ("se tiendra", "s'est tenue")."""
    nearest = span.start.with_year(nearest_year(span.start, reference))
    if nearest is None:
        return reference
    return needs_other_year(nearest, reference, span, text) or reference


def _weekday_year(span: DateSpan, text: str, reference: date) -> date | None:
    """"samedi 12 avril" read against a page of June 2024: the year near the page whose 12 April is a Saturday
    (2025), not merely the nearest one; None when no weekday is written or none of the near years fits."""
    weekday = weekday_of_span(text, span)
    if weekday is None:
        return None
    candidates = [(abs(year - reference.year), year) for year in range(reference.year - 1, reference.year + 2)]
    for _, year in sorted(candidates):
        day = span.start.with_year(year)
        if day is not None and day.weekday() == weekday:
            return day
    return None


def headline_year(text: str) -> int | None:
    """'Spring Fair 2022 will go ahead', ' date 2020-01': the one year a text's first line names."""
    lines = [line.strip() for line in text.lstrip().split("\n")[:_ISSUE_LINES] if line.strip()]
    years = {int(y) for y in _YEAR.findall(lines[0][:200])} if lines else set()
    if not years:
        # A magazine's issue line near the top ("Octobre 2012", "March 2021") dates the text.
        years = {int(m.group(1)) for line in lines[1:] if (m := _ISSUE_LINE.match(line))}
    return years.pop() if len(years) == 1 else None


def _year_in_sentence(span: DateSpan, text: str) -> int | None:
    """'Pour l'année 2018 elle se déroule du 27 avril au 8 mai': a year in the same sentence."""
    # "between March 26 and April 6. The city, ranked second in 2009": a day's full stop may end the sentence too
    finish = span.finish - 1 if text[span.finish - 1:span.finish] == "." else span.finish
    begin, end = sentence_around(text, span.begin, finish)
    begin = max(begin, store_date_end(text))  # the page's date, glued to the first sentence
    years = [(abs(m.start() - span.begin), int(m.group(0))) for m in _YEAR.finditer(text, begin, end)
             if not _SINCE.search(text, max(begin, m.start() - 12), m.start())]
    return min(years)[1] if years else None


_LIST_ITEM = re.compile(r"^\s*[-•*·▪►–]")
_MAX_LIST_LINES = 40


def _list_heading_year(span: DateSpan, text: str) -> int | None:
    """"Calendrier 2025 :" over "• Oujda : du 10 au 16 mars": the one year of the heading a list item is under."""
    line_start = text.rfind("\n", 0, span.begin) + 1
    if not _LIST_ITEM.match(text[line_start:line_start + 8]):
        return None
    above = text[:line_start].rstrip("\n").split("\n")[::-1][:_MAX_LIST_LINES]
    for line in above:
        if _LIST_ITEM.match(line) or not line.strip():
            continue
        years = {int(y) for y in _YEAR.findall(line)}
        return years.pop() if line.rstrip().endswith(":") and len(years) == 1 else None
    return None


def _only_year(text: str) -> int | None:
    """The one year a whole text names (a caption's "mostra artigianato 2023"), founding years aside."""
    years = {int(m.group(0)) for m in _YEAR.finditer(text) if not _SINCE.search(text, max(0, m.start() - 12), m.start())
             and not _FOUNDED.search(text, max(0, m.start() - _FOUNDED_CHARS), m.start())}
    return years.pop() if len(years) == 1 else None


def _edition_year(text: str) -> int | None:
    """'L'edizione 2025', 'the 2026 edition', 'Ausgabe 2025': the edition a text is about."""
    past = None
    for match in _EDITION_YEAR.finditer(text):
        year = int(match.group(1) or match.group(2) or match.group(3))
        # "A edição de 2016 recebeu 372 mil visitantes": a past edition compared, not the one announced …
        if not reported_as_past(text, match.start(), match.end()):
            return year
        past = past or year
    # … which is the next year's, when the text names that year too ("…, e 2017 pretende atrair ainda mais").
    return past + 1 if past is not None and str(past + 1) in _YEAR.findall(text) else None


def _year_next_to_name(positions: Sequence[tuple[int, int]], text: str) -> int | None:
    """'Heimtextil 2020', 'SIAO 2024', 'Salon du livre de Casablanca 2018'."""
    for _, end in positions:
        after = _YEAR.match(text[end:end + 6].lstrip(" ’'-:"))
        if after:
            return int(after.group(0))
    return None


# --- records ---------------------------------------------------------------------------------------
