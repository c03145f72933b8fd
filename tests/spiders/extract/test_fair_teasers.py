"""Teasers for other articles under a label do not lend their dates or statuses to the article's fair."""
from __future__ import annotations

from datetime import date

from spiders.extract.fair_teasers import mask_teasers
from spiders.extract.fairs import extract_fairs


def test_a_teaser_block_is_blanked_and_offsets_are_kept() -> None:
    text = "Le Salon de Tiznit ouvre.\nÀ lire aussi\nLe Salon du cuir reporté\nFitur 2027 du 18 au 22 janvier"
    masked = mask_teasers(text)
    assert len(masked) == len(text)
    assert masked.startswith("Le Salon de Tiznit ouvre.\n") and "reporté" not in masked and "Fitur" not in masked


def test_the_text_after_the_teasers_stays() -> None:
    text = "Intro.\nMost read\nSpring Fair dates announced\nThe Leeds Basket Fair runs from 3 to 6 May 2027 at the Corn Exchange."
    assert mask_teasers(text).endswith("The Leeds Basket Fair runs from 3 to 6 May 2027 at the Corn Exchange.")


def test_a_teasers_status_and_dates_stay_out_of_the_fair() -> None:
    text = ("Le Salon régional de l'argenterie de Tiznit se tient du 14 au 20 mars 2027 sur l'esplanade Al Mechouar.\n"
            "À lire aussi\nLe Salon du cuir de Marrakech reporté\nLa Foire de Paris du 30 avril au 11 mai 2027")
    (fair,) = extract_fairs(text, language="fr")
    assert (fair.name, fair.status, fair.start_date) == ("Salon régional de l'argenterie de Tiznit", "scheduled", date(2027, 3, 14))


def test_an_agenda_after_the_teasers_is_kept() -> None:
    text = "Intro.\nMost read\nSpring Fair dates announced\nUpcoming events\nLeeds Basket Fair 3-6 May 2027"
    assert mask_teasers(text).endswith("Upcoming events\nLeeds Basket Fair 3-6 May 2027")
