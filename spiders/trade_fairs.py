from __future__ import annotations

from typing import Any, AsyncIterator, Iterable

from scrapy.http import Response, TextResponse

from spiders.base import CatalogueSpider
from spiders.extract.fairs import check_fairs, ical_fairs
from spiders.items import Rejected, Scraped, fair_document
from spiders.workers import fair_page


class TradeFairSpider(CatalogueSpider):
    """Trade fairs: iCal feeds, calendar listings (often several fairs a page) and detail pages."""
    name = "fairs"
    kind = "fair"

    def parse_ical(self, response: Response) -> Iterable[Any]:
        source = self.source_of(response)
        checked = check_fairs(ical_fairs(response.body))
        for code in checked.rejected:
            self.reject_value(response, code)
        for fair in checked.fairs:
            try:
                yield Scraped(fair_document(fair, source, getattr(fair, "url", None) or response.url), source.id)
            except Rejected as exc:
                self.skip_record(response, str(exc), exc.code)

    async def parse_listing(self, response: Response) -> AsyncIterator[Any]:  # type: ignore[override]
        for item in super().parse_listing(response):
            yield item
        if isinstance(response, TextResponse):
            async for item in self.emit(response, fair_page, quiet=True):
                yield item

    async def parse_detail(self, response: Response) -> AsyncIterator[Any]:
        if not isinstance(response, TextResponse):
            return
        async for item in self.emit(response, fair_page):
            yield item
