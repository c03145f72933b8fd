"""Item pipelines: normalize (prices to MAD and EUR) then index in batches."""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from scrapy.exceptions import DropItem

from config import Settings, load_settings
from indexing.backends import open_backend
from indexing.indexer import Indexer
from indexing.models import Offer, utc
from indexing.product_groups import with_group
from spiders.items import Scraped
from spiders.workers import normalize_offer

log = logging.getLogger(__name__)
BATCH_SIZE = 200  # overridable with the Scrapy setting VEILLE_INDEX_BATCH
MAX_PENDING_BATCHES = 2


def _settings(crawler: Any) -> Settings:
    return crawler.settings.get("VEILLE_SETTINGS") or load_settings()


class NormalizePipeline:
    """Prices to MAD and EUR for offers the page workers did not normalize (pool disabled or no rate then)."""

    def __init__(self, settings: Settings, stats: Any, observed_at: datetime | None = None) -> None:
        self.rates_file = str(settings.rates_file)
        self.stats = stats
        self.observed_at = observed_at

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        # VEILLE_OBSERVED_AT dates this crawl's price observations: replaying archived pages, or the
        # demo standing its two crawls in last week.
        at = crawler.settings.get("VEILLE_OBSERVED_AT")
        return cls(_settings(crawler), crawler.stats, datetime.fromisoformat(at) if at else None)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Scraped):
            raise DropItem(f"unexpected item type {type(item).__name__}")
        doc = item.document
        if isinstance(doc, Offer) and self.observed_at is not None:
            doc = with_group(normalize_offer(doc.model_copy(update={"observed_at": utc(self.observed_at)}),
                                             self.rates_file))
            item.document, item.indexed = doc, None
        if isinstance(doc, Offer) and doc.price is not None and doc.currency and doc.price_mad is None:
            item.document = normalize_offer(doc, self.rates_file)
            item.indexed = None
            if item.document.price_mad is None:
                self.stats.inc_value("veille/unknown_currency")
                log.info("no exchange rate for %s (%s); kept without MAD/EUR prices", doc.currency, doc.url)
        return item


class IndexingPipeline:
    def __init__(self, settings: Settings, stats: Any, batch_size: int = BATCH_SIZE) -> None:
        self.settings = settings
        self.stats = stats
        self.batch_size = batch_size
        self.buffer: list[Scraped] = []
        self.pending: list[Any] = []
        self.indexer: Indexer | None = None
        self.writer: Any = None

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        return cls(_settings(crawler), crawler.stats, crawler.settings.getint("VEILLE_INDEX_BATCH", BATCH_SIZE))

    def open_spider(self) -> None:
        from twisted.python.threadpool import ThreadPool
        # One writer thread: batches are written one at a time anyway, and the SQLite backend keeps a
        # connection (and its page cache, up to 64 MB) per thread, so the reactor's pool of up to ten
        # threads grew ten caches over a long crawl.
        self.writer = ThreadPool(minthreads=1, maxthreads=1, name="veille-index")
        self.writer.start()
        backend = open_backend(self.settings, crawler=True)
        self.indexer = Indexer(backend, spool_dir=self.settings.spool_dir,
                               spool_max_bytes=self.settings.spool_max_mb * 1024 * 1024)
        try:
            backend.setup()
            replayed = self.indexer.replay_spool()
            if replayed.new or replayed.changed or replayed.unchanged:
                self.stats.set_value("veille/spool_replayed", len(replayed.new + replayed.changed + replayed.unchanged))
        except Exception as exc:  # the crawl goes on; items will spool
            log.warning("backend not ready at crawl start: %s", exc)

    def process_item(self, item: Scraped):  # type: ignore[no-untyped-def]
        self.buffer.append(item)
        self.stats.inc_value(f"veille/source/{item.source_id}/items")
        if len(self.buffer) >= self.batch_size:
            self.flush_in_thread()
            if len(self.pending) > MAX_PENDING_BATCHES:
                # Back-pressure: when the backend is slower than the crawl, wait for the oldest batch
                # instead of piling finished pages up in memory.
                from twisted.internet.defer import Deferred
                waiter: Deferred = Deferred()
                self.pending[0].addBoth(lambda result: (waiter.callback(item), result)[1])
                return waiter
        return item

    def flush_in_thread(self) -> None:
        """Write the batch from a thread: the reactor keeps downloading while the backend writes.

        Batches are written one at a time (the Indexer holds a lock), in order."""
        batch, self.buffer = self.buffer, []
        pending = self._in_writer(self._write, batch)
        pending.addErrback(self._batch_failed, len(batch))
        self.pending.append(pending)
        pending.addBoth(lambda result: self.pending.remove(pending) if pending in self.pending else None)

    def _in_writer(self, fn: Any, *args: Any) -> Any:
        from twisted.internet import reactor, threads
        return threads.deferToThreadPool(reactor, self.writer, fn, *args)

    def _batch_failed(self, failure: Any, size: int) -> None:
        # Not an outage (those spool): Elasticsearch rejected documents. Logged and counted, and the
        # crawl goes on; the next crawl sees the pages again.
        log.error("indexing a batch of %d items failed: %s", size, failure.getErrorMessage())
        self.stats.inc_value("veille/index_failed", size)

    def flush(self) -> None:
        batch, self.buffer = self.buffer, []
        self._write(batch)

    def _write(self, batch: list[Scraped]) -> None:
        if not batch or self.indexer is None:
            return
        changes = self.indexer.upsert([i.document for i in batch],
                                      prepared={i.document.id: i.indexed for i in batch if i.indexed is not None})
        for key, ids in (("new", changes.new), ("changed", changes.changed), ("unchanged", changes.unchanged)):
            if ids:
                self.stats.inc_value(f"veille/indexed/{key}", len(ids))
        if changes.spooled:
            self.stats.inc_value("veille/spooled", changes.spooled)
        if self.indexer.paused_seconds:
            self.stats.set_value("veille/spool_full_paused_seconds", self.indexer.paused_seconds)

    async def close_spider(self) -> None:
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet.defer import DeferredList

        await maybe_deferred_to_future(DeferredList(list(self.pending), consumeErrors=True))
        size = len(self.buffer)
        try:
            await maybe_deferred_to_future(self._in_writer(self.flush))
        except Exception as exc:
            log.error("final indexing batch of %d items failed: %s", size, exc)
            self.stats.inc_value("veille/index_failed", size)
        finally:
            if self.writer is not None:
                self.writer.stop()
