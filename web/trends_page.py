"""/trends: news mentions per craft and per market this week against the 4 weeks before."""
from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from alerts.i18n import week_in_words
from alerts.trends import Trend, mention_trends, rising
from alerts.weeks import BadWeek, Week, last_full_week, week_of
from web.charts import bar_chart
from web.formatting import Formatter
from web.i18n import Translator
from web.rendering import request_language
from web.services import services
from web.access import allow, public_part

router = APIRouter(include_in_schema=False, dependencies=[allow(public_part("trends"))])


def _label(trend: Trend, fmt: Formatter) -> str:
    return fmt.craft(trend.id) if trend.kind == "craft" else fmt.country(trend.id)


def _week(request: Request, tz: str) -> Week:
    asked = request.query_params.get("week")
    if asked:
        return week_of(asked, tz)
    return last_full_week(datetime.now(ZoneInfo(tz)), tz)


@router.get("/trends")
def trends_page(request: Request) -> Response:
    svc = services(request)
    t = Translator(request_language(request))
    fmt = Formatter(t)
    try:
        period = _week(request, svc.settings.timezone)
    except BadWeek:
        context: dict[str, Any] = {"error": t("trends_bad_week"), "crafts": [], "markets": [], "chart": None,
                                   "week_words": "", "previous": None, "next": None}
        return svc.renderer.render(request, "web/trends.html", context, status_code=400)
    trends = mention_trends(svc.backend, period)
    up = rising(trends, limit=12)
    rows = lambda kind: [(tr, _label(tr, fmt)) for tr in trends if tr.kind == kind]  # noqa: E731
    context = {
        "error": None, "week": period.label, "week_words": week_in_words(period.start, period.last_day, t.language),
        "crafts": rows("craft"), "markets": rows("market"),
        "chart": bar_chart([(_label(tr, fmt), float(tr.count)) for tr in up], lambda v: fmt.number(int(v))),
        "previous": period.shifted(-1).label, "next": period.shifted(1).label,
    }
    return svc.renderer.render(request, "web/trends.html", context)
