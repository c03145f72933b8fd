"""The OpenAPI explorer at /docs, working offline: Swagger UI's assets come from a pinned package
(fastapi-offline ships Swagger UI 5, which reads FastAPI's OpenAPI 3.1; swagger-ui-bundle's 4.x does not),
served under /docs/assets, and a CSP allows the page's one inline script by hash only."""
from __future__ import annotations

import base64
import hashlib
import re
from importlib.resources import files

from fastapi import APIRouter, HTTPException
from fastapi.openapi.docs import get_swagger_ui_html
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse

from web.api_security import openapi_with_security
from web.headers import CONTENT_SECURITY_POLICY
from web.access import PUBLIC, allow

router = APIRouter(include_in_schema=False, dependencies=[allow(PUBLIC)])
ASSETS_URL = "/docs/assets"
# Only what the page loads: the rest of the package (ReDoc) is not served.
ASSETS = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css", "favicon.png": "image/png"}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hashes(html: str) -> list[str]:
    return ["'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in _INLINE_SCRIPT.findall(html)]


def docs_policy(html: str) -> str:
    return CONTENT_SECURITY_POLICY.replace("script-src 'self'", f"script-src 'self' {' '.join(script_hashes(html))}")


@router.get("/openapi.json")
def openapi_document(request: Request) -> JSONResponse:
    return JSONResponse(openapi_with_security(request.app))


@router.get("/docs")
def api_docs() -> HTMLResponse:
    page = get_swagger_ui_html(openapi_url="/openapi.json", title="veille – API",
                               swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
                               swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
                               swagger_favicon_url=f"{ASSETS_URL}/favicon.png")
    html = bytes(page.body).decode()
    return HTMLResponse(html, headers={"Content-Security-Policy": docs_policy(html)})


@router.get(ASSETS_URL + "/{name}")
def api_docs_asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise HTTPException(status_code=404)
    path = files("fastapi_offline") / "static" / name
    return FileResponse(str(path), media_type=ASSETS[name], headers={"Cache-Control": "public, max-age=86400"})
