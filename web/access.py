"""Who may call each route, declared on the route itself.

Interface (for every router of the web app):

- Roles, ordered: ``Role.ANONYMOUS < Role.ADVISOR < Role.ADMIN`` (accounts.roles).
- Rules: ``PUBLIC`` (anyone, always: login, docs, signed-link pages), ``ADVISOR``, ``ADMIN``, and
  ``public_part("search")``: anyone when that part is in ``VEILLE_PUBLIC`` (config.PUBLIC_PARTS), else advisors.
- Every route declares its rule with ``dependencies=[allow(RULE)]``, on the route or on its ``APIRouter(...)``:

      router = APIRouter(include_in_schema=False, dependencies=[allow(ADMIN)])
      @router.get("/console/sources")
      def sources_page(request: Request, who: CurrentPrincipal) -> Response: ...

  tests/web/test_access_routes.py fails for a route without one.
- Refusals: a page sends an anonymous visitor to ``/login?next=…`` (303) and a signed-in one whose role is too low
  gets 403; the JSON API answers 401 (``WWW-Authenticate: Bearer``) without a valid token and 403 for a token whose
  scope is too low. A browser session also works on the API.
- The caller: declare a parameter ``who: CurrentPrincipal`` (or call ``principal(request)``); ``who.actor`` is the
  name to write in the audit log, ``who.role`` its role, ``who.username`` None for anonymous visitors.
- The audit log: ``record_audit(backend, actor, action, target, details)`` stores one entry in the ``audit`` records;
  ``recent_audit(backend, limit)`` reads them back, newest first (accounts.audit).
- Forms: reuse web.csrf (``form_is_genuine``); the templates already carry ``csrf_token``.
"""
from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.params import Depends as DependsParam
from fastapi.routing import RouteContext, iter_route_contexts
from itsdangerous import BadSignature, Signer
from starlette.requests import Request
from starlette.routing import BaseRoute, Mount

from accounts.audit import recent_audit, record_audit
from accounts.roles import Role
from accounts.service import AccountService
from config import Settings
from web.services import services

__all__ = ["ADMIN", "ADVISOR", "PUBLIC", "AccessDenied", "CurrentPrincipal", "Principal", "Role", "Rule",
           "allow", "app_routes", "principal", "public_part", "record_audit", "recent_audit", "route_rule"]

SESSION_COOKIE = "veille_session"


@dataclass(frozen=True)
class Rule:
    role: Role
    """The least role a caller needs when the part is not public."""
    part: str | None = None
    """A VEILLE_PUBLIC part that opens the route to anyone."""

    def needed(self, settings: Settings) -> Role:
        return Role.ANONYMOUS if self.part in settings.public_parts else self.role

    def __str__(self) -> str:
        return f"public if {self.part!r} else {self.role.label}" if self.part else self.role.label


PUBLIC = Rule(Role.ANONYMOUS)
ADVISOR = Rule(Role.ADVISOR)
ADMIN = Rule(Role.ADMIN)


def public_part(part: str) -> Rule:
    return Rule(Role.ADVISOR, part)


@dataclass(frozen=True)
class Principal:
    username: str | None
    role: Role
    via: str
    """`anonymous`, `session` or `token`."""
    session_id: str | None = None
    bad_token: bool = False

    @property
    def actor(self) -> str:
        return self.username or "anonymous"


ANONYMOUS = Principal(None, Role.ANONYMOUS, "anonymous")


class AccessDenied(Exception):
    def __init__(self, who: Principal, needed: Role) -> None:
        super().__init__(f"{who.actor} ({who.role.label}) needs {needed.label}")
        self.who = who
        self.needed = needed


def session_signer(settings: Settings) -> Signer:
    return Signer(settings.secret_key, salt="veille.session")


def session_id_from(request: Request) -> str | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw or len(raw) > 200:
        return None
    try:
        return session_signer(services(request).settings).unsign(raw).decode()
    except BadSignature:
        return None


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if hmac.compare_digest(scheme.lower().encode(), b"bearer") and value.strip() else None


def _resolve(request: Request) -> Principal:
    service: AccountService = services(request).accounts
    token = bearer_token(request)
    if token is not None:
        found = service.tokens.resolve(token)
        if found is None:
            return Principal(None, Role.ANONYMOUS, "anonymous", bad_token=True)
        return Principal(found.username, found.role, "token")
    session_id = session_id_from(request)
    if session_id is None:
        return ANONYMOUS
    session = service.sessions.get(session_id)
    account = service.accounts.get(session.username) if session else None
    if session is None or account is None:
        return ANONYMOUS
    return Principal(account.username, account.role, "session", session_id=session_id)


def principal(request: Request) -> Principal:
    """The caller, resolved once per request."""
    found = getattr(request.state, "principal", None)
    if not isinstance(found, Principal):
        found = _resolve(request)
        request.state.principal = found
    return found


CurrentPrincipal = Annotated[Principal, Depends(principal)]


class Guard:
    """The dependency a route declares; its `rule` is what the route-access test and the OpenAPI document read."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    def __call__(self, request: Request) -> Principal:
        who = principal(request)
        needed = self.rule.needed(services(request).settings)
        if who.role < needed:
            raise AccessDenied(who, needed)
        return who


def allow(rule: Rule) -> DependsParam:
    return Depends(Guard(rule))


# Mounted apps carry no dependencies: their rule is declared here.
MOUNT_RULES: dict[str, Rule] = {"/static": PUBLIC}


def app_routes(app: FastAPI) -> list[RouteContext]:
    """Every route the app serves, included routers flattened (FastAPI keeps them nested)."""
    return list(iter_route_contexts(app.routes))


def route_rule(route: BaseRoute | RouteContext) -> Rule | None:
    """The strictest rule the route declares, or None when it declares none."""
    if isinstance(getattr(route, "original_route", route), Mount):
        return MOUNT_RULES.get(str(getattr(route, "path", "")))
    guards = [d.dependency for d in getattr(route, "dependencies", []) if isinstance(d.dependency, Guard)]
    return max((g.rule for g in guards), key=lambda r: r.role, default=None)
