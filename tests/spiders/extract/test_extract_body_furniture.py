"""Page furniture that body extraction keeps: teasers, calls to subscribe, labels, standfirsts, the page address."""
from __future__ import annotations

import pytest
from lxml import html

from spiders.extract.body_boilerplate import drop_furniture
from spiders.extract.news import extract_article

_PROSE = (
    "The potters of the old town fire their kilns at dawn, when the wind from the hills is still cool. "
    "Each family keeps its own glaze recipe and passes it on to the next generation of apprentices. "
)


def _page(header: str = "", body: str = "", head: str = "") -> str:
    paragraphs = "".join(f"<p>{_PROSE}{n}</p>" for n in range(6))
    return (
        f"<html><head><title>Kilns at dawn</title>{head}</head><body><article>"
        f"<header><h1>Kilns at dawn</h1>{header}</header>{paragraphs}{body}</article></body></html>"
    )


def test_a_related_teaser_that_is_one_link_is_dropped() -> None:
    article = extract_article(_page(body='<p>Related: <a href="/other">Ten glazes worth a trip</a></p>'))
    assert "Ten glazes worth a trip" not in article.text
    assert _PROSE.strip()[:40] in article.text


def test_a_related_line_that_is_more_than_a_link_stays() -> None:
    tree = html.fromstring('<div><p>See also: <a href="/g">the glaze guide</a> we wrote last year</p></div>')
    lines = ["See also: the glaze guide we wrote last year"]
    assert drop_furniture(lines + ["A second line of text."], tree) == lines + ["A second line of text."]


def test_calls_to_subscribe_and_section_labels_are_dropped() -> None:
    tree = html.fromstring("<div></div>")
    lines = ["Body text one.", "Subscribe to our weekly pottery newsletter", "Comments", "Tags", "Body text two."]
    assert drop_furniture(lines, tree) == ["Body text one.", "Body text two."]


def test_a_long_paragraph_starting_like_a_call_to_action_stays() -> None:
    tree = html.fromstring("<div></div>")
    long_line = "Subscribe to the idea that " + "craft matters and markets follow. " * 10
    assert drop_furniture(["Intro.", long_line], tree) == ["Intro.", long_line]


def test_a_standfirst_in_the_article_header_is_not_body() -> None:
    summary = "Families of potters keep their kilns burning through the winter fairs."
    article = extract_article(_page(header=f"<h2>{summary}</h2>", head=f'<meta name="description" content="{summary}">'))
    assert summary not in article.text
    assert article.summary == summary


def test_the_summary_as_first_paragraph_stays() -> None:
    summary = "Families of potters keep their kilns burning through the winter fairs, from the coast to the hills."
    page = _page(head=f'<meta name="description" content="{summary}">').replace("</header>", f"</header><p>{summary}</p>")
    assert extract_article(page).text.startswith(summary)


def test_the_page_address_and_headline_above_the_text_are_dropped() -> None:
    tree = html.fromstring("<div></div>")
    lines = ["https://example.org/news/kilns", "Kilns at dawn", "First paragraph.", "Second paragraph."]
    assert drop_furniture(lines, tree, headlines=["Kilns at dawn"]) == ["First paragraph.", "Second paragraph."]


def test_nothing_left_gives_back_the_lines() -> None:
    tree = html.fromstring("<div></div>")
    assert drop_furniture(["Comments"], tree) == ["Comments"]


def test_a_dateline_above_the_text_is_dropped_but_a_sentence_with_a_date_stays() -> None:
    tree = html.fromstring("<div></div>")
    assert drop_furniture(["Updated: Tue., Nov. 19, 2019", "First paragraph."], tree) == ["First paragraph."]
    sentence = "On 18 November 2019 the council voted for the new market hall."
    assert drop_furniture([sentence, "Second paragraph."], tree) == [sentence, "Second paragraph."]


def test_an_embedded_post_in_a_social_wrapper_stays_in_the_body() -> None:
    quote = "The kiln festival opens tomorrow and every workshop of the street takes part this year"
    embed = f'<div class="social-media-embed"><blockquote class="twitter-tweet"><p>{quote}</p></blockquote></div>'
    page = _page().replace("</article>", f"{embed}<p>{_PROSE}after</p></article>")
    assert quote in extract_article(page).text


def test_links_under_a_teaser_label_go_until_the_text_resumes() -> None:
    tree = html.fromstring(
        '<div><p><a href="/a">Potters of the coast open their doors</a> [VIDEO]</p>'
        '<p><a href="/b">A new kiln for the old town</a></p></div>')
    lines = ["First paragraph.", "DON'T MISS", "Potters of the coast open their doors [VIDEO]",
             "A new kiln for the old town", "The fair itself opens on Friday.", "A new kiln for the old town"]
    assert drop_furniture(lines, tree) == [
        "First paragraph.", "The fair itself opens on Friday.", "A new kiln for the old town"]


