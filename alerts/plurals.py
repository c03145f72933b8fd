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
}


def plural_category(n: int, language: str) -> str:
    return Locale.parse(babel_locale(language)).plural_form(n)


def count(n: int, noun: str, language: str) -> str:
    forms = NOUNS[noun].get(language) or NOUNS[noun]["fr"]
    text = forms.get(plural_category(n, language), forms["other"])
    return text.format(n=n)
