"""Whether the sentence that dates a fair announces it or reports it: which occurrence a day-month means.

"La foire se tiendra du 12 au 15 avril" on a page of October is next April's fair; "s'est tenue du 12 au 15
avril" is last April's. Without either, the nearest occurrence stands.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from spiders.extract.datefold import fold_same_length
from spiders.extract.dates import DateSpan
from spiders.extract.textutil import sentence_around

# Matched on folded text (lower case, no accents).
_FUTURE = re.compile(
    r"\b(?:se\s+tiendr\w+|aura\s+lieu|auront\s+lieu|se\s+deroulera\w*|ouvrira|accueillera|sera\s+organise\w*|prochaine?s?"
    r"|will|upcoming|is\s+(?:set|scheduled|due)\s+to|are\s+(?:set|scheduled|due)\s+to|to\s+be\s+held"
    r"|se\s+celebrara\w*|tendra\s+lugar|abrira|proxim[oa]s?|si\s+terra|si\s+svolgera\w*|avra\s+luogo|prossim[oaie]"
    r"|wird|werden|kommende[nmrs]?|nachste[nmrs]?)\b"
    r"|(?:ستنظم|سينظم|ستقام|سيقام|ستنطلق|سينطلق|ستحتضن|سيحتضن|المقبل|القادم|المقبلة|القادمة)",
)
_PAST = re.compile(
    r"\b(?:s'est\s+(?:tenu|deroule|acheve|termine|clos)\w*|a\s+eu\s+lieu|ont\s+eu\s+lieu|a\s+accueilli|ont\s+participe"
    r"|was\s+held|were\s+held|took\s+place|attracted|drew|ended|closed\s+on"
    r"|se\s+celebro|tuvo\s+lugar|clausuro|si\s+e\s+(?:svolt|tenut|conclus)\w*|ha\s+avuto\s+luogo"
    r"|fand|wurde|endete|recebeu|reuniu|atraiu|registou|registrou|received|welcomed|accueilli|recibió|reunió|ha\s+accolto)\b"
    r"|(?:اختتمت|اختتم|احتضنت|احتضن|نظمت|شهدت|انطلقت|أسدل|اسدل)",
)
# The opening told as past: "a ouvert ses portes mardi", "opened on Sunday", "abrió ayer", "افتتح".
_OPENED = re.compile(
    r"\b(?:opened|kicked\s+off|got\s+under\s?way|a\s+ouvert|ont\s+ouvert|s'est\s+ouvert\w*|a\s+ete\s+(?:inaugure|lance|donne)\w*"
    r"|a\s+debute|abrio|inauguro|arranco|comenzo|ha\s+aperto|si\s+e\s+apert\w*|e\s+stat[oa]\s+inaugurat\w*"
    r"|eroffnete|wurde\s+eroffnet|hat\s+eroffnet"
    # "se tient jusqu'au 18 mars après avoir ouvert ses portes mercredi": opened before the page
    r"|avoir\s+ouvert|having\s+opened|tras\s+abrir|despues\s+de\s+abrir|dopo\s+aver\s+aperto)\b"
    r"|(?:افتتح|افتتحت|انطلقت|انطلق|اختتمت)",
)


def told_as_past(passage: str) -> bool:
    """The passage (folded) reports the fair's opening in the past."""
    return _OPENED.search(passage) is not None


# A day a few days before the page is still "this" fair's, told while it runs.
_SLACK = timedelta(days=14)


def _tensed_occurrence(span: DateSpan, text: str, nearest: date) -> date | None:
    """`nearest` moved a year on (announced as to come) or back (reported as past) when its sentence says so."""
    begin, end = sentence_around(text, span.begin, span.finish)
    sentence = fold_same_length(text[begin:end])
    own = _own_tense(text, span)
    if own is not None:
        future, past = own, not own
    else:
        future, past = _FUTURE.search(sentence) is not None, _PAST.search(sentence) is not None
    if future == past:
        return None
    try:
        return nearest.replace(year=nearest.year + (1 if future else -1))
    except ValueError:  # 29 February
        return None


# "el pasado 28 de noviembre", "lo scorso 3 maggio", "le 12 mars dernier", "last 3 May": the date's own word says
# which side of the page it lies, whatever else the sentence tells ("… y permanecerá abierto hasta el próximo lunes").
_PAST_BEFORE = re.compile(r"\b(?:el\s+pasado|pasado|lo\s+scorso|scorso|scorsa|last|passado|vergangenen)\s+(?:\w+,?\s+)?$")
_FUTURE_BEFORE = re.compile(r"\b(?:el\s+proximo|proximo|proxima|prossimo|prossima|next|this\s+coming|kommenden|nachsten)\s+(?:\w+,?\s+)?$")
_PAST_AFTER = re.compile(r"^\s*(?:\d{4}\s+)?(?:dernier|derniere|passe|passee|scorso|scorsa)\b")
_FUTURE_AFTER = re.compile(r"^\s*(?:\d{4}\s+)?(?:prochain|prochaine)\b")