def test_read_also_labels_in_other_languages() -> None:
    tree = html.fromstring('<div><p>Lea también: <a href="/x">Los alfareros abren sus talleres</a></p></div>')
    lines = ["Primer párrafo.", "Lea también: Los alfareros abren sus talleres", "NOTAS RELACIONADAS", "Schon gelesen?",
             "Segundo párrafo."]
    assert drop_furniture(lines, tree) == ["Primer párrafo.", "Segundo párrafo."]


def test_a_list_of_tag_links_under_its_label_goes() -> None:
    tree = html.fromstring('<div><a href="/t/kilns">kilns</a>, <a href="/t/glazes">glazes</a>, <a href="/t/fairs">fairs</a></div>')
    lines = ["First paragraph.", "Tags", "kilns, glazes, fairs"]
    assert drop_furniture(lines, tree) == ["First paragraph."]
    assert drop_furniture(["First paragraph.", "kilns, glazes, fairs"], tree) == ["First paragraph.", "kilns, glazes, fairs"]


def test_a_sibling_paragraph_that_merges_two_extracted_lines_is_not_added_again() -> None:
    from spiders.extract.article_body import _extend_with_sibling_chunks

    first = "The cooperative of potters was founded by eleven families of the old town in the spring."
    second = "It now sells to shops in four countries and trains a dozen apprentices every single year."
    new = ("Next month the cooperative opens a second workshop by the harbour, with two new kilns and "
           "a room where visitors can watch the glazing, and the town has promised a market day for it. ")
    tree = html.fromstring(
        f'<div><div class="chunk"><p>{first}</p><p>{second}</p></div>'
        f'<div class="chunk"><p>{first}<br>{second}</p><p>{new * 2}</p></div></div>')
    assert _extend_with_sibling_chunks(tree, [first, second]) == [first, second, " ".join((new * 2).split())]


def test_a_press_release_ends_without_the_publisher_describing_itself() -> None:
    from spiders.extract.body_boilerplate import drop_publisher_blurb

    lines = ["Atlas Ceramics opens a showroom in Lyon.", "The showroom shows tiles from Fès.", "It opens on 3 May.",
             "Visitors can order samples.", "Atlas Ceramics is a Moroccan maker of zellige founded in 1998.",
             "Atlas Ceramics is headquartered in Fès and employs 300 people."]
    assert drop_publisher_blurb(lines, "https://www.atlasceramics.ma/news/lyon") == lines[:4]
    assert drop_publisher_blurb(lines, "https://www.example-news.com/atlas") == lines
    assert drop_publisher_blurb(lines[3:], "https://www.atlasceramics.ma/news/lyon") == lines[3:]


def test_the_comment_box_words_are_no_article_text() -> None:
    page = _page(body="<p>Tell us what YOU think...</p><p>ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.</p>")
    text = extract_article(page.encode(), "https://example.org/kilns").text
    assert "think" not in text and "moderador" not in text and "glaze recipe" in text


def test_headlines_of_other_articles_after_the_text_are_dropped() -> None:
    teasers = ["Five glazes that survive a wood kiln", "Why apprentices return to the old town"]
    tree = html.fromstring("<div>" + "".join(f'<a href="/{n}">{t}</a>' for n, t in enumerate(teasers)) + "</div>")
    lines = ["First paragraph of the story.", "Last paragraph of the story."]
    note = "Editor's note: this story was updated with the council's vote."
    assert drop_furniture(lines + [f"- {t}" for t in teasers] + [note], tree) == lines + [note]


def test_a_list_of_links_under_its_own_label_or_alone_stays() -> None:
    teasers = ["Five glazes that survive a wood kiln", "Why apprentices return to the old town"]
    tree = html.fromstring("<div>" + "".join(f'<a href="/{n}">{t}</a>' for n, t in enumerate(teasers)) + "</div>")
    labelled = ["First paragraph of the story.", "Further reading:"] + teasers
    assert drop_furniture(labelled, tree) == labelled
    one = ["First paragraph of the story.", teasers[0]]
    assert drop_furniture(one, tree) == one


def test_a_dateline_in_any_language_of_the_date_table_is_dropped() -> None:
    tree = html.fromstring("<div></div>")
    for stamp in ("quarta-feira, 14 de março de 2018 às 9:40", "woensdag 20 november 2019 14:05"):
        assert drop_furniture([stamp, "First paragraph.", "Second paragraph."], tree) == ["First paragraph.", "Second paragraph."]


def test_a_reading_time_notice_is_no_article_text() -> None:
    tree = html.fromstring("<div></div>")
    lines = ["First paragraph of the story.", "Second paragraph of the story."]
    for notice in ("4 min read", "Reading time: 6 minutes", "Temps de lecture : 3 min", "Lesezeit: 2 Minuten"):
        assert drop_furniture([lines[0], notice, lines[1]], tree) == lines
    sentence = "Reading time for the whole guild archive was 40 minutes a day."
    assert drop_furniture([sentence] + lines, tree) == [sentence] + lines


_STORY = ["First paragraph of the story.", "Last paragraph of the story."]


