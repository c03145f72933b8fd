"""Days a text gives relative to its own dateline: "begins tomorrow", "s'ouvre ce mercredi", "انطلق اليوم الجمعة"."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from spiders.extract.datefold import fold_same_length
from spiders.extract.dates import DateSpan, weekday_names
from spiders.extract.fair_tense import told_as_past
from spiders.extract.labelled_date import PUBLICATION_LABEL
from spiders.extract.textutil import line_around

_DATELINE_LINES = 5
_DATELINE_SLACK = 30
_WEEKDAY_LOOKBEHIND = 16
# "Au Fait Maroc (June 4, 2013) — The 4th edition…", "RABAT, 3 mai 2027 (MAP) -": a wire story's dateline.
_WIRE_DATELINE = re.compile(r"\)?\s*(?:\([A-Z][A-Za-z .]{1,20}\)\.?\s*)?[—–-]\s")
"""Characters a dateline line may carry besides its date ("Publié le", "Posted on", a weekday)."""
_AROUND_MENTION = 80
_TODAY = r"today|aujourd'hui|hoy|oggi|heute|اليوم"
_TOMORROW = r"tomorrow|demain|manana|domani|morgen|غدا"
_THIS = r"ce|this|este|questo|diesen|am|le|el|il|on|يوم|اليوم"
_YESTERDAY = r"yesterday|hier|ayer|ieri|gestern|أمس|امس|البارحة"  # the window is folded: "أمس" reads "امس"
_THIS_COMING = re.compile(r"(?:ce|this|este|questo|diesen)\s", re.IGNORECASE)
# "a ouvert ses portes mardi", "ouvre ses portes jeudi": a weekday right after the opening itself.
_OPENING_BEFORE_WEEKDAY = r"(?:ses\s+portes|its\s+doors|sus\s+puertas|i\s+battenti|seine\s+tore|ihre\s+tore)\s"


# "Mis à jour le …", "Updated …": the page's dates, like its publication label's.
_UPDATE_LABEL = re.compile(r"^\W*(?:mis\s+à\s+jour(?:\s+le)?|updated(?:\s+on)?|last\s+updated|actualizado(?:\s+el)?"
                           r"|aktualisiert(?:\s+am)?|aggiornato(?:\s+il)?)\s*:?\s*", re.IGNORECASE)
_LABEL_GAP = 4
# "Date: 5th April 2025" over "Location: Bristol Harbourside": an event's own fields, not the page's dateline.
_EVENT_DATE_LABEL = re.compile(r"^\W*(?:dates?|when|quand|fechas?|wann|termine?|data|التاريخ|الموعد)\s*:\s*", re.IGNORECASE)
_EVENT_FIELD_LABEL = re.compile(r"^\W*(?:venue|location|where|place|lieu|adresse|address|ort|veranstaltungsort|lugar|luogo"
                                r"|sede|المكان|event|[ée]v[ée]nement|evento|veranstaltung|name|nom|nombre|nome|organi[sz]er"
                                r"|organisateur|organizador|veranstalter)(?:\s+name)?\s*:", re.IGNORECASE | re.MULTILINE)
_FIELD_LINES = 2


# The store's page date opening a text: " date 2026-01-02 El Mercado …".
_STORE_DATE = re.compile(r"\s*date\s+$")
_STORE_DATE_PREFIX = re.compile(r"\s*date\s+\d{4}-\d{2}(?:-\d{2})?(?!\d)")


def store_date_end(text: str) -> int:
    """Where the store's page date that opens the text ends (0 when it has none)."""
    match = _STORE_DATE_PREFIX.match(text)
    return match.end() if match else 0


def store_dateline(text: str, span: DateSpan) -> bool:
    """" date 2026-01-02 El Mercado …": the date the text's store gives the page, even glued to its first paragraph."""
    return span.end is None and _STORE_DATE.match(text[:span.begin]) is not None


def dateline_spans(text: str, spans: Sequence[DateSpan]) -> list[DateSpan]:
    """Single dates alone (or nearly) on the first lines, with a year or not ("MADRID 25 Ago. (EUROPA PRESS)"),
    and a date right after a publication label anywhere ("Publié le 12/04/2023 à 18h30")."""
    lines = [line for line in text.lstrip().split("\n")[:_DATELINE_LINES * 2] if line.strip()][:_DATELINE_LINES]
    limit = text.find(lines[-1]) + len(lines[-1]) if lines else 0
    found = []
    for span in spans:
        if span.end is not None:
            continue
        if span.begin >= limit:
            if _labelled(text, span) or _timestamp(text, span):
                found.append(span)
            continue
        if store_dateline(text, span):
            found.append(span)
            continue
        line_start, line_end = line_around(text, span.begin, span.finish)
        if _event_field(text, line_start, line_end, span.begin):
            continue
        # The store's " date 2025-08-25" and a wire dateline may share the line: neither counts against the other.
        on_line = [s for s in spans if s.end is None and line_start <= s.begin and s.finish <= line_end]
        if len(text[line_start:line_end].strip()) - sum(s.finish - s.begin for s in on_line) <= _DATELINE_SLACK \
                or wire_dateline(text, span):
            found.append(span)
    return found


# "19. November 2013, 05:30 Uhr", "15/11/2024 à 10:40": a dated time stamp on its own line is the page's.
_STAMP_TIME = re.compile(r"\s*(?:,|à|a|at|um|-|–|\|)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?", re.IGNORECASE)


