"""Names written without a fair word, known by the verb of being held that follows them."""
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
