"""`veille sources check` against the bundled demo sites on loopback, and against broken sources."""
from __future__ import annotations

import os
from pathlib import Path
from string import Template

import pytest

from config import load_settings
from support import ROOT, free_port
from spiders.polite_fetch import PoliteFetcher
from spiders.source_advice import ADVICE, advice
from spiders.source_check import SourceChecker
from spiders.sources import load_catalogue, parse_source

BROKEN = """
sources:
  - {id: gone-feed, kind: news, feeds: ["${news}/no-such-feed.xml"]}
  - {id: private-area, kind: news, listings: [{url: "${news}/private/", link_pattern: "/private/"}]}
  - {id: no-prices, kind: shop, start_urls: ["${news}/"]}
  - {id: wrong-pattern, kind: news, listings: [{url: "${news}/actualites/", link_pattern: "/nothing-matches/"}]}
  - {id: closed-port, kind: news, feeds: ["http://127.0.0.1:${closed}/rss.xml"]}
"""


@pytest.fixture
def checker(tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var")})
    with PoliteFetcher(settings.user_agent) as fetcher:
        yield SourceChecker(fetcher, str(settings.rates_file), sample=3)


def codes(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.code for p in report.problems]


def test_demo_sources_are_reachable_allowed_and_extract_confidently(checker, demo_sites) -> None:  # type: ignore[no-untyped-def]
    catalogue = {s.id: s for s in load_catalogue(ROOT / "sources.demo.yaml", demo_sites.base_urls)}
    before = len(demo_sites.hits())
    news = checker.check(catalogue["artisanat-info"])
    assert news.ok and not news.problems
    assert news.robots and all(r["found"] for r in news.robots)
    feed = next(p for p in news.pages if p.role == "feed")
    assert feed.status == 200 and feed.records >= 10 and feed.links >= 10 and feed.elapsed_ms >= 0
    assert len([p for p in news.pages if p.role == "sample"]) == 3 and len(news.items) == 3
    assert news.confidence == 1.0 and all(i.title and i.details["language"] in ("fr", "ar", "en") for i in news.items)

    shop = checker.check(catalogue["dar-artisanat-shop"])
    assert shop.ok and {i.details["currency"] for i in shop.items} == {"MAD"}
    fairs = checker.check(catalogue["salons-artisanat"])
    assert fairs.ok and any(p.role == "ical" and p.records >= 1 for p in fairs.pages)
    assert all(i.details.get("start_date") for i in fairs.items)
    hits = demo_sites.hits()[before:]
    assert any(h[2] == "/robots.txt" for h in hits)
    assert not [h for h in hits if h[2].startswith("/private/")]


def test_broken_sources_say_what_to_change(checker, demo_sites) -> None:  # type: ignore[no-untyped-def]
    text = Template(BROKEN).safe_substitute({**demo_sites.base_urls, "closed": str(free_port())})
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"broken-{os.getpid()}.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        reports = {s.id: checker.check(s) for s in load_catalogue(path)}
    finally:
        path.unlink()
    assert all(not r.ok for r in reports.values())
    assert codes(reports["gone-feed"]) == ["http_error"] and reports["gone-feed"].problems[0].params["status"] == 404
    assert codes(reports["private-area"]) == ["robots_disallow"]
    assert not [h for h in demo_sites.hits() if h[2].startswith("/private/")]  # asked robots.txt, never the page
    assert codes(reports["no-prices"]) == ["no_items"]
    assert "no price" in reports["no-prices"].problems[0].params["reasons"]
    assert codes(reports["wrong-pattern"])[0] == "no_links"
    assert reports["wrong-pattern"].problems[0].params["link_pattern"] == "/nothing-matches/"
    assert codes(reports["closed-port"]) == ["unreachable"]
    wrong, change = advice("robots_disallow", reports["private-area"].problems[0].params, "fr")
    assert "/private/" in wrong and "crawlable: false" in change


def test_politeness_delay_and_user_agent(demo_sites, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var")})
    import time
    with PoliteFetcher(settings.user_agent, delay=0.4) as fetcher:
        started = time.monotonic()
        pages = [fetcher.get(demo_sites.base_urls["news"] + "/") for _ in range(3)]
        spent = time.monotonic() - started
    assert all(p.ok for p in pages) and fetcher.requests == 4  # robots.txt once, then the page three times
    assert spent >= 3 * 0.4 - 0.05  # four requests to one host: three delays between them


def test_not_crawlable_and_every_code_has_three_languages() -> None:
    source = parse_source({"id": "closed", "kind": "news", "feeds": ["https://x.example.ma/rss"], "crawlable": False,
                           "note": "paywall"}, 1)
    with PoliteFetcher("veille-test") as fetcher:
        report = SourceChecker(fetcher, "").check(source)
    assert codes(report) == ["not_crawlable"] and fetcher.requests == 0
    assert all(set(texts) == {"fr", "ar", "en"} for texts in ADVICE.values())
