"""Ground truth of the demo sites, for end-to-end tests.

``ground_truth()`` is what demo/expected.json holds: every date is a day
offset from the server's ``today``.  ``ground_truth(today)`` adds absolute
ISO dates.  Regenerate the JSON file with ``python -m demo.expected``
(tests/demo checks it is in sync with the site data).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections import Counter
from pathlib import Path

from demo.sites import news as news_site
from demo.sites.fairs_data import FAIRS, LISTED, PER_PAGE
from demo.sites.news_data import ARTICLES
from demo.sites.shop_data import SHOP_JSONLD, SHOP_PLAIN, decimal
from demo.sites.shop_plain import url_of

EXPECTED_JSON = Path(__file__).with_name("expected.json")


def _iso(today, off):
    return (today + _dt.timedelta(days=off)).isoformat() if today is not None and off is not None else None


def ground_truth(today: _dt.date | None = None) -> dict:
    normal = [a for a in ARTICLES if a.edge is None]
    articles = []
    for a in sorted(ARTICLES, key=lambda a: (a.offset, a.hour, a.minute), reverse=True):
        row = {"path": a.path, "lang": a.lang, "title": a.title, "author": a.author, "category": a.category,
               "published_offset": a.offset, "published_time": f"{a.hour:02d}:{a.minute:02d}:00+01:00",
               "in_feed": a.in_feed, "edge": a.edge}
        if today is not None:
            row["published"] = _iso(today, a.offset)
        articles.append(row)

    fairs = []
    for f in sorted(FAIRS, key=lambda f: (f.start, f.slug)):
        row = {"slug": f.slug, "name": f.name, "local_name": f.local_name or None, "city": f.city,
               "country": f.country, "venue": f.venue, "organizer": f.organizer,
               "start_offset": f.start, "end_offset": f.end, "deadline_offset": f.deadline,
               "format": f.fmt, "lang": f.lang, "crafts": list(f.crafts),
               "detail_path": f"/salons/{f.slug}/" if f.listed else None,
               "listing_page": (f"/salons/" if LISTED.index(f) < PER_PAGE else "/salons/page/2/") if f.listed else None,
               "in_ical": f.in_ical}
        if today is not None:
            row.update(start=_iso(today, f.start), end=_iso(today, f.end), deadline=_iso(today, f.deadline))
        fairs.append(row)

    def product(p, path):
        return {"path": path, "name": p.name, "price": decimal(p.price), "currency": p.currency,
                "old_price": decimal(p.old_price) if p.old_price else None, "in_stock": p.in_stock,
                "sku": p.sku, "brand": p.brand, "lang": p.lang}

    return {
        "_doc": "Ground truth of demo/server.py. Offsets are days relative to DemoSites(today=...). "
                "Regenerate with: python -m demo.expected",
        "today": today.isoformat() if today else None,
        "news": {
            "home": "/", "rss": "/rss.xml", "atom": "/atom.xml", "sitemap": "/sitemap.xml",
            "feed_items": sum(a.in_feed for a in ARTICLES),
            "articles_by_lang": dict(sorted(Counter(a.lang for a in normal).items())),
            "articles_by_lang_including_edge": dict(sorted(Counter(a.lang for a in ARTICLES).items())),
            "article_count": len(normal), "article_count_including_edge": len(ARTICLES),
            "listing": ["/actualites/"] + [f"/actualites/page/{p}/" for p in
                                           range(2, -(-len(ARTICLES) // news_site.LISTING_PER_PAGE) + 1)],
            "categories": {c: f"/categorie/{c}/" for c in news_site.CATEGORIES},
            "articles": articles,
            "edge_pages": {
                "windows_1252_declared": "/fr/articles/vannerie-palmier-doum-filiere.html",
                "meta_charset_lies": "/fr/articles/dinanderie-fes-flambee-cuivre.html",
                "no_charset_anywhere": "/ar/articles/zellige-fassi-hirfa-ajyal.html",
                "broken_html": "/en/articles/tadelakt-marrakech-plaster-buyers-abroad.html",
                "http_500": news_site.EDGE_PATHS["server_error"],
                "http_404_linked": news_site.EDGE_PATHS["not_found"],
                "slow": news_site.EDGE_PATHS["slow"],
                "robots_disallowed": news_site.EDGE_PATHS["private"],
                "huge_5mb": news_site.EDGE_PATHS["huge"],
            },
        },
        "fairs": {
            "home": "/", "listing_pages": ["/salons/", "/salons/page/2/"], "ical": "/salons.ics",
            "sitemap": "/sitemap.xml", "calendar_trap": "/calendar?month=YYYY-MM",
            "robots_disallowed": "/private/exposants/",
            "listed_count": len(LISTED), "ical_count": sum(f.in_ical for f in FAIRS),
            "unique_count": len(FAIRS),
            "in_listing_and_ical": [f.slug for f in FAIRS if f.listed and f.in_ical],
            "fairs": fairs,
        },
        "shop_jsonld": {
            "home": "/", "listing_pages": ["/boutique/", "/boutique/page/2/"], "sitemap": "/sitemap.xml",
            "currency": "MAD", "price_format": "1\u00a0250,00\u00a0DH",
            "http_404_linked": "/produit/plateau-cuivre-grave/", "robots_disallowed": "/private/fournisseurs/",
            "products": [product(p, f"/produit/{p.slug}/") for p in SHOP_JSONLD],
        },
        "shop_plain": {
            "home": "/", "listing_pages": ["/catalogue/", "/catalogue/?page=2", "/en/shop/"],
            "currency": "EUR", "price_format": {"fr": "1 290,00 €", "en": "€349.00"},
            "http_404_linked": "/produits/plateau-cuivre-martele.html", "robots_disallowed": "/private/admin/",
            "products": [product(p, url_of(p)) for p in SHOP_PLAIN],
        },
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m demo.expected")
    ap.add_argument("--today", type=_dt.date.fromisoformat, help="print with absolute dates for this day")
    ap.add_argument("--check", action="store_true", help="exit 1 if demo/expected.json is stale")
    args = ap.parse_args(argv)
    if args.today:
        json.dump(ground_truth(args.today), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    text = json.dumps(ground_truth(), ensure_ascii=False, indent=2) + "\n"
    if args.check:
        return 0 if EXPECTED_JSON.read_text(encoding="utf-8") == text else 1
    EXPECTED_JSON.write_text(text, encoding="utf-8")
    print(f"wrote {EXPECTED_JSON}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
