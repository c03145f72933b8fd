from __future__ import annotations

import logging

from scrapy.logformatter import LogFormatter


class QuietLogFormatter(LogFormatter):
    """Scraped and dropped items are logged at DEBUG: item dumps would flood the log and leak page text."""

    def scraped(self, item, response, spider):  # type: ignore[no-untyped-def]
        entry = super().scraped(item, response, spider)
        entry["level"] = logging.DEBUG
        return entry

    def dropped(self, item, exception, response, spider):  # type: ignore[no-untyped-def]
        entry = super().dropped(item, exception, response, spider)
        entry["level"] = logging.INFO
        entry["msg"] = "Dropped: %(exception)s"
        return entry
