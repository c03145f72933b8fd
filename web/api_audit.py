"""GET /api/audit: the audit log for administrators (admin tokens and sessions)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.requests import Request

from web.access import ADMIN, allow, recent_audit
from web.services import services

router = APIRouter(prefix="/api", tags=["api"], dependencies=[allow(ADMIN)])


@router.get("/audit", summary="Who did what, newest first (administrators only)")
def audit_log(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
              actor: Annotated[str | None, Query(max_length=100)] = None) -> dict[str, Any]:
    entries = recent_audit(services(request).backend, limit=limit, actor=actor)
    return {"entries": [{"at": e.at, "actor": e.actor, "action": e.action, "target": e.target, "details": e.details}
                        for e in entries]}
