"""The console's audit log: every admin action, who and when, newest first."""
from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from indexing.crawl_records import parse_moment
from web.access import ADMIN, allow, recent_audit
from web.services import services

router = APIRouter(include_in_schema=False, dependencies=[allow(ADMIN)])
AUDIT_PATH = "/console/audit"
SHOWN = 500


@router.get(AUDIT_PATH)
def audit_page(request: Request) -> Response:
    svc = services(request)
    actor = request.query_params.get("actor", "")[:64] or None
    entries = [{"at": parse_moment(e.at), "actor": e.actor, "action": e.action, "target": e.target,
                "details": e.details} for e in recent_audit(svc.backend, SHOWN, actor)]
    return svc.renderer.render(request, "web/console_audit.html", {"entries": entries, "actor": actor or ""})
