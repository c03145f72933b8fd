"""The fair calendar: upcoming fairs by month, filtered by craft and country, with an iCal export."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from alerts.ical import fairs_to_ics
from indexing.markets import COUNTRY_NAMES
from indexing.backends.base import SearchBackend
from indexing.models import TradeFair
from indexing.record_guard import valid_document
from indexing.query import Hit, QueryError, SearchQuery
from indexing.taxonomy import crafts
from indexing.urls import is_safe_link
from web.exports import all_hits, attachment, export_format, export_response
from web.filters import SearchState
from web.formatting import Formatter
from web.i18n import Translator
from web.listing import export_error, listing_query, listing_state
from web.lookup import find_document
from web.paging import paginate
from web.presenters import HitView, hit_views
from web.query_messages import query_messages
from web.rendering import request_language
from web.services import services
from web.source_names import source_name
from web.access import allow, public_part

router = APIRouter(include_in_schema=False, dependencies=[allow(public_part("fairs"))])
FAIRS_PATH = "/fairs"
ICS_MAX_FAIRS = 1_000
MENTIONS_SHOWN = 8


def upcoming_filter(today: date | None = None) -> dict[str, str]:
    return {"kind": "fair", "from": (today or date.today()).isoformat(), "sort": "-date"}


@dataclass(frozen=True)
class SourceLink:
    name: str
    url: str | None  # None when the scraped address is not http(s)


@dataclass(frozen=True)
class FairView:
    id: str
    fair: TradeFair
    sources: list[SourceLink]
    days_to_start: int
    days_to_deadline: int | None
    alert_url: str

    @property
    def ics_url(self) -> str:
        return f"/fairs/{self.id}.ics"


@dataclass(frozen=True)
class MonthGroup:
    label: str
    fairs: list[FairView]


def alert_url(fair: TradeFair) -> str:
    """The subscribe form, prefilled with what the fair is about (its crafts, its country)."""
    pairs = [("craft", c) for c in fair.crafts] + ([("country", fair.country)] if fair.country else [])
    return "/subscribe" + ("?" + urlencode(pairs) if pairs else "")


def fair_view(fair_id: str, fair: TradeFair, today: date | None = None) -> FairView:
    today = today or date.today()
    links = [SourceLink(source_name(s.source), s.url if is_safe_link(s.url) else None) for s in fair.sources]
    deadline = fair.registration_deadline
    return FairView(fair_id, fair, links, (fair.start_date - today).days,
                    (deadline - today).days if deadline else None, alert_url(fair))


def fairs_from_hits(hits: list[Hit], backend: SearchBackend, where: str) -> list[tuple[str, TradeFair]]:
    """(id, fair) of every hit whose stored record is a valid fair; the others are skipped and counted."""
    return [(hit.id, fair) for hit in hits if isinstance(fair := valid_document("fair", hit.document, where, backend), TradeFair)]


def by_month(views: list[FairView], fmt: Formatter) -> list[MonthGroup]:
    groups = groupby(views, key=lambda v: (v.fair.start_date.year, v.fair.start_date.month))
    return [MonthGroup(fmt.month(date(year, month, 1)), list(items)) for (year, month), items in groups]


def country_choices(state: SearchState, fmt: Formatter) -> list[tuple[str, str]]:
    codes = set(COUNTRY_NAMES) | set(state.values("country"))
    return sorted(((code, fmt.country(code)) for code in codes), key=lambda pair: pair[1])


@router.get("/fairs")
def fairs_page(request: Request) -> Response:
    svc = services(request)
    fixed = upcoming_filter()
    state = listing_state(request, fixed)
    t = Translator(request_language(request))
    fmt = Formatter(t)
    context: dict[str, Any] = {
        "state": state, "error": None, "months": [], "total": 0, "pagination": None,
        "craft_choices": sorted(((cid, fmt.craft(cid)) for cid in crafts()), key=lambda pair: pair[1]),
        "country_choices": country_choices(state, fmt),
        "ics_url": state.url("/fairs.ics"),
        "exports": {f: state.url(FAIRS_PATH, format=f) for f in ("csv", "json")},
    }
    try:
        export = export_format(request.query_params.get("format"))
    except QueryError as exc:
        return export_error("json", str(exc))
    try:
        query = listing_query(request, state, fixed, defaults={"per_page": "100"})
    except QueryError as exc:
        if export:
            return export_error(export, str(exc))
        return svc.renderer.render(request, "web/fairs.html", {**context, "error": query_messages(exc, t)}, status_code=400)
    if export:
        return export_response(export, svc.backend, query, "fairs")
    result = svc.backend.search(query)
    views = [fair_view(fair_id, fair) for fair_id, fair in fairs_from_hits(result.hits, svc.backend, "fairs")]
    context.update(months=by_month(views, fmt), total=result.total,
                   pagination=paginate(state, FAIRS_PATH, query, result.total))
    return svc.renderer.render(request, "web/fairs.html", context)


@router.get("/fairs.ics")
def fairs_calendar(request: Request) -> Response:
    svc = services(request)
    fixed = upcoming_filter()
    state = listing_state(request, fixed)
    try:
        query = listing_query(request, state, fixed)
    except QueryError as exc:
        return export_error("csv", str(exc))
    _, hits = all_hits(svc.backend, query, limit=ICS_MAX_FAIRS)
    title = Translator(request_language(request))("fairs_title")
    body = fairs_to_ics([fair for _, fair in fairs_from_hits(hits, svc.backend, "fairs.ics")], name=title)
    return Response(body, media_type="text/calendar; charset=utf-8", headers=attachment("veille-salons.ics"))


@router.get("/fairs/{fair_id}.ics")
def fair_calendar(request: Request, fair_id: str) -> Response:
    fair = find_document(services(request).backend, fair_id, TradeFair)
    return Response(fairs_to_ics([fair], name=fair.name), media_type="text/calendar; charset=utf-8",
                    headers=attachment(f"{fair_id}.ics"))


def mention_name(fair: TradeFair) -> str:
    """How news name a fair: its series, else its name without a trailing city or year ("Ambiente Frankfurt 2027")."""
    words = (fair.series or fair.name).replace('"', " ").split()
    city = (fair.city or "").casefold()
    while len(words) > 1 and (words[-1].isdigit() or words[-1].casefold() == city):
        words.pop()
    return " ".join(words)


def mentioning_news(backend: SearchBackend, fair: TradeFair) -> list[HitView]:
    """News naming the fair as a phrase, newest first."""
    name = mention_name(fair)
    try:
        query = SearchQuery(text=f'"{name}"', kinds=("news",), sort="date", per_page=MENTIONS_SHOWN, with_facets=False)
    except QueryError:
        return []
    return hit_views(backend.search(query).hits, backend, "fair-mentions")


@router.get("/fairs/{fair_id}")
def fair_page(request: Request, fair_id: str) -> Response:
    svc = services(request)
    fair = find_document(svc.backend, fair_id, TradeFair)
    return svc.renderer.render(request, "web/fair.html", {"item": fair_view(fair_id, fair),
                                                         "news": mentioning_news(svc.backend, fair)})
