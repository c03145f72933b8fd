"""Which dates of a text open a fair and which only close it."""
from __future__ import annotations

from datetime import date

import pytest

from spiders.extract.dates import find_date_spans
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


def test_the_one_year_a_text_names_dates_a_year_less_range() -> None:
    text = ("The Riverside Pottery Fair opens its doors\n\nThe Riverside Pottery Fair runs 12-14 March at the Town Hall,"
            " held there since 1987.\n\nPhoto: riverside fair 2027All rights reserved")
    (fair,) = extract_fairs(text, language="en")
    assert (fair.start_date, fair.end_date, fair.year_basis) == (date(2027, 3, 12), date(2027, 3, 14), "context")


def test_the_year_an_organiser_was_founded_dates_no_fair() -> None:
    text = ("La Semaine nationale de l'artisanat s'ouvre à Marrakech le lundi 13 janvier.\n\n"
            "La Maison de l'Artisan, qui l'organise, a été fondée en 1957.")
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.name, fair.start_date, fair.city) == ("Semaine nationale de l'artisanat", None, "Marrakech")


def test_comma_before_until_word_and_a_range_over_new_year() -> None:
    text = "La Feria del Juguete de Madera de Soria abrirá del 18 de diciembre, al 6 de enero de 2028 en la plaza Mayor."
    (fair,) = extract_fairs(text, language="es")
    assert (fair.start_date, fair.end_date) == (date(2027, 12, 18), date(2028, 1, 6))


def test_a_day_written_as_a_word() -> None:
    text = "La Mostra del Ferro Battuto di Asti si è aperta e proseguirà fino al primo giugno 2027."
    (fair,) = extract_fairs(text, language="it")
    assert fair.end_date == date(2027, 6, 1)


def test_opening_day_in_a_later_sentence() -> None:
    text = (
        "La ville de Taroudant accueille la 5e édition du Salon régional de la dinanderie. "
        "Les artisans y présentent plateaux, lanternes et théières ciselées, venus de toute la région du Souss. "
        "Les organisateurs attendent plus de cent exposants et des milliers de visiteurs. "
        "Cette année encore les coopératives féminines seront à l'honneur avec un espace réservé à leurs créations. "
        "Elle débute ce 3 avril 2027 pour une semaine."
    )
    (fair,) = extract_fairs(text, language="fr")
    assert fair.start_date == date(2027, 4, 3)


def test_a_cancelled_edition_and_the_next_one_are_two_records() -> None:
    text = (
        "Die für den 4. bis 8. Mai 2026 geplante Kasseler Keramikmesse fällt aus. "
        "Die nächste Ausgabe der Kasseler Keramikmesse soll vom 3. bis 7. Mai 2027 stattfinden."
    )
    fairs = extract_fairs(text, language="de")
    assert [(f.start_date, f.end_date) for f in fairs] == [
        (date(2026, 5, 4), date(2026, 5, 8)), (date(2027, 5, 3), date(2027, 5, 7)),
    ]


def test_a_closing_verb_in_the_next_sentence_gives_the_end() -> None:
    text = "Le Salon du cuir de Fès ouvre le 3 mars 2027. Il fermera ses portes le 7 mars."
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date, fair.end_date) == (date(2027, 3, 3), date(2027, 3, 7))
    text = "La Feria de Artesanía de Lorca abrirá el 3 de marzo de 2027 y cerrará el 7 de marzo."
    (fair,) = extract_fairs(text, language="es")
    assert (fair.start_date, fair.end_date) == (date(2027, 3, 3), date(2027, 3, 7))


def test_arabic_end_day_of_the_same_month_and_an_edition_year() -> None:
    text = (
        "يشهد المعرض الجهوي للزربية، المنظم في الفترة الممتدة بين 9 فبراير إلى 18 منه، مشاركة 300 عارض.\n"
        "ويشارك في دورة 2027 من المعرض عارضون من كل الجهات."
    )
    (fair,) = extract_fairs(text, language="ar")
    assert (fair.start_date, fair.end_date, fair.year_basis) == (date(2027, 2, 9), date(2027, 2, 18), "context")


