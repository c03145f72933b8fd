"""A small sample of the real-data corpus, so CI notices when an extractor regresses on real pages."""
from __future__ import annotations

import gzip
import json
import os
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from spiders.extract.fairs import extract_fairs
from spiders.extract.feeds import parse_feed
from spiders.extract.news import extract_article
from spiders.extract.offers import extract_offer

REPO = Path(__file__).resolve().parents[3]


def _corpus() -> Path | None:
    for candidate in (os.environ.get("VEILLE_REALDATA"), REPO.parent / "shared" / "realdata", "/work/shared/realdata"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


CORPUS = _corpus()
pytestmark = pytest.mark.skipif(CORPUS is None, reason="real-data corpus absent (../shared/realdata or $VEILLE_REALDATA)")


def _shingle_f1(predicted: str, expected: str) -> float:
    def shingles(text: str) -> Counter[tuple[str, ...]]:
        tokens = re.findall(r"\w+", text)
        return Counter(tuple(tokens[i:i + 4]) for i in range(max(0, len(tokens) - 3)))

    pred, true = shingles(predicted), shingles(expected)
    overlap = sum((pred & true).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(true.values())
    return 2 * precision * recall / (precision + recall)


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_article_bodies() -> None:
    assert CORPUS is not None
    folder = CORPUS / "article-extraction-benchmark"
    truth = _json(folder / "ground-truth.json")
    scores = []
    for page_id in sorted(truth)[:6]:
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        article = extract_article(html, truth[page_id]["url"])
        scores.append(_shingle_f1(article.text, truth[page_id]["articleBody"]))
        assert article.title and "\n" not in article.title
    assert sum(scores) / len(scores) > 0.85


def test_publication_dates() -> None:
    assert CORPUS is not None
    folder = CORPUS / "htmldate-eval"
    cases = _json(folder / "eval_mediacloud_2020.json")
    locations = _json(folder / "page-locations.json")
    hits = 0
    sample = sorted(cases)[:8]
    for url in sample:
        html = gzip.decompress((folder / locations[f"eval_mediacloud_2020.json::{url}"]).read_bytes())
        article = extract_article(html, url)
        hits += article.published_date is not None and article.published_date.isoformat() == cases[url]["date"]
    assert hits >= 6


def test_product_prices() -> None:
    assert CORPUS is not None
    folder = CORPUS / "product-extraction-benchmark"
    truth = _json(folder / "ground-truth.json")
    with_price = [k for k in sorted(truth) if truth[k].get("price")][:8]
    hits = 0
    for page_id in with_price:
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        offer = extract_offer(html, truth[page_id]["url"])
        hits += offer.price is not None and offer.price in {Decimal(p) for p in truth[page_id]["price"]}
    assert hits >= 6


def test_trade_fair_texts() -> None:
    assert CORPUS is not None
    records = {r["id"]: r for r in _json(CORPUS / "trade-fairs" / "announcements.json")}
    record = records["tf-008"]
    fairs = extract_fairs(record["text"], record["url"], record["language"])
    expected = record["expected"][0]
    assert any(f.start_date and f.start_date.isoformat() == expected["start_date"] for f in fairs)


def test_rss_feed() -> None:
    assert CORPUS is not None
    folder = CORPUS / "rss-parser-feeds"
    expected = _json(folder / "output" / "heise.json")["feed"]["items"]
    entries = parse_feed((folder / "input" / "heise.atom").read_bytes(), None)
    assert [e.title for e in entries] == [" ".join(i["title"].split()) for i in expected]


def test_schema_org_event_page() -> None:
    assert CORPUS is not None
    html = gzip.decompress((CORPUS / "extruct-samples" / "real" / "songkick" / "tovestyrke.html.gz").read_bytes())
    (fair,) = extract_fairs(html, "https://www.songkick.com/concerts/30166884")
    assert (fair.name, str(fair.start_date), fair.city, fair.country) == ("Tove Styrke", "2017-06-12", "London", "GB")
