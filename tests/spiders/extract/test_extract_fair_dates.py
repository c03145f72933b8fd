"""Which dates of a text open a fair and which only close it."""
from __future__ import annotations

from datetime import date

from spiders.extract.fairs import extract_fairs


def test_until_date_is_an_end_without_a_start() -> None:
    text = "Le Salon provincial du cuivre de Taza ouvre demain et se poursuivra jusqu'au 14 mai 2027 place de la Poste."
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date, fair.end_date) == (None, date(2027, 5, 14))


def test_until_date_closes_a_fair_that_opens_on_a_single_day() -> None:
    text = "La Fiera del Vimini di Lucca apre il 3 giugno 2027 e resterà aperta fino al 9 giugno."
    (fair,) = extract_fairs(text, language="it")
    assert (fair.start_date, fair.end_date) == (date(2027, 6, 3), date(2027, 6, 9))


def test_italian_weekday_after_until() -> None:
    text = "Apre la 12a Mostra del Legno di Cuneo, aperta fino a domenica 18 aprile 2027."
    (fair,) = extract_fairs(text, language="it")
    assert (fair.start_date, fair.end_date) == (None, date(2027, 4, 18))


def test_a_range_is_not_read_as_an_end() -> None:
    text = "The Bristol Basket Fair runs from 4 to 6 March 2027 at the Old Corn Exchange."
    (fair,) = extract_fairs(text, language="en")
    assert (fair.start_date, fair.end_date) == (date(2027, 3, 4), date(2027, 3, 6))


def test_headline_year_dates_a_year_less_range() -> None:
    text = "Riverside Pottery Fair 2027 confirmed\n\nThe organisers confirmed the Riverside Pottery Fair for 12-14 March at the Town Hall."
    (fair,) = extract_fairs(text, language="en")
    assert (fair.start_date, fair.end_date) == (date(2027, 3, 12), date(2027, 3, 14))


def test_two_years_in_the_headline_date_nothing() -> None:
    text = "From 2026 to 2027: the Riverside Pottery Fair\n\nThe Riverside Pottery Fair runs 12-14 March at the Town Hall."
    (fair,) = extract_fairs(text, language="en")
    assert fair.start_date is None
