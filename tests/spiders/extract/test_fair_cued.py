"""Names written without a capitalised fair word: cued by a verb of being held, an edition number, a lower-case fair noun."""
from __future__ import annotations

from datetime import date

from spiders.extract.fairs import extract_fairs


def test_a_german_brand_name_before_findet_statt_is_a_fair() -> None:
    (fair,) = extract_fairs("Die Creativa findet vom 18. bis 22. März 2027 in Dortmund statt.", language="de")
    assert (fair.name, fair.start_date, fair.end_date, fair.city) == ("Creativa", date(2027, 3, 18), date(2027, 3, 22),
                                                                      "Dortmund")


def test_a_pronoun_or_an_abstract_noun_before_findet_statt_is_no_fair() -> None:
    text = "Die Eröffnung findet am Freitag, dem 29. November 2027 statt. Sie findet vom 3. bis 5. Mai 2027 statt."
    assert extract_fairs(text, language="de") == []


def test_an_english_ordinal_edition_names_a_fair_with_no_fair_word() -> None:
    text = ("The 9th edition of Fes Leather & Copper Days starts on 29th December 2027."
            " Its doors stay open from 10am to 10pm up until 15th January.")
    (fair,) = extract_fairs(text, language="en")
    assert (fair.name, fair.edition, fair.start_date, fair.end_date) == (
        "Fes Leather & Copper Days", 9, date(2027, 12, 29), date(2028, 1, 15))


def test_an_ordinal_edition_of_the_previous_sentence_names_nothing() -> None:
    assert extract_fairs("The 9th edition of The Times Guide came out on 29 December 2027.", language="en") == []


def test_a_name_before_a_lower_case_fair_noun_is_a_fair() -> None:
    text = "The Fes Leather Days exhibition will run from June 30 to July 3, 2027 at the Palais des congrès."
    (fair,) = extract_fairs(text, language="en")
    assert (fair.name, fair.start_date, fair.end_date) == ("Fes Leather Days exhibition", date(2027, 6, 30), date(2027, 7, 3))


def test_a_town_or_a_month_before_a_lower_case_fair_noun_describes_it() -> None:
    assert extract_fairs("The Dubai fair will run from June 30 to July 3, 2027.", language="en") == []
    assert extract_fairs("The December fair will run from 3 to 6 December 2027.", language="en") == []


def test_a_capitalised_festival_after_the_is_a_fair_and_a_feast_is_none() -> None:
    (fair,) = extract_fairs("I will be at the Safi Pottery Festival on Nov 16, 2027.", language="en")
    assert fair.name == "Safi Pottery Festival"
    assert extract_fairs("Prices rose before the Hindu festival on 16 November 2027.", language="en") == []


def test_a_quoted_name_right_before_its_kind_is_a_fair() -> None:
    text = "The postponement of the “Fes Leather Days” exhibition, now from 3 to 6 May 2027, was announced."
    (fair,) = extract_fairs(text, language="en")
    assert (fair.name, fair.start_date, fair.status) == ("Fes Leather Days", date(2027, 5, 3), "postponed")


def test_a_hall_named_like_a_fair_is_none() -> None:
    text = "The Sharjah Expo Center wishes to continue its growth, its director said on 3 May 2027."
    assert extract_fairs(text, language="en") == []


def test_the_days_of_eid_are_a_holiday() -> None:
    text = "يقبل السياح على الصناعات اليدوية طيلة أيام العيد من 3 إلى 6 مايو 2027 بسوق واقف."
    assert [f.name for f in extract_fairs(text, language="ar")] == []


def test_a_headline_naming_a_kind_of_fair_in_the_plural_names_none() -> None:
    text = ("Mercatini di Natale da non perdere\n\nL'8 dicembre 2027 si inaugurano molti mercatini.\n\n"
            "Il Mercatino di Natale di Torino apre dal 4 al 23 dicembre 2027.")
    assert [f.name for f in extract_fairs(text, language="it")] == ["Mercatino di Natale di Torino"]


def test_a_regional_editions_days_are_not_also_its_brands() -> None:
    text = ("To be held at the hall from April 23-25, 2027, this marks the start of the annual platform\n\n"
            "Deutsche Messe, organiser of DOMOTEX, will organise DOMOTEX Middle East in Dubai between April 23 and 25."
            " Bringing DOMOTEX to the region is part of its plans, says the head of the DOMOTEX events.")
    assert [(f.name, f.start_date) for f in extract_fairs(text, language="en")] == [
        ("DOMOTEX Middle East", date(2027, 4, 23))]


def test_of_a_between_capitalised_words_stays_in_the_name() -> None:
    (fair,) = extract_fairs("The One of a Kind Show runs from November 25 to December 5, 2027 in Toronto.", language="en")
    assert fair.name == "One of a Kind Show"


def test_a_fayre_is_a_fair() -> None:
    (fair,) = extract_fairs("The Christmas Craft Fayre is on Sunday 11th December 2027 in the Town Hall.", language="en")
    assert (fair.name, fair.start_date) == ("Christmas Craft Fayre", date(2027, 12, 11))


def test_a_place_after_a_german_locative_before_findet_is_no_fair() -> None:
    text = "Der beliebte Töpfermarkt auf dem Hotzenwald findet am 22. und 23. Juni 2027 statt."
    assert "Hotzenwald" not in [f.name for f in extract_fairs(text, language="de")]
