"""Price comparison of one product type across shops, and one offer's price history."""
from __future__ import annotations

import statistics
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from indexing.backends.base import SearchBackend
from indexing.markets import COUNTRY_NAMES
from indexing.models import Offer, PriceObservation, document_from_dict
from indexing.price_compare import compare_groups, craft_indices
from indexing.product_groups import SIZE_CLASS_RANGES, group_key, type_label
from indexing.record_guard import valid_document, valid_documents
from indexing.query import QueryError, SearchQuery
from indexing.taxonomy import crafts
from indexing.urls import is_safe_link
from web.charts import BarChart, LineChart, bar_chart, line_chart
from web.exports import all_hits, export_format, export_response
from web.formatting import Formatter
from web.i18n import Translator
from web.listing import export_error, listing_query, listing_state
from web.lookup import find_document
from web.paging import paginate
from web.presenters import facet_views
from web.query_messages import query_messages
from web.rendering import request_language
from web.services import services
from web.access import allow, public_part

router = APIRouter(include_in_schema=False, dependencies=[allow(public_part("prices"))])
PRICES_PATH = "/prices"
OFFERS_FIXED = {"kind": "offer"}
SUMMARY_MAX_OFFERS = 300


@dataclass(frozen=True)
class OfferView:
    id: str
    offer: Offer
    shop_url: str | None


@dataclass(frozen=True)
class ShopSummary:
    shop: str
    offers: int
    minimum: Decimal
    median: Decimal
    maximum: Decimal


def price_in(offer: Offer, currency: str) -> Decimal | None:
    return offer.price_mad if currency == "MAD" else offer.price_eur


def shop_summaries(offers: list[Offer], currency: str) -> list[ShopSummary]:
    by_shop: dict[str, list[Decimal]] = {}
    for offer in offers:
        price = price_in(offer, currency)
        if price is not None:
            by_shop.setdefault(offer.shop, []).append(price)
    rows = [ShopSummary(shop, len(p), min(p), statistics.median(p), max(p)) for shop, p in by_shop.items()]
    return sorted(rows, key=lambda row: (row.median, row.shop))


def comparison_offers(backend: SearchBackend, query: SearchQuery) -> list[Offer]:
    _, hits = all_hits(backend, replace(query, sort="price"), limit=SUMMARY_MAX_OFFERS)
    return valid_documents("offer", (hit.document for hit in hits), "prices", Offer, backend)


def summary_chart(rows: list[ShopSummary], currency: str, fmt: Formatter) -> BarChart | None:
    return bar_chart([(row.shop, float(row.median)) for row in rows], lambda v: fmt.money(v, currency))


@router.get("/prices")
def prices_page(request: Request) -> Response:
    svc = services(request)
    state = listing_state(request, OFFERS_FIXED)
    t = Translator(request_language(request))
    fmt = Formatter(t)
    currency = "EUR" if state.first("currency").upper() == "EUR" else "MAD"
    context: dict[str, Any] = {
        "state": state, "error": None, "offers": [], "total": 0, "pagination": None, "facets": [],
        "summaries": [], "chart": None, "currency": currency, "compared": 0, "groups": [], "indices": [], "summary_group": None,
        "type_label": lambda tid: type_label(tid, t.language), "size_ranges": SIZE_CLASS_RANGES,
        "craft_choices": sorted(((cid, fmt.craft(cid)) for cid in crafts()), key=lambda pair: pair[1]),
        "country_choices": sorted(((c, fmt.country(c)) for c in COUNTRY_NAMES), key=lambda pair: pair[1]),
        "exports": {f: state.url(PRICES_PATH, format=f) for f in ("csv", "json")},
    }
    try:
        export = export_format(request.query_params.get("format"))
    except QueryError as exc:
        return export_error("json", str(exc))
    try:
        query = listing_query(request, state, OFFERS_FIXED, defaults={"sort": "price"})
    except QueryError as exc:
        if export:
            return export_error(export, str(exc))
        return svc.renderer.render(request, "web/prices.html", {**context, "error": query_messages(exc, t)}, status_code=400)
    if export:
        return export_response(export, svc.backend, query, "prices")
    result = svc.backend.search(query)
    offers = [OfferView(hit.id, offer, offer.url if is_safe_link(offer.url) else None)
              for hit in result.hits if isinstance(offer := valid_document("offer", hit.document, "prices", svc.backend), Offer)]
    compared = comparison_offers(svc.backend, query)
    groups = compare_groups(compared, currency)
    if groups:  # the per-shop summary never mixes groups: it covers the largest one
        compared = [offer for offer in compared if group_key(offer) == groups[0].key]
    summaries = shop_summaries(compared, currency)
    context.update(groups=groups, indices=craft_indices(groups), summary_group=groups[0] if groups else None)
    context.update(
        offers=offers, total=result.total, summaries=summaries, compared=len(compared),
        chart=summary_chart(summaries, currency, fmt),
        facets=facet_views(result.facets, state, PRICES_PATH, t, fmt, hidden=("kind", "language")),
        pagination=paginate(state, PRICES_PATH, query, result.total),
    )
    return svc.renderer.render(request, "web/prices.html", context)


def history_chart(offer: Offer, history: list[PriceObservation], currency: str, fmt: Formatter) -> LineChart | None:
    points = []
    for observation in history:
        value = observation.price_mad if currency == "MAD" else observation.price_eur
        if value is None and observation.currency == currency:
            value = observation.price
        if value is not None:
            points.append((observation.observed_at, float(value)))
    return line_chart(points, lambda v: fmt.money(v, currency), lambda m: fmt.day(m))


@router.get("/offers/{offer_id}")
def offer_page(request: Request, offer_id: str) -> Response:
    svc = services(request)
    offer = find_document(svc.backend, offer_id, Offer)
    fmt = Formatter(Translator(request_language(request)))
    currency = "EUR" if request.query_params.get("currency", "").upper() == "EUR" else "MAD"
    history = svc.backend.price_history(offer_id)
    context = {
        "item": OfferView(offer_id, offer, offer.url if is_safe_link(offer.url) else None),
        "history": history, "currency": currency,
        "chart": history_chart(offer, history, currency, fmt),
        "compare_url": PRICES_PATH + ("?" + urlencode({"craft": offer.crafts[0]}) if offer.crafts else ""),
    }
    return svc.renderer.render(request, "web/offer.html", context)
