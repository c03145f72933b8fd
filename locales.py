"""The CLDR locales of the interface and the emails: one table, so a date or a number reads the same in both."""
from __future__ import annotations

from typing import Final

# Moroccan locales: ar_MA writes Latin digits, which advisors compare across languages.
BABEL_LOCALES: Final = {"fr": "fr_MA", "ar": "ar_MA", "en": "en_GB"}
DEFAULT_LOCALE: Final = "fr_MA"


def babel_locale(language: str) -> str:
    return BABEL_LOCALES.get(language, DEFAULT_LOCALE)
