"""Ordinals in words, 1 to 99, in the languages of the fairs."""
from __future__ import annotations

import pytest

from spiders.extract.ordinal_words import ORDINAL_WORDS, ordinal_value


@pytest.mark.parametrize(("words", "value"), [
    ("onzieme", 11), ("dix-huitieme", 18), ("soixantieme", 60), ("trente et unieme", 31),
    ("twelfth", 12), ("ninety-ninth", 99), ("thirtieth", 30),
    ("vigesimo cuarto", 24), ("vigesimocuarta", 24), ("undecima", 11), ("trigesima  primera", 31),
    ("vigesima quarta", 24), ("decimo terceiro", 13),
    ("ventunesima", 21), ("ventottesimo", 28), ("ventitreesima", 23), ("quarantesima", 40), ("diciannovesima", 19),
    ("einundzwanzigsten", 21), ("dreißigste", 30), ("zwolfte", 12),
])
def test_folded_ordinals_read_as_numbers(words: str, value: int) -> None:
    assert ordinal_value(words) == value


def test_every_spelling_is_between_1_and_99_and_words_are_not_ordinals() -> None:
    assert all(1 <= value <= 99 for value in ORDINAL_WORDS.values())
    assert ordinal_value("edition") is None and ordinal_value("vingt") is None and ordinal_value("") is None
