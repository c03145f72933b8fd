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


def test_a_wire_dateline_without_a_year_dates_the_page_not_the_fair() -> None:
    from spiders.extract.fairs import extract_fairs

    text = (" date 2027-03-02 RABAT 2 Mar. (MAP) -\n\nLe Salon national du cuir se tiendra du 10 au 13 avril "
            "au Palais des congrès, a annoncé la chambre d'artisanat.")
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date.isoformat(), fair.end_date.isoformat()) == ("2027-04-10", "2027-04-13")


def test_a_date_on_the_first_line_beside_a_fair_name_is_the_fair_s() -> None:
    from spiders.extract.fairs import extract_fairs

    (fair,) = extract_fairs("Salon du cuir, 12 mai 2027\n\nLes artisans exposent leurs sacs.", language="fr")
    assert fair.name == "Salon du cuir" and fair.start_date.isoformat() == "2027-05-12"


def test_a_wire_dateline_in_brackets_anchors_the_year_less_day() -> None:
    from spiders.extract.fairs import extract_fairs

    text = ("Pottery week\n\nSafi Info (May 4, 2027) — The 5th edition of the regional pottery exhibition kicked off "
            "May 3 in Safi with 70 artisans.")
    (fair,) = extract_fairs(text, language="en")
    assert fair.start_date.isoformat() == "2027-05-03"


def test_a_magazine_issue_line_gives_the_year() -> None:
    from spiders.extract.fairs import extract_fairs

    text = "LE CAHIER DES MÉTIERS\n\nMagazine n°12\nOctobre 2027\n\nDu 12 au 15 octobre prochain se tient le Salon du cuir de Fès."
    (fair,) = extract_fairs(text, language="fr")
    assert fair.start_date.isoformat() == "2027-10-12"


def test_a_written_weekday_picks_the_year_near_the_page_date() -> None:
    from spiders.extract.fairs import extract_fairs

    # 12 April is a Friday in 2024 and a Saturday in 2025.
    (fair,) = extract_fairs(" date 2024-06\nLe Salon du cuir ouvre le samedi 12 avril à Fès.", language="fr")
    assert (fair.start_date.isoformat(), fair.year_basis) == ("2025-04-12", "context")
    (plain,) = extract_fairs(" date 2024-06\nLe Salon du cuir ouvre le 12 avril à Fès.", language="fr")
    assert plain.start_date.isoformat() == "2024-04-12"
    (dated,) = extract_fairs(" date 2024-11-20\nThe Rug Fair opens on Saturday, January 4 in Rabat.", language="en")
    assert dated.start_date.isoformat() == "2025-01-04"


def test_an_opening_told_in_the_past_is_the_weekday_before_the_dateline() -> None:
    # 12 April 2027 is a Monday.
    (french,) = extract_fairs("RABAT, 12 avril 2027 (MAP) - Le Salon du cuir a ouvert ses portes mardi à Rabat.", language="fr")
    assert french.start_date == date(2027, 4, 6)
    (english,) = extract_fairs("12 April 2027 — The Leeds Basket Fair opened on Sunday at the Corn Exchange.", language="en")
    assert english.start_date == date(2027, 4, 11)
    (coming,) = extract_fairs("Rabat, le 12 avril 2027 - Le Salon du cuir ouvre ses portes ce mercredi à Rabat.", language="fr")
    assert coming.start_date == date(2027, 4, 14)
    (spanish,) = extract_fairs("Madrid, 12 de abril de 2027 (EFE).- La Feria de Artesanía abrió ayer sus puertas.", language="es")
    assert spanish.start_date == date(2027, 4, 11)


def test_this_weekday_is_to_come_whatever_else_was_opened() -> None:
    text = "12 April 2027 — Registrations opened last month; the Leeds Basket Fair opens this Friday at the Corn Exchange."
    (fair,) = extract_fairs(text, language="en")
    assert fair.start_date == date(2027, 4, 16)


