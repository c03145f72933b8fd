from __future__ import annotations

from typing import Any, AsyncIterator, Iterable

from scrapy.http import Response, TextResponse

from spiders.base import CatalogueSpider
from spiders.extract.feeds import parse_feed
from spiders.workers import article_page


class MarketNewsSpider(CatalogueSpider):
    """Market news: feeds, sitemaps and category listings lead to article pages."""
    name = "news"
    kind = "news"

    def parse_feed(self, response: Response) -> Iterable[Any]:
        for entry in parse_feed(response.body, response.url):
            for code in entry.rejected:
                self.reject_value(response, code)
            link = getattr(entry, "link", None)
            if not link:
                self.skip_record(response, f"feed entry without a usable link: {str(entry.title)[:100]!r}")
                continue
            fallback = {"title": entry.title, "published": entry.published_local, "summary": entry.summary,
                        "author": getattr(entry, "author", None)}
            req = self.follow(response, link, self.parse_detail, feed_entry=fallback)
            if req is not None:
                yield req

    async def parse_detail(self, response: Response) -> AsyncIterator[Any]:
        if not isinstance(response, TextResponse):
            return
        async for item in self.emit(response, article_page, response.meta.get("feed_entry")):
            yield item
