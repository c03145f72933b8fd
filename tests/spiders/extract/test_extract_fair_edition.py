"""Edition number, status and year basis of the fairs a text announces."""
from __future__ import annotations

from spiders.extract.fair_edition import edition_number, edition_status
from spiders.extract.fairs import extract_fairs


def test_edition_numbers_in_several_languages() -> None:
    assert edition_number("La 47e édition du salon ouvre ses portes") == 47
    assert edition_number("alla sua 87sima edizione, con 450 espositori") == 87
    assert edition_number("the 4th edition of the pottery show") == 4
    assert edition_number("la XII edición de la feria") == 12
    assert edition_number("تنطلق الدورة 24 من المعرض") == 24
    assert edition_number("l'edizione numero 62 del Salone") == 62
    assert edition_number("l'edizione 2026 del Salone") is None  # a year, not a number


def test_status_cues() -> None:
    assert edition_status("The Riverside Pottery Fair has been cancelled this year.") == "cancelled"
    assert edition_status("Le salon est reporté à une date ultérieure.") == "postponed"
    assert edition_status("Die Messe wird auf den Herbst verschoben.") == "postponed"
    assert edition_status("The fair moved online for its 2027 edition.") == "online"
    assert edition_status("Register online before 3 March to exhibit at the fair.") == "scheduled"


def test_extracted_fair_carries_edition_status_and_year_basis() -> None:
    text = "La 12e édition du Salon régional de la vannerie de Safi est reportée : elle aura lieu du 3 au 6 mai 2027."
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.edition, fair.status, fair.year_basis) == (12, "postponed", "explicit")
    (undated,) = extract_fairs("Le Salon régional de la vannerie de Safi revient bientôt.", language="fr")
    assert undated.year_basis == "none" and undated.status == "scheduled"
    headline = "Salon régional de la vannerie de Safi 2027\nLe Salon régional de la vannerie de Safi aura lieu du 3 au 6 mai."
    assert extract_fairs(headline, language="fr")[0].year_basis == "context"
