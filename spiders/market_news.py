from __future__ import annotations

from typing import Any, Iterable

from scrapy.http import Response, TextResponse

from spiders.base import CatalogueSpider
from spiders.extract.feeds import parse_feed
from spiders.extract.news import extract_article
from spiders.items import Rejected, Scraped, article_document


class MarketNewsSpider(CatalogueSpider):
    """Market news: feeds, sitemaps and category listings lead to article pages."""
    name = "news"
    kind = "news"

    def parse_feed(self, response: Response) -> Iterable[Any]:
        for entry in parse_feed(response.body, response.url):
            link = getattr(entry, "link", None)
            if not link:
                continue
            fallback = {"title": entry.title, "published": entry.published, "summary": entry.summary,
                        "author": getattr(entry, "author", None)}
            req = self.follow(response, link, self.parse_detail, feed_entry=fallback)
            if req is not None:
                yield req

    def parse_detail(self, response: Response) -> Iterable[Any]:
        if not isinstance(response, TextResponse):
            return
        source = self.source_of(response)
        try:
            extracted = extract_article(self.page_text(response), response.url)
            document = article_document(extracted, source, response.url, response.meta.get("feed_entry"))
        except Rejected as exc:
            self.reject(response, str(exc))
            return
        yield Scraped(document, source.id)
