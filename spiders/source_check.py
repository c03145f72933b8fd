"""`veille sources check` and the console's "Test this source": a live diagnosis of one source, indexing nothing.

The entry URLs are fetched (robots.txt first), the detail links found the way the spiders find them (feed entries,
sitemap <loc>, listing links matching link_pattern or link_selector, start pages as hubs), a handful of them fetched
and run through the crawl's own page work (spiders.workers). What is wrong comes out as problem codes with their
parameters; spiders.source_advice words them and says what to change.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Callable
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from indexing.models import Document, NewsArticle, Offer, TradeFair
from spiders.extract.decoding import decode_page
from spiders.polite_fetch import Fetched, PoliteFetcher
from spiders.sources import Source
from spiders.workers import PageResult, article_page, fair_page, offer_page

SAMPLE_PAGES = 5
LOW_CONFIDENCE = 0.6
_LOC = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>")
PAGE_WORK: dict[str, Callable[..., PageResult]] = {"news": article_page, "shop": offer_page, "fair": fair_page}
# The fields a reader expects of each kind; the share present is the extraction's confidence.
EXPECTED_FIELDS = {"news": ("title", "text", "published_at", "language"),
                   "shop": ("name", "price", "currency", "availability"),
                   "fair": ("name", "start_date", "end_date", "place")}
MIN_TEXT_CHARS = 200


@dataclass
class Problem:
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class PageCheck:
    role: str  # feed, ical, sitemap, listing, start, sample
    url: str
    status: int | None
    elapsed_ms: int
    robots_allowed: bool
    error: str | None
    links: int = 0
    records: int = 0


@dataclass
class ItemCheck:
    url: str
    title: str
    details: dict[str, str]
    confidence: float
    missing: list[str]


@dataclass
class SourceCheck:
    source_id: str
    kind: str
    name: str
    robots: list[dict[str, Any]] = field(default_factory=list)
    pages: list[PageCheck] = field(default_factory=list)
    items: list[ItemCheck] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def confidence(self) -> float | None:
        return round(sum(i.confidence for i in self.items) / len(self.items), 2) if self.items else None

    @property
    def ok(self) -> bool:
        return bool(self.items) and not any(p.code in BLOCKING for p in self.problems)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok, "confidence": self.confidence}


BLOCKING = frozenset({"unreachable", "http_error", "robots_disallow", "no_items", "not_crawlable"})


def item_check(document: Document, kind: str) -> ItemCheck:
    values: dict[str, Any] = document.model_dump()
    if isinstance(document, TradeFair):
        values["place"] = ", ".join(x for x in (document.city, document.country) if x)
    if isinstance(document, NewsArticle) and len(document.text or "") < MIN_TEXT_CHARS:
        values["text"] = None  # a few words are a teaser, not the article
    expected = EXPECTED_FIELDS[kind]
    missing = [name for name in expected if values.get(name) in (None, "", [])]
    title = str(values.get("title") or values.get("name") or "")
    shown = {name: str(values[name])[:120] for name in expected if values.get(name) not in (None, "", [])}
    if isinstance(document, NewsArticle):
        shown["text"] = f"{len(document.text)} chars" if "text" in shown else shown.get("text", "")
    if isinstance(document, Offer) and document.price is not None:
        shown["price"] = f"{document.price} {document.currency or ''}".strip()
    return ItemCheck(document.url, title[:200], {k: v for k, v in shown.items() if v}, round(1 - len(missing) / len(expected), 2),
                     missing)


class SourceChecker:
    def __init__(self, fetcher: PoliteFetcher, rates_file: str, sample: int = SAMPLE_PAGES) -> None:
        self.fetcher = fetcher
        self.rates_file = rates_file
        self.sample = sample

    def check(self, source: Source) -> SourceCheck:
        report = SourceCheck(source.id, source.kind, source.display_name or source.name)
        if not source.crawlable:
            report.problems.append(Problem("not_crawlable", {"note": source.note or ""}))
            return report
        hosts = source.domains()
        links: list[tuple[str, dict[str, Any] | None]] = []
        for role, url in self._entries(source):
            page = self.fetcher.get(url)
            check = self._page(role, page)
            report.pages.append(check)
            if self._entry_problem(report, check):
                continue
            found, records = self._discover(source, role, url, page, report)
            check.links, check.records = len(found), records
            links += [(link, fallback) for link, fallback in found if urlsplit(link).hostname in hosts]
            if not found and not records and role != "start":
                report.problems.append(Problem("no_links", {"role": role, "url": url, **self._pattern_of(source, url)}))
        seen: set[str] = set()
        for link, fallback in links:
            if len(seen) >= self.sample:
                break
            if link in seen:
                continue
            seen.add(link)
            self._sample(source, link, fallback, report)
        self._robots(report)
        self._conclude(source, report)
        return report

    @staticmethod
    def _entries(source: Source) -> list[tuple[str, str]]:
        listed = {listing.url for listing in source.listings}
        return ([("feed", u) for u in source.feeds] + [("ical", u) for u in source.ical]
                + [("sitemap", u) for u in source.sitemaps] + [("listing", l.url) for l in source.listings]
                + [("start", u) for u in source.start_urls if u not in listed])

    @staticmethod
    def _page(role: str, page: Fetched) -> PageCheck:
        return PageCheck(role, page.url, page.status, page.elapsed_ms, page.robots_allowed, page.error)

    @staticmethod
    def _entry_problem(report: SourceCheck, check: PageCheck) -> bool:
        if not check.robots_allowed:
            report.problems.append(Problem("robots_disallow", {"url": check.url, "role": check.role}))
        elif check.status is None:
            report.problems.append(Problem("unreachable", {"url": check.url, "role": check.role, "error": check.error or ""}))
        elif not 200 <= check.status < 300:
            report.problems.append(Problem("http_error", {"url": check.url, "role": check.role, "status": check.status}))
        else:
            return False
        return True

    @staticmethod
    def _pattern_of(source: Source, url: str) -> dict[str, str]:
        listing = next((l for l in source.listings if l.url == url), source.listings[0] if source.listings else None)
        return {"link_pattern": listing.link_pattern or "", "link_selector": listing.link_selector or ""} if listing else {}

    def _discover(self, source: Source, role: str, url: str, page: Fetched,
                  report: SourceCheck) -> tuple[list[tuple[str, dict[str, Any] | None]], int]:
        """Detail links of an entry page (with a feed entry's fallback fields), and the records it holds itself."""
        if role == "feed":
            from spiders.extract.feeds import parse_feed
            entries = parse_feed(page.body, page.final_url)
            return [(e.link, {"title": e.title, "published": e.published_local, "summary": e.summary,
                              "author": e.author}) for e in entries if e.link], len(entries)
        if role == "ical":
            from spiders.extract.fairs import check_fairs, ical_fairs
            from spiders.items import Rejected, fair_document
            checked = check_fairs(ical_fairs(page.body))
            for fair in checked.fairs:
                try:
                    report.items.append(item_check(fair_document(fair, source, fair.url or url), source.kind))
                except Rejected as exc:
                    report.rejected.append({"url": url, "reason": str(exc)})
            return [], len(checked.fairs)
        if role == "sitemap":
            pattern = source.listings[0].link_pattern if source.listings else None
            urls = [m.group(1).decode("utf-8", "replace") for m in _LOC.finditer(page.body[:20_000_000])]
            return [(u, None) for u in urls if not u.endswith(".xml") and (not pattern or re.search(pattern, u))], 0
        text = decode_page(page.body, page.content_type)
        selector = Selector(text=text, type="html", base_url=page.final_url)
        listing = next((l for l in source.listings if l.url == url), None)
        if listing is not None:
            chosen = selector.css(listing.link_selector) if listing.link_selector else selector
            hrefs = chosen.css("a::attr(href)").getall() or chosen.css("::attr(href)").getall()
            patterns = [listing.link_pattern] if listing.link_pattern else []
        else:
            hrefs = selector.css("a::attr(href)").getall()
            patterns = [l.link_pattern for l in source.listings if l.link_pattern]
        if role == "start" and not patterns:
            return [(url, None)], 0  # a start URL without link patterns is a detail page itself
        if source.kind == "fair" and role == "listing":
            self._extract(source, page.final_url, text, None, report)  # calendars list several fairs a page
        found = []
        for href in dict.fromkeys(hrefs):
            absolute = urljoin(page.final_url, href.strip())
            if not patterns or any(re.search(p, absolute) for p in patterns):
                found.append((absolute, None))
        return found, 0

    def _sample(self, source: Source, url: str, fallback: dict[str, Any] | None, report: SourceCheck) -> None:
        page = self.fetcher.get(url)
        check = self._page("sample", page)
        report.pages.append(check)
        if not page.ok:
            report.rejected.append({"url": url, "reason": page.error or f"HTTP {page.status}"})
            return
        self._extract(source, page.final_url, decode_page(page.body, page.content_type), fallback, report)

    def _extract(self, source: Source, url: str, text: str, fallback: dict[str, Any] | None, report: SourceCheck) -> None:
        result = PAGE_WORK[source.kind](text, url, source, fallback, self.rates_file)
        if result.rejected:
            report.rejected.append({"url": url, "reason": result.rejected})
        known = {i.url + i.title for i in report.items}
        for document, _ in result.documents:
            item = item_check(document, source.kind)
            if item.url + item.title not in known:
                report.items.append(item)

    def _robots(self, report: SourceCheck) -> None:
        for origin in dict.fromkeys(f"{urlsplit(p.url).scheme}://{urlsplit(p.url).netloc}" for p in report.pages):
            robots = self.fetcher.robots(origin + "/")
            report.robots.append({"url": robots.url, "status": robots.status, "found": robots.parser is not None,
                                  "error": robots.error})

    @staticmethod
    def _conclude(source: Source, report: SourceCheck) -> None:
        samples = [p for p in report.pages if p.role == "sample"]
        failed = [p for p in samples if p.status is None or not 200 <= p.status < 300]
        if failed:
            report.problems.append(Problem("sample_errors", {"failed": len(failed), "sampled": len(samples),
                                                             "first": failed[0].url, "error": failed[0].error or
                                                             f"HTTP {failed[0].status}"}))
        if not report.items and any(p.role != "sample" and p.status and 200 <= p.status < 300 for p in report.pages):
            reasons = sorted({r["reason"] for r in report.rejected})
            report.problems.append(Problem("no_items", {"kind": source.kind, "sampled": len(samples),
                                                        "reasons": "; ".join(reasons[:3])}))
        elif report.items and (report.confidence or 0) < LOW_CONFIDENCE:
            missing = sorted({m for i in report.items for m in i.missing})
            report.problems.append(Problem("low_confidence", {"confidence": report.confidence, "missing": ", ".join(missing)}))
