"""Which date spans belong to which fair of a text: each span to the nearest fair mention."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from spiders.extract.dates import DateSpan

MAX_PAIRING_GAP = 320
_CLAUSE_BREAK = re.compile(r"[,;.!?\n،؛]|\b(?:and|et|y|e|und|while|alors|mientras)\b")
_DATE_BEFORE_NAME_PENALTY = 1.6

Span = tuple[int, int]


class DatedFair(Protocol):
    positions: list[Span]
    spans: list[DateSpan]


def pair_dates(groups: Sequence[DatedFair], spans: Sequence[DateSpan], text: str) -> None:
    """Give each date span to the nearest fair mention, none of another fair lying between; then a fair left
    without dates takes the span written just before its name from a neighbour that writes its own dates
    before its name too ("el 9 de diciembre, la Feria A, y del 17 al 20, la Feria B")."""
    mentions = sorted(((pos, group) for group in groups for pos in group.positions), key=lambda m: m[0])
    choices: dict[int, list[tuple[float, DatedFair]]] = {}
    headed = _dates_heading_names(mentions, spans, text)
    for span, group in headed.items():
        group.spans.append(span)
    main = _most_mentioned(groups)
    # The festival a fair is held for is named beside it but never takes its dates, nor stands between them.
    eligible = [m for m in mentions if not _OCCASION.search(text[max(0, m[0][0] - _OCCASION_LOOKBEHIND):m[0][0]])] \
        if len({id(group) for group in groups}) > 1 else list(mentions)
    for span in spans:
        if span in headed:
            continue
        if main is not None and span.end is not None and _refers_back(span, mentions, text):
            main.spans.append(span)  # "Für die Schau vom 3. bis 7. Februar": the show the text is about
            continue
        valid = sorted(_candidates(span, eligible, text), key=lambda c: c[0])
        choices[id(span)] = valid
        if valid:
            valid[0][1].spans.append(span)
            for group in _joined_to(valid[0][1], mentions, text):
                group.spans.append(span)  # "Techtextil/Texprocess (21. bis 24. Juni)": the dates of both
    for group in groups:
        if not group.spans:
            _take_from_neighbour(group, groups, choices)


_MIN_HEADED = 2
# A sentence that dates "the show" without naming it, right at its start: "Für die Schau vom …", "The show runs …".
_BACK_REFERENCE = re.compile(
    r"\W*(?:(?:für|fur|auf)\s+)?(?:die\s+(?:schau|messe|veranstaltung)|the\s+(?:show|fair|event)|(?:pour\s+)?le\s+salon"
    r"|la\s+(?:foire|manifestation)|la\s+(?:feria|muestra|fiera|mostra|rassegna))\b",
    re.IGNORECASE)


def _most_mentioned(groups: Sequence[DatedFair]) -> DatedFair | None:
    ranked = sorted(groups, key=lambda g: -len(g.positions))
    if len(ranked) < 2 or len(ranked[0].positions) <= len(ranked[1].positions):
        return None
    return ranked[0]


def _refers_back(span: DateSpan, mentions: Sequence[tuple[Span, DatedFair]], text: str) -> bool:
    start = max(text.rfind(mark, 0, span.begin) for mark in (". ", "\n", "! ", "? ")) + 1
    stop = min((i for i in (text.find(mark, span.finish) for mark in (". ", "\n")) if i >= 0), default=len(text))
    if any(start <= begin < stop for (begin, _), _ in mentions):
        return False
    return _BACK_REFERENCE.match(text, start) is not None


def _dates_heading_names(mentions: Sequence[tuple[Span, DatedFair]], spans: Sequence[DateSpan],
                         text: str) -> dict[DateSpan, DatedFair]:
    """"07 Feb - 11 Feb 2027" over "Ambiente" over "Frankfurt, Germany", and so on down a directory: when the
    text opens its first fair with a date line and does so again, each date line is the fair's on the line below."""
    alone: dict[int, DateSpan] = {}
    for span in spans:
        start = text.rfind("\n", 0, span.begin) + 1
        stop = text.find("\n", span.finish)
        if text[start:stop if stop >= 0 else len(text)].strip() == text[span.begin:span.finish].strip():
            alone[stop if stop >= 0 else len(text)] = span  # keyed by the newline that ends its line
    headed: dict[DateSpan, DatedFair] = {}
    first = True
    for (begin, _), group in mentions:
        line_start = text.rfind("\n", 0, begin) + 1
        above = alone.get(line_start - 1) if text[line_start:begin].strip(" \t-•*") == "" else None
        if first and above is None:
            return {}
        first = False
        if above is not None and above not in headed:
            headed[above] = group
    return headed if len(headed) >= _MIN_HEADED else {}


