"""Descriptions without trails, menus or a repeated title; snippets cut between words."""
from __future__ import annotations

from datetime import date

from indexing.cleantext import clean_description, cut_words, word_window
from indexing.highlight import highlight
from indexing.models import TradeFair
from indexing.query import parse_text


def test_a_breadcrumb_trail_and_the_repeated_title_go() -> None:
    text = "Accueil › Salons › Salon du cuir Salon du cuir Le salon réunit les tanneurs de Fès."
    assert clean_description(text, "Salon du cuir") == "Le salon réunit les tanneurs de Fès."


def test_a_trail_with_angle_brackets_and_a_heading_set_off_by_a_dash() -> None:
    assert clean_description("Home > Fairs > Rug Days - Four days of rugs.", "Rug Days") == "Four days of rugs."


def test_a_title_that_is_the_subject_of_the_sentence_stays() -> None:
    text = "Home › Fairs › Ambiente Ambiente is the leading fair for tableware."
    assert clean_description(text, "Ambiente") == "Ambiente is the leading fair for tableware."


def test_a_trail_at_the_end_and_a_menu_go() -> None:
    assert clean_description("Quatre jours de tapis. Accueil › Salons › Ambiente", "Ambiente") == "Quatre jours de tapis."
    menu = "Accueil | Salons | Agenda | Presse | Contact"
    assert clean_description(f"Les exposants arrivent lundi. {menu}", "Salon") == "Les exposants arrivent lundi."


def test_prose_and_specification_lists_are_left_alone() -> None:
    for text in ("Matière : laine | Taille : 2 m | Couleur : écru", "Départs de Paris / Lyon / Marseille.",
                 "Un salon à Fès, puis à Rabat.", "معرض فاس يفتتح أبوابه للحرفيين"):
        assert clean_description(text, "Tapis") == text


def test_an_arabic_trail() -> None:
    text = "الرئيسية › المعارض › معرض فاس يفتتح المعرض أبوابه للحرفيين"
    assert clean_description(text, "معرض فاس") == "يفتتح المعرض أبوابه للحرفيين"


def test_the_fair_model_stores_the_clean_description() -> None:
    fair = TradeFair(url="https://salons.example.fr/cuir", source="salons", name="Salon du cuir",
                     start_date=date(2027, 4, 12), description="Accueil › Salons › Salon du cuir Quatre jours à Fès.")
    assert fair.description == "Quatre jours à Fès."


def test_cuts_fall_between_words_with_an_ellipsis() -> None:
    assert cut_words("Le salon international du tapis", 20) == "Le salon…"
    assert cut_words("Le salon", 20) == "Le salon"
    text = "Le salon international du tapis ouvre ses portes"
    start, end = word_window(text, 5, 25)
    assert text[start:end] == "international du"


def test_a_highlight_starts_and_ends_on_whole_words() -> None:
    text = " ".join(["Les artisans préparent leurs stands depuis plusieurs semaines."] * 6) + " Le kilim berbère est roi."
    marked = highlight(text, parse_text("artisans"), max_chars=100)
    assert marked.endswith("…") and "<mark>artisans</mark>" in marked
    shown = marked.replace("<mark>", "").replace("</mark>", "").strip("…").split(" ")
    assert shown[0] in text.split(" ") and shown[-1] in text.split(" ")
    later = highlight(text, parse_text("kilim"), max_chars=100)
    assert later.startswith("…") and later.replace("<mark>", "").replace("</mark>", "")[1:].split(" ")[0] in text.split(" ")
