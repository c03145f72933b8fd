"""Error responses: JSON under /api, a page that says what to do next everywhere else."""
from __future__ import annotations

import logging
from urllib.parse import urlencode

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from indexing.backends.base import BackendUnavailable
from indexing.query import QueryError
from web.access import AccessDenied
from web.i18n import Translator
from web.query_messages import query_messages
from web.rendering import request_language
from web.services import services

log = logging.getLogger(__name__)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in ("/openapi.json", "/health")


def error_page(request: Request, status: int, title_key: str, text: str) -> Response:
    if wants_json(request):
        return JSONResponse({"error": text}, status_code=status)
    t = Translator(request_language(request))
    context = {"title": t(title_key), "text": text, "next_url": "/search", "next_label": t("go_search")}
    return services(request).renderer.render(request, "web/message.html", context, status_code=status)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    t = Translator(request_language(request))
    if exc.status_code == 404:
        return error_page(request, 404, "not_found_title", str(exc.detail) if wants_json(request) else t("not_found"))
    return error_page(request, exc.status_code, "bad_request_title", str(exc.detail))


async def query_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, QueryError)
    if wants_json(request):
        return error_page(request, 400, "bad_request_title", str(exc))
    return error_page(request, 400, "bad_request_title", " ".join(query_messages(exc, Translator(request_language(request)))))


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "body"))
    return error_page(request, 400, "bad_request_title", f"{where}: {first.get('msg', 'invalid value')}")


async def access_denied(request: Request, exc: Exception) -> Response:
    """401 or a way to the login page for who is not signed in; 403 for a role or scope too low."""
    assert isinstance(exc, AccessDenied)
    anonymous = exc.who.username is None
    if wants_json(request):
        if anonymous:
            text = "invalid or revoked API token" if exc.who.bad_token else "an API token is required (Authorization: Bearer)"
            return JSONResponse({"error": text}, status_code=401, headers={"WWW-Authenticate": 'Bearer realm="veille"'})
        return JSONResponse({"error": f"this needs the {exc.needed.label} role"}, status_code=403)
    if anonymous:
        if request.method not in ("GET", "HEAD"):  # a form posted after the session ended: back to sign in only
            return RedirectResponse("/login", status_code=303)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)
    t = Translator(request_language(request))
    return error_page(request, 403, "forbidden_title", t("forbidden", role=t("role_" + exc.needed.label)))


async def backend_down(request: Request, exc: Exception) -> Response:
    log.error("search backend unavailable: %s", exc)
    t = Translator(request_language(request))
    return error_page(request, 503, "unavailable_title", t("unavailable"))


async def unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    t = Translator(request_language(request))
    return error_page(request, 500, "server_error_title", t("server_error"))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(QueryError, query_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(AccessDenied, access_denied)
    app.add_exception_handler(BackendUnavailable, backend_down)
    app.add_exception_handler(Exception, unexpected)
