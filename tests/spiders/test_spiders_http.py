"""Each spider over real HTTP against the bundled demo sites: broken HTML, wrong charsets, 404, 500,
a timeout, robots.txt, a crawler trap, and a recrawl that re-indexes nothing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from string import Template
from typing import Any

import pytest

from support import ROOT

EXPECTED = json.loads((ROOT / "demo" / "expected.json").read_text(encoding="utf-8"))


def crawl(spider: str, tmp_path: Path, sites: Any, catalogue: str | None = None, *settings: str) -> dict[str, Any]:
    path = tmp_path / "sources.yaml"
    text = catalogue or (ROOT / "sources.demo.yaml").read_text(encoding="utf-8")
    path.write_text(Template(text).safe_substitute(sites.base_urls), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), VEILLE_VAR_DIR=str(tmp_path / "var"), VEILLE_SOURCES=str(path),
               VEILLE_EXTRACT_WORKERS="1")
    env.pop("VEILLE_ELASTICSEARCH_URL", None)
    cmd = [sys.executable, "-m", "spiders.runner", spider, "--log-level", "WARNING", "--set", "DOWNLOAD_TIMEOUT=4",
           "--set", "RETRY_TIMES=0", "--set", "AUTOTHROTTLE_ENABLED=false"]
    for setting in settings:
        cmd += ["--set", setting]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])[0]


def backend_of(tmp_path: Path):  # type: ignore[no-untyped-def]
    from indexing.backends.sqlite import SqliteBackend
    backend = SqliteBackend(tmp_path / "var" / "veille.db")
    backend.setup()
    return backend


def docs(backend, kind: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [data for _, data in backend.iter_docs(kind)]


@pytest.fixture
def slow_sites():  # type: ignore[no-untyped-def]
    from demo.server import DemoSites
    with DemoSites(slow_seconds=10) as sites:
        yield sites


def test_news_spider(tmp_path: Path, slow_sites) -> None:  # type: ignore[no-untyped-def]
    record = crawl("news", tmp_path, slow_sites)
    source = record["sources"]["artisanat-info"]
    assert source.get("http_500", 0) >= 1 and source.get("http_404", 0) >= 1
    assert any(key.startswith("exc_") for key in source), source  # the slow page timed out
    assert record["robots_forbidden"] >= 1
    assert not [h for h in slow_sites.hits("news") if h[2].startswith("/private/")]
    backend = backend_of(tmp_path)
    articles = {d["url"].rsplit("/", 1)[-1]: d for d in docs(backend, "news")}
    assert len(articles) >= EXPECTED["news"]["article_count"]
    assert {d["language"] for d in articles.values()} >= {"fr", "ar", "en"}
    broken = articles["tadelakt-marrakech-plaster-buyers-abroad.html"]
    assert len(broken["text"]) > 200
    assert "dinanderie-fes-flambee-cuivre.html" in articles, (sorted(articles), record)
    assert "Fès" in articles["dinanderie-fes-flambee-cuivre.html"]["text"]  # meta charset lies
    assert "\ufffd" not in articles["vannerie-palmier-doum-filiere.html"]["text"]  # declared windows-1252

    again = crawl("news", tmp_path, slow_sites)
    assert again["indexed"].get("new", 0) == 0 and again["indexed"].get("changed", 0) == 0
    assert again["indexed"].get("unchanged", 0) >= EXPECTED["news"]["article_count"]
    assert again["http_cache"].get("hit", 0) + again["not_modified"] > 0  # conditional GET / HTTP cache


def test_fair_spider_merges_sources_and_bounds_the_calendar_trap(tmp_path: Path, demo_sites) -> None:  # type: ignore[no-untyped-def]
    catalogue = """sources:
  - id: salons
    kind: fair
    language: fr
    ical: ["${fairs}/salons.ics"]
    listings:
      - url: "${fairs}/salons/"
        link_pattern: "/salons/[\\\\w-]+/$"
        next_selector: "a[rel=next]"
      - url: "${fairs}/calendar"
        link_pattern: "/salons/[\\\\w-]+/$"
        next_selector: "a[rel=next]"
        max_pages: 1000
"""
    before = len([h for h in demo_sites.hits("fairs") if h[2].startswith("/calendar")])
    record = crawl("fairs", tmp_path, demo_sites, catalogue)
    calendar = len([h for h in demo_sites.hits("fairs") if h[2].startswith("/calendar")]) - before
    assert calendar <= 13 and record["skipped"].get("too-many-query-variants", 0) >= 1
    fairs = docs(backend_of(tmp_path), "fair")
    assert len(fairs) == EXPECTED["fairs"]["unique_count"]
    maison = [f for f in fairs if f["name"].startswith("Maison")]
    assert len(maison) == 1  # listing, detail page and iCal feed: one record
    by_name = {f["name"]: f for f in fairs}
    for expected in EXPECTED["fairs"]["fairs"]:
        match = [f for name, f in by_name.items() if expected["name"].split()[0] in name]
        assert match, expected["name"]
        assert any(f["country"] == expected["country"] for f in match), expected["name"]


def test_price_spider(tmp_path: Path, demo_sites) -> None:  # type: ignore[no-untyped-def]
    record = crawl("prices", tmp_path, demo_sites)
    assert record["sources"]["dar-artisanat-shop"].get("http_404", 0) >= 1
    offers = {d["name"]: d for d in docs(backend_of(tmp_path), "offer")}
    expected = EXPECTED["shop_jsonld"]["products"] + EXPECTED["shop_plain"]["products"]
    assert len(offers) == len(expected)
    for product in expected:
        offer = offers[product["name"]]
        assert float(offer["price"]) == float(product["price"]), product["name"]  # never the crossed-out price
        assert offer["currency"] == product["currency"]
        assert offer["price_mad"] and offer["price_eur"]
        assert offer["availability"] == ("InStock" if product["in_stock"] else "OutOfStock"), product["name"]