def test_arabic_list_of_days_joined_with_and() -> None:
    text = "ينظم المعرض الجهوي للزربية أيام 3 و4 و5 مارس 2027 بمدينة أزرو."
    (fair,) = extract_fairs(text, language="ar")
    assert (fair.start_date, fair.end_date) == (date(2027, 3, 3), date(2027, 3, 5))


def test_arabic_until_the_day_closes_the_fair() -> None:
    text = "وجه الأمير بتمديد “مهرجان السدو” للحرف اليدوية إلى يوم الأحد المقبل الموافق 2027/3/14م."
    (fair,) = extract_fairs(text, language="ar")
    assert (fair.name, fair.start_date, fair.end_date) == ("مهرجان السدو", None, date(2027, 3, 14))


def test_dates_written_before_each_name_stay_with_their_own_fair() -> None:
    text = ("El próximo 9 de diciembre de 2027 se inaugurará la III Feria ‘Cerámica del Valle’ y del 17 de diciembre"
            " al 5 de enero, la XXVIII Feria Navideña del Barro Artesano.")
    fairs = {f.name: (f.start_date, f.end_date) for f in extract_fairs(text, language="es")}
    assert fairs == {"Feria ‘Cerámica del Valle’": (date(2027, 12, 9), None),
                     "Feria Navideña del Barro Artesano": (date(2027, 12, 17), date(2028, 1, 5))}


def test_next_years_dates_are_the_next_edition() -> None:
    text = "Die Nordstil läuft vom 27. bis 30. August 2027. Im nächsten Jahr kommt sie schon vom 24. bis 27. Juni."
    dates = sorted((f.start_date, f.end_date) for f in extract_fairs(text, language="de"))
    assert dates == [(date(2027, 8, 27), date(2027, 8, 30)), (date(2028, 6, 24), date(2028, 6, 27))]


def test_the_same_days_restated_as_next_year_are_no_second_edition() -> None:
    text = ("La Feria de la Cerámica del Valle se celebrará en 2028 del 1 al 5 de mayo.\n"
            "La feria se celebrará el año que viene en Cuenca del 1 al 5 de mayo.")
    (fair,) = extract_fairs(text, language="es")
    assert (fair.start_date, fair.end_date) == (date(2028, 5, 1), date(2028, 5, 5))


def test_two_fairs_held_together_share_their_bracketed_dates() -> None:
    text = "Zwei Messen unter einem Dach: Keramora/Textora (12. bis 15. Mai 2027) in Leipzig."
    fairs = {f.name: (f.start_date, f.end_date) for f in extract_fairs(text, language="de")}
    assert fairs == {"Keramora": (date(2027, 5, 12), date(2027, 5, 15)), "Textora": (date(2027, 5, 12), date(2027, 5, 15))}


def test_a_closing_day_without_its_month_takes_the_opening_month() -> None:
    text = "La Feria de Cerámica de Talavera abre el 8 de diciembre de 2027 en la plaza del Pan y cerrará el 17."
    (fair,) = extract_fairs(text, language="es")
    assert (fair.start_date, fair.end_date) == (date(2027, 12, 8), date(2027, 12, 17))


def test_a_smaller_closing_day_falls_in_the_next_month() -> None:
    text = "Le Salon du cuir de Meknès ouvrira le 28 décembre 2027 et fermera ses portes le 3."
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date, fair.end_date) == (date(2027, 12, 28), date(2028, 1, 3))


def test_a_day_in_the_next_sentence_closes_nothing() -> None:
    text = "The Leather Fair of Fez opens on 8 December 2027. Last year it closed on the 17."
    (fair,) = extract_fairs(text, language="en")
    assert (fair.start_date, fair.end_date) == (date(2027, 12, 8), None)


def test_a_december_opening_takes_the_year_before_a_january_closing() -> None:
    text = "La Feria de Artesanía de Lugo abrirá el 20 de diciembre y cerrará el 5 de enero de 2028."
    (fair,) = extract_fairs(text, language="es")
    assert (fair.start_date, fair.end_date) == (date(2027, 12, 20), date(2028, 1, 5))


