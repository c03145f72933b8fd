"""The demo's trap filter: records about the declared trap URLs become INFO, every other record is untouched."""
from __future__ import annotations

import logging

import pytest

from demo.traps import TRAPS, DemoTrapFilter, traps_hit, traps_logged_as_expected, traps_summary, trap_urls

BASES = {"news": "http://127.0.0.1:41234", "fairs": "http://127.0.0.1:41235"}


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def collected():  # type: ignore[no-untyped-def]
    handler = Collect()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)


def test_trap_url_error_becomes_an_info_demo_trap_line(collected: Collect) -> None:
    url = BASES["news"] + "/barometre-des-prix/"
    with traps_logged_as_expected(BASES):
        logging.getLogger("scrapy.downloadermiddlewares.retry").error("Gave up retrying <GET %s>: 500", url)
    [record] = collected.records
    assert record.levelno == logging.INFO and record.levelname == "INFO"
    assert record.getMessage().startswith("demo trap: Gave up retrying <GET " + url)


def test_other_urls_and_real_errors_stay_errors(collected: Collect) -> None:
    with traps_logged_as_expected(BASES):
        logging.getLogger("scrapy.downloadermiddlewares.retry").error("Gave up retrying <GET %s>: 500",
                                                                      BASES["news"] + "/actualites/")
        logging.getLogger("spiders.news").warning("bad page %s", "http://elsewhere.example/barometre-des-prix/")
    assert [r.levelname for r in collected.records] == ["ERROR", "WARNING"]
    assert not any("demo trap" in r.getMessage() for r in collected.records)


def test_filter_is_removed_after_the_demo_crawl(collected: Collect) -> None:
    url = BASES["news"] + "/en-direct/"
    with traps_logged_as_expected(BASES):
        pass
    logging.getLogger("scrapy.downloadermiddlewares.retry").error("took longer: %s", url)
    assert collected.records[0].levelname == "ERROR"


def test_filter_rewrites_once() -> None:
    trap_filter = DemoTrapFilter(trap_urls(BASES))
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "size of %s", (BASES["news"] + TRAPS[2].path,), None)
    trap_filter.filter(record)
    trap_filter.filter(record)
    assert record.getMessage().count("demo trap:") == 1


def test_summary_names_the_traps_met() -> None:
    hits = [("news", "GET", "/", 200), ("news", "GET", TRAPS[0].path, 500), ("news", "GET", TRAPS[2].path, 200),
            ("news", "GET", TRAPS[1].path, 200)]
    assert traps_summary(traps_hit(hits)) == "3 deliberate traps handled: 500, timeout, oversized page"
    assert traps_summary([]) == ""
