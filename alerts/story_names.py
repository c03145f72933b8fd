"""Names that identify a story across languages: capitalised Latin names and a small gazetteer.

French, English and Spanish reports of one event write the same proper names ("Bogotá", "OCP",
"Tanger Med"); an Arabic report writes them in Arabic script. The gazetteer names the places and
institutions Moroccan economic news keeps citing in all four languages, so an Arabic text and a French
one meet on `place:tanger` or `org:bam` even though they share no letters.
"""
from __future__ import annotations

import re
from functools import lru_cache

from indexing.textnorm import fold, token_variants, word_tuple

GAZETTEER: dict[str, tuple[str, ...]] = {
    "place:casablanca": ("casablanca", "casa", "الدار البيضاء", "البيضاء", "dar el beida"),
    "place:rabat": ("rabat", "الرباط"),
    "place:marrakech": ("marrakech", "marrakesh", "marraquech", "مراكش"),
    "place:fes": ("fes", "fez", "فاس"),
    "place:tanger": ("tanger", "tangier", "tangiers", "tanger med", "tangermed", "طنجة"),
    "place:meknes": ("meknes", "mequinez", "مكناس"),
    "place:agadir": ("agadir", "اكادير"),
    "place:oujda": ("oujda", "وجدة"),
    "place:tetouan": ("tetouan", "tetuan", "تطوان"),
    "place:essaouira": ("essaouira", "الصويرة"),
    "place:safi": ("safi", "اسفي"),
    "place:laayoune": ("laayoune", "el aaiun", "العيون"),
    "place:dakhla": ("dakhla", "الداخلة"),
    "place:nador": ("nador", "الناظور"),
    "place:kenitra": ("kenitra", "القنيطرة"),
    "place:ouarzazate": ("ouarzazate", "ورزازات"),
    "place:chefchaouen": ("chefchaouen", "chaouen", "شفشاون"),
    "place:sale": ("sale", "سلا"),
    "place:eljadida": ("el jadida", "الجديدة"),
    "place:sahara": ("sahara", "الصحراء"),
    "place:algeria": ("algerie", "algeria", "argelia", "الجزائر"),
    "place:mauritania": ("mauritanie", "mauritania", "موريتانيا"),
    "place:libya": ("libye", "libya", "libia", "ليبيا"),
    "place:egypt": ("egypte", "egypt", "egipto", "مصر"),
    "place:africa": ("afrique", "africa", "افريقيا", "الافريقية"),
    "place:europe": ("europe", "europa", "اوروبا", "الاوروبي"),
    "org:eu": ("ue", "eu", "union europeenne", "european union", "union europea", "الاتحاد الاوروبي"),
    "org:un": ("onu", "un", "united nations", "nations unies", "naciones unidas", "الامم المتحدة"),
    "org:unesco": ("unesco", "اليونسكو", "يونسكو"),
    "org:imf": ("fmi", "imf", "international monetary fund", "fonds monetaire international", "fondo monetario internacional", "صندوق النقد الدولي"),
    "org:worldbank": ("banque mondiale", "world bank", "banco mundial", "البنك الدولي"),
    "org:bam": ("bank al maghrib", "bank al-maghrib", "bam", "بنك المغرب"),
    "org:ocp": ("ocp", "office cherifien des phosphates", "المكتب الشريف للفوسفاط"),
    "org:map": ("map", "maghreb arabe presse", "وكالة المغرب العربي للانباء", "و م ا"),
    "org:hcp": ("hcp", "haut commissariat au plan", "high commission for planning", "المندوبية السامية للتخطيط"),
    "org:oc": ("office des changes", "foreign exchange office", "مكتب الصرف"),
    "org:fao": ("fao", "منظمة الاغذية والزراعة"),
    "org:wto": ("omc", "wto", "world trade organization", "منظمة التجارة العالمية"),
    "org:ram": ("royal air maroc", "ram", "الخطوط الملكية المغربية"),
    "org:oncf": ("oncf", "المكتب الوطني للسكك الحديدية"),
    "org:parliament": ("parlement", "parliament", "parlamento", "البرلمان", "مجلس النواب"),
    "org:crafts-ministry": ("ministere de l artisanat", "ministry of handicrafts", "وزارة السياحة والصناعة التقليدية", "كتابة الدولة المكلفة بالصناعة التقليدية"),
    "org:maisonartisan": ("maison de l artisan", "دار الصانع"),
}

