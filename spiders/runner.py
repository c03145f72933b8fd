"""Runs spiders in this process (one reactor per process) or as `python -m spiders.runner`."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Mapping, Sequence

from config import Settings, load_settings
from spiders.competitor_prices import CompetitorPriceSpider
from spiders.market_news import MarketNewsSpider
from spiders.settings import crawler_settings
from spiders.sources import Source, load_catalogue
from spiders.trade_fairs import TradeFairSpider

SPIDERS = {"news": MarketNewsSpider, "fairs": TradeFairSpider, "prices": CompetitorPriceSpider}


def run_crawl(settings: Settings, spider_names: Sequence[str], catalogue: list[Source] | None = None,
              catalogue_vars: Mapping[str, str] | None = None, overrides: Mapping[str, Any] | None = None,
              source_ids: str | None = None) -> list[dict[str, Any]]:
    """Crawl with the named spiders, concurrently, and return their crawl records."""
    from scrapy.crawler import CrawlerProcess

    unknown = [n for n in spider_names if n not in SPIDERS]
    if unknown:
        raise ValueError(f"unknown spider(s) {', '.join(unknown)}; choose among {', '.join(SPIDERS)}")
    if catalogue is None:
        # ${name} values mean a catalogue file filled for this run (the demo's ports); else the backend's catalogue.
        if catalogue_vars:
            catalogue = load_catalogue(settings.sources_file, catalogue_vars)
        else:
            from spiders.catalogue import active_catalogue
            catalogue = active_catalogue(settings)
    import logging
    values = crawler_settings(settings, **dict(overrides or {}))
    # Under `veille`, logging is configured already (readable or JSON lines): Scrapy must not add a
    # second root handler; run alone (`python -m spiders.runner`), it installs its own.
    configured = bool(logging.getLogger().handlers)
    values.setdefault("LOG_INSTALL_ROOT_HANDLER", not configured)
    level = values.get("LOG_LEVEL", "INFO")

    def quiet() -> None:
        for name in ("scrapy", "twisted", "asyncio", "py3langid", "spiders", "trafilatura", "htmldate", "filelock"):
            logging.getLogger(name).setLevel(level)

    quiet()
    # CrawlerProcess resets the "scrapy" logger to DEBUG and logs its versions banner at once, before
    # quiet() can run again: below LOG_LEVEL, that banner is silenced for the construction only.
    numeric = level if isinstance(level, int) else logging.getLevelName(str(level).upper())
    if isinstance(numeric, int) and numeric > logging.INFO:
        logging.disable(numeric - 1)
    try:
        process = CrawlerProcess(values)
    finally:
        logging.disable(logging.NOTSET)
    quiet()  # CrawlerProcess configures logging again
    crawlers = []
    for name in spider_names:
        crawler = process.create_crawler(SPIDERS[name])
        crawlers.append(crawler)
        process.crawl(crawler, sources=catalogue, source_ids=source_ids)
    process.start()
    return [getattr(c.spider, "crawl_record", {"spider": c.spider.name if c.spider else "?"}) for c in crawlers]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spiders.runner")
    parser.add_argument("spiders", nargs="+", choices=sorted(SPIDERS))
    parser.add_argument("--vars", default="{}", help="JSON object of ${name} values for the catalogue")
    parser.add_argument("--sources", default=None, help="comma-separated source ids")
    parser.add_argument("--set", action="append", default=[], help="Scrapy setting NAME=VALUE")
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    overrides: dict[str, Any] = {"LOG_LEVEL": args.log_level}
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value) if value[:1] in "[{0123456789tfn" and value not in ("") else value
    records = run_crawl(load_settings(), args.spiders, catalogue_vars=json.loads(args.vars), overrides=overrides,
                        source_ids=args.sources)
    json.dump(records, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
