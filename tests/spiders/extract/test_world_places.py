"""Towns outside the fair gazetteer, written with their country or US state, or in Arabic after "in"."""
from __future__ import annotations

from datetime import date

from spiders.extract.fair_vocab import City
from spiders.extract.fairs import extract_fairs
from spiders.extract.world_places import country_codes, find_arabic_towns, find_world_towns, town_ending_name


def test_country_names_in_the_announcement_languages() -> None:
    codes = country_codes()
    assert (codes["allemagne"], codes["alemania"], codes["germany"], codes["المانيا"]) == ("DE", "DE", "DE", "DE")
    assert (codes["north carolina"], codes["uk"]) == ("US", "GB")


def test_a_town_written_with_its_country() -> None:
    assert [m.entry for m in find_world_towns("the market in Asheville, North Carolina, in May")] == [City("Asheville", "US")]
    assert [m.entry for m in find_world_towns("Bamberg (Allemagne)")] == [City("Bamberg", "DE")]
    assert [m.entry for m in find_world_towns("بمدينة بامبرغ، ألمانيا")] == [City("Bamberg", "DE")]
    assert find_world_towns("Lyon, France") == []  # the gazetteer's own
    assert find_world_towns("John Smith, UK, said") == []
    assert find_world_towns("Meeting Hall, Germany") == []


def test_a_us_state_code_or_a_country_overrides_the_gazetteers_town_of_that_name() -> None:
    assert [m.entry for m in find_world_towns("held at the Grange, Norwich, VT 05055")] == [City("Norwich", "US")]
    assert [m.entry for m in find_world_towns("la feria de Córdoba, Argentina, abre")] == [City("Córdoba", "AR")]
    assert find_world_towns("Berlin, DE") == []  # the gazetteer's Berlin is in DE: not Delaware


def test_a_town_then_its_province_in_brackets() -> None:
    (fair,) = extract_fairs("El Mercado de Alfarería se celebrará del 2 al 5 de abril de 2027 en Los Alcázares (Murcia).",
                            language="es")
    assert (fair.city, fair.country) == ("Los Alcázares", "ES")


def test_a_lowercase_common_word_is_not_a_town() -> None:
    (fair,) = extract_fairs("The Holly Craft Fair returns on March 7, 2027. My mother found the carolers at an estate sale.",
                            language="en")
    assert fair.city is None


def test_a_fair_in_a_town_the_gazetteer_does_not_list() -> None:
    (fair,) = extract_fairs("The Blue Ridge Pottery Festival will be held March 7 through 9, 2027, in Asheville, "
                            "North Carolina.", language="en")
    assert (fair.start_date, fair.city, fair.country) == (date(2027, 3, 7), "Asheville", "US")


def test_a_town_of_an_arabic_speaking_country_after_in() -> None:
    (fair,) = extract_fairs("افتتح المعرض الجهوي للنسيج بدار الثقافة بسعيدة من 3 إلى 9 ماي 2027.", language="ar")
    assert (fair.city, fair.country) == ("Saïda", "DZ")
    assert [(m.entry.name, m.entry.country) for m in find_arabic_towns("في مدينة الفيوم")] == [("Al Fayyum", "EG")]
    assert find_arabic_towns("ليلة سعيدة للجميع") == []  # "happy": no town without "in"


def test_the_town_a_fairs_name_ends_with_in_the_countries_of_its_language() -> None:
    (fair,) = extract_fairs("La 5e foire d'Évreux s'installe du 16 au 18 septembre 2027 à la Halle des Expositions.",
                            language="fr")
    assert (fair.city, fair.country) == ("Évreux", "FR")
    assert town_ending_name("Fiera di Cremona") == City("Cremona", "IT")
    assert town_ending_name("Kunstmarkt von Bamberg") == City("Bamberg", "DE")
    # Common words, and a town of another language's countries: none.
    assert town_ending_name("Foire de Printemps") is None and town_ending_name("Salon du Cuir") is None
    assert town_ending_name("Foire de Béré") is None  # a town of Chad only


def test_an_italian_castle_is_not_a_spanish_town() -> None:
    (fair,) = extract_fairs("Il Mercato della Ceramica si terrà dal 7 al 9 maggio 2027 nel cortile del Castello Estense.",
                            language="it")
    assert fair.country != "ES"


def test_la_in_a_heading_written_in_capitals_is_an_article() -> None:
    from spiders.extract.fair_places import PlaceIndex

    assert PlaceIndex.build("5E ÉDITION DE LA FOIRE DU CUIR").cities == []
    assert [c.entry.name for c in PlaceIndex.build("the LA Leather Show opens").cities] == ["Los Angeles"]
