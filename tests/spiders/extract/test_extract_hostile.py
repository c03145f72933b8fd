from __future__ import annotations

from spiders.extract.htmlinput import MAX_INPUT_BYTES, decode_html, parse_html
from spiders.extract.news import extract_article
from spiders.extract.offers import extract_offer
from extract_fixtures import expected, page


def test_no_script_content_and_single_line_title() -> None:
    want = expected("hostile.html")
    article = extract_article(page("hostile.html"), "https://example.org/a")
    assert article.title == want["title"]
    assert "\n" not in (article.title or "") and "\t" not in (article.title or "")
    for fragment in want["text_excludes"]:
        assert fragment not in article.text
        assert fragment not in (article.summary or "")
    for fragment in want["text_contains"]:
        assert fragment in article.text


def test_javascript_canonical_is_refused() -> None:
    article = extract_article(page("hostile.html"), "https://example.org/a")
    assert article.canonical_url is None


def test_declared_charset_is_respected() -> None:
    raw = '<html><head><meta charset="iso-8859-1"></head><body><p>Café à Fès</p></body></html>'.encode("latin-1")
    assert "Café à Fès" in decode_html(raw)


def test_wrong_declared_charset_with_utf8_bytes() -> None:
    raw = '<html><head><meta charset="iso-8859-1"></head><body><p>Café à Fès</p></body></html>'.encode("utf-8")
    assert "Café à Fès" in decode_html(raw)


def test_missing_charset_is_detected() -> None:
    text = "<html><body><p>" + "Le thé à la menthe est servi très chaud dans les souks. " * 20 + "</p></body></html>"
    assert "thé à la menthe" in decode_html(text.encode("cp1252"))


def test_huge_input_is_truncated_safely() -> None:
    filler = "<p>" + "é" * 1000 + "</p>"
    raw = ("<html><body>" + filler * 6000).encode("utf-8")  # about 12 MB, cut mid-character
    assert len(raw) > MAX_INPUT_BYTES
    text = decode_html(raw)
    assert len(text.encode("utf-8")) <= MAX_INPUT_BYTES
    assert parse_html(raw) is not None


def test_offer_on_hostile_page_does_not_crash() -> None:
    offer = extract_offer(page("hostile.html"), "https://example.org/a")
    assert offer.price is None
    assert offer.canonical_url is None


def test_declared_utf8_that_is_windows_1252() -> None:
    raw = '<html><head><meta charset="utf-8"></head><body><p>Les dinandiers de Fès, au cœur de la médina</p></body></html>'
    assert "Fès, au cœur de la médina" in decode_html(raw.encode("cp1252"))


def test_declared_utf8_with_one_stray_byte_stays_utf8() -> None:
    raw = '<html><head><meta charset="utf-8"></head><body><p>Rentnerinnen für die Vögel über Straße</p>'.encode("utf-8")
    text = decode_html(raw + b"<p>Konto 63\xa0bei der Sparkasse</p></body></html>")
    assert "für die Vögel über Straße" in text and "\ufffd" in text
