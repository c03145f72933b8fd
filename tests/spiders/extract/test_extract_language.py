from __future__ import annotations

import pytest

from spiders.extract.language import detect_language, normalize_language_tag


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le salon international de l'artisanat ouvre ses portes à Marrakech demain matin.", "fr"),
        ("افتتح المعرض الوطني للصناعة التقليدية أبوابه في الرباط بمشاركة مئات الحرفيين", "ar"),
        ("The trade fair opens tomorrow in New York with more than four hundred exhibitors.", "en"),
        ("La feria de artesanía abre mañana en Madrid con cientos de expositores.", "es"),
        ("Die Messe öffnet morgen in Frankfurt mit vielen Ausstellern aus aller Welt.", "de"),
    ],
)
def test_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_declared_language_wins_when_consistent() -> None:
    assert detect_language("Salon Maison&Objet Paris 2026", "fr-FR") == "fr"
    assert detect_language("The trade fair opens tomorrow in New York with many exhibitors.", "de") == "en"


def test_tags() -> None:
    assert normalize_language_tag("en-US") == "en"
    assert normalize_language_tag("fr_FR") == "fr"
    assert normalize_language_tag("") is None
    assert detect_language("", None) is None
