from __future__ import annotations

from datetime import date, datetime

import pytest

from spiders.extract.dates import find_date_spans, parse_date_range, parse_date_string


@pytest.mark.parametrize(
    ("text", "languages", "start", "end"),
    [
        ("du 16 au 20 janvier 2026", ["fr"], date(2026, 1, 16), date(2026, 1, 20)),
        ("16.–20. Januar 2026", ["de"], date(2026, 1, 16), date(2026, 1, 20)),
        ("Jan 16-20, 2026", ["en"], date(2026, 1, 16), date(2026, 1, 20)),
        ("16-20/01/2026", ["fr"], date(2026, 1, 16), date(2026, 1, 20)),
        ("من 16 إلى 20 يناير 2026", ["ar"], date(2026, 1, 16), date(2026, 1, 20)),
        ("16 janvier - 2 février 2026", ["fr"], date(2026, 1, 16), date(2026, 2, 2)),
        ("January 30 – February 2, 2027", ["en"], date(2027, 1, 30), date(2027, 2, 2)),
        ("del 16 al 20 de enero de 2026", ["es"], date(2026, 1, 16), date(2026, 1, 20)),
        ("dal 16 al 20 gennaio 2026", ["it"], date(2026, 1, 16), date(2026, 1, 20)),
        ("vom 14. bis zum 17.1.2025", ["de"], date(2025, 1, 14), date(2025, 1, 17)),
        ("from 22 nd -24 th June, 2022", ["en"], date(2022, 6, 22), date(2022, 6, 24)),
        ("28 décembre - 3 janvier 2026", ["fr"], date(2025, 12, 28), date(2026, 1, 3)),
        ("ما بين 9 و15 فبراير 2026", ["ar"], date(2026, 2, 9), date(2026, 2, 15)),
        ("Thursday, January 16, 2026", ["en"], date(2026, 1, 16), None),
    ],
)
def test_ranges(text: str, languages: list[str], start: date, end: date | None) -> None:
    assert parse_date_range(text, languages, None) == (start, end)


def test_year_less_range_needs_a_base() -> None:
    assert parse_date_range("du jeudi 16 au dimanche 19 janvier", ["fr"], None) == (None, None)
    base = date(2025, 11, 3)
    assert parse_date_range("du jeudi 16 au dimanche 19 janvier", ["fr"], base) == (date(2026, 1, 16), date(2026, 1, 19))
    assert parse_date_range("le 8 au 18 février", ["fr"], date(2017, 10, 9)) == (date(2018, 2, 8), date(2018, 2, 18))


def test_spans_keep_offsets_in_arabic_and_accented_text() -> None:
    text = "Le salon ouvrira du 16 au 20 janvier 2026 à Fès."
    (span,) = find_date_spans(text, ["fr"])
    assert text[span.begin:span.finish].strip().startswith("16")


def test_no_date() -> None:
    assert parse_date_range("Aucune date ici, seulement 42 exposants.", ["fr"], None) == (None, None)


def test_date_strings_with_dateparser() -> None:
    base = datetime(2014, 9, 1, 10, 30)
    assert parse_date_string("il y a 2 heures", ["fr"], base) == datetime(2014, 9, 1, 8, 30)
    assert parse_date_string("منذ يومين", ["ar"], base) == datetime(2014, 8, 30, 10, 30)
    assert parse_date_string("20 Février 2012", ["fr"], base) == datetime(2012, 2, 20, 0, 0)
    assert parse_date_string("", ["fr"], base) is None


def test_year_first_slashed_dates_as_gulf_pages_write_them() -> None:
    (span,) = find_date_spans("يستمر المعرض إلى يوم 2027/3/14م", ("ar",))
    assert span.start.to_date() == date(2027, 3, 14)
    assert find_date_spans("ratio 2027/13/14", ("en",)) == []


def test_a_date_glued_to_the_next_word_is_a_teaser_timestamp() -> None:
    assert find_date_spans("Relateret indhold 01.04.2027Designbase.dk", ("da",)) == []
    assert len(find_date_spans("Den næste messe: 01.04.2027 i Stockholm", ("da",))) == 1


def test_a_month_then_a_list_of_its_days_is_one_range() -> None:
    from spiders.extract.dates import find_date_spans

    (span,) = find_date_spans("Made in Fès comes to Rabat on March 23, 24, 25, 2027.")
    assert (span.start.day, span.end.day, span.end.year) == (23, 25, 2027) if span.end else False
    (pair,) = find_date_spans("open May 3 and 4, 2027")
    assert pair.end is not None and pair.end.day == 4
    (single,) = find_date_spans("On May 3, 5 exhibitors had left.")
    assert single.end is None


def test_the_month_and_year_then_the_days() -> None:
    from spiders.extract.dates import find_date_spans

    (span,) = find_date_spans("Le prochain rendez-vous est en janvier 2028, du 22 au 26, porte de Versailles.", ["fr"])
    assert (str(span.start.to_date()), str(span.end.to_date() if span.end else None)) == ("2028-01-22", "2028-01-26")
    assert find_date_spans("en janvier 2028, 22 exposants", ["fr"]) == []


def test_an_elided_italian_range_word() -> None:
    from spiders.extract.dates import find_date_spans
    (span,) = find_date_spans("L'Artigiano in Fiera torna dal 30 novembre all'8 dicembre 2027.", ("it",))
    assert (span.start.day, span.start.month, span.start.year, span.end.day, span.end.month) == (30, 11, 2027, 8, 12)
    (span,) = find_date_spans("Si tiene dal 1° all’11 maggio 2027.", ("it",))
    assert (span.start.day, span.end.day, span.end.month) == (1, 11, 5)


def test_month_names_damaged_by_a_wrong_encoding() -> None:
    from spiders.extract.dates import find_date_spans
    (french,) = find_date_spans("du 3 au 6 f?vrier 2027", ("fr",))
    assert (french.start.month, french.end.month if french.end else None) == (2, 2)
    (german,) = find_date_spans("vom 3. bis 6. M\ufffdrz 2027", ("de",))
    assert german.start.month == 3
    assert find_date_spans("what? 12 months", ("en",)) == []


def test_an_arrow_between_two_days_is_a_range() -> None:
    (arrow,) = find_date_spans("Salon du cuir : 3 > 6 mars 2027", ("fr",))
    assert (arrow.start.day, arrow.end.day if arrow.end else None) == (3, 6)
    (crumbs,) = find_date_spans("Accueil > Agenda > 12 mars 2027", ("fr",))
    assert crumbs.end is None


def test_a_range_framed_by_from_and_to_may_last_a_season() -> None:
    (span,) = find_date_spans("la biennale aura lieu du 5 juillet au 2 novembre 2027.", ["fr"])
    assert (span.start.month, span.end.month) == (7, 11)
    assert len(find_date_spans("Dates : 5 juillet - 2 novembre 2027", ["fr"])) == 2  # a bare dash: maybe two dates