@pytest.mark.parametrize(
    ("furniture", "lookalike"),
    [
        (
            [
                "Get the week's pottery news delivered to your inbox by subscribing to our newsletter.",
                "Vous aimez nos reportages ? Recevez notre newsletter chaque vendredi.",
            ],
            "The guild's newsletter of 1911 already listed the kilns of the street.",
        ),
        (
            [
                "If you enjoyed this article, consider supporting our guild of writers.",
                "For breaking news from the workshops download our Kiln News app for iOS and Android.",
                "Submit your letter to the editor through our form.",
            ],
            "If you enjoyed the fair last year, the potters say, the new hall will please you more.",
        ),
        (["(Reporting by Ann Potter; Editing by Ben Kiln)"], "Reporting by the guild's own paper first drew buyers."),
    ],
    ids=["newsletter pitch", "appeals", "wire credits"],
)
def test_closing_furniture_goes_and_a_sentence_like_it_stays(furniture: list[str], lookalike: str) -> None:
    tree = html.fromstring("<div></div>")
    assert drop_furniture(_STORY + furniture, tree) == _STORY
    assert drop_furniture([lookalike] + _STORY, tree) == [lookalike] + _STORY


def test_a_taxonomy_line_of_links_is_no_article_text() -> None:
    tree = html.fromstring('<div><a href="/c/pottery">Pottery</a><a href="/c/fairs">Fairs</a></div>')
    lines = ["First paragraph of the story.", "Last paragraph of the story."]
    assert drop_furniture(lines + ["Filed under: Pottery | Fairs |"], tree) == lines
    said = ["Category: the jury judged every piece by its glaze and its form.", "Last paragraph."]
    assert drop_furniture(said, tree) == said


def test_a_sub_heading_written_as_a_bare_div_between_paragraphs_stays() -> None:
    heading = "Who fires the kilns in winter?"
    page = _page().replace(f"{_PROSE}2</p>", f"{_PROSE}2</p><div class=\"sub\">{heading}</div>")
    text = extract_article(page).text
    assert heading in text
    assert text.index(_PROSE + "2") < text.index(heading) < text.index(_PROSE + "3")


def test_the_sites_own_copyright_and_photo_credit_go_but_a_wire_notice_stays() -> None:
    from spiders.extract.body_boilerplate import drop_publisher_blurb
    lines = [
        "The kilns of the old town were relit on Monday.",
        "Glazed tiles, photos © Atlas Ceramics, 2026",
        "Each family keeps its own glaze recipe.",
        "© 2026 Wire Agency. All Rights Reserved. This material may not be redistributed.",
        "copyright Atlas Ceramics 2026 - ISSN: 0000-0000",
    ]
    kept = drop_publisher_blurb(lines, "https://www.atlasceramics.ma/news/kilns")
    assert kept == [lines[0], lines[2], lines[3]]
    assert drop_publisher_blurb(lines, "https://www.example-news.com/kilns") == lines
    long_line = "The copyright of the Atlas Ceramics glaze designs was the subject of a long dispute. " * 3
    assert drop_publisher_blurb([long_line], "https://www.atlasceramics.ma/x") == [long_line]


def test_a_lone_time_a_photo_credit_and_a_paywall_prompt_are_no_article_text() -> None:
    tree = html.fromstring("<div></div>")
    furniture = ["19:49", "3:59 PM", "Getty Images", "AFP / KARIM SAHIB", "Foto: dpa", "Pour lire la suite",
                 "Réservé aux abonnés", "Subscribe to continue reading"]
    prose = ["The kilns were relit at 19:49 on Monday, after the storm.",
             "A photographer from Getty Images followed the potters for a week and shared the pictures."]
    assert drop_furniture(["Body text one."] + furniture + prose, tree) == ["Body text one."] + prose


def test_advertising_labels_and_a_table_of_contents_title_are_no_article_text() -> None:
    tree = html.fromstring("<div></div>")
    lines = ["Body text one.", "Anzeige", "Inhaltsverzeichnis", "Publicité", "Body text two."]
    assert drop_furniture(lines, tree) == ["Body text one.", "Body text two."]


def test_disclosures_picture_holders_and_pointers_to_other_sites_are_dropped() -> None:
    tree = html.fromstring("<div></div>")
    notices = ["© Salma Idrissi/Atlas Photo", "Copyright: Omar Benali", "Auch auf example-crafts.de",
               "Anzeige, enthält Affiliate Links", "Advertising disclosure: we may receive compensation for these links."]
    body = ["The potters of Safi fire their kilns at dawn.", "© 2027 Atlas Wire. All rights reserved."]
    assert drop_furniture(body[:1] + notices + body[1:], tree) == body


def test_a_call_to_follow_a_named_account_is_dropped() -> None:
    tree = html.fromstring("<div></div>")
    lines = ["Body text one.", "Follow @AtlasCrafts on Twitter for more deals.", "Body text two."]
    assert drop_furniture(lines, tree) == ["Body text one.", "Body text two."]
