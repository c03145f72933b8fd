"""CatalogueSpider: reads its sources from the catalogue and routes pages; it never extracts."""
from __future__ import annotations

import logging
import re
from typing import Any, AsyncIterator, Iterable
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Selector, Spider
from scrapy.http import Response, TextResponse

from config import Settings, load_settings
from indexing.urls import is_safe_link
from spiders.sources import Source, load_catalogue
from spiders.workers import PageWorkers

log = logging.getLogger(__name__)
_LOC = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>")
JOINED_LIMIT = 50_000


class CatalogueSpider(Spider):
    kind: str = ""

    def __init__(self, name: str | None = None, sources: list[Source] | None = None,
                 source_ids: str | None = None, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self._sources = sources
        self._only = set(source_ids.split(",")) if source_ids else None
        # Every URL this spider already asked for. Pages link to the same pages over and over (menus,
        # "most read", related items); building a Request only for the duplicate filter to drop it
        # cost a third of the crawler process's time.
        self.requested: set[str] = set()
        self.bad_links: set[tuple[str, str]] = set()  # (page, href): a page read twice counts its bad links once
        # Root-relative links ("/article/1.html") join to the same URL from every page of a host, and
        # menus and "most read" boxes repeat them on every page: joined once. Bounded by JOINED_LIMIT.
        self.joined: dict[tuple[str, str, str], str] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):  # type: ignore[no-untyped-def]
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings: Settings = crawler.settings.get("VEILLE_SETTINGS") or load_settings()
        if spider._sources is None:
            catalogue = crawler.settings.get("VEILLE_CATALOGUE")
            variables = crawler.settings.getdict("VEILLE_CATALOGUE_VARS")
            if catalogue is None and variables:
                catalogue = load_catalogue(settings.sources_file, variables)
            elif catalogue is None:
                from spiders.catalogue import active_catalogue
                catalogue = active_catalogue(settings)
            spider._sources = list(catalogue)
        spider.sources = {s.id: s for s in spider._sources
                          if s.kind == cls.kind and s.enabled and s.crawlable and (spider._only is None or s.id in spider._only)}
        spider.allowed_domains = sorted({d for s in spider.sources.values() for d in s.domains()})
        spider.settings_obj = settings
        workers = crawler.settings.get("VEILLE_EXTRACT_WORKERS")
        spider.workers = PageWorkers(settings.extract_workers if workers is None else int(workers))
        from scrapy import signals
        crawler.signals.connect(spider.workers.close, signal=signals.spider_closed)
        return spider

    def page_budget(self, source_id: str) -> int:
        source = self.sources.get(source_id)
        return source.max_pages if source else 0

    # routing ------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        for request in self.entry_requests():
            yield request

    def entry_requests(self) -> Iterable[Request]:
        for source in self.sources.values():
            meta = {"source_id": source.id, "entry": True}
            for url in source.feeds:
                yield Request(url, callback=self.parse_feed, meta=meta, errback=self.on_error)
            for url in source.ical:
                yield Request(url, callback=self.parse_ical, meta=meta, errback=self.on_error)
            for url in source.sitemaps:
                yield Request(url, callback=self.parse_sitemap, meta=meta, errback=self.on_error)
            listed = {listing.url for listing in source.listings}
            for listing in source.listings:
                # A listing that is also a start URL is fetched once, as a listing, and explored from
                # there as the start page too: a second request would be dropped by the duplicate filter.
                yield Request(listing.url, callback=self.parse_listing, errback=self.on_error,
                              meta={**meta, "listing": listing, "listing_page": 1, "start": listing.url in source.start_urls})
            for url in source.start_urls:
                if url not in listed:
                    yield Request(url, callback=self.parse_start, meta=meta, errback=self.on_error)

    def source_of(self, response: Response) -> Source:
        return self.sources[response.meta["source_id"]]

    def join(self, response: Response, href: str) -> str | None:
        """The absolute URL of a link of the page, or None (logged and counted per source) when it is
        malformed ('http://[::1/x'): one bad link never costs the page's other links."""
        link = href.strip()
        key = None
        if link[:1] == "/":
            # urljoin takes only the scheme and host of the page's URL for these, never its path or query.
            page, origin = response.meta.get("veille_origin") or ("", ("", ""))
            if page != response.url:
                parts = urlsplit(response.url)
                origin = (parts.scheme, parts.netloc)
                response.meta["veille_origin"] = (response.url, origin)
            key = (*origin, link)
            if (known := self.joined.get(key)) is not None:
                return known
        try:
            absolute = urljoin(response.url, link)
            urlsplit(absolute).hostname  # noqa: B018 - raises on a bad IPv6 host or port
        except ValueError as exc:
            self.skip_link(response, href, str(exc))
            return None
        if key is not None:
            if len(self.joined) >= JOINED_LIMIT:
                self.joined.clear()
            self.joined[key] = absolute
        return absolute

    def skip_link(self, response: Response, href: str, reason: str) -> None:
        if (response.url, href) in self.bad_links:
            return
        self.bad_links.add((response.url, href))
        source_id = response.meta.get("source_id", "unknown")
        self.crawler.stats.inc_value(f"veille/source/{source_id}/skipped_links")
        self.crawler.stats.inc_value("veille/skipped/bad-link")
        log.info("skipped link %r on %s: %s", href[:200], response.url[:200], reason[:200])

    def follow(self, response: Response, url: str, callback: Any, joined: bool = False, **meta: Any) -> Request | None:
        """A request for a link of the page; `joined` when `url` is already absolute (urljoin done)."""
        absolute = url if joined else self.join(response, url)
        if absolute is None:
            return None
        pagination = "listing" in meta
        if not pagination and absolute in self.requested:
            return None
        if not is_safe_link(absolute):
            return None
        source = self.source_of(response)
        # Pagination is bounded by the listing's max_pages, not by depth.
        depth = response.meta.get("depth", 0) - (response.meta.get("listing_page", 1) - 1)
        if depth >= source.max_depth and not pagination:
            self.crawler.stats.inc_value("veille/skipped/max-depth")
            return None
        # A listing page may already have been seen as a hub (discover), where its links were cut by
        # max_depth; its pagination visit must still happen, so it bypasses the duplicate filter
        # (pagination stays bounded by the listing's max_pages and by the trap guard).
        try:
            request = Request(absolute, callback=callback, errback=self.on_error, dont_filter=pagination,
                              meta={"source_id": source.id, **meta})
        except ValueError as exc:
            self.skip_link(response, absolute, str(exc))
            return None
        if not pagination:
            self.requested.add(absolute)
        return request

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        source = self.source_of(response)
        pattern = re.compile(source.listings[0].link_pattern) if source.listings and source.listings[0].link_pattern else None
        for match in _LOC.finditer(response.body[:20_000_000]):
            url = match.group(1).decode("utf-8", "replace")
            if url.endswith(".xml"):
                if (req := self.follow(response, url, self.parse_sitemap)) is not None:
                    yield req
            elif pattern is None or pattern.search(url):
                if (req := self.follow(response, url, self.parse_detail)) is not None:
                    yield req

    def parse_listing(self, response: Response) -> Iterable[Any]:
        if not isinstance(response, TextResponse):
            return
        listing = response.meta["listing"]
        links: list[str]
        if listing.link_selector:
            chosen = self.page_selector(response).css(listing.link_selector)
            links = chosen.css("::attr(href)").getall() or chosen.getall()
        else:
            links = self.page_selector(response).css("a::attr(href)").getall()
        pattern = re.compile(listing.link_pattern) if listing.link_pattern else None
        seen: set[str] = set()
        for href in links:
            absolute = self.join(response, href)
            if absolute is None or absolute in seen or (pattern is not None and not pattern.search(absolute)):
                continue
            seen.add(absolute)
            if (req := self.follow(response, absolute, self.parse_detail, joined=True)) is not None:
                yield req
        page = response.meta.get("listing_page", 1)
        if listing.next_selector and page < listing.max_pages:
            for href in self.page_selector(response).css(listing.next_selector).css("::attr(href)").getall()[:1]:
                req = self.follow(response, href, self.parse_listing, listing=listing, listing_page=page + 1)
                if req is not None:
                    yield req
        if response.meta.get("start") and any(l.link_pattern for l in self.source_of(response).listings):
            yield from self.parse_hub(response)  # the listing is a start URL too: explore the site from it

    def parse_start(self, response: Response) -> Iterable[Any]:
        """A start URL is a hub when the source has link patterns, else a detail page."""
        source = self.source_of(response)
        if not any(l.link_pattern for l in source.listings) or not isinstance(response, TextResponse):
            yield from self.parse_detail(response)
            return
        yield from self.parse_hub(response)

    def parse_hub(self, response: Response, discover: bool = True, hrefs: list[str] | None = None) -> Iterable[Any]:
        """Follow links matching the source's patterns to detail pages; with `discover`, explore the
        rest of the site as hubs too, as deep as the source's max_depth allows. `hrefs`: the page's
        links when the page worker read them already."""
        if not isinstance(response, TextResponse):
            return
        source = self.source_of(response)
        patterns = [re.compile(l.link_pattern) for l in source.listings if l.link_pattern]
        hosts = source.domains()
        if hrefs is None:
            hrefs = self.page_selector(response).css("a::attr(href)").getall()
        for href in dict.fromkeys(hrefs):
            absolute = self.join(response, href)
            if absolute is None:
                continue
            if any(p.search(absolute) for p in patterns):
                req = self.follow(response, absolute, self.parse_detail, joined=True)
            elif discover and source.discover and urlsplit(absolute).hostname in hosts:
                req = self.follow(response, absolute, self.parse_hub, joined=True)
            else:
                continue
            if req is not None:
                yield req

    def page_text(self, response: TextResponse) -> str:
        """The page as text, by the same decoding `veille extract` uses (BOM, HTTP header, meta, detection);
        decoded once per response."""
        cached = response.meta.get("veille_text")
        if cached is None:
            from spiders.extract.decoding import decode_page
            content_type = response.headers.get("Content-Type")
            cached = decode_page(response.body, content_type.decode("latin-1") if content_type else None)
            response.meta["veille_text"] = cached
        return cached

    def page_selector(self, response: TextResponse) -> Selector:
        """Links are read from the same text the extractors get, not from Scrapy's own decoding."""
        selector = response.meta.get("veille_selector")
        if selector is None:
            selector = Selector(text=self.page_text(response), type="html", base_url=response.url)
            response.meta["veille_selector"] = selector
        return selector

    async def emit(self, response: TextResponse, work: Any, fallback: Any = None, quiet: bool = False) -> AsyncIterator[Any]:
        """Run the page work (in the worker pool) and yield its documents as items."""
        from spiders.items import Scraped
        source = self.source_of(response)
        result = await self.workers.run(work, self.page_text(response), response.url, source, fallback,
                                        str(self.settings_obj.rates_file))
        if result.rejected and not quiet:
            self.reject(response, result.rejected)
        for code in result.rejected_values:
            self.reject_value(response, code)
        for document, indexed in result.documents:
            yield Scraped(document, source.id, indexed)
        # Detail pages link to more details (related products, "read also"): follow those too.
        for request in self.parse_hub(response, discover=False, hrefs=result.links):
            yield request

    # callbacks the concrete spiders implement ---------------------------------------------
    def parse_feed(self, response: Response) -> Iterable[Any]:
        return ()

    def parse_ical(self, response: Response) -> Iterable[Any]:
        return ()

    def parse_detail(self, response: Response) -> Iterable[Any]:
        raise NotImplementedError

    def on_error(self, failure: Any) -> None:
        request = failure.request
        log.info("failed %s: %s", request.url[:200], failure.getErrorMessage()[:200])

    def reject(self, response: Response, reason: str, code: str | None = None) -> None:
        """A page (or a record of a feed) that makes no document; `code` when a value was implausible."""
        source_id = response.meta.get("source_id", "unknown")
        self.crawler.stats.inc_value(f"veille/source/{source_id}/rejected")
        self.crawler.stats.inc_value("veille/rejected")
        log.info("skipped %s: %s", response.url[:200], reason)
        if code:
            self.reject_value(response, code)

    def skip_record(self, response: Response, reason: str, code: str | None = None) -> None:
        """One record of a feed or calendar that makes no document; the feed's other records go on."""
        source_id = response.meta.get("source_id", "unknown")
        self.crawler.stats.inc_value(f"veille/source/{source_id}/skipped_records")
        self.crawler.stats.inc_value("veille/skipped/bad-record")
        log.info("skipped a record of %s: %s", response.url[:200], reason[:200])
        if code:
            self.reject_value(response, code)

    def reject_value(self, response: Response, code: str) -> None:
        """An implausible value left out (indexing.plausibility), counted per source and reason."""
        source_id = response.meta.get("source_id", "unknown")
        self.crawler.stats.inc_value(f"veille/source/{source_id}/rejected_values")
        self.crawler.stats.inc_value(f"veille/source/{source_id}/rejected_value/{code}")
        self.crawler.stats.inc_value(f"veille/rejected_value/{code}")
