"""The commands outsiders measure the product by: `veille extract` and `veille stories` (JSON Lines)."""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from config import Settings


def _print_json(obj: Any) -> None:
    from cli_tables import write_json
    write_json(obj)


# extract ---------------------------------------------------------------------------------
def read_page(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def extract_one(kind: str, data: bytes, url: str | None) -> dict[str, Any]:
    if kind == "news":
        from spiders.extract.news import extract_article
        a = extract_article(data, url)
        # `published` keeps the page's own offset (or is a bare date): a UTC shift moves evening posts a day.
        return {"title": a.title, "text": a.text, "published": a.published.isoformat() if a.published else None,
                "language": a.language, "author": a.author}
    if kind == "offer":
        from spiders.extract.offers import extract_offer
        o = extract_offer(data, url)
        return {"name": o.name, "price": str(o.price) if o.price is not None else None,
                "list_price": str(o.list_price) if o.list_price is not None else None, "currency": o.currency,
                "availability": o.availability, "sku": o.sku, "brand": o.brand}
    from spiders.extract.fairs import extract_fairs, parse_ical
    fairs = parse_ical(data) if data.lstrip()[:15].upper().startswith(b"BEGIN:VCALENDAR") else extract_fairs(data, url)
    return {"fairs": [{"name": f.name, "start_date": f.start_date.isoformat() if f.start_date else None,
                       "end_date": f.end_date.isoformat() if f.end_date else None, "city": f.city,
                       "country": f.country, "venue": f.venue, "crafts": list(f.crafts or []),
                       "organizer": f.organizer, "website": f.website,
                       "registration_deadline": f.registration_deadline.isoformat() if f.registration_deadline else None,
                       "series": f.series, "edition": f.edition, "status": f.status,
                       "year_basis": f.year_basis} for f in fairs]}


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    failures = 0
    for name in args.files:
        path = Path(name)
        try:
            result = extract_one(args.kind, read_page(path), args.url)
        except Exception as exc:  # one bad file must not abort the batch
            failures += 1
            result = {"file": name, "error": f"{type(exc).__name__}: {exc}"[:500]}
        else:
            result = {"file": name, **result}
        _print_json(result)
    return 1 if failures == len(args.files) else 0


# stories ---------------------------------------------------------------------------------
def stories_of_records(records: Sequence[Any]) -> list[dict[str, str]]:
    """`{"id", "story"}` per valid record, in input order; a bad record is named on stderr and skipped."""
    from alerts.stories import cluster_articles
    from alerts.story_profile import BadArticle, article_from_json

    articles = []
    seen: set[str] = set()
    for position, record in enumerate(records, start=1):
        try:
            article = article_from_json(record)
            if article.id in seen:
                raise BadArticle(f"record {article.id!r}: the id is used twice")
        except BadArticle as exc:
            print(f"record {position} skipped: {exc}", file=sys.stderr)
            continue
        seen.add(article.id)
        articles.append(article)
    return [{"id": a.id, "story": story} for a, story in zip(articles, cluster_articles(articles))]


def cmd_stories(args: argparse.Namespace, settings: Settings) -> int:
    try:
        records = json.loads(read_page(Path(args.file)).decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, EOFError, gzip.BadGzipFile) as exc:
        print(f"cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    if not isinstance(records, list):
        print(f"{args.file}: expected a JSON list of articles", file=sys.stderr)
        return 2
    for line in stories_of_records(records):
        _print_json(line)
    return 0
