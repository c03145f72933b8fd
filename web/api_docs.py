"""The OpenAPI explorer at /docs, under a CSP that allows its one inline script by hash only."""
from __future__ import annotations

import base64
import hashlib
import re

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from starlette.responses import HTMLResponse

from web.headers import CONTENT_SECURITY_POLICY

router = APIRouter(include_in_schema=False)
SWAGGER_CDN = "https://cdn.jsdelivr.net"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hashes(html: str) -> list[str]:
    return ["'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in _INLINE_SCRIPT.findall(html)]


def docs_policy(html: str) -> str:
    hashes = " ".join(script_hashes(html))
    policy = CONTENT_SECURITY_POLICY.replace("script-src 'self'", f"script-src 'self' {SWAGGER_CDN} {hashes}")
    policy = policy.replace("style-src 'self'", f"style-src 'self' {SWAGGER_CDN}")
    return policy.replace("img-src 'self' data:", "img-src 'self' data: https://fastapi.tiangolo.com")


@router.get("/docs")
def api_docs() -> HTMLResponse:
    page = get_swagger_ui_html(openapi_url="/openapi.json", title="veille – API")
    html = bytes(page.body).decode()
    return HTMLResponse(html, headers={"Content-Security-Policy": docs_policy(html)})
