"""Ordinals written in words, 1 to 99, in French, English, Spanish, Portuguese, Italian and German.

"la vingt-septième édition", "the twenty-first edition", "la vigésima cuarta edición", "la ventisettesima
edizione", "die siebenundzwanzigste Ausgabe". The text is folded first (lower case, no accents).
"""
from __future__ import annotations

import re

_UNITS = {
    # French, English, Spanish / Portuguese, Italian, German stems of 1 to 9
    "fr": ("unieme premier premiere", "deuxieme second seconde", "troisieme", "quatrieme", "cinquieme", "sixieme",
           "septieme", "huitieme", "neuvieme"),
    "en": ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
    "es": ("primero primera primer primeiro primeira", "segundo segunda", "tercero tercera tercer terceiro terceira",
           "cuarto cuarta quarto quarta", "quinto quinta", "sexto sexta", "septimo septima setimo setima",
           "octavo octava oitavo oitava", "noveno novena nono nona"),
}
_TEENS = {
    "fr": "onzieme douzieme treizieme quatorzieme quinzieme seizieme dix-septieme dix-huitieme dix-neuvieme",
    "en": "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth",
    "es": "undecimo duodecimo",
    "it": "undicesim dodicesim tredicesim quattordicesim quindicesim sedicesim diciassettesim diciottesim diciannovesim",
    "de": "elft zwolft dreizehnt vierzehnt funfzehnt sechzehnt siebzehnt achtzehnt neunzehnt",
}
_TENS = {
    "fr": ("dix", "vingt", "trente", "quarante", "cinquante", "soixante"),
    "en": ("ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
    "es": ("decim", "vigesim", "trigesim", "cuadragesim|quadragesim", "quincuagesim", "sexagesim", "septuagesim",
           "octogesim", "nonagesim"),
    "it": ("", "vent", "trent", "quarant", "cinquant", "sessant", "settant", "ottant", "novant"),
    "de": ("", "zwanzig", "dreissig|dreißig", "vierzig", "funfzig", "sechzig", "siebzig", "achtzig", "neunzig"),
}
# The round tens as ordinals: "vingtième", "twentieth"; Spanish, Italian and German build them from _TENS.
_ROUND = {
    "fr": ("dixieme", "vingtieme", "trentieme", "quarantieme", "cinquantieme", "soixantieme"),
    "en": ("tenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"),
}
_IT_UNITS = ("un", "du", "tre", "quattr", "cinqu", "sei", "sett", "ott", "nov")
_DE_UNITS = ("ein", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun")


def _table() -> dict[str, int]:
    """Every spelling this module reads, folded, with its value."""
    table: dict[str, int] = {}
    for lang, units in _UNITS.items():
        for value, forms in enumerate(units, start=1):
            for form in forms.split():
                table[form] = value
                if lang == "fr":
                    for tens, ten_value in zip(_TENS["fr"][1:], range(20, 70, 10)):
                        joiner = (" et ", "-et-") if value == 1 else ("-", " ")
                        for j in joiner:
                            table[f"{tens}{j}{form}"] = ten_value + value
                elif lang == "en":
                    for tens, ten_value in zip(_TENS["en"][1:], range(20, 100, 10)):
                        table[f"{tens}-{form}"] = table[f"{tens} {form}"] = ten_value + value
                else:
                    for tens, ten_value in zip(_TENS["es"], range(10, 100, 10)):
                        for stem in tens.split("|"):
                            for ending in ("o", "a"):
                                table[f"{stem}{ending} {form}"] = table[f"{stem}{ending}{form}"] = ten_value + value
    for lang, teens in _TEENS.items():
        for value, form in enumerate(teens.split(), start=11):
            for full in _inflected(lang, form):
                table[full] = value
    for lang, rounds in _ROUND.items():
        for value, form in zip(range(10, 100, 10), rounds):
            table[form] = value
    for tens, ten_value in zip(_TENS["es"], range(10, 100, 10)):
        for stem in tens.split("|"):
            table[stem + "o"] = table[stem + "a"] = ten_value
    for tens, ten_value in zip(_TENS["it"][1:], range(20, 100, 10)):
        for full in _inflected("it", tens + "esim"):
            table[full] = ten_value
        for unit, value in zip(_IT_UNITS, range(1, 10)):
            # "ventisettesima", "trentaduesima", "ventunesima", "ventottesima"
            for link in ("", "i", "a"):
                for full in _inflected("it", f"{tens}{link}{unit}esim"):
                    table.setdefault(full, ten_value + value)
    for tens, ten_value in zip(_TENS["de"][1:], range(20, 100, 10)):
        for stem in tens.split("|"):
            for full in _inflected("de", stem + "st"):
                table[full] = ten_value
            for unit, value in zip(_DE_UNITS, range(1, 10)):
                for full in _inflected("de", f"{unit}und{stem}st"):
                    table[full] = ten_value + value
    return table


def _inflected(lang: str, stem: str) -> tuple[str, ...]:
    if lang == "es":
        return (stem, stem[:-1] + "a")
    if lang == "it":
        return tuple(stem + e for e in ("o", "a", "i", "e"))
    if lang == "de":
        return tuple(stem + e for e in ("e", "en", "er", "es"))
    return (stem,)


ORDINAL_WORDS: dict[str, int] = _table()
_SPACES = re.compile(r"\s+")


def ordinal_value(words: str) -> int | None:
    """The value of an ordinal in words, folded ("vigesima cuarta" -> 24), or None."""
    return ORDINAL_WORDS.get(_SPACES.sub(" ", words.strip().lower()))
