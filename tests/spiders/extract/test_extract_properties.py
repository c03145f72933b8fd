"""Property tests: on any hostile page, feed, calendar, price or date string, the extractors never raise,
and every value they output satisfies the plausibility rules (indexing.plausibility)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hostile import BUDGET, CHARSETS, DATES, PRICES, hostile_feed, hostile_html, hostile_ical
from indexing.plausibility import currency_problem, fair_problem, price_problem, published_problem, year_problem
from spiders.extract.decoding import decode_page
from spiders.extract.fairs import extract_fairs, parse_ical
from spiders.extract.feeds import parse_feed
from spiders.extract.news import extract_article
from spiders.extract.offer_price import markup_price
from spiders.extract.offers import extract_offer
from spiders.extract.prices import parse_price
from spiders.extract.timeparse import parse_timestamp

pytestmark = pytest.mark.timeout(300)
URL = "http://hostile.example/page.html"


def assert_plausible_fair(fair: object) -> None:
    start, end = getattr(fair, "start_date"), getattr(fair, "end_date")
    assert start is None or fair_problem(start, end) is None, (start, end)
    deadline = getattr(fair, "registration_deadline")
    assert deadline is None or year_problem(deadline.year) is None


@BUDGET
@given(hostile_html())
def test_offer_extraction_never_raises_and_prices_are_plausible(page: bytes) -> None:
    offer = extract_offer(page, URL)
    assert offer.price is None or price_problem(offer.price) is None, offer.price
    assert offer.currency is None or currency_problem(offer.currency) is None
    assert offer.image is None or offer.image.startswith(("http://", "https://"))


@BUDGET
@given(hostile_html())
def test_article_extraction_never_raises_and_dates_are_plausible(page: bytes) -> None:
    article = extract_article(page, URL)
    assert article.published is None or published_problem(article.published) is None
    assert isinstance(article.text, str)


@BUDGET
@given(hostile_html())
def test_fair_extraction_never_raises_and_fairs_are_plausible(page: bytes) -> None:
    for fair in extract_fairs(page, URL, page_date=date(2026, 12, 1)):
        assert_plausible_fair(fair)
        assert fair.name


@BUDGET
@given(hostile_ical())
def test_ical_parsing_never_raises_and_fairs_are_plausible(data: bytes) -> None:
    for fair in parse_ical(data):
        assert_plausible_fair(fair)
        assert fair.url is None or fair.url.startswith(("http://", "https://"))


@BUDGET
@given(hostile_feed())
def test_feed_parsing_never_raises(data: bytes) -> None:
    for entry in parse_feed(data, URL):
        assert entry.published is None or published_problem(entry.published) is None


@BUDGET
@given(st.binary(max_size=400), st.one_of(st.none(), CHARSETS.map(lambda c: f"text/html; charset={c}")))
def test_decoding_never_raises(data: bytes, content_type: str | None) -> None:
    assert isinstance(decode_page(data, content_type), str)


@BUDGET
@given(PRICES, st.one_of(st.none(), st.sampled_from(["EUR", "MAD", "€", "XQZ", "DH", ""])))
def test_price_strings_are_read_as_written_never_repaired(text: str, currency: str | None) -> None:
    amount, _ = markup_price(text, currency)
    parsed = parse_price(text, currency).amount
    stripped = text.strip()
    if stripped.startswith("-") and any(c.isdigit() for c in stripped) and amount is not None:
        assert amount <= 0 or not amount.is_finite()  # a minus is never dropped
    if "e" in stripped.lower() and stripped.lower().lstrip("-+").replace(".", "", 1).replace("e", "", 1).lstrip("+-").isdigit():
        assert parsed is None or amount is None or amount == parsed  # both readers agree on exponents


@BUDGET
@given(DATES)
def test_publication_timestamps_are_inside_the_window_or_none(text: str) -> None:
    moment = parse_timestamp(text)
    assert moment is None or published_problem(moment) is None


def test_coverage_guided_fuzzing_finds_no_crash(tmp_path: Path) -> None:
    """atheris mutates raw bytes guided by coverage, for a fixed number of runs (VEILLE_FUZZ_RUNS)."""
    import os
    import subprocess
    import sys

    from support import ROOT, unavailable
    try:
        import atheris  # noqa: F401
    except ImportError:
        unavailable("atheris is not installed", "pip install -r requirements-dev.txt")
    script = Path(__file__).with_name("fuzz_extractors.py")
    runs = os.environ.get("VEILLE_FUZZ_RUNS", "3000")
    done = subprocess.run([sys.executable, str(script), f"-runs={runs}", "-seed=1", "-max_len=2000", "-len_control=0",
                           f"-artifact_prefix={tmp_path}/"], cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"Done {runs} runs" in done.stderr