def _own_tense(text: str, span: DateSpan) -> bool | None:
    """True when the words around the date announce it, False when they report it, else None."""
    before = fold_same_length(text[max(0, span.begin - 24):span.begin]).lower()
    after = fold_same_length(text[span.finish:span.finish + 16]).lower()
    past = _PAST_BEFORE.search(before) is not None or _PAST_AFTER.match(after) is not None
    future = _FUTURE_BEFORE.search(before) is not None or _FUTURE_AFTER.match(after) is not None
    return None if past == future else future


def reported_as_past(text: str, begin: int, end: int) -> bool:
    """The sentence around text[begin:end] reports, in the past, and announces nothing."""
    start, stop = sentence_around(text, begin, end)
    sentence = fold_same_length(text[start:stop])
    return _PAST.search(sentence) is not None and _FUTURE.search(sentence) is None


def needs_other_year(nearest: date, reference: date, span: DateSpan, text: str) -> date | None:
    """The occurrence the sentence's tense asks for, when the nearest one lies on the wrong side of the page's day."""
    moved = _tensed_occurrence(span, text, nearest)
    if moved is None:
        return None
    if moved > nearest and nearest < reference - _SLACK:
        return moved
    if moved < nearest and nearest > reference + _SLACK:
        return moved
    return None


# "la précédente édition s'est tenue du …", "l'an dernier", "la edición anterior", "الدورة السابقة … من 23 ماي": the dates
# of an edition the text looks back on (matched on the folded sentence up to the date).
_PREVIOUS_EDITION = re.compile(
    r"\b(?:(?:la\s+)?precedente\s+edition|l'edition\s+precedente|(?:la\s+)?derniere\s+edition|l'an\s+(?:dernier|passe)"
    r"|(?:the\s+)?(?:previous|last)\s+(?:year's\s+)?edition|last\s+year|la\s+edicion\s+anterior|(?:la\s+)?anterior\s+edicion"
    r"|el\s+ano\s+pasado|(?:la\s+)?(?:scorsa|passata|precedente)\s+edizione|l'edizione\s+precedente|l'anno\s+scorso"
    r"|(?:die\s+)?(?:letzte|vorige|vorherige)\s+(?:ausgabe|auflage)|im\s+vorjahr|letztes\s+jahr)\b"
    r"|(?:الدورة|النسخة|الطبعة)\s+(?:السابقة|الماضية|الفارطة)|العام\s+الماضي|السنة\s+الماضية",
)


def previous_edition(text: str, span: DateSpan) -> bool:
    """The sentence gives the date as a past edition's, before announcing (or beside) the one to come."""
    begin, _ = sentence_around(text, span.begin, span.finish)
    return _PREVIOUS_EDITION.search(fold_same_length(text[begin:span.begin]).lower()) is not None


# "was supposed to be April 25-29 but will now run June 12-14", "inizialmente in programma dal 25 aprile": the days a
# moved edition had (matched on the folded words just before the date).
_SUPERSEDED = re.compile(
    r"\b(?:supposed\s+to\s+(?:be|run|take\s+place)|originally\s+(?:scheduled|planned|set|slated)(?:\s+(?:for|to\s+run))?"
    r"|initially\s+(?:scheduled|planned|set)(?:\s+for)?|was\s+(?:scheduled|planned|set|slated)\s+(?:for|to\s+run)"
    r"|initialement\s+(?:prevue?s?|programmee?s?)|prevue?s?\s+initialement|inicialmente\s+(?:prevists?[ao]s?|programad[ao]s?)"
    r"|previst[ao]s?\s+inicialmente|inizialmente\s+(?:in\s+programma|previst[ao]|programmat[ao])|originariamente\s+previst[ao]"
    r"|urspr(?:u|ue)nglich(?:\s+(?:geplant|vorgesehen|angesetzt))?|statt\s+wie\s+geplant"
    # "avrebbe dovuto essere dal 21 al 26 aprile", "devait se tenir du …", "was due to run …", "debía celebrarse …"
    r"|era\s+in\s+programma|etait\s+prevue?|estaba\s+prevista?|was\s+(?:due|planned)"
    r"|(?:avrebbe\s+dovuto|doveva)\s+(?:essere|svolgersi|tenersi|aprire)|devait\s+(?:avoir\s+lieu|se\s+tenir|se\s+derouler)"
    r"|was\s+due\s+to\s+(?:run|take\s+place|be\s+held|open)|had\s+been\s+(?:scheduled|planned|set)(?:\s+to\s+run)?"
    r"|(?:debia|iba\s+a)\s+(?:celebrarse|realizarse|tener\s+lugar)|sollte\s+(?:eigentlich\s+)?)"
    r"(?:\s+(?:for|on|from|in|du|le|pour|del|el|para|dal|il|per|vom|am|im|de|da|a|al))*\s*$",
)
_SUPERSEDED_REACH = 48


def superseded(text: str, span: DateSpan) -> bool:
    """The words right before the date give it as a moved edition's old days."""
    before = fold_same_length(text[max(0, span.begin - _SUPERSEDED_REACH):span.begin]).lower()
    return _SUPERSEDED.search(before) is not None
