"""A page's own dateline: it dates no fair, but fixes 'tomorrow', 'ce mercredi' and year-less days."""
from __future__ import annotations

from datetime import date

from spiders.extract.fairs import extract_fairs


def test_tomorrow_against_the_dateline() -> None:
    text = "Saturday, March 6, 2027\n\nThe Riverside Pottery Fair begins tomorrow! We packed forty crates of bowls."
    (fair,) = extract_fairs(text, language="en")
    assert (fair.start_date, fair.year_basis) == (date(2027, 3, 7), "context")


def test_a_weekday_against_the_dateline() -> None:
    text = "Publié le 1 mars 2027\nLe Salon régional de la dinanderie de Taroudant ouvre ce mercredi ses portes aux visiteurs."
    (fair,) = extract_fairs(text, language="fr")
    assert fair.start_date == date(2027, 3, 3)


def test_no_dateline_no_relative_day() -> None:
    text = "Le Salon régional de la dinanderie de Taroudant ouvre ce mercredi ses portes aux visiteurs."
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date, fair.year_basis) == (None, "none")


def test_the_dateline_is_not_the_fair_start_but_dates_its_days() -> None:
    text = " date 2027-02-20\nLa Foire de la vannerie de Safi se tient du 2 au 9 mai au port."
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date, fair.end_date, fair.year_basis) == (date(2027, 5, 2), date(2027, 5, 9), "context")
