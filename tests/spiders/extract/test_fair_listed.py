"""Fairs listed one to a line by a name and dates only."""
from __future__ import annotations

from datetime import date

from spiders.extract.fair_listed import listed_names
from spiders.extract.fairs import extract_fairs


def test_a_bulleted_list_of_names_and_dates() -> None:
    text = "Agenda :\n- Artexa (Lyon) : du 3 au 6 avril 2027\n- Céramix, Vallauris, 12-14 mai 2027"
    fairs = {f.name: (f.start_date, f.city) for f in extract_fairs(text, language="fr")}
    assert fairs == {"Artexa": (date(2027, 4, 3), "Lyon"), "Céramix": (date(2027, 5, 12), "Vallauris")}


def test_labels_weekdays_and_a_lone_unbulleted_line_are_no_fairs() -> None:
    assert listed_names("Updated: 3 March 2027\nMonday: 4 March 2027") == []
    assert listed_names("Intro text.\nCraftex: May 27-29, 2027\nMore text follows here.") == []
    assert [m.name for m in listed_names("Craftex: May 27-29, 2027\nPotterama: June 3-5, 2027")] == ["Craftex", "Potterama"]


def test_a_listed_line_may_end_with_its_venue() -> None:
    text = "Next shows\n• Potterama — 3-5 June 2027, ExCeL London\n• Craftex — 12-14 July 2027, Leeds"
    fairs = {f.name: (f.start_date, f.venue) for f in extract_fairs(text, language="en")}
    assert fairs == {"Potterama": (date(2027, 6, 3), "ExCeL London"), "Craftex": (date(2027, 7, 12), None)}


def test_list_items_take_the_year_of_the_heading_they_are_under() -> None:
    text = ("برنامج المعارض الجهوية لسنة 2027:\n- المعرض الجهوي للصناعة التقليدية بوجدة: من 10 إلى 16 مارس\n"
            "- معرض الصناعة التقليدية ببركان: من 1 إلى 7 يوليوز")
    assert {f.city: f.start_date for f in extract_fairs(text, language="ar", page_date=date(2026, 10, 1))} == {
        "Oujda": date(2027, 3, 10), "Berkane": date(2027, 7, 1)}
