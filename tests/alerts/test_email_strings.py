"""The emails' strings: every language says everything, with its own punctuation."""
from __future__ import annotations

from alerts.i18n import STRINGS


def test_every_language_has_every_string() -> None:
    keys = {language: set(texts) for language, texts in STRINGS.items()}
    assert set(keys) == {"fr", "ar", "en"}
    assert keys["ar"] == keys["fr"] == keys["en"]
    assert all(text for texts in STRINGS.values() for text in texts.values())


def test_punctuation_follows_each_language() -> None:
    assert STRINGS["fr"]["colon"] == " :" and STRINGS["en"]["colon"] == ":"
    assert STRINGS["ar"]["list_separator"] == "، " and STRINGS["en"]["list_separator"] == ", "


def test_dates_and_countries_in_the_readers_language() -> None:
    from datetime import date

    from alerts.i18n import country_name, format_range
    assert format_range(date(2027, 4, 18), date(2027, 4, 21), "fr") == "18–21 avr. 2027"
    assert format_range(date(2027, 4, 28), date(2027, 5, 1), "en") == "28 Apr\u2009–\u20091 May 2027"  # thin spaces
    assert "ماي" in format_range(date(2027, 4, 28), date(2027, 5, 1), "ar")  # Moroccan month names
    assert format_range(date(2027, 4, 18), None, "fr") == "18 avril 2027"
    assert (country_name("MA", "fr"), country_name("DE", "ar"), country_name("ma", "en")) == ("Maroc", "ألمانيا", "Morocco")
