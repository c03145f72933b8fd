"""Page work off the reactor thread: extraction, tagging, normalization and text analysis.

Each function takes plain, picklable inputs and returns finished documents with their
analysed index form, so the crawler process only downloads and writes. Run in a process
pool (the reactor keeps its core) or inline when the pool is disabled.
"""
from __future__ import annotations

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from indexing.backends.base import IndexedDoc
from indexing.models import Document, Offer
from indexing.product_groups import with_group
from spiders.items import Rejected, article_document, fair_document, offer_document
from spiders.sources import Source


@dataclass
class PageResult:
    documents: list[tuple[Document, IndexedDoc]]
    rejected: str | None = None
    rejected_values: list[str] = field(default_factory=list)
    """Plausibility reason codes of the values (or fairs) left out, counted per source by the spider."""
    links: list[str] | None = None
    """The page's a[href] values, read from the tree the extraction parsed: the crawler process does
    not parse the page a second time to follow them."""


def page_links(tree: Any) -> list[str]:
    """What the crawler's `Selector(text).css("a::attr(href)").getall()` gives for the page (the same
    lxml HTML parser and XPath; tests hold them equal), read before the extraction edits the tree."""
    return [str(href) for href in tree.xpath("descendant-or-self::a/@href")]


def _parsed(text: str) -> tuple[Any, list[str] | None]:
    """The page's tree and its links; no links (the crawler reads them itself) when the parse stopped short."""
    from spiders.extract.htmlinput import parse_html, stopped_at_a_limit
    tree = parse_html(text)
    return tree, None if stopped_at_a_limit() else page_links(tree)


def normalize_offer(offer: Offer, rates_file: str) -> Offer:
    from indexing.rates import UnknownCurrency, rate_table
    if offer.price is None or offer.currency is None:
        return offer
    table = rate_table(rates_file)
    day = offer.observed_at.date()
    try:
        return offer.model_copy(update={"price_mad": table.convert(offer.price, offer.currency, "MAD", day),
                                        "price_eur": table.convert(offer.price, offer.currency, "EUR", day)})
    except UnknownCurrency:
        return offer


def _finish(documents: list[Document], rates_file: str) -> PageResult:
    done = []
    for doc in documents:
        if isinstance(doc, Offer):
            doc = with_group(normalize_offer(doc, rates_file))
        done.append((doc, IndexedDoc.of(doc)))
    return PageResult(done)


def _refused(exc: Rejected, values: list[str]) -> PageResult:
    return PageResult([], str(exc), values + ([exc.code] if exc.code else []))


def article_page(text: str, url: str, source: Source, fallback: dict[str, Any] | None, rates_file: str) -> PageResult:
    tree, links = _parsed(text)
    result = _article(tree, url, source, fallback, rates_file)
    result.links = links
    return result


def _article(tree: Any, url: str, source: Source, fallback: dict[str, Any] | None, rates_file: str) -> PageResult:
    from spiders.extract.news import extract_article
    extracted = extract_article(tree, url)
    try:
        result = _finish([article_document(extracted, source, url, fallback)], rates_file)
    except Rejected as exc:
        return _refused(exc, list(extracted.rejected))
    result.rejected_values = list(extracted.rejected)
    return result


def offer_page(text: str, url: str, source: Source, fallback: dict[str, Any] | None, rates_file: str) -> PageResult:
    tree, links = _parsed(text)
    result = _offer(tree, url, source, rates_file)
    result.links = links
    return result


def _offer(tree: Any, url: str, source: Source, rates_file: str) -> PageResult:
    from spiders.extract.offers import extract_offer
    extracted = extract_offer(tree, url)
    try:
        if extracted.price is None:
            raise Rejected("no plausible price on the page" if extracted.rejected else "no price on the page")
        result = _finish([offer_document(extracted, source, url)], rates_file)
    except Rejected as exc:
        return _refused(exc, list(extracted.rejected))
    result.rejected_values = list(extracted.rejected)
    return result


def fair_page(text: str, url: str, source: Source, fallback: dict[str, Any] | None, rates_file: str) -> PageResult:
    from spiders.extract.fairs import extract_checked_fairs
    documents: list[Document] = []
    reasons = []
    checked = extract_checked_fairs(text, url, language=source.language, page_date=date.today())
    values = list(checked.rejected)
    for fair in checked.fairs:
        try:
            documents.append(fair_document(fair, source, url))
        except Rejected as exc:
            reasons.append(str(exc))
            values += [exc.code] if exc.code else []
    result = _finish(documents, rates_file)
    result.rejected_values = values
    if not documents:
        result.rejected = reasons[0] if reasons else "no fair found on the page"
    # The fair extractor reads text as well as HTML and parses what it needs: the links get their own parse.
    result.links = _parsed(text)[1]
    return result


def _warm_up() -> None:
    _lower_priority()
    import spiders.extract.fairs  # noqa: F401
    import spiders.extract.news  # noqa: F401
    import spiders.extract.offers  # noqa: F401


_WORKER_NICENESS = 5


def _lower_priority() -> None:
    """Page work yields the CPU to the crawler's reactor (downloads, scheduling) and to the web server."""
    try:
        if os.getpriority(os.PRIO_PROCESS, 0) < _WORKER_NICENESS:
            os.setpriority(os.PRIO_PROCESS, 0, _WORKER_NICENESS)
    except (AttributeError, OSError):
        pass


class PageWorkers:
    """A process pool sized to the machine; `workers=0` runs the same functions inline."""

    def __init__(self, workers: int | None = None) -> None:
        count = (os.cpu_count() or 1) if workers is None else workers
        self.pool: ProcessPoolExecutor | None = None
        if count > 0:
            import multiprocessing
            # A fork server that has imported the extractors and worked one page of each kind
            # (spiders.worker_preload): workers fork from it and share those pages (libraries and
            # models, about 150 MB) instead of each loading its own.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["spiders.extract.news", "spiders.extract.offers", "spiders.extract.fairs",
                                            "spiders.workers", "spiders.worker_preload"])
            self.pool = ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_warm_up)
            # Start the fork server and the workers now, while the crawler sets up, not on the first pages.
            for _ in range(count):
                self.pool.submit(_warm_up)

    async def run(self, fn: Callable[..., PageResult], *args: Any) -> PageResult:
        if self.pool is None:
            return fn(*args)
        return await asyncio.wrap_future(self.pool.submit(fn, *args))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