def test_a_twice_yearly_fair_keeps_its_year_less_season_nearest_its_dated_edition() -> None:
    text = ("Le Salon Maroc Déco de septembre se tiendra en ligne du 4 au 18 septembre ; le prochain rendez-vous "
            "du Salon Maroc Déco est en janvier 2027, du 22 au 26, à Casablanca.")
    fairs = sorted(extract_fairs(text, language="fr"), key=lambda f: f.start_date or date.min)
    assert [(f.start_date, f.end_date) for f in fairs] == [
        (date(2026, 9, 4), date(2026, 9, 18)), (date(2027, 1, 22), date(2027, 1, 26))]


def test_a_neighbours_dates_do_not_become_a_fairs_other_season() -> None:
    text = ("The delegation will visit Maison&Objet in Paris (16-20 January 2027 was too early), "
            "and finally Index in Dubai on 27-29 May.")
    assert [(f.name, f.start_date) for f in extract_fairs(text, language="en")] == [("Maison&Objet", date(2027, 1, 16))]


def test_a_city_inside_another_fairs_name_is_that_fairs() -> None:
    text = ("El calendario incluye la Feria de Artesanía de Zamora (del 1 al 4 de agosto de 2027) y la Muestra de "
            "Cerámica de Puente del Arzobispo (del 5 al 8 de septiembre de 2027).")
    cities = {f.name: f.city for f in extract_fairs(text, language="es")}
    assert cities == {"Feria de Artesanía de Zamora": "Zamora", "Muestra de Cerámica de Puente del Arzobispo": None}


def test_a_fair_said_to_last_n_days_ends_on_its_last_one() -> None:
    (fair,) = extract_fairs("Le salon Artexa ouvre ses portes à Lyon le 5 septembre 2027 pour cinq jours.", language="fr")
    assert (fair.start_date, fair.end_date) == (date(2027, 9, 5), date(2027, 9, 9))
    (other,) = extract_fairs("Craftex will take place on 3 May 2027 in Leeds; tickets for two days cost £10.", language="en")
    assert other.end_date is None


def test_opening_hours_day_by_day_make_one_range() -> None:
    text = ("Harrogate Weavers Fair\nOpening times:\nFriday 9 May 2027: 10am - 5pm\nSaturday 10 May 2027: 10am - 5pm\n"
            "Sunday 11 May 2027: 10am - 4pm\nVenue: Great Yorkshire Showground")
    (fair,) = extract_fairs(text, language="en")
    assert (fair.start_date, fair.end_date) == (date(2027, 5, 9), date(2027, 5, 11))
    apart = "La Foire de Safi ouvre le 9 mai 2027. Le lendemain, 10 mai 2027, la presse est invitée."
    assert [f.end_date for f in extract_fairs(apart, language="fr")] == [None]


def test_a_month_whose_full_stop_ends_the_sentence_keeps_its_dates_off_the_next_fair() -> None:
    text = ("La comarca acoge cuatro ferias. La Feria del Esparto de Cieza será del 3 al 5 de abril de 2027. "
            "La Feria del Encaje, del 8 al 9 de mayo. La Feria del Vidrio Soplado, en Lorca, del 10 al 12 de julio. "
            "La Feria de la Forja, del 18 al 20 de septiembre en Totana.")
    starts = {f.name: f.start_date for f in extract_fairs(text, language="es")}
    assert starts == {"Feria del Esparto de Cieza": date(2027, 4, 3), "Feria del Encaje": date(2027, 5, 8),
                      "Feria del Vidrio Soplado": date(2027, 7, 10), "Feria de la Forja": date(2027, 9, 18)}


def test_a_bracketed_date_belongs_to_the_clause_before_it() -> None:
    text = ("The Leeds Basket Fair got off to a busy start yesterday (Sunday 7 March 2027) with Spring Fair's director "
            "among the visitors.")
    fairs = {f.name: f for f in extract_fairs(text, language="en")}
    assert fairs["Leeds Basket Fair"].start_date == date(2027, 3, 7)
    assert "Spring Fair" not in fairs or fairs["Spring Fair"].start_date is None


