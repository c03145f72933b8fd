"""GET /health: is the search engine up, did the crawls run, is the scheduler alive."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse

from indexing.backends.base import BackendUnavailable
from web.crawl_health import crawl_report
from web.services import services
from web.access import PUBLIC, allow

router = APIRouter(tags=["health"], dependencies=[allow(PUBLIC)])  # probes carry no token


@router.get("/health", summary="Backend ping, last crawl per spider, failing sources, scheduler heartbeat")
def health(request: Request) -> JSONResponse:
    backend = services(request).backend
    try:
        reachable = backend.ping()
    except Exception:  # noqa: BLE001 - any failure to answer is "down" for a health probe
        reachable = False
    body: dict[str, Any] = {"backend": {"name": backend.name, "ping": reachable}}
    if reachable:
        try:
            body.update(crawl_report(backend))
        except BackendUnavailable as exc:
            body["backend"] = {"name": backend.name, "ping": False, "error": str(exc)}
            reachable = False
    if not reachable:
        body["status"] = "down"
    elif body.get("failing_sources") or (body.get("scheduler") or {}).get("stale"):
        body["status"] = "degraded"
    else:
        body["status"] = "ok"
    return JSONResponse(body, status_code=200 if reachable else 503)
