"""The JSON API: the same filters as the pages, errors as {"error": message} with 400 or 404."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel
from starlette.requests import Request

from indexing.models import Offer
from indexing.query import SearchResult, query_from_params
from web.crawl_health import last_crawl_per_source
from web.lookup import find_document
from web.paging import check_result_window
from web.services import services
from web.access import ADVISOR, allow, public_part

router = APIRouter(prefix="/api", tags=["api"])


class ApiError(BaseModel):
    error: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ApiError, "description": "Bad input; `error` says what to fix"},
    404: {"model": ApiError, "description": "Unknown id"},
}


class ApiHit(BaseModel):
    id: str
    kind: str
    score: float
    document: dict[str, Any]
    highlights: dict[str, str]


class SearchResponse(BaseModel):
    total: int
    page: int
    per_page: int
    took_ms: float
    results: list[ApiHit]
    facets: dict[str, dict[str, int]]


Text = Annotated[str | None, Query()]
Many = Annotated[list[str] | None, Query()]


def search_params(q: str | None, kind: list[str] | None, craft: list[str] | None, country: list[str] | None,
                  source: list[str] | None, lang: list[str] | None, date_from: str | None, date_to: str | None,
                  price_min: str | None, price_max: str | None, currency: str | None, sort: str | None,
                  page: str | None, per_page: str | None) -> dict[str, object]:
    params = {"q": q, "kind": kind, "craft": craft, "country": country, "source": source, "lang": lang,
              "from": date_from, "to": date_to, "price_min": price_min, "price_max": price_max,
              "currency": currency, "sort": sort, "page": page, "per_page": per_page}
    return {k: v for k, v in params.items() if v not in (None, [], "")}


def search_response(result: SearchResult) -> dict[str, Any]:
    query = result.query
    return {
        "total": result.total, "page": query.page, "per_page": query.per_page, "took_ms": round(result.took_ms, 2),
        "results": [{"id": h.id, "kind": h.kind, "score": h.score, "document": h.document, "highlights": h.highlights}
                    for h in result.hits],
        "facets": result.facets,
    }


@router.get("/search", dependencies=[allow(public_part("search"))], response_model=SearchResponse, responses=ERRORS,
            summary="Search news, fairs and offers with filters and facets")
def api_search(request: Request, q: Text = None, kind: Many = None, craft: Many = None, country: Many = None,
               source: Many = None,
               lang: Annotated[list[str] | None, Query(description="Document language (fr, ar, en...)")] = None,
               date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
               date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
               price_min: Text = None, price_max: Text = None,
               currency: Annotated[str | None, Query(description="MAD or EUR: the currency of price_min/price_max")] = None,
               sort: Annotated[str | None, Query(description="relevance, date, -date, price or -price")] = None,
               page: Text = None, per_page: Text = None) -> dict[str, Any]:
    query = query_from_params(search_params(q, kind, craft, country, source, lang, date_from, date_to,
                                            price_min, price_max, currency, sort, page, per_page))
    check_result_window(query)
    return search_response(services(request).backend.search(query))


@router.get("/fairs", dependencies=[allow(public_part("fairs"))], response_model=SearchResponse, responses=ERRORS,
            summary="Upcoming trade fairs (from today unless `from` is given), soonest first")
def api_fairs(request: Request, q: Text = None, craft: Many = None, country: Many = None,
              date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD, default today")] = None,
              date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
              page: Text = None, per_page: Text = None) -> dict[str, Any]:
    params = search_params(q, ["fair"], craft, country, None, None, date_from or date.today().isoformat(), date_to,
                           None, None, None, "-date", page, per_page)
    query = query_from_params(params)
    check_result_window(query)
    return search_response(services(request).backend.search(query))


@router.get("/offers/{offer_id}/history", dependencies=[allow(public_part("prices"))], responses=ERRORS, summary="An offer and its price observations, oldest first")
def api_offer_history(request: Request, offer_id: str) -> dict[str, Any]:
    backend = services(request).backend
    offer = find_document(backend, offer_id, Offer)
    history = backend.price_history(offer_id)
    return {"offer": {"id": offer_id, **offer.model_dump(mode="json")},
            "history": [o.model_dump(mode="json") for o in history]}


@router.get("/sources", dependencies=[allow(ADVISOR)], summary="The source catalogue with each source's last crawl statistics")
def api_sources(request: Request) -> dict[str, Any]:
    svc = services(request)
    last = last_crawl_per_source(svc.backend.records.list("crawlstats", limit=500))
    catalogue: list[dict[str, Any]] = []
    from spiders.catalogue import source_store
    stored = source_store(svc.settings, svc.backend).all()  # the backend's catalogue, seeded from VEILLE_SOURCES
    if stored:
        for source in stored:
            catalogue.append({
                "id": source.id, "kind": source.kind, "name": source.name, "spider": source.spider,
                "enabled": source.enabled, "language": source.language, "country": source.country,
                "crafts": list(source.crafts), "schedule": source.schedule, "entry_urls": source.entry_urls(),
                "last_crawl": last.pop(source.id, None),
            })
    # Sources crawled but no longer in the catalogue are still worth seeing.
    catalogue.extend({"id": sid, "in_catalogue": False, "last_crawl": stats} for sid, stats in sorted(last.items()))
    return {"catalogue_file": str(svc.settings.sources_file), "catalogue_found": bool(stored), "sources": catalogue}