def _timestamp(text: str, span: DateSpan) -> bool:
    stamp = _STAMP_TIME.match(text, span.finish)
    if span.start.year is None or stamp is None:
        return False
    line_start, line_end = line_around(text, span.begin, span.finish)
    return len(text[line_start:line_end].strip()) - (stamp.end() - span.begin) <= _DATELINE_SLACK


def _event_field(text: str, line_start: int, line_end: int, begin: int) -> bool:
    label = _EVENT_DATE_LABEL.match(text[line_start:begin])
    if label is None or line_start + label.end() != begin:
        return False
    before = text[:line_start].split("\n")[-_FIELD_LINES - 1:]
    after = text[line_end:].split("\n")[:_FIELD_LINES + 1]
    return any(_EVENT_FIELD_LABEL.match(line) for line in before + after)


def _labelled(text: str, span: DateSpan) -> bool:
    line_start, _ = line_around(text, span.begin, span.finish)
    before = text[line_start:span.begin]
    label = PUBLICATION_LABEL.match(before) or _UPDATE_LABEL.match(before)
    return label is not None and span.begin - (line_start + label.end()) <= _LABEL_GAP


def wire_dateline(text: str, span: DateSpan) -> bool:
    return _WIRE_DATELINE.match(text, span.finish) is not None


def relative_start(text: str, positions: Sequence[tuple[int, int]], base: date) -> date | None:
    """The day a relative word next to a mention of the fair names, read against the dateline `base`."""
    pattern = _relative_pattern()
    for begin, end in sorted(positions):
        window = fold_same_length(text[max(0, begin - _AROUND_MENTION):end + _AROUND_MENTION])
        match = pattern.search(window)
        if match is None:
            continue
        if match.group("since_weekday"):
            # "accueille depuis jeudi", "seit Donnerstag": the opening day, on or before the page's
            wanted = _weekday_index(match.group("since_weekday"))
            if wanted is not None:
                return base - timedelta(days=(base.weekday() - wanted) % 7)
        weekday = match.group("weekday") or match.group("bare_weekday")
        if weekday:
            wanted = _weekday_index(weekday)
            if wanted is not None:
                # "opened on Sunday", "a ouvert ses portes mardi": the day before the page; "ce mercredi" is to come
                if told_as_past(window) and not _THIS_COMING.match(match.group(0)):
                    return base - timedelta(days=(base.weekday() - wanted) % 7)
                return base + timedelta(days=(wanted - base.weekday()) % 7)
        if match.group("tomorrow"):
            return base + timedelta(days=1)
        if match.group("yesterday"):
            return base - timedelta(days=1)
        if match.group("today"):
            return base
    return None


@lru_cache(maxsize=1)
def _relative_pattern() -> re.Pattern[str]:
    weekdays = "|".join(sorted(_weekday_indexes(), key=len, reverse=True))
    return re.compile(
        rf"(?<![^\W\d_])(?:(?:{_THIS})\s+(?P<weekday>{weekdays})|(?P<tomorrow>{_TOMORROW})|(?P<yesterday>{_YESTERDAY})"
        rf"|(?P<today>{_TODAY})|{_OPENING_BEFORE_WEEKDAY}(?P<bare_weekday>{weekdays})"
        rf"|(?:depuis|since|desde\s+el|dal|seit|منذ\s+يوم|منذ)\s+(?P<since_weekday>{weekdays}))(?![^\W\d_])",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _weekday_indexes() -> dict[str, int]:
    """Full weekday names (the first seven of each language, Monday first; Arabic lists variants in order)."""
    indexes: dict[str, int] = {}
    for language, names in weekday_names().items():
        if language == "ar":
            for name, index in (("الإثنين", 0), ("الاثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2), ("الاربعاء", 2),
                                ("الخميس", 3), ("الجمعة", 4), ("السبت", 5), ("الأحد", 6), ("الاحد", 6)):
                indexes[fold_same_length(name)] = index
            continue
        full = [n for n in names if len(n) > 3][:7] if language != "de" else ["montag", "dienstag", "mittwoch",
                                                                               "donnerstag", "freitag", "samstag", "sonntag"]
        for index, name in enumerate(full):
            indexes.setdefault(fold_same_length(name), index)
    return indexes


def weekday_of_span(text: str, span: DateSpan) -> int | None:
    """The weekday written with a date's first day ("samedi 12 avril", "Saturday, April 12"), Monday = 0."""
    digit = next((i for i in range(span.begin, span.finish) if text[i].isdigit()), span.finish)
    before = fold_same_length(text[max(0, span.begin - _WEEKDAY_LOOKBEHIND):digit]).lower()
    words = re.findall(r"[^\W\d_]+", before)
    for position in range(len(words) - 1, max(-1, len(words) - 4), -1):
        if (index := _weekday_index(words[position])) is not None:
            # "Samstag und Sonntag, 23. und 24. März": two weekdays for the two days, the first is the start's.
            if position >= 2 and words[position - 1] in _DAY_PAIR_LINKS \
                    and (first := _weekday_index(words[position - 2])) is not None:
                return first
            return index
    return None


_DAY_PAIR_LINKS = frozenset({"und", "et", "and", "y", "e", "au", "to", "bis", "al", "ou", "or", "o"})


def _weekday_index(word: str) -> int | None:
    return _weekday_indexes().get(word.lower())
