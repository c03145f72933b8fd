"""Signing in and out: a new session id at every login (no fixation), the session ended server-side at logout."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from web.access import PUBLIC, SESSION_COOKIE, allow, record_audit, session_id_from, session_signer
from web.csrf import CSRF_COOKIE, form_is_genuine, new_token
from web.services import Services, services
from web.subscription_responses import forged_form, translator

router = APIRouter(include_in_schema=False, dependencies=[allow(PUBLIC)])
FormText = Annotated[str, Form()]
LOGIN_PATH = "/login"


def safe_next(raw: str | None) -> str:
    """Only a path of this site: `//evil.example` or `/\\evil.example` would leave it."""
    if not raw or not raw.startswith("/") or raw.startswith(("//", "/\\")) or any(c in raw for c in "\r\n\\"):
        return "/search"
    return raw[:2000]


def secure_cookies(request: Request, svc: Services) -> bool:
    return svc.settings.production or request.url.scheme == "https"


def login_page(request: Request, svc: Services, error: str | None, status_code: int, next_url: str,
               username: str = "") -> Response:
    return svc.renderer.render(request, "web/login.html", {"error": error, "next_url": next_url, "username": username,
                                                           "logged_out": request.query_params.get("done") == "1"},
                               status_code=status_code)


@router.get(LOGIN_PATH)
def login_form(request: Request) -> Response:
    return login_page(request, services(request), None, 200, safe_next(request.query_params.get("next")))


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post(LOGIN_PATH)
def login(request: Request, csrf_token: FormText = "", username: FormText = "", password: FormText = "",
          next: FormText = "") -> Response:  # noqa: A002 - the form field's name
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    t = translator(request)
    target, client, name = safe_next(next), client_address(request), username.strip()[:64]
    if not name or not password:  # nothing was tried: no failure to count
        return login_page(request, svc, t("login_missing"), 400, target, name)
    limiter = svc.accounts.limiter
    if limiter.blocked(name, client):
        return login_page(request, svc, t("login_too_many"), 429, target, name)
    account = svc.accounts.accounts.authenticate(name, password)
    if account is None:
        limiter.failed(name, client)
        return login_page(request, svc, t("login_failed"), 401, target, name)
    limiter.succeeded(account.username)
    previous = session_id_from(request)
    if previous:
        svc.accounts.sessions.end(previous)
    session = svc.accounts.sessions.create(account.username)
    record_audit(svc.backend, account.username, "login", f"account:{account.username}", {"client": client})
    response = RedirectResponse(target, status_code=303)
    secure = secure_cookies(request, svc)
    response.set_cookie(SESSION_COOKIE, session_signer(svc.settings).sign(session.session_id).decode(),
                        httponly=True, samesite="lax", secure=secure, path="/")
    # A CSRF token planted before login must not outlive it.
    response.set_cookie(CSRF_COOKIE, new_token(), httponly=True, samesite="lax", secure=secure, path="/")
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: FormText = "") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    session_id = session_id_from(request)
    if session_id:
        session = svc.accounts.sessions.get(session_id)
        svc.accounts.sessions.end(session_id)
        if session:
            record_audit(svc.backend, session.username, "logout", f"account:{session.username}", {})
    response = RedirectResponse(LOGIN_PATH + "?done=1", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=secure_cookies(request, svc))
    return response
