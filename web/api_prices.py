"""GET /api/prices: like-for-like comparison of shops within product groups, and a price index per craft."""
from __future__ import annotations

from dataclasses import asdict, replace
from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.requests import Request

from indexing.models import Offer, document_from_dict
from indexing.price_compare import compare_groups, craft_indices
from indexing.query import query_from_params
from web.api import ERRORS, Many, Text, search_params
from web.exports import all_hits
from web.services import services
from web.access import allow, public_part

router = APIRouter(prefix="/api", tags=["api"])
MAX_OFFERS = 2000


@router.get("/prices", dependencies=[allow(public_part("prices"))], responses=ERRORS,
            summary="Shops compared within product groups (craft, type, size; rugs per m²) and a price index per craft")
def api_prices(request: Request, q: Text = None, craft: Many = None, country: Many = None, source: Many = None,
               currency: Annotated[str | None, Query(description="MAD (default) or EUR")] = None) -> dict[str, Any]:
    code = "EUR" if (currency or "").upper() == "EUR" else "MAD"
    query = query_from_params(search_params(q, ["offer"], craft, country, source, None, None, None, None, None,
                                            None, "price", None, None))
    _, hits = all_hits(services(request).backend, replace(query, with_facets=False), limit=MAX_OFFERS)
    offers = [o for h in hits if isinstance(o := document_from_dict("offer", h.document), Offer)]
    groups = compare_groups(offers, code)
    return {
        "currency": code, "offers": len(offers),
        "groups": [{**asdict(g), "median": str(g.median),
                    "shops": [{**asdict(s), "median": str(s.median), "index": round(s.index, 1)} for s in g.shops]}
                   for g in groups],
        "indices": [asdict(c) for c in craft_indices(groups)],
    }
