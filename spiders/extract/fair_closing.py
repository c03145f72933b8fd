"""Dates that close a fair without opening it: "jusqu'au 11 avril", "until March 3", "fino al 21 aprile"."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from spiders.extract.datefold import fold_same_length
from spiders.extract.dates import DateSpan

# An "until" word, then at most an article or a weekday-sized word, right before the date.
_UNTIL_WORDS = (
    r"(?:\bjusqu\W{0,2}(?:au|a|à|le)|\buntil|\btill|\bthrough|\bfino\s+al?l?|\bhasta(?:\s+el)?|\bbis(?:\s+zu[mr])?(?:\s+(?:einschlie(?:ss|ß)lich|inklusive))?"
    r"|\btot\s+en\s+met|\bate(?:\s+(?:ao|a|o\s+dia|dia))?|حتى|غاية|لغاية)"
)
_UNTIL = re.compile(
    _UNTIL_WORDS + r"(?:\s+(?:le|el|the|il|den|dem|o|a))?(?:\s+[^\W\d_]{2,12}[.,]?)?\s*$",
    re.IGNORECASE,
)
# "إلى يوم السبت المقبل الموافق 11 يناير": "to the day", then a weekday, "next", "corresponding to".
_ARABIC_UNTIL = re.compile(r"(?:حتى|غاية|لغاية|إلى|الى)(?:\s+يوم)?(?:\s+[^\W\d_]{2,12}){0,3}\s*$")
# A closing verb, then at most three short words ("closes on", "fermera ses portes le", "cerrará el", "يختتم يوم").
_CLOSING_WORDS = (
    r"(?:\bclos(?:es|ing)|\bends?\b|\bwraps?\s+up|\bfermer\w*|\bferme\b|\bclotur\w*|\bse\s+termin\w*|\bs'acheve\w*"
    r"|\bprend(?:ra)?\s+fin|\bcerrar\w*|\bcierra\w*|\bfinaliza\w*|\bconclu\w*|\bchiud\w*|\btermin\w*|\bendet\b"
    r"|\bschlie(?:ss|ß)t|يختتم|تختتم|اختتام|تسدل|يسدل"
    # told after the fact: "s'est achevé ce dimanche 5 mai", "closed on 5 May", "se clausuró el"
    r"|\bs'est\s+(?:achev|termin|clotur|clos)\w*|\ba\s+ferme\b|\bclosed\b|\bended\b|\bse\s+clausur\w*|\bcerro\b"
    r"|\bsi\s+e\s+(?:chius|conclus)\w*|\bwurde\s+beendet)"
)
_CLOSING_VERB = re.compile(
    _CLOSING_WORDS + r"(?:\s+[^\W\d_]{1,8}){0,3}\s*$",
    re.IGNORECASE,
)
_LOOKBEHIND = 40


def closes_only(span: DateSpan, text: str) -> bool:
    """A single date that says when a fair ends ("se poursuivra jusqu'au 11 avril")."""
    if span.end is not None:
        return False
    before = fold_same_length(text[max(0, span.begin - _LOOKBEHIND):span.begin])
    return any(p.search(before) is not None for p in (_UNTIL, _ARABIC_UNTIL, _CLOSING_VERB))


# "… abre el 8 de diciembre y cerrará el 17", "ouvre le 8 décembre et se poursuit jusqu'au 17": the closing
# day alone, its month the opening's.
_BARE_CLOSING_DAY = re.compile(
    r"(?:" + _UNTIL_WORDS + "|" + _CLOSING_WORDS + r")"
    r"(?:\s+[^\W\d_]{1,8}){0,3}?\s+(?:le\s+|el\s+|il\s+|the\s+|on\s+(?:the\s+)?|am\s+|al\s+|au\s+)?"
    r"(\d{1,2})(?:er|st|nd|rd|th|\.)?(?=\s*(?:[.,;)!]|$)|\s+(?:et|and|y|e|und|with|avec|con)\b)",
    re.IGNORECASE,
)
_MAX_CLOSING_GAP = 160
_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÀ-Ý]|\n\s*\n")


def bare_closing_day(text: str, after: int) -> int | None:
    """The day of a closing phrase that writes no month, in the sentence that gave the opening date."""
    window = text[after:after + _MAX_CLOSING_GAP]
    stop = _SENTENCE_END.search(window)
    window = fold_same_length(window[:stop.start() + 1] if stop else window)
    match = _BARE_CLOSING_DAY.search(window)
    if match is None:
        return None
    day = int(match.group(1))
    return day if 1 <= day <= 31 else None


_NUMBER_WORDS = {
    word: number for number, words in (
        (2, ("deux", "two", "dos", "due", "zwei", "dois")), (3, ("trois", "three", "tres", "tre", "drei", "tres")),
        (4, ("quatre", "four", "cuatro", "quattro", "vier", "quatro")), (5, ("cinq", "five", "cinco", "cinque", "funf")),
        (6, ("six", "seis", "sei", "sechs")), (7, ("sept", "seven", "siete", "sette", "sieben", "sete")),
        (8, ("huit", "eight", "ocho", "otto", "acht", "oito")), (9, ("neuf", "nine", "nueve", "nove", "neun")),
        (10, ("dix", "ten", "diez", "dieci", "zehn", "dez")),
    ) for word in words
}
# "ouvre ses portes le 5 septembre pour cinq jours", "opens on 3 May for four days": the length, not the last day.
_FOR_DAYS = re.compile(
    r"^[^.!?;,\n]{0,16}?\b(?:pour|pendant|durant|for|over|durante|por|per|fur)\s+(\d{1,2}|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\s+(?:jours|days|dias|giorni|tage|journees)\b")


def days_after(text: str, after: int) -> int | None:
    """How many days a fair lasts, said right after its opening day; None when the text does not say."""
    match = _FOR_DAYS.match(fold_same_length(text[after:after + _MAX_CLOSING_GAP]))
    if match is None:
        return None
    number = int(match.group(1)) if match.group(1).isdigit() else _NUMBER_WORDS[match.group(1)]
    return number if 2 <= number <= 31 else None


_RUN_GAP_CHARS = 40
_RUN_BREAK = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


def merge_day_runs(spans: Sequence[DateSpan], text: str) -> list[DateSpan]:
    """Opening hours day by day ("Friday 9 May: 10am-5pm / Saturday 10 May: …"): one range from the first day to
    the last, each day the next of the one before and only a few characters (its hours) between them."""
    runs: list[list[DateSpan]] = []
    for span in spans:
        last = runs[-1][-1] if runs else None
        between = text[last.finish:span.begin] if last is not None else ""
        if last is not None and _next_day(last, span) and len(between) <= _RUN_GAP_CHARS and not _RUN_BREAK.search(between):
            runs[-1].append(span)
        else:
            runs.append([span])
    return [_run_span(run) if len(run) > 1 else run[0] for run in runs]


def _run_span(run: list[DateSpan]) -> DateSpan:
    year = next((s.start.year for s in run if s.start.year is not None), None)
    return DateSpan(replace(run[0].start, year=year), replace(run[-1].start, year=year), run[0].begin, run[-1].finish)


def _next_day(before: DateSpan, after: DateSpan) -> bool:
    # "Samstag, 12. Juni 2027, 10-18 Uhr, Sonntag, 13. Juni": one of the days may go without its year.
    years = {before.start.year, after.start.year} - {None}
    if after.end is not None or before.end is not None or len(years) > 1:
        return False
    year = next(iter(years), 2000)  # a year-less run: any leap year tells the next day
    first, second = before.start.with_year(year), after.start.with_year(year)
    return first is not None and second is not None and second - first == timedelta(days=1)