def test_an_arabic_opening_yesterday_dates_a_fair_known_only_by_its_closing_day() -> None:
    text = (" date 2027-03-07\nانطلقت، أمس السبت، بساحة المسيرة ببني ملال، فعاليات الدورة السابعة للمعرض الجهوي "
            "للصناعة التقليدية، الذي يتواصل إلى غاية 14 مارس الجاري.")
    (fair,) = extract_fairs(text, language="ar")
    assert (fair.start_date, fair.end_date) == (date(2027, 3, 6), date(2027, 3, 14))


def test_two_weekdays_for_two_days_give_the_start_its_own_weekday() -> None:
    # 20 and 21 March 2027 are a Saturday and a Sunday; read against a page of March 2027.
    (fair,) = extract_fairs("Töpfermarkt Lauf\nAm Samstag und Sonntag, 20. und 21. März, öffnet der Töpfermarkt Lauf "
                            "in der Stadthalle.", language="de", page_date=date(2027, 3, 2))
    assert (fair.start_date, fair.end_date) == (date(2027, 3, 20), date(2027, 3, 21))


def test_the_stores_date_glued_to_the_first_paragraph_dates_the_page_and_pasado_looks_back() -> None:
    text = (" date 2027-01-03 El Mercado Navideño de Cerámica abrió sus puertas el pasado 27 de noviembre en el Parque "
            "de la Isla de Mérida y permanecerá abierto hasta el próximo lunes, 4 de enero.")
    (fair,) = extract_fairs(text, language="es")
    assert (fair.start_date, fair.end_date) == (date(2026, 11, 27), date(2027, 1, 4))
    assert (fair.venue, fair.city) == ("Parque de la Isla de Mérida", "Mérida")


def test_a_weekday_moves_a_context_year_and_a_past_closing_verb_ends_the_fair() -> None:
    # "l'édition 2026" is the one compared; Sunday 9 May falls in 2027.
    text = ("Le Salon de la vannerie s'est achevé ce dimanche 9 mai, avec 300 exposants. "
            "Un chiffre supérieur à celui de l'édition 2026.")
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date, fair.end_date) == (None, date(2027, 5, 9))


def test_bis_einschliesslich_closes_the_fair() -> None:
    (fair,) = extract_fairs("Die Keramikmesse Bamberg wurde eröffnet. Bis einschließlich Dienstag, 16. Februar 2027, "
                            "zeigen 80 Aussteller ihre Arbeiten.", language="de")
    assert (fair.start_date, fair.end_date) == (None, date(2027, 2, 16))


def test_a_dateline_alone_on_the_fourth_line_dates_the_page() -> None:
    text = ("FERIAS\n\nLa cerámica vuelve a Talavera\n\nLa Feria de la Cerámica abrió sus puertas el pasado 7 de diciembre en el "
            "recinto ferial.\n\n12 de febrero de 2027\n\nLa feria reunió a 200 ceramistas.")
    (fair,) = extract_fairs(text, language="es")
    assert fair.start_date == date(2026, 12, 7)



def test_a_dated_time_stamp_further_down_is_a_dateline() -> None:
    from spiders.extract.dates import find_date_spans, month_languages
    from spiders.extract.fair_relative import dateline_spans

    text = ("Ton für alle\n\nFoto: Redaktion\n\nFoto: Archiv\n\nDer Markt lädt ein.\n\nBild von\n"
            "Von Jane Roe 4. Dezember 2027, 07:15 Uhr\n\nDer Markt öffnet am 10. Dezember 2027 um 10:00 Uhr im Rathaus, mit 40 Ausstellern.")
    spans = find_date_spans(text, month_languages())
    assert [(s.start.day, s.start.month) for s in dateline_spans(text, spans)] == [(4, 12)]


def test_open_since_a_weekday_is_that_day_before_the_dateline() -> None:
    text = ("Le Palais des expositions accueille depuis jeudi la 12e édition du Salon national du cuivre.\n"
            "Posté le lundi 5 juillet 2027.")
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date, fair.year_basis) == (date(2027, 7, 1), "context")


def test_having_opened_on_a_weekday_is_the_weekday_before_the_dateline() -> None:
    text = ("Publié le 7 mai 2027\n\nLa Foire du cuir de Dakar se tient jusqu'au 18 mai prochain après avoir ouvert "
            "ses portes mercredi.")
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date, fair.end_date) == (date(2027, 5, 5), date(2027, 5, 18))
