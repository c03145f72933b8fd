"""The large generated site used by the crawler benchmarks (demo/bigsite.py)."""
from __future__ import annotations

import re
import urllib.request

from demo.bigsite import BigSite, bench


def get(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, r.headers, r.read()


def test_all_pages_reachable_and_realistic():
    with BigSite(n_pages=130, per_listing=50) as site:
        status, _, home = get(site.base_url + "/")
        listings = re.findall(r'href="(/list/\d+/)"', home.decode())
        assert sorted(set(listings)) == sorted(site.listing_paths) and len(site.listing_paths) == 3
        found = set()
        for path in site.listing_paths:
            found.update(re.findall(r'href="(/article/[^"]+)"', get(site.base_url + path)[2].decode()))
        assert found >= set(site.article_paths) and len(site.article_paths) == 130
        sizes = [len(site.pages[p].body) for p in site.article_paths]
        assert 14_000 <= min(sizes) and max(sizes) <= 42_000
        status, headers, body = get(site.base_url + site.article_paths[7])
        assert status == 200 and headers["ETag"] and headers["Content-Type"] == "text/html; charset=utf-8"
        assert b"<footer" in body and b"<nav" in body and body.count(b"<p>") >= 8


def test_deterministic():
    a, b = BigSite(n_pages=20, seed=7), BigSite(n_pages=20, seed=7)
    assert {p: r.body for p, r in a.pages.items()} == {p: r.body for p, r in b.pages.items()}
    c = BigSite(n_pages=20, seed=8)
    assert a.pages[a.article_paths[0]].body != c.pages[c.article_paths[0]].body


def test_serves_fast_enough():
    with BigSite(n_pages=50) as site:
        # generous floor (client and server share one interpreter here; ~3000+ req/s is typical)
        assert bench(site.base_url, ["/robots.txt"], seconds=1.0, concurrency=8) > 300
