from __future__ import annotations

from typing import Any, Iterable

from scrapy.http import Response, TextResponse

from spiders.base import CatalogueSpider
from spiders.extract.offers import extract_offer
from spiders.items import Rejected, Scraped, offer_document


class CompetitorPriceSpider(CatalogueSpider):
    """Competitor prices: shop listings and sitemaps lead to product pages."""
    name = "prices"
    kind = "shop"

    def parse_detail(self, response: Response) -> Iterable[Any]:
        if not isinstance(response, TextResponse):
            return
        source = self.source_of(response)
        try:
            extracted = extract_offer(self.page_text(response), response.url)
            if getattr(extracted, "price", None) is None:
                raise Rejected("no price on the page")
            document = offer_document(extracted, source, response.url)
        except Rejected as exc:
            self.reject(response, str(exc))
            return
        yield Scraped(document, source.id)
