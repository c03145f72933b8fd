"""Edition number, status and year basis of the fairs a text announces."""
from __future__ import annotations

import pytest

from spiders.extract.fair_edition import edition_number, edition_status, split_leading_edition
from spiders.extract.fairs import extract_fairs


def test_edition_numbers_in_several_languages() -> None:
    assert edition_number("La 47e édition du salon ouvre ses portes") == 47
    assert edition_number("alla sua 87sima edizione, con 450 espositori") == 87
    assert edition_number("the 4th edition of the pottery show") == 4
    assert edition_number("la XII edición de la feria") == 12
    assert edition_number("the first phase of its 131st session opened on Monday") == 131
    assert edition_number("la 5e session du salon régional") == 5
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


def test_edition_ordinals_in_words() -> None:
    assert edition_number("la deuxième édition du salon") == 2
    assert edition_number("the third edition of the show") == 3
    assert edition_number("تنطلق الدورة الخامسة من المعرض") == 5
    assert edition_number("الدورة الثانية عشرة للصالون") == 12
    assert edition_number("la 25a edizione della mostra") == 25


def test_a_leading_ordinal_is_the_edition_and_leaves_the_name_and_the_series() -> None:
    text = "La XXVIII Feria de la Cestería de Gata abrirá del 3 al 6 de mayo de 2027 en la plaza Mayor."
    (fair,) = extract_fairs(text, language="es")
    assert (fair.name, fair.edition, fair.series) == ("Feria de la Cestería de Gata", 28, "Feria de la Cestería de Gata")
    assert split_leading_edition("I Saloni del Legno") == (None, "I Saloni del Legno")
    assert split_leading_edition("35ª Feria de Artesanía") == (35, "Feria de Artesanía")


def test_the_series_drops_the_edition_year() -> None:
    text = "The Riverside Pottery Fair 2027 runs from 4 to 6 March 2027 at the Old Corn Exchange."
    (fair,) = extract_fairs(text, language="en")
    assert fair.series == "Riverside Pottery Fair"


def test_an_ordinal_before_the_name_is_the_edition() -> None:
    text = "Le 1er Salon national de la vannerie de Safi a ouvert ses portes du 3 au 9 mai 2027 à Safi."
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.name, fair.edition) == ("Salon national de la vannerie de Safi", 1)
    assert split_leading_edition("المعرض الجهوي الاول للزربية") == (1, "المعرض الجهوي للزربية")


def test_a_ranking_word_is_no_edition() -> None:
    text = "Torna dal 3 al 9 maggio 2027 la Mostra del Rame di Brescia, giunta all'41^ edizione, la prima fiera del rame in Italia."
    (fair,) = extract_fairs(text, language="it")
    assert fair.edition == 41


def test_the_status_cue_nearest_the_fair_wins() -> None:
    assert edition_status("The Riverside Pottery Fair will run online this year; the Hill Fair was cancelled.") == "online"
    assert edition_status("The Riverside Pottery Fair has new dates: 4 to 6 March 2027.") == "rescheduled"


def test_arabic_edition_numbers_after_the_article() -> None:
    from spiders.extract.fair_edition import edition_number

    assert edition_number("تنطلق فعاليات المعرض في دورته الـ 11 بمشاركة 160 عارضا") == 11
    assert edition_number("افتتح الوزير النسخة ال20 من المعرض الدولي") == 20


def test_an_edition_held_online_has_no_venue_or_city() -> None:
    text = ("The Riverside Pottery Fair will run online from 3 to 7 March 2027,"
            " while the Palais des congrès de Rabat, its usual hall, is closed for works.")
    (fair,) = extract_fairs(text, language="en")
    assert (fair.status, fair.venue, fair.city) == ("online", None, None)


def test_a_headline_gives_the_status_the_fairs_sentence_does_not() -> None:
    text = ("Postponed to the autumn: news for the potters of Leeds\n\n"
            "The Riverside Pottery Fair will now open on 3 October 2027 in Leeds, its organisers said on Monday.")
    (fair,) = extract_fairs(text, language="en")
    assert fair.status == "postponed"


@pytest.mark.parametrize(("text", "status"), [
    ("The Leeds Basket Fair (3-6 May 2027) has been called off.", "cancelled"),
    ("Die Kasseler Keramikmesse (3. bis 6. Mai 2027) fällt aus.", "cancelled"),
    ("Die Kasseler Keramikmesse (3. bis 6. Mai 2027) findet in diesem Jahr nicht statt.", "cancelled"),
    ("The Leeds Basket Fair, due to run 3-6 May 2027, has been pushed back to September.", "postponed"),
    ("La Feria de Cerámica de Talavera se aplaza al 3 al 6 de mayo de 2027.", "postponed"),
    ("The Leeds Basket Fair will go virtual, running from 3 to 6 May 2027.", "online"),
    ("Die Kasseler Keramikmesse findet vom 3. bis 6. Mai 2027 digital statt.", "online"),
    ("ينظم المعرض الجهوي للصناعة التقليدية بآسفي عن بعد من 3 إلى 6 ماي 2027.", "online"),
    ("Le Salon du cuir de Fès, initialement prévu en mars, aura finalement lieu du 3 au 6 mai 2027.", "rescheduled"),
    ("Le Salon du cuir de Fès se tiendra en ligne du 3 au 6 mai 2027.", "online"),
    ("Le Salon du cuir de Fès, édition 100 % en ligne, du 3 au 6 mai 2027.", "online"),
    ("Le Salon du cuir de Fès se tient du 3 au 6 mai 2027 (billetterie en ligne).", "scheduled"),
    ("Cet article fait partie des archives en ligne. Le Salon du cuir de Fès ouvre le 3 mai 2027.", "scheduled"),
])
def test_more_ways_of_saying_an_edition_moved_stopped_or_went_online(text: str, status: str) -> None:
    (fair,) = extract_fairs(text)
    assert fair.status == status
    assert not fair.name.lower().startswith(("the ", "die "))


