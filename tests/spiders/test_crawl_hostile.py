"""`veille crawl --all` over a hostile site of our own on loopback: every good page is still indexed, with
exact counts, and every bad link, impossible value and broken record is skipped and counted per source."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hostile_site import CATALOGUE, GOOD_ARTICLE_TITLES, GOOD_FAIRS, GOOD_PRODUCTS, INJECTION_PATH, HostileSite
from support import ROOT

pytestmark = pytest.mark.timeout(300)


def test_a_hostile_site_costs_no_good_document(tmp_path: Path) -> None:
    from indexing.backends.sqlite import SqliteBackend
    from web.crawl_health import crawl_report
    with HostileSite() as site:
        catalogue = tmp_path / "sources.yaml"
        catalogue.write_text(CATALOGUE.format(url=site.url), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(ROOT), VEILLE_VAR_DIR=str(tmp_path / "var"), VEILLE_SOURCES=str(catalogue),
                   VEILLE_EXTRACT_WORKERS="1")
        env.pop("VEILLE_ELASTICSEARCH_URL", None)
        done = subprocess.run([sys.executable, "-m", "cli", "crawl", "--all", "--no-progress"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=280)
        assert done.returncode == 0, done.stderr[-3000:]
        hits = list(site.hits)
    backend = SqliteBackend(tmp_path / "var" / "veille.db")
    backend.setup()
    docs = {kind: [data for _, data in backend.iter_docs(kind)] for kind in ("news", "fair", "offer")}
    # every good page, exactly once; no mojibake, no lost page
    injection = [d for d in docs["news"] if d["url"].endswith(INJECTION_PATH)]
    assert sorted(d["title"] for d in docs["news"] if d not in injection) == sorted(GOOD_ARTICLE_TITLES)
    # the header-injection article: stored once, as one inert line; its scripts and handlers are gone
    [hostile] = injection
    assert "\r" not in hostile["title"] and "\n" not in hostile["title"] and hostile["title"].startswith("Cuir : alerte")
    assert "tanneries de Fès" in hostile["text"]
    assert not [m for m in ("<script", "alert(1)", "javascript:", "onerror") if m in hostile["text"] + hostile["title"]]
    assert all("Ã" not in d["title"] + d["text"] and "\ufffd" not in d["title"] + d["text"] for d in docs["news"])
    assert "/news/page2.html" in hits and hits.count("/news/") == 1  # the listing, also the start URL: fetched once
    assert sorted(d["name"] for d in docs["fair"]) == sorted(GOOD_FAIRS)
    assert {d["name"]: Decimal(d["price"]) for d in docs["offer"]} == {k: Decimal(v) for k, v in GOOD_PRODUCTS.items()}  # -50 and 1e30 are not prices
    bad = crawl_report(backend)["bad_input"]
    assert bad["hostile-news"]["skipped_links"] == 16  # 2 a page: 2 listing pages and 6 articles
    assert bad["hostile-news"]["rejected_reasons"] == {"date-in-future": 1}  # the feed's 9999 date
    assert bad["hostile-news"]["skipped_records"] == 2  # the feed entries without a link or with a malformed one
    assert bad["hostile-shop"]["skipped_links"] == 10
    assert bad["hostile-shop"]["rejected_reasons"] == {"price-negative": 1, "price-too-large": 1}
    assert bad["hostile-fairs"]["rejected_reasons"] == {"year-too-early": 1, "year-too-late": 1}
    assert bad["hostile-fairs"]["skipped_records"] == 1  # the event whose DTSTART is broken
    health = json.loads(json.dumps(crawl_report(backend)))  # what /health serves
    assert health["bad_input"] == bad