def test_a_known_fair_found_twice_over_counts_as_one_mention() -> None:
    from spiders.extract.fair_groups import group_mentions

    (group,) = [g for g in group_mentions("Spring Fair opens. Spring Fair closes.") if g.key == "Spring Fair"]
    assert len(group.positions) == len(set(group.positions)) == 2


def test_an_arabic_range_until_the_end_day() -> None:
    (span,) = find_date_spans("ينظم الصالون من 27 مارس إلى غاية 5 أفريل 2027 بقصر المعارض")
    assert (span.start.day, span.start.month, span.end.day, span.end.month, span.end.year) == (27, 3, 5, 4, 2027)


def test_a_registration_deadline_is_not_the_fairs_day_and_a_past_edition_gives_way() -> None:
    text = ("Salon du cuir : les inscriptions sont prolongées jusqu'au 12 janvier 2027\n\n"
            "Les artisans peuvent déposer leur dossier d'inscription jusqu'au 12 janvier 2027. Le Salon du cuir se tiendra "
            "au Palais des expositions de Marrakech du 27 mars au 5 avril 2027. La précédente édition du Salon du cuir "
            "s'était tenue du 23 mai au 1er juin 2026.")
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.start_date, fair.end_date, fair.registration_deadline) == (date(2027, 3, 27), date(2027, 4, 5), date(2027, 1, 12))


def test_a_range_for_the_show_goes_to_the_fair_the_text_is_about_not_the_last_one_named() -> None:
    text = ("Die Tendence lädt wieder nach Frankfurt. Dieses Jahr wird die Tendence um die Veranstaltungen Christmasworld "
            "und Creativeworld ergänzt. Für die Schau vom 3. bis zum 7. Juli 2027 haben sich 400 Aussteller angemeldet.")
    fairs = {f.name: f for f in extract_fairs(text, language="de")}
    assert fairs["Tendence"].start_date == date(2027, 7, 3)


def test_a_moved_editions_old_days_give_way_to_its_new_ones() -> None:
    text = ("The Spring Pottery Market will be held in June instead of April. The market was supposed to be April 25-29, "
            "2027 but will now run June 12-14, 2027, the organisers said.")
    (fair,) = extract_fairs(text, language="en")
    assert (fair.start_date, fair.end_date) == (date(2027, 6, 12), date(2027, 6, 14))


@pytest.mark.parametrize("text", [
    "La Mostra della ceramica è stata rinviata. Avrebbe dovuto essere dal 21 al 26 aprile 2027, invece si terrà dal 16 al 21 giugno 2027.",
    "Le Salon du cuir de Fès devait se tenir du 21 au 26 avril 2027 ; il aura lieu du 16 au 21 juin 2027.",
    "The Leeds Basket Fair was due to run 21-26 April 2027; it will now run 16-21 June 2027.",
    "La Feria de Cerámica debía celebrarse del 21 al 26 de abril de 2027 y se celebrará del 16 al 21 de junio de 2027.",
])
def test_the_days_a_moved_edition_should_have_had_give_way(text: str) -> None:
    (fair,) = extract_fairs(text)
    assert (fair.start_date, fair.end_date) == (date(2027, 6, 16), date(2027, 6, 21))


def test_a_cancelled_editions_original_days_stay_when_another_fair_has_the_other_range() -> None:
    text = ("The organisers of the Harbour Gift Fair have decided to cancel next year's fair. Originally scheduled for "
            "7 to 10 February 2027, it gives way to the Harbour Digital Market, online from 28 January to 3 February 2027.")
    fairs = {f.name: f for f in extract_fairs(text, language="en")}
    assert fairs["Harbour Gift Fair"].start_date == date(2027, 2, 7)


def test_portuguese_until_makes_a_closing_day() -> None:
    (fair,) = extract_fairs("A Feira do Artesanato de Belém decorre até 11 de setembro de 2027 no Hangar.", language="pt")
    assert (fair.start_date, fair.end_date) == (None, date(2027, 9, 11))


