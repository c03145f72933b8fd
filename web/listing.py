"""Reading a result list's URL into a query, shared by the search, fairs, prices and news pages."""
from __future__ import annotations

from typing import Mapping

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from indexing.query import SearchQuery, query_from_params
from web.filters import SearchState
from web.paging import check_result_window


def listing_state(request: Request, fixed: Mapping[str, str] | None = None) -> SearchState:
    return SearchState.from_query(request.query_params, fixed)


def listing_query(request: Request, state: SearchState, fixed: Mapping[str, str] | None = None,
                  defaults: Mapping[str, str] | None = None) -> SearchQuery:
    """Raises QueryError with a reader-facing message; `fixed` values cannot be overridden by the URL."""
    params: dict[str, object] = dict(defaults or {})
    params.update(state.query_params(page=request.query_params.get("page"), fixed=fixed))
    query = query_from_params(params)
    check_result_window(query)
    return query


def export_error(fmt: str, message: str) -> Response:
    if fmt == "json":
        return JSONResponse({"error": message}, status_code=400)
    return PlainTextResponse(message, status_code=400)
