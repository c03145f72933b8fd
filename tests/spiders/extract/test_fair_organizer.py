"""Who organises a fair, as its text says it."""
from __future__ import annotations

import pytest

from spiders.extract.fair_organizer import fair_organizer


def test_an_organising_cue_gives_the_name_up_to_a_partner() -> None:
    assert fair_organizer("Le salon est organisé par la Chambre d'artisanat de Fès avec la région.", None) \
        == "Chambre d'artisanat de Fès"


def test_an_initiative_with_a_curly_apostrophe() -> None:
    text = "Ce salon se tient à l’initiative de l’Office national de l’artisanat, du 3 au 5 mai."
    assert fair_organizer(text, None) == "Office national de l’artisanat"


def test_arabic_dates_and_a_supervising_ministry_end_the_organiser() -> None:
    assert fair_organizer("تنظم غرفة الصناعة التقليدية لجهة سوس من 2 إلى 5 يوليوز المعرض الجهوي", None) \
        == "غرفة الصناعة التقليدية لجهة سوس"
    assert fair_organizer("من تنظيم الغرفة الوطنية للصناعة التقليدية وتحت إشراف الوزارة", None) \
        == "الغرفة الوطنية للصناعة التقليدية"


def test_the_institution_that_announces_the_fair_organises_it() -> None:
    text = "أعلنت جمعية الحرفيين بآسفي، عن تنظيم الدورة الثانية لمعرض الخزف من 3 إلى 6 ماي."
    assert fair_organizer(None, text) == "جمعية الحرفيين بآسفي"


def test_a_company_that_organises_fairs_is_the_organiser_when_no_cue_says_so() -> None:
    text = "Die Nordstil öffnet im Januar wieder; Messe Frankfurt rechnet mit 1.000 Ausstellern."
    assert fair_organizer(text, text) == "Messe Frankfurt"


def test_veranstalter_followed_by_a_verb_names_nobody() -> None:
    assert fair_organizer(None, "Nun hoffen die Veranstalter auf eine Neuauflage im nächsten Jahr.") is None


def test_the_leading_article_of_a_named_organiser_is_left_out() -> None:
    from spiders.extract.fair_organizer import fair_organizer
    assert fair_organizer("Le salon est organisé par la Chambre d'artisanat de Fès-Meknès.", None) == \
        "Chambre d'artisanat de Fès-Meknès"
    assert fair_organizer("El mercado, organizado por el Ayuntamiento de Tánger.", None) == "Ayuntamiento de Tánger"
    assert fair_organizer("organisé par les Ateliers d'Art de France", None) == "les Ateliers d'Art de France"


def test_a_company_credited_for_a_picture_is_not_the_organiser() -> None:
    assert fair_organizer(None, "Die Handwerksmesse öffnet am 6. März 2027. Foto: GHM") is None
    assert fair_organizer(None, "© Messe Frankfurt. Die Messe Frankfurt lädt zur Ambiente.") == "Messe Frankfurt"


def test_an_organiser_named_by_its_role_or_a_public_body_named_in_the_text() -> None:
    assert fair_organizer(None, "Promoting the fair abroad was key for Craftex organiser atlasevents this year.") == "atlasevents"
    assert fair_organizer(None, "El Ayuntamiento de Soria ha invitado a los artesanos al mercado navideño.") == "Ayuntamiento de Soria"
    assert fair_organizer(None, "El Cabildo de Lanzarote ha aprobado hoy el convenio de la feria.") == "Cabildo de Lanzarote"
    assert fair_organizer(None, "ووضعت غرفة الصناعة التقليدية بجهة فاس، خياما مجهزة") == "غرفة الصناعة التقليدية بجهة فاس"
    assert fair_organizer(None, "Le salon accueille 200 artisans venus de tout le pays.") is None


def test_a_german_organiser_is_the_capitalised_words_after_veranstalter() -> None:
    assert fair_organizer(None, "Veranstalter Karl Weber erklärt, warum der Markt umzieht.") == "Karl Weber"
    assert fair_organizer(None, "Veranstalter: Stadtmarketing Lauf") == "Stadtmarketing Lauf"
    assert fair_organizer(None, "Geöffnet hat der Markt, für den die Veranstalter Eintritt verlangen, am Samstag.") is None


def test_an_organiser_named_through_the_body_that_runs_it() -> None:
    text = "Le ministère organise par le biais de la Maison de l'artisan la Semaine de la poterie du 3 au 9 mai 2027."
    assert fair_organizer(None, text) == "Maison de l'artisan"


def test_an_arabic_organiser_ends_where_coinciding_with_follows() -> None:
    text = "ويأتي المعرض بتنظيم من غرفة الصناعة التقليدية تزامنا مع عيد العرش."
    assert fair_organizer(None, text) == "غرفة الصناعة التقليدية"


def test_a_word_after_the_role_is_no_organiser() -> None:
    assert fair_organizer("Dealers are sceptical, but the organizer and the exhibitors believe in the show.", None) is None
    assert fair_organizer("Promoting the fair was key for Index organiser dmg this year.", None) == "dmg"


@pytest.mark.parametrize(("sentence", "organizer"), [
    ("La feria es organizada por la Fundación Artesanías de Fez.", "Fundación Artesanías de Fez"),
    ("Organizada em parceria pela Câmara Municipal de Safi, a feira tem entrada gratuita.", "Câmara Municipal de Safi"),
    ("Le salon, organisé pour la 19e fois par la Chambre de métiers de Fès, ouvre vendredi.", "Chambre de métiers de Fès"),
])
def test_feminine_partnered_and_counted_organisers(sentence: str, organizer: str) -> None:
    assert fair_organizer(sentence, None) == organizer
