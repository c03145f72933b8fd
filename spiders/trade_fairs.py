from __future__ import annotations

from typing import Any, Iterable

from scrapy.http import Response, TextResponse

from spiders.base import CatalogueSpider
from spiders.extract.fairs import extract_fairs, parse_ical
from spiders.items import Rejected, Scraped, fair_document


class TradeFairSpider(CatalogueSpider):
    """Trade fairs: iCal feeds, calendar listings (often several fairs a page) and detail pages."""
    name = "fairs"
    kind = "fair"

    def parse_ical(self, response: Response) -> Iterable[Any]:
        source = self.source_of(response)
        for fair in parse_ical(response.body):
            yield from self._emit(response, fair, source)

    def listing_items(self, response: Response) -> Iterable[Any]:
        yield from self.parse_detail(response)

    def parse_detail(self, response: Response) -> Iterable[Any]:
        if not isinstance(response, TextResponse):
            return
        source = self.source_of(response)
        fairs = extract_fairs(self.page_text(response), response.url, language=source.language)
        if not fairs and "listing" not in response.meta:
            self.reject(response, "no fair found on the page")
        for fair in fairs:
            yield from self._emit(response, fair, source)

    def _emit(self, response: Response, fair: Any, source: Any) -> Iterable[Any]:
        try:
            yield Scraped(fair_document(fair, source, getattr(fair, "url", None) or response.url), source.id)
        except Rejected as exc:
            self.reject(response, str(exc))
