"""The administrators' console for accounts and API tokens: add and remove accounts, create a token (shown once)
and revoke one. Every change is written to the audit log with the administrator's name."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from accounts.passwords import WeakPassword
from accounts.roles import SCOPES, Role
from accounts.store import AccountError, normalize_username
from web.access import ADMIN, CurrentPrincipal, allow, record_audit
from web.csrf import form_is_genuine
from web.services import Services, services
from web.subscription_responses import forged_form, translator

router = APIRouter(include_in_schema=False, dependencies=[allow(ADMIN)])
FormText = Annotated[str, Form()]
ACCOUNTS_PATH = "/console/accounts"
Errors = dict[str, str]


def accounts_page(request: Request, svc: Services, errors: Errors | None = None, status_code: int = 200,
                  **extra: Any) -> Response:
    service = svc.accounts
    context = {"accounts": service.accounts.list(), "tokens": service.tokens.list(), "scopes": tuple(SCOPES),
               "roles": ("advisor", "admin"), "errors": errors or {}, "new_token": None, "done": None,
               "form": {"username": "", "role": "advisor"}, **extra}
    # A new token is on this page once: no cache may keep it.
    return svc.renderer.render(request, "web/accounts.html", context, status_code=status_code,
                               headers={"Cache-Control": "no-store"})


def done(message: str) -> Response:
    return RedirectResponse(f"{ACCOUNTS_PATH}?done={message}", status_code=303)


@router.get(ACCOUNTS_PATH)
def accounts_console(request: Request) -> Response:
    known = {"added", "removed", "revoked"}
    message = request.query_params.get("done")
    return accounts_page(request, services(request), done=message if message in known else None)


@router.post(ACCOUNTS_PATH)
def add_account(request: Request, who: CurrentPrincipal, csrf_token: FormText = "", username: FormText = "",
                role: FormText = "advisor", password: FormText = "") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    t = translator(request)
    errors: Errors = {}
    try:
        name = normalize_username(username)
    except AccountError:
        errors["username"] = t("account_bad_name")
    if role not in ("advisor", "admin"):
        errors["role"] = t("account_bad_role")
    if not errors:
        try:
            svc.accounts.accounts.add(name, Role.parse(role), password)
        except WeakPassword:
            errors["password"] = t("account_weak_password")
        except AccountError:
            errors["username"] = t("account_taken")
    if errors:
        return accounts_page(request, svc, errors, 400, form={"username": username[:64], "role": role})
    record_audit(svc.backend, who.actor, "account.add", f"account:{name}", {"role": role})
    return done("added")


@router.post(ACCOUNTS_PATH + "/{username}/remove")
def remove_account(request: Request, username: str, who: CurrentPrincipal, csrf_token: FormText = "") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    account = svc.accounts.accounts.get(username)
    if account is None:
        return accounts_page(request, svc, {"accounts": translator(request)("account_unknown")}, 404)
    if account.username == who.username:  # the last admin must not lock everyone out by a click
        return accounts_page(request, svc, {"accounts": translator(request)("account_not_yourself")}, 400)
    svc.accounts.remove(account.username)
    record_audit(svc.backend, who.actor, "account.remove", f"account:{account.username}", {})
    return done("removed")


@router.post("/console/tokens")
def create_token(request: Request, who: CurrentPrincipal, csrf_token: FormText = "", username: FormText = "",
                 scope: FormText = "read", name: FormText = "") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    try:
        token, kept = svc.accounts.tokens.create(username, scope, name)
    except AccountError:
        return accounts_page(request, svc, {"token": translator(request)("token_refused")}, 400)
    record_audit(svc.backend, who.actor, "token.create", f"token:{kept.token_id}",
                 {"account": kept.username, "scope": kept.scope, "name": kept.name})
    return accounts_page(request, svc, new_token={"value": token, "id": kept.token_id, "scope": kept.scope,
                                                  "username": kept.username})


@router.post("/console/tokens/{token_id}/revoke")
def revoke_token(request: Request, token_id: str, who: CurrentPrincipal, csrf_token: FormText = "") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    if not svc.accounts.tokens.revoke(token_id[:40]):
        return accounts_page(request, svc, {"token": translator(request)("token_unknown")}, 404)
    record_audit(svc.backend, who.actor, "token.revoke", f"token:{token_id[:40]}", {})
    return done("revoked")