def test_edition_numbers_in_german_words_round_ordinals_and_the_nth_time() -> None:
    assert edition_number("die fünfte Ausgabe der Keramikmesse") == 5
    assert edition_number("zur fünften Ausgabe kommen 200 Töpfer") == 5
    assert edition_number("la trentième édition du salon") == 30
    assert edition_number("la ventesima edizione della fiera") == 20
    assert edition_number("die Messe findet zum 25. Mal statt") == 25
    assert edition_number("der Markt öffnet zum zehnten Mal") == 10


def test_first_before_a_name_and_an_arabic_ordinal_after_it_number_the_edition() -> None:
    (french,) = extract_fairs("Le premier salon africain de la céramique se tiendra du 3 au 6 mai 2027 à Safi.", language="fr")
    assert french.edition == 1
    (arabic,) = extract_fairs("مهرجان كلنا الواحة\n\nدعا مدير مهرجان كلنا الواحة الثالث الأسر إلى المشاركة من 3 إلى 6 ماي 2027.",
                             language="ar")
    assert arabic.edition == 3
    (ranked,) = extract_fairs("The Leeds Basket Fair, the first fair to ban plastic, runs 3-6 May 2027.", language="en")
    assert ranked.edition is None


def test_put_off_then_dated_again_is_rescheduled() -> None:
    (moussem,) = extract_fairs("Reporté en raison des intempéries, le Moussem des potiers de Safi aura finalement lieu "
                               "du 2 au 5 mai 2027.", language="fr")
    assert (moussem.name, moussem.status, moussem.city) == ("Moussem des potiers de Safi", "rescheduled", "Safi")
    (craftex,) = extract_fairs("Postponed in March, Craftex will now take place on 3-5 June 2027 in Leeds.", language="en")
    assert (craftex.name, craftex.status) == ("Craftex", "rescheduled")


def test_a_cue_about_another_years_edition_and_a_plan_called_off() -> None:
    (back,) = extract_fairs("Après l'annulation de l'édition 2026, le Salon de l'artisanat de Fès revient du 3 au 9 "
                            "octobre 2027.", language="fr")
    assert back.status == "scheduled"
    (off,) = extract_fairs("Le Salon régional de l'artisanat de Guelmim, initialement prévu du 12 au 18 mai 2027, est annulé.",
                           language="fr")
    assert off.status == "cancelled"
    assert edition_status("Le salon, initialement prévu en mars, aura lieu du 3 au 9 octobre.") == "rescheduled"


@pytest.mark.parametrize(("text", "number"), [
    ("Ha arrancado la vigésima cuarta edición de la feria de cerámica", 24),
    ("la décima tercera edición", 13),
    ("giunta alla ventisettesima edizione, la mostra", 27),
    ("la trentaduesima edizione della fiera", 32),
    ("la vingt-septième édition du salon", 27),
    ("la vingt et unième édition", 21),
    ("the twenty-first edition of the fair", 21),
    ("die siebenundzwanzigste Ausgabe der Messe", 27),
    ("الدورة الرابعة والعشرين للمعرض", 24),
    ("la cuarta edición", 4),
    ("se lleva a cabo la versión número 19 de la Feria de Artesanías", 19),
    ("the new edition", None),
])
def test_compound_ordinals_in_words_number_the_edition(text: str, number: int | None) -> None:
    assert edition_number(text) == number


@pytest.mark.parametrize(("text", "status"), [
    ("Le Salon du cuir de Fès n'aura pas lieu cette année.", "cancelled"),
    ("La Feria de Cerámica de Talavera no se celebrará en 2027.", "cancelled"),
    ("La Fiera del Rame non si terrà quest'anno.", "cancelled"),
    ("The Leeds Basket Fair will not take place this year.", "cancelled"),
    ("لن ينظم المعرض الجهوي للزربية هذه السنة.", "cancelled"),
    ("The Leeds Basket Fair will not take place in March but from 3 to 6 May 2027.", "scheduled"),
])
def test_a_fair_said_not_to_take_place_is_cancelled_unless_a_but_dates_it(text: str, status: str) -> None:
    assert edition_status(text) == status




def test_the_last_day_of_a_range_before_a_name_is_no_edition() -> None:
    (fair,) = extract_fairs("Messe Dubai hosts it between April 23 – 25. Heimtextil Middle East opens its doors then, 2027.",
                            language="en")
    assert fair.edition is None
    (german,) = extract_fairs("Die 25. Heimtextil findet vom 9. bis 12. Januar 2027 in Frankfurt statt.", language="de")
    assert german.edition == 25
