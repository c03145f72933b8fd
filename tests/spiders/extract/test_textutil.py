"""Whitespace collapsing takes a shortcut for text that is already clean; it must agree with the definition."""
from __future__ import annotations

import random
import sys

from spiders.extract.textutil import clean_paragraphs, one_line

WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
OTHER_UNPRINTABLE = ["\u200b", "\xad", "\x00", "\ufeff", "\u2060"]


def reference_one_line(text: str) -> str:
    return " ".join(text.split())


def reference_paragraphs(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def test_every_whitespace_character_is_collapsed() -> None:
    for space in WHITESPACE:
        long = "x" * 200
        for text in (f"a{space}b", f"{space}a", f"a{space}", f"a {space}b", f"a{space}\nb", space,
                     f"{long}{space}{long}", f"{space}{long}", f"{long}{space}", f"{long}\n{space}{long}"):
            assert one_line(text) == reference_one_line(text), repr(text)
            assert clean_paragraphs(text) == reference_paragraphs(text), repr(text)


def test_random_texts_collapse_as_the_definition_says() -> None:
    rnd = random.Random(5)
    alphabet = ["a", "é", "ز", "Tapis", " ", "  ", "\n", "\n\n", ".", *rnd.sample(WHITESPACE, 10), *OTHER_UNPRINTABLE]
    for _ in range(5_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14 if rnd.random() < 0.5 else 120)))
        assert one_line(text) == reference_one_line(text), repr(text)
        assert clean_paragraphs(text) == reference_paragraphs(text), repr(text)


def test_clean_text_comes_back_as_it_is() -> None:
    assert one_line("Les tapis de Fès") == "Les tapis de Fès"
    assert clean_paragraphs("Premier paragraphe.\n\nSecond.") == "Premier paragraphe.\nSecond."
    assert one_line(None) == "" and clean_paragraphs(None) == ""


def test_the_shortcut_knows_every_whitespace_character() -> None:
    from spiders.extract.textutil import _OTHER_WHITESPACE
    assert set(_OTHER_WHITESPACE) == set(WHITESPACE) - {" ", "\n"}
