"""CSRF defence for forms: a double-submit token (cookie + hidden field) and an Origin check."""
from __future__ import annotations

import hmac
import secrets
from typing import Mapping
from urllib.parse import urlsplit

from starlette.requests import Request

CSRF_COOKIE = "veille_csrf"
CSRF_FIELD = "csrf_token"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def cookie_token(request: Request) -> str | None:
    value = request.cookies.get(CSRF_COOKIE)
    return value if value and 20 <= len(value) <= 100 else None


def same_origin(request: Request) -> bool:
    """A browser names the page that sent the form; a cross-site one is refused.

    No Origin nor Referer (privacy settings, old clients) is let through: the token still has to match.
    """
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed:
        return True
    if claimed == "null":
        return False
    parts = urlsplit(claimed)
    return bool(parts.netloc) and parts.netloc.lower() == (request.headers.get("host") or "").lower()


def form_is_genuine(request: Request, form: Mapping[str, object]) -> bool:
    expected = cookie_token(request)
    sent = form.get(CSRF_FIELD)
    if expected is None or not isinstance(sent, str):
        return False
    return same_origin(request) and hmac.compare_digest(expected.encode(), sent.encode())
