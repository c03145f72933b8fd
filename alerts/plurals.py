"""Counted nouns by CLDR plural rules (Babel): '1 erreur', '0 erreur', 'خطآن', '11 خطأ'."""
from __future__ import annotations

from babel import Locale

from locales import babel_locale

# noun -> language -> CLDR plural category -> text; "other" is required.
NOUNS: dict[str, dict[str, dict[str, str]]] = {
    "error": {
        "fr": {"one": "{n} erreur", "other": "{n} erreurs"},
        "en": {"one": "{n} error", "other": "{n} errors"},
        "ar": {"zero": "لا أخطاء", "one": "خطأ واحد", "two": "خطآن", "few": "{n} أخطاء", "many": "{n} خطأً",
               "other": "{n} خطأ"},
    },
    "item": {
        "fr": {"one": "{n} élément", "other": "{n} éléments"},
        "en": {"one": "{n} item", "other": "{n} items"},
        "ar": {"zero": "لا عناصر", "one": "عنصر واحد", "two": "عنصران", "few": "{n} عناصر", "many": "{n} عنصرًا",
               "other": "{n} عنصر"},
    },
    "fair": {
        "fr": {"one": "{n} salon", "other": "{n} salons"},
        "en": {"one": "{n} trade fair", "other": "{n} trade fairs"},
        "ar": {"zero": "لا معارض", "one": "معرض واحد", "two": "معرضان", "few": "{n} معارض", "many": "{n} معرضًا",
               "other": "{n} معرض"},
    },
    "new_fair": {
        "fr": {"one": "{n} nouveau salon", "other": "{n} nouveaux salons"},
        "en": {"one": "{n} new trade fair", "other": "{n} new trade fairs"},
        "ar": {"zero": "لا معارض جديدة", "one": "معرض جديد واحد", "two": "معرضان جديدان", "few": "{n} معارض جديدة",
               "many": "{n} معرضًا جديدًا", "other": "{n} معرض جديد"},
    },
    "deadline": {
        "fr": {"one": "{n} date limite d'inscription", "other": "{n} dates limites d'inscription"},
        "en": {"one": "{n} registration deadline", "other": "{n} registration deadlines"},
        "ar": {"zero": "لا آجال للتسجيل", "one": "أجل تسجيل واحد", "two": "أجلا تسجيل", "few": "{n} آجال للتسجيل",
               "many": "{n} أجلًا للتسجيل", "other": "{n} أجل للتسجيل"},
    },
    "source": {
        "fr": {"one": "{n} source", "other": "{n} sources"},
        "en": {"one": "{n} source", "other": "{n} sources"},
        "ar": {"zero": "لا مصادر", "one": "مصدر واحد", "two": "مصدران", "few": "{n} مصادر", "many": "{n} مصدرًا",
               "other": "{n} مصدر"},
    },
    "language": {
        "fr": {"one": "{n} langue", "other": "{n} langues"},
        "en": {"one": "{n} language", "other": "{n} languages"},
        "ar": {"zero": "لا لغات", "one": "لغة واحدة", "two": "لغتان", "few": "{n} لغات", "many": "{n} لغةً",
               "other": "{n} لغة"},
    },
    "failed_page": {
        "fr": {"one": "{n} page en échec", "other": "{n} pages en échec"},
        "en": {"one": "{n} failed page", "other": "{n} failed pages"},
        "ar": {"zero": "لا صفحات متعثرة", "one": "صفحة متعثرة واحدة", "two": "صفحتان متعثرتان", "few": "{n} صفحات متعثرة",
               "many": "{n} صفحةً متعثرة", "other": "{n} صفحة متعثرة"},
    },
}


def plural_category(n: int, language: str) -> str:
    return Locale.parse(babel_locale(language)).plural_form(n)


def count(n: int, noun: str, language: str) -> str:
    forms = NOUNS[noun].get(language) or NOUNS[noun]["fr"]
    text = forms.get(plural_category(n, language), forms["other"])
    return text.format(n=n)
