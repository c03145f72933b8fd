"""The links a page worker reads from its own parse are the links the crawler's selector reads."""
from __future__ import annotations

import pytest
from parsel import Selector
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from config import ROOT
from demo.bigsite import BigSite
from spiders import base
from spiders.extract.htmlinput import parse_html, stopped_at_a_limit
from spiders.market_news import MarketNewsSpider
from spiders.sources import Listing, Source
from spiders.workers import article_page, fair_page, offer_page, page_links

TRICKY = [
    "",
    "   \n ",
    "<!-- only a comment <a href='/c'>c</a> -->",
    "<?xml version='1.0' encoding='utf-8'?><html><body><a href='/x'>x</a></body></html>",
    "<html><body><A HREF='/upper'>U</A><a href=' /spaced '>s</a><a>no href</a><a href=''>empty</a></body></html>",
    "<p><a href='/a?x=1&amp;y=2'>amp</a><a href=\"/b#frag\">f</a><a href=/bare>bare</a>",
    "<script>document.write('<a href=\"/in-script\">s</a>')</script><style>a{}</style><a href='/after'>a</a>",
    "<template><a href='/in-template'>t</a></template><noscript><a href='/in-noscript'>n</a></noscript>",
    "<svg><a href='/in-svg'>s</a></svg><table><a href='/in-table'>t</a><tr><td><a href='/cell'>c</a>",
    "<div>\x00<a href='/nul\x00led'>n</a></div><!-- <a href='/commented'> --><a href='/kept'>k</a>",
    "<ul>" + "<li><a href='/unclosed/%d'>u" % 0 + "".join("<div>" for _ in range(300)) + "<a href='/deep'>d</a>",
    "<a href='/one'><a href='/nested'>n</a></a><form><a href='/in-form'>f</a></form>",
    "<html><head><base href='https://elsewhere.example/'></head><body><a href='rel/x'>r</a>é ü ﻣﺮﺣﺒﺎ</body></html>",
]


SOURCE = Source(id="s", kind="news", name="s", language="fr", start_urls=("http://h.example/",))
RATES = str(ROOT / "indexing" / "rates" / "ecb.json")


def selector_links(text: str) -> list[str]:
    return Selector(text=text, type="html").css("a::attr(href)").getall()


@pytest.mark.parametrize("text", TRICKY)
def test_the_workers_links_are_the_selectors_links_on_awkward_html(text: str) -> None:
    tree = parse_html(text)
    if stopped_at_a_limit():  # nested deeper than libxml2's limit: the crawler reads these links itself
        assert "<div>" * 300 in text
        assert article_page(text, "http://h.example/", SOURCE, None, RATES).links is None
        return
    assert page_links(tree) == selector_links(text)


def test_every_page_kind_returns_the_selectors_links() -> None:
    site = BigSite(n_pages=12)
    pages = list(site.pages.items())[:8]
    assert any("/article/" in path for path, _ in pages)
    for path, response in pages:
        text = response.body.decode("utf-8")
        expected = selector_links(text)
        assert expected
        for work in (article_page, offer_page, fair_page):
            assert work(text, "http://h.example" + path, SOURCE, None, RATES).links == expected


def spider() -> MarketNewsSpider:
    source = Source(id="s", kind="news", name="s", language="fr", start_urls=("https://s.example/",),
                    listings=(Listing(url="https://s.example/list/1/", link_pattern=r"/article/"),), max_depth=5)
    return MarketNewsSpider.from_crawler(get_crawler(MarketNewsSpider, {"VEILLE_EXTRACT_WORKERS": 0}), sources=[source])


def response(url: str) -> HtmlResponse:
    return HtmlResponse(url, body=b"<html></html>", encoding="utf-8", request=Request(url, meta={"source_id": "s"}))


def test_root_relative_links_joined_once_still_join_to_each_pages_own_host() -> None:
    from urllib.parse import urljoin
    crawler_spider = spider()
    pages = ["https://s.example/a/b?q=1#f", "http://s.example/x/", "https://s.example:8443/", "https://other.example/deep/er"]
    for href in ["/article/1.html", " /article/1.html ", "/../up/./x", "//cdn.example/p", "/?only=query", "/#top"]:
        for url in pages * 2:
            assert crawler_spider.join(response(url), href) == urljoin(url, href.strip())


def test_the_joined_links_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "JOINED_LIMIT", 50)
    crawler_spider = spider()
    page = response("https://s.example/")
    for n in range(500):
        assert crawler_spider.join(page, f"/article/{n}.html") == f"https://s.example/article/{n}.html"
        assert len(crawler_spider.joined) <= 50
