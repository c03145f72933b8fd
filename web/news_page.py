"""The news reader: the latest articles, filterable, and each article as escaped paragraphs."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from indexing.models import NewsArticle
from indexing.query import QueryError
from indexing.urls import is_safe_link
from web.exports import export_format, export_response
from web.formatting import Formatter
from web.i18n import Translator
from web.listing import export_error, listing_query, listing_state
from web.lookup import find_document
from web.paging import paginate
from web.story_hits import clustered
from web.presenters import active_filters, facet_views, hit_views
from web.query_messages import query_messages
from web.rendering import request_language
from web.services import services
from web.access import allow, public_part

router = APIRouter(include_in_schema=False, dependencies=[allow(public_part("news"))])
NEWS_PATH = "/news"
NEWS_FIXED = {"kind": "news"}


@router.get("/news")
def news_page(request: Request) -> Response:
    svc = services(request)
    state = listing_state(request, NEWS_FIXED)
    t = Translator(request_language(request))
    fmt = Formatter(t)
    context: dict[str, Any] = {"state": state, "error": None, "hits": [], "total": 0, "pagination": None, "facets": [],
               "active": active_filters(state, NEWS_PATH, t, fmt),
               "exports": {f: state.url(NEWS_PATH, format=f) for f in ("csv", "json")}}
    try:
        export = export_format(request.query_params.get("format"))
    except QueryError as exc:
        return export_error("json", str(exc))
    try:
        query = listing_query(request, state, NEWS_FIXED, defaults={"sort": "date"})
    except QueryError as exc:
        if export:
            return export_error(export, str(exc))
        return svc.renderer.render(request, "web/news.html", {**context, "error": query_messages(exc, t)}, status_code=400)
    if export:
        return export_response(export, svc.backend, query, "news")
    result = svc.backend.search(query)
    context.update(
        hits=clustered(hit_views(result.hits, svc.backend, "news"), t.language), total=result.total,
        facets=facet_views(result.facets, state, NEWS_PATH, t, fmt, hidden=("kind",)),
        pagination=paginate(state, NEWS_PATH, query, result.total),
    )
    return svc.renderer.render(request, "web/news.html", context)


@router.get("/news/{article_id}")
def article_page(request: Request, article_id: str) -> Response:
    svc = services(request)
    article = find_document(svc.backend, article_id, NewsArticle)
    source_url = article.url if is_safe_link(article.url) else None
    return svc.renderer.render(request, "web/article.html", {"article": article, "source_url": source_url})
