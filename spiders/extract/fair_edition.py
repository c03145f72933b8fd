"""What a text says about one edition of a fair: its number and whether it is postponed, cancelled or online."""
from __future__ import annotations

import re

from spiders.extract.datefold import fold_same_length
from spiders.extract.ordinal_words import ORDINAL_WORDS

# At the same place, the first kind listed wins.
_STATUS_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cancelled", re.compile(
        r"\b(?:cancel+ed|called\s+off|scrapped|annule[e]?s?|annulation|cancelad[ao]|suspendid[ao]|annullat[ao]|abgesagt|absage"
        r"|findet\s+(?:\w+\s+){0,3}?nicht\s+statt|f(?:a|ae)llt\s+(?:\w+\s+)?aus"
        # "n'aura pas lieu cette année", "no se celebrará", "will not take place": unless a "but" gives it new dates
        r"|(?:n['’]aura\s+pas\s+lieu|ne\s+se\s+tiendra\s+pas|no\s+se\s+(?:celebrara|realizara|llevara\s+a\s+cabo)"
        r"|no\s+tendra\s+lugar|non\s+si\s+(?:terra|svolgera)|non\s+avra\s+luogo"
        r"|will\s+not\s+(?:take\s+place|go\s+ahead|be\s+held)|won['’]t\s+(?:take\s+place|go\s+ahead|be\s+held)|axed)"
        r"(?![^.;]{0,60}\b(?:but|mais|sino|pero|ma|sondern|instead|plutot)\b))\b"
        r"|إلغاء|ألغي|الغاء|لن\s+(?:ينظم|تنظم|يقام|تقام|ينعقد|تنعقد)")),
    ("postponed", re.compile(
        r"\b(?:postponed|postponement|pushed\s+back|put\s+off|delayed\s+(?:to|until)|reporte[e]?s?|aplazad[ao]|se\s+aplaza|pospuest[ao]"
        r"|rinviat[ao]|posticipat[ao]|verschoben|verlegt)\b"
        r"|تأجيل|تاجيل|أرجئ|تأجل")),
    ("online", re.compile(
        # "register online" says nothing about the fair: only an edition, a fair or a move that is online.
        r"\b(?:online[- ](?:only|edition|event|fair|show|format)|(?:goes|go|went|moved?|held|takes\s+place|runs?|ran)\s+online"
        r"|virtual\s+(?:edition|fair|show|event)|go(?:es)?\s+virtual|went\s+virtual|edition\s+virtuelle|salon\s+virtuel"
        # "archives en ligne", "billetterie en ligne": only a fair, an edition or a move is online
        r"|(?:edition|salon|foire|evenement|marche)\s+(?:\w+\s+){0,2}?en\s+ligne|(?:100\s?%|entierement|totalement|uniquement)\s+en\s+ligne"
        r"|(?:se\s+tiendra|se\s+tient|aura\s+lieu|a\s+lieu|se\s+deroulera|se\s+deroule|passe|bascule)\s+en\s+ligne"
        r"|(?:findet|fand)\s+(?:\S+\s+){0,7}?(?:digital|online|virtuell)\s+statt"
        r"|edizione\s+digitale|fiera\s+(?:e\s+)?digitale|edicion\s+virtual|formato\s+virtual|digitale\s+messe)\b"
        r"|افتراضي|افتراضية|عن\s+بعد")),
    ("rescheduled", re.compile(
        r"\b(?:rescheduled|new\s+dates|nouvelles\s+dates|nuevas\s+fechas|moviendo\s+(?:nuestras|las)\s+fechas"
        r"|reprogramad[ao]|neue[nr]?\s+termin\w*|nuove\s+date"
        # "initialement prévu en mars, aura finalement lieu du 3 au 6 mai": moved, with its new days
        r"|initialement\s+prevu\w*|originally\s+(?:scheduled|planned|set)|inicialmente\s+previst[ao]|originariamente\s+previst[ao]"
        r"|urspr(?:u|ue)nglich\s+(?:geplant|vorgesehen)"
        # "reporté …, aura finalement lieu du 2 au 5 mai": put off, and now dated again
        r"|aura\s+finalement\s+lieu|se\s+tiendra\s+finalement|will\s+now\s+(?:take\s+place|be\s+held|run)"
        r"|(?:tendra|se\s+celebrara)\s+finalmente|finalmente\s+(?:tendra|se\s+celebrara|si\s+terra))\b"
        r"|موعد\s+جديد|مواعيد\s+جديدة")),
)
_ROMAN = r"(?:[IVXLC]{1,7})"
_EDITION_WORDS = r"(?:edition|editie|edizione|edicion|edicao|ausgabe|auflage|session|sesion|sessione|version)"
_EDITION = re.compile(
    rf"\b(\d{{1,3}})\s?(?:e|eme|er|ere|th|st|nd|rd|a|ª|º|°|o|\^|\.|sima|esima|ma)?\s+{_EDITION_WORDS}\b"
    rf"|\b{_EDITION_WORDS}\s+(?:n[°o.]?\s*|numero\s+|number\s+)?(\d{{1,3}})\b(?!\s*(?:de\s+)?\d)"
    rf"|\b({_ROMAN})\s+{_EDITION_WORDS}\b"
    # "الدورة 24", "في دورته الـ 11", "النسخة ال20"
    r"|(?:الدورة|النسخة|الطبعة|دورتها|دورته|نسختها|نسخته|طبعتها|طبعته)\s+(?:الـ\s*|ال\s*|رقم\s*)?(\d{1,3})\b",
    re.IGNORECASE,
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Ordinals written in words, 1 to 10 ("deuxième édition", "the third edition", "الدورة الخامسة").
_WORD_ORDINALS: dict[str, int] = {
    word: number
    for number, words in enumerate((
        ("premiere", "premier", "first", "primera", "primero", "prima", "primo", "الأولى", "الاولى", "الأول", "الاول"),
        ("deuxieme", "seconde", "second", "segunda", "seconda", "الثانية", "الثاني"),
        ("troisieme", "third", "tercera", "terza", "الثالثة", "الثالث"),
        ("quatrieme", "fourth", "cuarta", "quarta", "الرابعة", "الرابع"),
        ("cinquieme", "fifth", "quinta", "الخامسة", "الخامس"),
        ("sixieme", "sixth", "sexta", "sesta", "السادسة", "السادس"),
        ("septieme", "seventh", "septima", "settima", "السابعة", "السابع"),
        ("huitieme", "eighth", "octava", "ottava", "الثامنة", "الثامن"),
        ("neuvieme", "ninth", "novena", "nona", "التاسعة", "التاسع"),
        ("dixieme", "tenth", "decima", "العاشرة", "العاشر"),
    ), start=1)
    for word in words
}
_GERMAN_ORDINALS = ("erste", "zweite", "dritte", "vierte", "funfte", "sechste", "siebte", "achte", "neunte", "zehnte")
_WORD_ORDINALS |= {form: number for number, word in enumerate(_GERMAN_ORDINALS, start=1) for form in (word, word + "n")}
# Round editions written in words: "la vingtième édition", "the thirtieth edition", "la ventesima edizione".
_WORD_ORDINALS |= {word: number for number, words in (
    (20, ("vingtieme", "twentieth", "vigesima", "ventesima", "zwanzigste", "zwanzigsten")),
    (30, ("trentieme", "thirtieth", "trigesima", "trentesima", "dreissigste", "dreissigsten")),
    (40, ("quarantieme", "fortieth", "cuadragesima", "quarantesima", "vierzigste", "vierzigsten")),
    (50, ("cinquantieme", "fiftieth", "quincuagesima", "cinquantesima", "funfzigste", "funfzigsten")),
) for word in words}
_EDITION_WORD = re.compile(rf"(?<![^\W\d_]){_EDITION_WORDS}\b", re.IGNORECASE)
_ARABIC_TENS = {"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30, "الأربعين": 40, "الاربعين": 40,
                "الأربعون": 40, "الاربعون": 40, "الخمسين": 50, "الخمسون": 50}
_WORD_EDITION = re.compile(
    r"(?:الدورة|النسخة|الطبعة|دورتها|دورته|طبعتها|طبعته|نسختها|نسخته)\s+(ال[^\W\d_]+)(?:\s+(عشرة?)|\s+و(ال[^\W\d_]+))?"
    # "findet zum 25. Mal statt", "zum zehnten Mal": the how-many-th time is the edition
    rf"|\bzum\s+(?:(\d{{1,3}})\.|([^\W\d_]+))\s+mal\b",
    re.IGNORECASE,
)
_ALL_WORD_ORDINALS = {**ORDINAL_WORDS, **_WORD_ORDINALS}
_WORDS_BEFORE = 48


# An ordinal or a Roman numeral that opens a fair's name: "XXVIII Feria...", "35ª Feria", "122nd Canton Fair".
_LEADING_EDITION = re.compile(
    r"^\s*(?:(\d{1,3})\s?(?:e|eme|er|ere|th|st|nd|rd|a|ª|º|°|o|\.)|([IVXLC]{1,7}))\s+(?=[^\W\d_])"
)
# Arabic ordinal adjectives inside a name: "المعرض الجهوي الاول" (the first regional fair).
_ARABIC_ORDINAL_WORD = re.compile(r"(?<![^\W\d_])(ال(?:أول|اول|أولى|اولى|ثاني|ثانية|ثالث|ثالثة|رابع|رابعة|خامس|خامسة|سادس|سادسة|سابع|سابعة|ثامن|ثامنة|تاسع|تاسعة|عاشر|عاشرة))(?![^\W\d_])")


# "Après l'annulation de l'édition 2020, …": a cue that names another edition's year.
_OTHER_EDITION_YEAR = re.compile(
    r"\W{0,3}(?:\w+\W+){0,3}?(?:(?:de\s+|of\s+)?(?:l'|la\s+|the\s+)?(?:edition|edicion|edizione|ausgabe)\s+(?:de\s+|del\s+)?"
    r"((?:19|20)\d\d)|((?:19|20)\d\d)\s+edition)\b")
_OTHER_EDITION_CHARS = 40
# "initialement prévu du 12 au 18 mai, est annulé": the plan it was moved from, not a move when it is called off.
_PLANNED_BEFORE = re.compile(r"initialement|originally|inicialmente|originariamente|urspr")


def edition_status(text: str, year: int | None = None) -> str:
    """schema.org eventStatus in lower case; 'scheduled' when the text says nothing else. `year`: the edition's,
    so that a cue about another year's edition is left aside."""
    folded = fold_same_length(text)
    found = []
    for rank, (status, cue) in enumerate(_STATUS_CUES):
        for match in cue.finditer(folded):
            other = _OTHER_EDITION_YEAR.match(folded, match.end(), match.end() + _OTHER_EDITION_CHARS)
            if year is not None and other is not None and int(other.group(1) or other.group(2)) != year:
                continue
            found.append((match.start(), rank, status, _PLANNED_BEFORE.match(match.group(0)) is not None))
            break
    if not found:
        return "scheduled"
    # The cue nearest the fair's own sentence wins: a neighbour's cancellation later on says nothing of this fair.
    first = min(found)
    if first[3] and any(status == "cancelled" for _, _, status, _ in found):
        return "cancelled"
    return first[2]


_YEAR_IN_NAME = re.compile(r"(?:^|\s)(?:19|20)\d\d(?:/\d{2,4})?(?=\s|$)")


def without_year(name: str) -> str:
    """The name without the year of its edition: 'Riverside Pottery Fair 2027' -> 'Riverside Pottery Fair'."""
    return _YEAR_IN_NAME.sub("", name).strip(" -–,") or name


def edition_number(text: str) -> int | None:
    folded = fold_same_length(text).replace("ª", "a")
    match = _EDITION.search(folded)
    if match is None:
        return _word_edition(folded)
    digits = match.group(1) or match.group(2) or match.group(4)
    number = int(digits) if digits else _roman(text[match.start(3):match.end(3)].upper())
    return number if number and 0 < number < 300 else None


def _roman(numeral: str) -> int | None:
    values = [_ROMAN_VALUES.get(c) for c in numeral]
    if not values or None in values:
        return None
    total = 0
    for i, value in enumerate(values):
        assert value is not None
        following = values[i + 1] if i + 1 < len(values) else None
        total += -value if following is not None and following > value else value
    return total


def _word_edition(folded: str) -> int | None:
    found: list[tuple[int, int]] = []
    for edition in _EDITION_WORD.finditer(folded):
        number = _ordinal_before(folded, edition.start())
        if number is not None:
            found.append((edition.start(), number))
            break
    for match in _WORD_EDITION.finditer(folded):
        number = _cued_number(match)
        if number is not None:
            found.append((match.start(), number))
            break
    return min(found)[1] if found else None


def _ordinal_before(folded: str, at: int) -> int | None:
    """"la vigesima cuarta edicion", "the twenty-first edition", "la ventisettesima edizione": the longest
    run of up to three words right before the edition word that spells an ordinal."""
    words = folded[max(0, at - _WORDS_BEFORE):at].lower().split()[-3:]
    for size in range(len(words), 0, -1):
        number = _ALL_WORD_ORDINALS.get(" ".join(words[-size:]))
        if number is not None:
            return number
    return None


def _cued_number(match: re.Match[str]) -> int | None:
    if match.group(4) or match.group(5):
        return int(match.group(4)) if match.group(4) else _ALL_WORD_ORDINALS.get(match.group(5).lower())
    unit = _WORD_ORDINALS.get(match.group(1))
    if unit is None:
        return None
    if match.group(3):
        tens = _ARABIC_TENS.get(match.group(3))
        return unit + tens if tens else None  # "الدورة الرابعة والعشرين" is the 24th
    return unit + 10 if match.group(2) else unit  # "الحادية عشرة" is not covered; "الثانية عشرة" is 12


def split_leading_edition(name: str) -> tuple[int | None, str]:
    """'XXVIII Feria Navideña' -> (28, 'Feria Navideña'); a name that opens with no ordinal is unchanged."""
    match = _LEADING_EDITION.match(name)
    if match is None:
        arabic = _ARABIC_ORDINAL_WORD.search(name)
        if arabic and arabic.start() > 0:
            rest = (name[:arabic.start()] + name[arabic.end():]).replace("  ", " ").strip()
            return _WORD_ORDINALS.get(arabic.group(1)), rest
        return None, name
    if match.group(1):
        number: int | None = int(match.group(1))
    elif match.group(2) in ("I", "C", "L"):
        return None, name  # Italian "I Saloni", a stray initial: no edition
    else:
        number = _roman(match.group(2))
    if not number or not 0 < number < 300:
        return None, name
    return number, name[match.end():]


# An ordinal in figures right before a fair's name: "le 1er Salon", "the 12th Riverside Fair", "la XXVIII Feria".
_ORDINAL_BEFORE = re.compile(r"(?<![\w])(?:(\d{1,3})\s?(?:e|eme|er|ere|th|st|nd|rd|a|o|ª|º|°|\^|\.)|([IVXLC]{2,7}|V|X)|(?!))\s+$")
# "le premier salon africain de la céramique": "first" in words before the name opens the series, unless the
# text numbers the edition otherwise ("giunta all'41^ edizione, la prima fiera del rame": 41, "prima" ranks it).
_FIRST_BEFORE = re.compile(r"(?<![\w])(?:premier|premiere|first|primer|primera|prima|primo|erste|ersten)\s+$")


def first_before(text: str, begin: int) -> bool:
    return _FIRST_BEFORE.search(fold_same_length(text[max(0, begin - 16):begin])) is not None


_DAY_BEFORE = re.compile(r"\d{1,2}\.?\s*(?:[-–—]|to|au|al|bis|and|et|y|e|und)\s*$", re.IGNORECASE)


def edition_before(text: str, begin: int) -> int | None:
    """The edition an ordinal just before a fair's mention at `begin` gives."""
    before = fold_same_length(text[max(0, begin - 16):begin])
    match = _ORDINAL_BEFORE.search(before)
    if match is None:
        return None
    if match.group(1) and _DAY_BEFORE.search(fold_same_length(text[max(0, begin - 40):begin - len(before) + match.start(1)])):
        return None  # "between April 23 – 25. DOMOTEX": the last day of a range, not the 25th edition
    if match.group(1):
        number: int | None = int(match.group(1))
    elif match.group(2):
        number = _roman(text[begin - len(before) + match.start(2):begin - len(before) + match.end(2)])
    else:
        number = _WORD_ORDINALS.get(match.group(3))
    return number if number and 0 < number < 300 else None


# "لمهرجان كلنا الخفجي الثالث": an Arabic ordinal adjective right after the fair's name numbers its edition.
_ARABIC_ORDINAL_AFTER = re.compile(r"\s*" + _ARABIC_ORDINAL_WORD.pattern + r"(?:\s+(عشرة?))?(?![^\W\d_])")


def edition_after(text: str, end: int) -> int | None:
    match = _ARABIC_ORDINAL_AFTER.match(text, end)
    if match is None:
        return None
    unit = _WORD_ORDINALS.get(match.group(1))
    return unit + 10 if unit is not None and match.group(2) else unit

