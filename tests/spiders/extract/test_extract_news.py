from __future__ import annotations

from datetime import datetime

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
        assert article.published == datetime.fromisoformat(want["published"])
    if "published_date" in want:
        assert article.published_date is not None
        assert article.published_date.isoformat() == want["published_date"]
    for fragment in want.get("text_contains", []):
        assert fragment in article.text
    for fragment in want.get("text_excludes", []):
        assert fragment not in article.text


def test_published_is_utc() -> None:
    article = extract_article(page("fr_article_jsonld.html"))
    assert article.published is not None
    assert article.published.utcoffset().total_seconds() == 0


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
