"""The search page: text, facets, dates, prices, sort, pages, exports and saving the search."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from indexing.query import SORTS, QueryError
from web.exports import export_format, export_response
from web.filters import SearchState
from web.facet_counts import disjunctive_facets
from web.formatting import Formatter
from web.i18n import Translator
from web.listing import export_error, listing_query, listing_state
from web.paging import paginate
from web.story_hits import clustered
from web.presenters import active_filters, facet_views, hit_views
from web.query_messages import query_messages
from web.rendering import request_language
from web.services import services
from web.access import PUBLIC, CurrentPrincipal, allow, public_part

router = APIRouter(include_in_schema=False)
SEARCH_PATH = "/search"
SEARCH_RULE = public_part("search")


ADVANCED_PARAMS = ("from", "to", "price_min", "price_max")


def default_sort(state: SearchState) -> str:
    """Relevance ranks matches of a text; browsing without one shows the newest first."""
    return "relevance" if state.first("q") else "date"


def export_links(state: SearchState, path: str) -> dict[str, str]:
    return {fmt: state.url(path, format=fmt) for fmt in ("csv", "json")}


@router.get("/", dependencies=[allow(PUBLIC)])
def home(request: Request, who: CurrentPrincipal) -> Response:
    """The search for whoever may search; the fair calendar for the public otherwise (not a login form)."""
    if who.role < SEARCH_RULE.needed(services(request).settings):
        return RedirectResponse("/fairs", status_code=303)
    return search_page(request)


@router.get("/search", dependencies=[allow(SEARCH_RULE)])
@router.get("/export.csv", dependencies=[allow(SEARCH_RULE)])
def search_page(request: Request) -> Response:
    svc = services(request)
    state = listing_state(request)
    t = Translator(request_language(request))
    fmt = Formatter(t)
    try:
        export = "csv" if request.url.path == "/export.csv" else export_format(request.query_params.get("format"))
    except QueryError as exc:
        return export_error("json", str(exc))
    context: dict[str, Any] = {"state": state, "sorts": SORTS, "exports": export_links(state, SEARCH_PATH),
               "saved_query": state.query_string(), "default_sort": default_sort(state),
               "advanced_open": any(state.first(n) for n in ADVANCED_PARAMS), "error": None, "result": None, "hits": [],
               "facets": [], "active": active_filters(state, SEARCH_PATH, t, fmt), "pagination": None}
    try:
        query = listing_query(request, state, defaults={"sort": default_sort(state)})
    except QueryError as exc:
        if export:
            return export_error(export, str(exc))
        return svc.renderer.render(request, "web/search.html", {**context, "error": query_messages(exc, t)}, status_code=400)
    if export:
        return export_response(export, svc.backend, query, "search")
    result = svc.backend.search(query)
    context.update(
        result=result,
        hits=clustered(hit_views(result.hits, svc.backend, "search"), t.language),
        facets=facet_views(disjunctive_facets(svc.backend, query, result), state, SEARCH_PATH, t, fmt),
        pagination=paginate(state, SEARCH_PATH, query, result.total),
    )
    return svc.renderer.render(request, "web/search.html", context)
