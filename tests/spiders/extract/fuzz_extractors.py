"""Coverage-guided fuzzing (atheris / libFuzzer) of the extractors on raw bytes: any exception is a crash,
and any value outside the plausibility rules too. Run by test_extract_properties with a fixed number of
runs; by hand: `python tests/spiders/extract/fuzz_extractors.py -max_total_time=600`."""
from __future__ import annotations

import sys
from datetime import date

import atheris

with atheris.instrument_imports(include=["spiders", "indexing.plausibility"]):
    from indexing.plausibility import fair_problem, price_problem, published_problem
    from spiders.extract.decoding import decode_page
    from spiders.extract.fairs import extract_fairs, parse_ical
    from spiders.extract.feeds import parse_feed
    from spiders.extract.news import extract_article
    from spiders.extract.offers import extract_offer

PREFIXES = (b"", b"<html><body>", b'<script type="application/ld+json">', b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n",
            b"<?xml version='1.0'?><rss version='2.0'><channel><item>")


def one_input(data: bytes) -> None:
    if not data:
        return
    page = PREFIXES[data[0] % len(PREFIXES)] + data[1:]
    which = data[0] // len(PREFIXES) % 5
    url = "http://fuzz.example/p"
    assert isinstance(decode_page(page, "text/html; charset=iso-8859-1"), str)
    if which == 0:
        offer = extract_offer(page, url)
        assert offer.price is None or price_problem(offer.price) is None
    elif which == 1:
        article = extract_article(page, url)
        assert article.published is None or published_problem(article.published) is None
    elif which == 2:
        for fair in extract_fairs(page, url, page_date=date(2026, 12, 1)):
            assert fair.start_date is None or fair_problem(fair.start_date, fair.end_date) is None
    elif which == 3:
        for fair in parse_ical(page):
            assert fair.start_date is None or fair_problem(fair.start_date, fair.end_date) is None
    else:
        for entry in parse_feed(page, url):
            assert entry.published is None or published_problem(entry.published) is None


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
