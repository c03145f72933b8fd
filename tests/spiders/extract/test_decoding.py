"""One decoding path (BOM, HTTP header, meta, detection) for the crawl and `veille extract`."""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, Request

from spiders.extract.decoding import decode_page
from spiders.extract.news import extract_article

WORD = "Élégance du zellige à Fès"
PAGE = f"<html><head>{{meta}}<title>{WORD}</title></head><body><p>{WORD}, une maison très demandée.</p></body></html>"


@pytest.mark.parametrize(("meta", "header", "encoding"), [
    ("", "text/html; charset=ISO-8859-1", "utf-8"),           # the header lies: UTF-8 bytes
    ('<meta charset="iso-8859-1">', None, "utf-8"),           # the meta lies
    ('<meta charset="utf-16">', None, "utf-8"),               # a meta UTF-16 without BOM is UTF-8
    ('<meta charset="utf-16">', "text/html; charset=utf-16", "utf-8"),  # so is a header one on ASCII bytes
    ("", "text/html; charset=utf-8", "cp1252"),               # the header lies: Windows-1252 bytes
    ('<meta charset="utf-8">', None, "cp1252"),
    ('<meta charset="windows-1252">', "text/html; charset=utf-8", "cp1252"),
    ("", "text/html; charset=iso-8859-1", "cp1252"),          # true declarations are kept
])
def test_the_decoding_that_is_valid_and_makes_no_mojibake_wins(meta: str, header: str | None, encoding: str) -> None:
    data = PAGE.format(meta=meta).encode(encoding)
    text = decode_page(data, header)
    assert WORD in text and "Ã" not in text and "\ufffd" not in text


def test_bom_first_then_header_then_meta() -> None:
    body = "<p>hé</p>".encode("utf-16-le")
    assert decode_page(b"\xff\xfe" + body, "text/html; charset=iso-8859-1") == "<p>hé</p>"
    assert decode_page(body, "text/html; charset=utf-16le") == "<p>hé</p>"  # NUL bytes: really UTF-16
    cyrillic = '<meta charset="windows-1251"><p>Привет</p>'
    assert decode_page(cyrillic.encode("cp1251")) == cyrillic
    assert decode_page(cyrillic.encode("koi8-r"), "text/html; charset=koi8-r") == cyrillic  # header over meta


def test_a_few_stray_bytes_in_utf8_stay_utf8() -> None:
    data = (PAGE.format(meta="") * 5).encode("utf-8") + b"\xe9"
    text = decode_page(data, "text/html; charset=windows-1252")
    assert text.count(WORD) == 10 and text.count("\ufffd") == 1


@pytest.mark.parametrize("meta,header", [('<meta charset="utf-16">', None), ("", "text/html; charset=ISO-8859-1")])
def test_the_crawl_and_the_extractor_read_the_same_text(meta: str, header: str | None) -> None:
    from spiders.market_news import MarketNewsSpider
    data = PAGE.format(meta=meta).replace("<p>", "<article><p>" + "Le zellige de Fès se vend bien. " * 5).encode("utf-8")
    headers = {"Content-Type": header} if header else {}
    response = HtmlResponse("http://s.example/a.html", body=data, headers=headers, request=Request("http://s.example/a.html"))
    crawled = MarketNewsSpider.page_text(MarketNewsSpider.__new__(MarketNewsSpider), response)
    assert crawled == decode_page(data, header)
    assert extract_article(crawled, response.url).title == extract_article(data, response.url).title == WORD
