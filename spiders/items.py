"""Turn extractor output into stored models; the only place that knows both shapes."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from pydantic import ValidationError

from indexing.markets import tag_countries
from indexing.models import Document, NewsArticle, Offer, TradeFair, now_utc
from indexing.plausibility import Implausible
from indexing.taxonomy import tag_crafts
from indexing.urls import is_safe_link
from spiders.extract.language import detect_language
from spiders.sources import Source

log = logging.getLogger(__name__)


@dataclass
class Scraped:
    """The item every spider yields: one validated document, where it came from, and its index form."""
    document: Document
    source_id: str
    indexed: Any = None


class Rejected(ValueError):
    """A page or record that makes no document; `code` names an implausible value (plausibility.py)."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


def _get(obj: Any, name: str) -> Any:
    return getattr(obj, name, None)


def trusted_canonical(candidate: Any, page_url: str) -> str:
    """A page's declared canonical URL, if it is a real http(s) URL on the same host; else the page URL."""
    from urllib.parse import urlsplit
    if not isinstance(candidate, str) or not is_safe_link(candidate):
        return page_url
    declared, actual = urlsplit(candidate), urlsplit(page_url)
    if declared.hostname != actual.hostname or declared.path.rstrip("/").rsplit("/", 1)[-1].lower() in ("none", "null", "undefined"):
        return page_url
    return candidate


def _build(model: type[Document], **fields: Any) -> Document:
    try:
        return model(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        cause = (first.get("ctx") or {}).get("error")
        raise Rejected(f"{model.__name__}: {'.'.join(map(str, first['loc'])) or 'item'}: {first['msg']}",
                       cause.code if isinstance(cause, Implausible) else None) from None


def article_document(extracted: Any, source: Source, url: str, fallback: dict[str, Any] | None = None) -> NewsArticle:
    fallback = fallback or {}
    title = _get(extracted, "title") or fallback.get("title")
    text = _get(extracted, "text") or fallback.get("summary") or ""
    if not title or len(text) < 40:
        raise Rejected("no article body found")
    crafts = tag_crafts(title, text) or list(source.crafts)
    countries = tag_countries(title, text) or ([source.country] if source.country else [])
    published = _as_datetime(_get(extracted, "published") or fallback.get("published"))
    return _build(  # type: ignore[return-value]
        NewsArticle, url=trusted_canonical(_get(extracted, "canonical_url"), url), source=source.id, title=title, text=text[:200_000],
        summary=_get(extracted, "summary") or text[:300], author=_get(extracted, "author") or fallback.get("author"),
        published_at=published, language=_get(extracted, "language") or source.language,
        crafts=crafts, countries=countries)


def document_language(title: str, text: str | None, source_language: str | None) -> str | None:
    """The language of this document's own words; the source's language only guides short texts
    (an English fair page of a French site is English)."""
    return detect_language(f"{title}\n{text or ''}", source_language) or source_language


def _as_datetime(value: Any) -> datetime | None:
    """The page's own timestamp kept as written; a bare day becomes its midnight (UTC)."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    return None


def fair_document(extracted: Any, source: Source, url: str) -> TradeFair:
    start = _get(extracted, "start_date")
    # The name as the page writes it; the record's id comes from the series, so "NY NOW" and "New York
    # International Gift Fair" still merge into one edition.
    name = _get(extracted, "name")
    if not name or not isinstance(start, date):
        raise Rejected("fair without a name or a start date")
    description = _get(extracted, "description")
    crafts = list(_get(extracted, "crafts") or []) or tag_crafts(name, description) or list(source.crafts)
    country = _get(extracted, "country")
    return _build(  # type: ignore[return-value]
        TradeFair, url=trusted_canonical(_get(extracted, "url"), url), source=source.id, name=name, start_date=start,
        end_date=_get(extracted, "end_date"), city=_get(extracted, "city"), country=country,
        venue=_get(extracted, "venue"), organizer=_get(extracted, "organizer"),
        registration_deadline=_get(extracted, "registration_deadline"), description=(description or "")[:20_000] or None,
        website=_get(extracted, "website"), edition=_get(extracted, "edition"),
        status=_get(extracted, "status") or "scheduled", year_basis=_get(extracted, "year_basis") or "explicit",
        series=_get(extracted, "series"),
        language=document_language(name, description, source.language), crafts=crafts,
        countries=[country] if country else [])


def offer_document(extracted: Any, source: Source, url: str, observed_at: datetime | None = None) -> Offer:
    name = _get(extracted, "name")
    if not name:
        raise Rejected("no product name found")
    price = _get(extracted, "price")
    currency = _get(extracted, "currency") if price is not None else None
    description = _get(extracted, "description")
    crafts = tag_crafts(name, description) or list(source.crafts)
    return _build(  # type: ignore[return-value]
        Offer, url=trusted_canonical(_get(extracted, "canonical_url"), url), source=source.id,
        shop=source.display_name or source.name, name=name,
        price=price, list_price=_get(extracted, "list_price") if price is not None else None, currency=currency,
        availability=_get(extracted, "availability"), sku=_get(extracted, "sku"),
        brand=_get(extracted, "brand"), description=(description or "")[:20_000] or None,
        language=document_language(name, description, source.language),
        crafts=crafts, countries=[source.country] if source.country else [], observed_at=observed_at or now_utc())
