from __future__ import annotations

from typing import Any, AsyncIterator

from scrapy.http import Response, TextResponse

from spiders.base import CatalogueSpider
from spiders.workers import offer_page


class CompetitorPriceSpider(CatalogueSpider):
    """Competitor prices: shop listings and sitemaps lead to product pages."""
    name = "prices"
    kind = "shop"

    async def parse_detail(self, response: Response) -> AsyncIterator[Any]:
        if not isinstance(response, TextResponse):
            return
        async for item in self.emit(response, offer_page):
            yield item
