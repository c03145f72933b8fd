"""Scrapy settings shared by the three spiders; `crawler_settings()` adds the deployment's values."""
from __future__ import annotations

from typing import Any

from config import Settings

BOT_NAME = "veille"
SPIDER_MODULES = ["spiders"]

BASE: dict[str, Any] = {
    "BOT_NAME": BOT_NAME,
    "ROBOTSTXT_OBEY": True,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_START_DELAY": 0.5,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 4.0,
    "CONCURRENT_REQUESTS": 32,
    # Async callbacks spawn one asyncio task per CONCURRENT_ITEMS for every response; a page
    # yields one to a dozen items, so 100 (the default) is pure overhead.
    "CONCURRENT_ITEMS": 8,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_TIMEOUT": 20,
    "DOWNLOAD_MAXSIZE": 8 * 1024 * 1024,
    "DOWNLOAD_WARNSIZE": 4 * 1024 * 1024,
    "RETRY_TIMES": 2,
    "DEPTH_LIMIT": 0,  # per-source max_depth (pagination excluded) is enforced by CatalogueSpider.follow
    "REDIRECT_MAX_TIMES": 5,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "REMOTE_CONTROL_ENABLED": False,
    "LOG_LEVEL": "INFO",
    "HTTPCACHE_ENABLED": True,
    "HTTPCACHE_POLICY": "scrapy.extensions.httpcache.RFC2616Policy",
    "HTTPCACHE_STORAGE": "scrapy.extensions.httpcache.FilesystemCacheStorage",
    "HTTPCACHE_IGNORE_HTTP_CODES": [500, 502, 503, 504, 408, 429],
    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    "ITEM_PIPELINES": {
        "spiders.pipelines.NormalizePipeline": 100,
        "spiders.pipelines.IndexingPipeline": 800,
    },
    "SPIDER_MIDDLEWARES": {
        "spiders.middlewares.TrapGuardMiddleware": 550,
    },
    "DOWNLOADER_MIDDLEWARES": {
        "spiders.middlewares.SourceErrorsMiddleware": 590,
    },
    "EXTENSIONS": {"spiders.crawlstats.CrawlStatsRecorder": 500, "spiders.progress.CrawlProgress": 510},
    "LOG_FORMATTER": "spiders.logformat.QuietLogFormatter",
}


def crawler_settings(settings: Settings, **overrides: Any) -> dict[str, Any]:
    values = dict(BASE)
    values.update({
        "USER_AGENT": settings.user_agent,
        "HTTPCACHE_DIR": str(settings.http_cache_dir),
        "VEILLE_SETTINGS": settings,
    })
    values.update(overrides)
    return values
