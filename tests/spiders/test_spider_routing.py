"""Routing decisions of CatalogueSpider on saved pages: which links become requests."""
from __future__ import annotations

from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from spiders.market_news import MarketNewsSpider
from spiders.sources import Listing, Source

HUB = b"""<html><body>
<a href="/article/1.html">one</a> <a href="/article/2.html">two</a> <a href="/article/1.html">one again</a>
<a href="/rubrique/artisanat/">section</a> <a href="/list/2/" rel="next">next</a>
</body></html>"""


def spider_for(source: Source) -> MarketNewsSpider:
    crawler = get_crawler(MarketNewsSpider, {"VEILLE_EXTRACT_WORKERS": 0})
    spider = MarketNewsSpider.from_crawler(crawler, sources=[source])
    return spider


def page(url: str, **meta: object) -> HtmlResponse:
    return HtmlResponse(url, body=HUB, encoding="utf-8", request=Request(url, meta={"source_id": "s", **meta}))


def test_a_link_already_requested_is_not_built_again_but_pagination_is() -> None:
    listing = Listing(url="https://s.example/list/1/", link_pattern=r"/article/", next_selector="a[rel=next]", max_pages=5)
    source = Source(id="s", kind="news", name="s", language="fr", start_urls=("https://s.example/",),
                    listings=(listing,), max_depth=5, discover=True)
    spider = spider_for(source)
    first = [r.url for r in spider.parse_hub(page("https://s.example/"))]
    assert first == ["https://s.example/article/1.html", "https://s.example/article/2.html",
                     "https://s.example/rubrique/artisanat/", "https://s.example/list/2/"]
    assert list(spider.parse_hub(page("https://s.example/rubrique/artisanat/"))) == []  # all seen already
    listing_page = page("https://s.example/list/1/", listing=listing, listing_page=1)
    followed = list(spider.parse_listing(listing_page))
    assert [r.url for r in followed] == ["https://s.example/list/2/"]  # pagination again, past the filter
    assert followed[0].dont_filter and followed[0].meta["listing_page"] == 2


def test_a_link_cut_by_depth_is_still_followed_from_a_shallower_page() -> None:
    source = Source(id="s", kind="news", name="s", language="fr", start_urls=("https://s.example/",),
                    listings=(Listing(url="https://s.example/list/1/", link_pattern=r"/article/"),), max_depth=2)
    spider = spider_for(source)
    assert list(spider.parse_hub(page("https://s.example/deep/", depth=2))) == []
    assert "https://s.example/article/1.html" in [r.url for r in spider.parse_hub(page("https://s.example/", depth=0))]


BAD_LINKS = b"""<html><body>
<a href="/article/1.html">one</a> <a href="http://[::1/x">broken host</a> <a href="http://s.example:99999999/article/9.html">bad port</a>
<a href="/article/2.html">two</a> <a href="javascript:alert(1)">script</a> <a href="/list/2/" rel="next">next</a>
</body></html>"""


def bad_page(url: str, **meta: object) -> HtmlResponse:
    return HtmlResponse(url, body=BAD_LINKS, encoding="utf-8", request=Request(url, meta={"source_id": "s", **meta}))


def test_a_malformed_link_is_skipped_and_counted_and_the_rest_of_the_page_is_followed() -> None:
    listing = Listing(url="https://s.example/list/1/", link_pattern=r"/article/", next_selector="a[rel=next]", max_pages=5)
    source = Source(id="s", kind="news", name="s", language="fr", listings=(listing,), max_depth=5, discover=True)
    spider = spider_for(source)
    followed = [r.url for r in spider.parse_listing(bad_page("https://s.example/list/1/", listing=listing, listing_page=1))]
    assert followed == ["https://s.example/article/1.html", "https://s.example/article/2.html", "https://s.example/list/2/"]
    hub = spider_for(source)
    assert [r.url for r in hub.parse_hub(bad_page("https://s.example/"))] == followed
    stats = spider.crawler.stats
    assert stats.get_value("veille/source/s/skipped_links") == 2  # the bad host and the bad port
    assert stats.get_value("veille/skipped/bad-link") == 2


def test_a_listing_that_is_also_a_start_url_is_requested_once_and_explored_as_both() -> None:
    listing = Listing(url="https://s.example/", link_pattern=r"/article/", max_pages=1)
    source = Source(id="s", kind="news", name="s", language="fr", start_urls=("https://s.example/", "https://s.example/b/"),
                    listings=(listing,), max_depth=5, discover=True)
    spider = spider_for(source)
    entries = list(spider.entry_requests())
    assert [(r.url, r.callback.__name__) for r in entries] == [
        ("https://s.example/", "parse_listing"), ("https://s.example/b/", "parse_start")]
    followed = [r.url for r in spider.parse_listing(page("https://s.example/", **entries[0].meta))]
    # the articles as a listing, then the rest of the site as the start page's hub
    assert followed == ["https://s.example/article/1.html", "https://s.example/article/2.html",
                        "https://s.example/rubrique/artisanat/", "https://s.example/list/2/"]
