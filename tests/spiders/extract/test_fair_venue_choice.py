"""The learned venue chooser: every venue named is a candidate, the model picks one or none."""
from __future__ import annotations

from spiders.extract.fair_places import PlaceIndex
from spiders.extract.fair_log import ExtractionLog
from spiders.extract.fair_text import extract_text_fairs
from spiders.extract.fair_venue_choice import FEATURES, VenueChooser
from spiders.extract.fair_venue_weights import WEIGHTS
from spiders.extract.fairs import extract_fairs


def test_the_weights_fit_the_features() -> None:
    assert len(WEIGHTS) == len(FEATURES)


def test_a_house_of_crafts_is_a_venue_candidate_but_casablanca_is_not() -> None:
    index = PlaceIndex.build("يقام المعرض بدار الصناعة التقليدية من 3 إلى 5 ماي 2027 في الدار البيضاء.")
    assert [c.surface for c in index.venue_candidates()] == ["دار الصناعة التقليدية"]


def test_an_arabic_venue_stops_before_its_partner() -> None:
    index = PlaceIndex.build("ينظم المعرض بدار الصانع وبتنسيق مع المديرية الجهوية من 3 إلى 5 ماي 2027.")
    assert [c.surface for c in index.venue_candidates()] == ["دار الصانع"]


def test_the_venue_a_single_fair_is_held_at_is_chosen_far_from_its_name() -> None:
    filler = " Les exposants viennent de toutes les régions du pays avec leurs tapis et leurs poteries." * 3
    text = "Le Salon national du tapis ouvre ses portes le 6 mai 2027." + filler + " Il se tient au Palais des congrès de Rabat."
    (fair,) = extract_fairs(text, language="fr")
    assert fair.venue == "Palais des congrès de Rabat"


def test_a_text_naming_no_venue_gives_none() -> None:
    (fair,) = extract_fairs("Le Salon national du tapis aura lieu du 6 au 9 mai 2027 à Rabat.", language="fr")
    assert fair.venue is None and fair.city == "Rabat"


def test_each_candidate_is_logged_with_its_features_and_probability() -> None:
    text = "Le Salon du cuir se tient du 6 au 9 mai 2027 au Parc des expositions de Marrakech."
    log = ExtractionLog()
    extract_text_fairs(text, "fr", None, log)
    ((name, start, rows),) = log.venues
    assert name == "Salon du cuir" and start is not None
    (row,) = rows
    assert row.surface == "Parc des expositions de Marrakech"
    assert len(row.features) == len(FEATURES) and 0.5 < row.probability <= 1.0
    assert dict(zip(FEATURES, row.features))["hosting_cue"] == 1.0


def test_a_chooser_without_candidates_chooses_none() -> None:
    chooser = VenueChooser(PlaceIndex.build("Le Salon du cuir, le 6 mai 2027."), [[(3, 17)]])
    assert chooser.choose([(3, 17)], (19, 29)) is None


def test_a_known_fair_is_not_held_at_a_fairground_of_another_city() -> None:
    text = ("Nordstil opens from 9 to 11 January 2027 with three halls of ceramics and textiles."
            " Its organiser, owned by the company that also runs the fairgrounds, named Messe Frankfurt in its statement.")
    (fair,) = extract_fairs(text, language="en")
    assert (fair.city, fair.venue) == ("Hamburg", None)


def test_a_known_fair_keeps_its_usual_city_over_a_venue_named_nearby() -> None:
    text = "Nordstil opens from 9 to 11 January 2027; buyers then travel on to Messe Frankfurt for Ambiente."
    fair = next(f for f in extract_fairs(text, language="en") if f.name == "Nordstil")
    assert fair.city == "Hamburg" and fair.venue != "Messe Frankfurt"


def test_an_english_venue_keeps_the_name_written_before_its_venue_word() -> None:
    surfaces = [c.surface for c in PlaceIndex.build(
        "The pottery fair is held at the Riverside Exhibition Centre, then at Kelham Island Museum. On 5 May 2027"
        " Queen Anne Boulevard will be closed for it.").venue_candidates()]
    assert surfaces == ["Riverside Exhibition Centre", "Kelham Island Museum", "Queen Anne Boulevard"]


def test_a_title_case_headline_does_not_join_the_fair_to_its_venue() -> None:
    index = PlaceIndex.build("Riverside Pottery Fair Opens At Kelham Island Museum")
    assert [c.surface for c in index.venue_candidates()] == ["Kelham Island Museum"]


def test_a_hall_or_a_village_needs_a_name() -> None:
    assert PlaceIndex.build("The hall was full and the village quiet on 3 May 2027.").venue_candidates() == []
    index = PlaceIndex.build("The fair fills Riverside Town Hall on 3 May 2027.")
    assert [c.surface for c in index.venue_candidates()] == ["Riverside Town Hall"]
