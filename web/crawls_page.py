"""The crawl health page: what /health says, for people (the last crawl of each spider, failing
sources, the scheduler's heartbeat, scheduled jobs and the delivery log)."""
from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from alerts.plurals import count
from web.crawl_health import crawl_report, parse_moment
from web.i18n import Translator
from web.rendering import request_language
from web.services import services
from web.access import ADVISOR, allow

router = APIRouter(include_in_schema=False, dependencies=[allow(ADVISOR)])
CRAWLS_PATH = "/crawls"


@router.get(CRAWLS_PATH)
def crawls_page(request: Request) -> Response:
    svc = services(request)
    report = crawl_report(svc.backend)
    spiders = [{"name": name, **record, "finished": parse_moment(record.get("finished_at"))}
               for name, record in report["spiders"].items()]
    jobs = [{"name": name, **run, "started": parse_moment(run.get("started_at"))}
            for name, run in sorted(report["jobs"].items())]
    language = Translator(request_language(request)).language
    # Counted nouns by CLDR plural rules, as in the digest (alerts.plurals): '1 erreur', 'خطآن'.
    failing = [{**row, "finished": parse_moment(row.get("finished_at")),
                "errors_text": count(row["errors"], "error", language)} for row in report["failing_sources"]]
    partial = [{**row, "finished": parse_moment(row.get("finished_at")),
                "pages_text": count(row["failed_pages"], "failed_page", language),
                "items_text": count(row["items"], "item", language)} for row in report["partial_sources"]]
    heartbeat = report["scheduler"]
    context = {"spiders": spiders, "jobs": jobs, "failing": failing, "partial": partial, "deliveries": report["deliveries"],
               "bad_input": report["bad_input"],
               "heartbeat": heartbeat, "heartbeat_at": parse_moment(heartbeat["at"]) if heartbeat else None}
    return svc.renderer.render(request, "web/crawls.html", context)
