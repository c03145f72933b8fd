"""A day-month without its year: the sentence's tense says whether the fair is to come or past."""
from __future__ import annotations

from datetime import date

from spiders.extract.fairs import extract_fairs

_OCTOBER = date(2027, 10, 1)


def _dates(text: str, language: str) -> tuple[date | None, date | None]:
    (fair,) = extract_fairs(text, language=language, page_date=_OCTOBER)
    return fair.start_date, fair.end_date


def test_an_announced_fair_is_the_next_occurrence() -> None:
    assert _dates("La Foire du tapis de Chichaoua se tiendra du 12 au 15 avril.", "fr") == (date(2028, 4, 12), date(2028, 4, 15))
    assert _dates("The Leeds Basket Fair will run from 12 to 15 April.", "en") == (date(2028, 4, 12), date(2028, 4, 15))
    assert _dates("ستنظم الدورة الثالثة لمعرض الزربية بتازناخت من 12 إلى 15 أبريل.", "ar")[0] == date(2028, 4, 12)


def test_a_reported_fair_is_the_last_occurrence() -> None:
    text = "La Foire du tapis de Chichaoua s'est tenue du 12 au 15 décembre, avec 80 exposants."
    assert _dates(text, "fr") == (date(2026, 12, 12), date(2026, 12, 15))


def test_without_a_tense_the_nearest_occurrence_stands() -> None:
    assert _dates("Foire du tapis de Chichaoua : du 12 au 15 avril.", "fr") == (date(2027, 4, 12), date(2027, 4, 15))
    # A fair running now, reported in the present or the past, keeps this year's days.
    text = "La Foire du tapis de Chichaoua s'est ouverte le 28 septembre et a eu lieu jusqu'au 3 octobre."
    assert _dates(text, "fr")[1] == date(2027, 10, 3)


def test_a_labelled_publication_date_dates_the_text_and_opens_no_fair() -> None:
    text = ("Accueil › Actualités › Artisanat\nSafi : le Salon de la céramique est lancé\nPar la rédaction\n"
            "Publié le 12/04/2027 à 18h30\nLa 5e édition du Salon régional de la céramique de Safi se poursuit "
            "jusqu'au 20 avril sur la place Moulay Youssef.")
    (fair,) = extract_fairs(text, language="fr", page_date=date(2029, 1, 5))
    assert (fair.start_date, fair.end_date) == (None, date(2027, 4, 20))


def test_a_past_editions_year_dates_the_next_edition_when_the_text_names_it() -> None:
    text = ("Du 4 au 9 avril se tient le Salon international du meuble de Tanger. "
            "L'édition 2026 a accueilli 40 000 visiteurs, et 2027 devrait faire mieux.")
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date, fair.end_date) == (date(2027, 4, 4), date(2027, 4, 9))
