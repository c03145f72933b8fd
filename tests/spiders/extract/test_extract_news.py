from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from spiders.extract.news import extract_article
from extract_fixtures import expected, page


@pytest.mark.parametrize("name", ["fr_article_jsonld.html", "ar_article_rtl.html", "hostile.html"])
def test_article_fields(name: str) -> None:
    want = expected(name)
    article = extract_article(page(name), want.get("url"))
    for field in ("title", "language", "author", "summary", "canonical_url"):
        if field in want:
            assert getattr(article, field) == want[field], field
    if "published" in want:
        assert isinstance(article.published, datetime)
        assert article.published.isoformat() == want["published"]  # same offset, not only the same instant
    if "published_date" in want:
        assert article.published_date is not None
        assert article.published_date.isoformat() == want["published_date"]
    for fragment in want.get("text_contains", []):
        assert fragment in article.text
    for fragment in want.get("text_excludes", []):
        assert fragment not in article.text


def test_published_keeps_the_page_offset_and_utc_is_beside_it() -> None:
    article = extract_article(page("fr_article_jsonld.html"))
    assert isinstance(article.published, datetime)
    assert article.published.utcoffset() == timedelta(hours=1)
    assert article.published_utc == datetime(2026, 1, 14, 8, 30, tzinfo=timezone.utc)


def _dated_page(head: str, shown: str = "") -> str:
    body = " ".join(["Les artisans de la médina exposent leurs tapis et leurs poteries au salon."] * 6)
    return f"<html><head><title>Salon</title>{head}</head><body><article><h1>Salon</h1>{shown}<p>{body}</p></article></body></html>"


def _jsonld_published(moment: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{moment}"}}</script>'


def test_a_late_evening_post_keeps_its_own_day() -> None:
    article = extract_article(_dated_page(
        '<meta property="article:published_time" content="2025-03-09T23:40:00+01:00">'))
    assert isinstance(article.published, datetime)
    assert article.published.isoformat() == "2025-03-09T23:40:00+01:00"
    assert article.published_date == date(2025, 3, 9)
    assert article.published_utc == datetime(2025, 3, 9, 22, 40, tzinfo=timezone.utc)


def test_a_page_giving_only_a_day_gives_a_date() -> None:
    article = extract_article(_dated_page('<meta property="article:published_time" content="2025-03-09">'))
    assert article.published == date(2025, 3, 9) and not isinstance(article.published, datetime)
    assert article.published_utc == datetime(2025, 3, 9, tzinfo=timezone.utc)


def test_a_time_without_offset_stays_naive() -> None:
    article = extract_article(_dated_page('<meta property="article:published_time" content="2025-03-09T23:40:00">'))
    assert isinstance(article.published, datetime) and article.published.tzinfo is None
    assert article.published.isoformat() == "2025-03-09T23:40:00"


def test_the_original_publication_beats_the_modification_date() -> None:
    article = extract_article(_dated_page(
        '<meta property="article:modified_time" content="2025-04-02T10:00:00+00:00">'
        '<meta property="article:published_time" content="2025-03-09T08:00:00+00:00">'))
    assert article.published_date == date(2025, 3, 9)


def test_paragraphs_are_newline_separated() -> None:
    article = extract_article(page("fr_article_jsonld.html"))
    paragraphs = article.text.split("\n")
    assert len(paragraphs) >= 4
    assert all(p.strip() == p and p for p in paragraphs)


def test_headline_not_repeated_in_body() -> None:
    article = extract_article(page("fr_article_jsonld.html"))
    assert not article.text.startswith("Le zellige de Fès à l'honneur à Paris")


def test_summary_falls_back_to_body_start() -> None:
    article = extract_article(page("ar_article_rtl.html"))
    assert article.summary is not None and article.summary.startswith("افتتح")
    assert len(article.summary) <= 301


def test_empty_and_garbage_inputs() -> None:
    for raw in (b"", b"   ", "plain text, no markup", b"\x00\x01\x02"):
        article = extract_article(raw)
        assert article.text == "" or isinstance(article.text, str)
        assert article.published is None


def test_the_publishers_local_offset_wins_over_the_same_instant_in_utc() -> None:
    page = _dated_page(_jsonld_published("2025-11-09T02:11:03+00:00"),
                       "<time datetime='2025-11-08T21:11:03-05:00' itemprop='datePublished'>November 8, 2025</time>")
    article = extract_article(page, "https://news.example.com/2025/salon")
    assert article.published is not None and article.published.isoformat() == "2025-11-08T21:11:03-05:00"


def test_a_utc_timestamp_on_a_one_zone_countrys_site_is_read_in_its_zone() -> None:
    page = _dated_page(_jsonld_published("2025-12-05T23:15:00Z"))
    italian = extract_article(page, "https://www.giornale.example.it/news/salone")
    assert italian.published is not None and italian.published.isoformat() == "2025-12-06T00:15:00+01:00"
    worldwide = extract_article(page, "https://www.news.example.com/salon")
    assert worldwide.published is not None and worldwide.published.isoformat() == "2025-12-05T23:15:00+00:00"


def test_a_labelled_publication_day_beats_a_comments_date() -> None:
    shown = "<h5>Datum:</h5> 03.02.2025 <div class='comments'><div class='comment__date'>04.02.2025 - 00:00 Uhr</div></div>"
    article = extract_article(_dated_page("", shown), "https://www.autos.example.de/nachrichten/salon")
    assert article.published_date == date(2025, 2, 3)


def test_the_labelled_day_finder_reads_labels_in_eight_languages() -> None:
    from lxml import html

    from spiders.extract.labelled_date import labelled_date
    cases = {
        "<p>Publié le 3 février 2025 à 10h</p>": date(2025, 2, 3),
        "<span>Published on</span> <time>March 3, 2025</time>": date(2025, 3, 3),
        "<p>Veröffentlicht am 12. Mai 2025</p>": date(2025, 5, 12),
        "<p>Pubblicato il 4 aprile 2025</p>": date(2025, 4, 4),
        "<p>Fecha de publicación: 9 de enero de 2025</p>": date(2025, 1, 9),
        "<p>Publicado em 3 de fevereiro de 2025</p>": date(2025, 2, 3),
        "<p>Gepubliceerd op 3 februari 2025</p>": date(2025, 2, 3),
        "<p>تاريخ النشر: 12 مارس 2025</p>": date(2025, 3, 12),
        "<p>The fair opens on 3 May 2025.</p>": None,
        "<p>Database: 3 May 2025</p>": None,
    }
    for body, day in cases.items():
        assert labelled_date(html.fromstring(f"<html><body>{body}</body></html>")) == day, body
