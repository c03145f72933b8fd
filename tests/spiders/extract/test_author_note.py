"""The writer's closing note ("X is the senior editor of …") is not the article's text."""
from __future__ import annotations

from spiders.extract.author_note import drop_author_note
from spiders.extract.news import extract_article

_BODY = ["The potters of Safi fire their kilns at dawn.", "Each family keeps its own glaze.", "Orders rose this year."]


def test_the_authors_closing_note_is_dropped() -> None:
    note = "Salma Idrissi is the crafts editor of Atlas Weekly. Write to her at salma@example.org."
    assert drop_author_note(_BODY + [note], "Salma Idrissi") == _BODY


def test_a_byline_list_names_each_writer() -> None:
    notes = ["Omar Benali est journaliste à Fès.", "Salma Idrissi covers markets."]
    assert drop_author_note(_BODY + notes, "By Omar Benali and Salma Idrissi") == _BODY


def test_a_closing_line_about_someone_else_or_without_a_person_verb_stays() -> None:
    quoted = "Salma Idrissi said the fair would open in March."
    other = "Karim Alaoui is the head of the potters' cooperative."
    assert drop_author_note(_BODY + [quoted], "Salma Idrissi") == _BODY + [quoted]
    assert drop_author_note(_BODY + [other], "Salma Idrissi") == _BODY + [other]


def test_a_one_word_author_or_a_short_text_is_left_alone() -> None:
    assert drop_author_note(_BODY + ["Redaktion is a team."], "Redaktion") == _BODY + ["Redaktion is a team."]
    short = ["Salma Idrissi is the crafts editor."]
    assert drop_author_note(short, "Salma Idrissi") == short


def test_the_article_text_leaves_out_the_note_its_page_prints() -> None:
    prose = "".join(f"<p>{line} The kilns burn through the winter fairs, from the coast to the hills.</p>" for line in _BODY)
    page = (
        '<html><head><title>Kilns</title><meta name="author" content="Salma Idrissi"></head><body><article>'
        f"<h1>Kilns</h1>{prose}<p>Salma Idrissi is the crafts editor of Atlas Weekly.</p></article></body></html>"
    )
    article = extract_article(page)
    assert article.author == "Salma Idrissi"
    assert "crafts editor" not in article.text
    assert article.text.startswith(_BODY[0])