def test_dates_given_for_a_fairs_acronym_are_that_fairs() -> None:
    text = ("With the news the Boston International Kilim Show (BIKS) and The Harbour Carpet Fair will run concurrently, "
            "buyers can visit both: 11-13 September 2027 for BIKS (at Pier 4) and 11-14 September 2027 for The Harbour "
            "Carpet Fair (at the Seaport Center).")
    fairs = {f.name: (f.start_date, f.end_date) for f in extract_fairs(text, language="en")}
    assert fairs == {"Boston International Kilim Show": (date(2027, 9, 11), date(2027, 9, 13)),
                     "Harbour Carpet Fair": (date(2027, 9, 11), date(2027, 9, 14))}


def test_the_festival_a_fair_is_held_for_does_not_take_its_dates() -> None:
    text = ("Le Salon du tissage de Tozeur, organisé à l'occasion du Festival des oasis, se tient du 20 au 29 décembre "
            "2027 au Palais des expositions de Tozeur.")
    fairs = {f.name: f.start_date for f in extract_fairs(text, language="fr")}
    assert fairs.get("Salon du tissage de Tozeur") == date(2027, 12, 20)


def test_days_then_during_the_fair_belong_to_that_fair() -> None:
    text = ("Après le salon international du cuir de Dakar en novembre dernier, l'artisanat sera célébré du 22 au 31 "
            "décembre 2027, lors de la semaine régionale du tapis.")
    fairs = {f.name: f.start_date for f in extract_fairs(text, language="fr")}
    assert fairs.get("Semaine régionale du tapis") == date(2027, 12, 22)


def test_a_year_after_a_days_full_stop_is_the_next_sentences() -> None:
    text = ("Wednesday 24 March 2027 01:00 GMT\n\nFez is ready to welcome visitors to its Leather Fair between March 26 "
            "and April 6. The city, ranked second among craft cities in 2026, has many other events.")
    (fair,) = extract_fairs(text, language="en")
    assert (fair.start_date, fair.end_date) == (date(2027, 3, 26), date(2027, 4, 6))


def test_a_comma_before_und_in_a_german_pair_of_days_and_a_market_named_in_the_genitive() -> None:
    text = ("Wenn am Samstag, 15., und Sonntag, 16. September 2027, die 39. Ausgabe des Neuburger Töpfermarktes "
            "stattfindet, freuen sich die Sammler.")
    (fair,) = extract_fairs(text, language="de")
    assert (fair.name, fair.start_date, fair.end_date, fair.edition) == (
        "Neuburger Töpfermarkt", date(2027, 9, 15), date(2027, 9, 16), 39)


def test_a_range_of_days_after_its_month_and_the_old_days_a_moved_fair_was_planned_for() -> None:
    text = ("La Mostra della ceramica di Faenza slitta da aprile (era in programma dal 5 al 10) a giugno, nella seconda "
            "settimana dal 7 al 12. L'edizione 2027 sarà la sessantesima.")
    (fair,) = extract_fairs(text, language="it")
    assert (fair.start_date, fair.end_date) == (date(2027, 6, 7), date(2027, 6, 12))
    spans = find_date_spans("In aprile i prezzi sono saliti dal 5 al 10 per cento.")
    assert spans == []


def test_a_genitive_market_inside_a_longer_name_is_the_same_market() -> None:
    text = ("Angebote für jedes Alter hält der Weihnachtsmarkt der Kunsthandwerker am Wochenende in Itzehoe bereit.\n\n"
            "19. November 2027, 05:30 Uhr\n\n64 Aussteller sind dabei beim 24. Weihnachtsmarkts der Kunsthandwerker, "
            "der Freitag bis Sonntag, 22. bis 24. November, geöffnet ist.")
    assert [f.name for f in extract_fairs(text, language="de")] == ["Weihnachtsmarkt der Kunsthandwerker"]


def test_a_remark_in_brackets_after_the_first_day_of_a_range() -> None:
    (span,) = find_date_spans("los días Sábado 19 (Día del Artesano) y Domingo 20 de Marzo de 2027.")
    assert (span.start.to_date(), span.end.to_date() if span.end else None) == (date(2027, 3, 19), date(2027, 3, 20))