# "Bisutex, Intergift y MadridJoya se celebrarán del 4 al 8 de febrero": fairs listed as one plural subject.
_LIST_JOINT = re.compile(r"\s*(?:,|&|\band\b|\bet\b|\by\b|\be\b|\bund\b)\s*$")
_PLURAL_VERB = re.compile(
    # the list's last name may be one the text gives no fair word to: "… y Madrid Joya se celebrarán"
    r"(?:\s*(?:,|&|\band\b|\bet\b|\by\b|\be\b|\bund\b)\s*(?:[A-Z][\w&'’\-]*\s*){1,3}?)?"
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*)?(?:se\s+celebrar[áa]n|se\s+celebran|tendr[áa]n\s+lugar|se\s+tiendront|se\s+tiennent"
    r"|auront\s+lieu|ont\s+lieu|se\s+d[ée]rouleront|se\s+d[ée]roulent|will\s+(?:both\s+|all\s+)?(?:take\s+place|be\s+held|run)"
    r"|take\s+place|are\s+held|run\s+(?:from|together|alongside)|finden\b|laufen\b|si\s+terranno|si\s+svolgeranno)",
    re.IGNORECASE)


def _joined_to(winner: DatedFair, mentions: Sequence[tuple[Span, DatedFair]], text: str) -> list[DatedFair]:
    """`mentions` in text order, as `pair_dates` sorts them."""
    joined: list[DatedFair] = []
    for index, ((begin, end), group) in enumerate(mentions):
        if group is not winner:
            continue
        for (_, other_end), other in mentions:
            if other is not winner and other_end <= begin and text[other_end:begin].strip() == "/" \
                    and not any(o is other for o in joined):
                joined.append(other)
        if not _PLURAL_VERB.match(text, end):
            continue
        position = index
        while position > 0:
            (_, before_end), before = mentions[position - 1]
            if before is winner or not _LIST_JOINT.fullmatch(text[before_end:mentions[position][0][0]]):
                break
            if not any(o is before for o in joined):
                joined.append(before)
            position -= 1
    return joined


# "… الذي ينظمه الديوان بمناسبة مهرجان الواحات": the festival it is held for, not the fair the dates belong to.
_OCCASION = re.compile(r"(?:بمناسبة|على\s+هامش|\bà\s+l['’]occasion\s+(?:de|du|des)|\bon\s+the\s+occasion\s+of|\bin\s+occasione\s+(?:di|del|della)"
                       r"|\bcon\s+motivo\s+(?:de|del)|\banl(?:ä|ae)sslich\s+(?:der|des)|\bas\s+part\s+of)\s*(?:the\s+|la\s+|le\s+|l['’]|el\s+)?$",
                       re.IGNORECASE)


_OCCASION_LOOKBEHIND = 30
# "sera célébré du 22 au 31 décembre, lors de la semaine nationale": the days, then the fair they are the days of.
_DURING = re.compile(r"\s*,?\s*(?:lors\s+d[eu]|pendant|durant|au\s+cours\s+d[eu]|during|at|durante|en\s+el\s+marco\s+de"
                     r"|nel\s+corso\s+(?:di|del|della)|in\s+occasione\s+(?:di|del|della)|w(?:ä|ae)hrend)"
                     r"\s*(?:la\s+|le\s+|les\s+|l['’]|the\s+|el\s+|il\s+|der\s+|des\s+)?", re.IGNORECASE)


def _candidates(span: DateSpan, mentions: Sequence[tuple[Span, DatedFair]], text: str) -> list[tuple[float, DatedFair]]:
    found: dict[int, tuple[float, DatedFair]] = {}
    for (begin, end), group in mentions:
        if end <= span.begin:
            gap = float(span.begin - end)
            between = [m for m in mentions if end <= m[0][0] and m[0][1] <= span.begin and m[1] is not group]
        elif begin >= span.finish:
            gap = (begin - span.finish) * _DATE_BEFORE_NAME_PENALTY
            # a month written "julio." keeps the sentence's full stop inside the span
            after = span.finish - 1 if text.endswith(".", 0, span.finish) else span.finish
            if (_CLAUSE_BREAK.search(text[after:begin]) and not _DURING.fullmatch(text[after:begin])) or _bracketed(span, text):
                # "..., and Shoppe Object", "Spring Fair got off to a start (Sunday 5 February) with Autumn Fair's
                # director": the date belongs to the clause before
                gap += 250
            between = [m for m in mentions if span.finish <= m[0][0] and m[0][1] <= begin and m[1] is not group]
        else:
            gap, between = 0.0, []
        if between or gap > MAX_PAIRING_GAP:
            continue
        if id(group) not in found or gap < found[id(group)][0]:
            found[id(group)] = (gap, group)
    return list(found.values())


def _bracketed(span: DateSpan, text: str) -> bool:
    return text[max(0, span.begin - 4):span.begin].rstrip().endswith("(") and text[span.finish:span.finish + 3].lstrip().startswith(")")


def _take_from_neighbour(group: DatedFair, groups: Sequence[DatedFair], choices: dict[int, list[tuple[float, DatedFair]]]) -> None:
    first = min(begin for begin, _ in group.positions)
    for donor in groups:
        if donor is group or len(donor.spans) < 2:
            continue
        donor_first = min(begin for begin, _ in donor.positions)
        before_own = [s for s in donor.spans if s.finish <= donor_first]
        given = [s for s in donor.spans if donor_first < s.begin and s.finish <= first
                 and any(g is group for _, g in choices.get(id(s), []))]
        if before_own and given:
            span = given[-1]
            donor.spans.remove(span)
            group.spans.append(span)
            return