_STOP_NAMES = frozenset(fold(w) for w in (
    "le la les un une des du de dans pour par sur avec en au aux ce cette ces il elle ils on nous selon "
    "mais et ou si lors apres avant depuis entre sous tous tout plus moins lire aussi voir accueil "
    "the a an of in on at for by to with from this that these it its as and but or if after before "
    "el la los las un una del al en con por para sobre este esta estos segun tras desde "
    "lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday "
    "saturday sunday lunes martes miercoles jueves viernes sabado domingo"
).split())
_CAPITALISED = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ][\w'’-]{2,}|[A-Z]{2,})")


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    single: dict[str, str] = {}
    multi: list[tuple[str, str]] = []
    for key, aliases in GAZETTEER.items():
        for alias in aliases:
            tokens = word_tuple(alias)
            if len(tokens) == 1:
                single[tokens[0]] = key
            elif tokens:
                multi.append((" ".join(tokens), key))
    return single, tuple(multi)


@lru_cache(maxsize=100_000)
def _token_name(token: str) -> str | None:
    single = _gazetteer()[0]
    return next((single[v] for v in token_variants(token) if v in single), None)


def gazetteer_names(tokens: tuple[str, ...]) -> set[str]:
    """Gazetteer keys named by folded word tokens (Arabic proclitics like و and ال allowed)."""
    _, multi = _gazetteer()
    found = {key for token in set(tokens) if (key := _token_name(token))}
    joined = " " + " ".join(tokens) + " "
    for phrase, key in multi:
        if key not in found and (" " + phrase + " ") in joined:
            found.add(key)
    return found


def latin_names(text: str, lowercase_words: set[str]) -> set[str]:
    """Folded capitalised words that are not ordinary words of the same text (nor function words).

    `lowercase_words` are the words the text writes in lower case, as written.
    """
    found: set[str] = set()
    for raw in set(_CAPITALISED.findall(text)):
        for part in re.split(r"['’-]", raw):
            if len(part) < 3 or part.lower() in lowercase_words or part.isdigit():
                continue
            name = fold(part)
            if name not in _STOP_NAMES:
                found.add(name)
    return found


# Consonant skeletons: "Macron" and "ماكرون" both give "mkrn". Short vowels are not written in Arabic
# and long ones are letters we drop on both sides, so the consonants are what two scripts share.
_LATIN_DIGRAPHS = (("x", "ks"), ("sch", "X"), ("ch", "X"), ("sh", "X"), ("kh", "k"), ("gh", "k"), ("ph", "f"),
                   ("th", "t"), ("qu", "k"), ("ck", "k"))
_LATIN_CLASS = str.maketrans({"p": "b", "v": "f", "q": "k", "g": "k", "z": "s", "c": "k", "j": "j"})
_ARABIC_CLASS = {
    "ب": "b", "ت": "t", "ط": "t", "ث": "t", "د": "d", "ض": "d", "ذ": "d", "ك": "k", "ق": "k", "خ": "k",
    "غ": "k", "ج": "j", "س": "s", "ص": "s", "ز": "s", "ظ": "s", "ش": "X", "ف": "f", "ل": "l", "م": "m",
    "ن": "n", "ر": "r", "ڤ": "f", "پ": "b", "گ": "k",
}
SKELETON_MIN = 4


def _collapse(skeleton: str) -> str:
    return re.sub(r"(.)\1+", r"\1", skeleton)


def latin_skeleton(name: str) -> str:
    text = re.sub(r"c(?=[eiy])", "s", fold(name))
    for digraph, sound in _LATIN_DIGRAPHS:
        text = text.replace(digraph, sound)
    text = text.translate(_LATIN_CLASS)
    return _collapse("".join(ch for ch in text if ch in "btdkjsXflmnr"))


@lru_cache(maxsize=100_000)
def arabic_skeletons(token: str) -> frozenset[str]:
    """Skeletons of a folded Arabic token and of its forms without proclitics (و، ال…)."""
    return frozenset(_collapse("".join(_ARABIC_CLASS.get(ch, "") for ch in variant)) for variant in token_variants(token))
