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
