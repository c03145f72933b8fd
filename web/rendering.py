"""Server-side HTML: one autoescaping Jinja2 environment and the context every page shares."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from alerts.plurals import count
from indexing.urls import is_safe_link
from web.csrf import CSRF_COOKIE, cookie_token, new_token
from web.formatting import Formatter
from web.source_names import source_name
from web.i18n import LANGUAGE_COOKIE, LANGUAGES, Translator, choose_language

LANGUAGE_NAMES = {"fr": "Français", "ar": "العربية", "en": "English"}
COOKIE_YEAR = 365 * 24 * 3600
_BLANK_LINES = re.compile(r"\n\s*\n+")


def paragraphs(text: str | None) -> list[str]:
    """Plain text split into paragraphs; each is escaped by the template like any other value."""
    if not text:
        return []
    blocks = _BLANK_LINES.split(text.replace("\r\n", "\n"))
    if len(blocks) == 1:
        blocks = text.split("\n")
    return [b.strip() for b in blocks if b.strip()]


def make_environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=True,  # every template, whatever its extension: scraped text is hostile
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    env.tests["safe_link"] = is_safe_link
    env.filters["paragraphs"] = paragraphs
    env.globals["source_name"] = source_name
    env.globals["plural"] = count  # CLDR plural rules, the emails' counted nouns (alerts.plurals)
    return env


def request_language(request: Request) -> str:
    return choose_language(request.query_params.get("lang"), request.cookies.get(LANGUAGE_COOKIE))


def language_links(request: Request) -> dict[str, str]:
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return {code: request.url.path + "?" + urlencode([*kept, ("lang", code)]) for code in LANGUAGES}


class Renderer:
    def __init__(self, templates_dir: Path) -> None:
        self.env = make_environment(templates_dir)

    def render(self, request: Request, template: str, context: Mapping[str, Any] | None = None,
               status_code: int = 200, headers: Mapping[str, str] | None = None) -> HTMLResponse:
        translator = Translator(request_language(request))
        csrf = cookie_token(request)
        fresh_csrf = csrf is None
        if csrf is None:
            csrf = new_token()
        page = {
            "t": translator,
            "fmt": Formatter(translator),
            "lang": translator.language,
            "dir": translator.direction,
            "csrf_token": csrf,
            "path": request.url.path,
            "language_links": language_links(request),
            "language_names": LANGUAGE_NAMES,
            # Set by the route's access guard (web.access); absent on a page no route answered (404).
            "who": getattr(request.state, "principal", None),
            "public_parts": request.app.state.services.settings.public_parts,
            **(context or {}),
        }
        html = self.env.get_template(template).render(page)
        response = HTMLResponse(html, status_code=status_code, headers=dict(headers or {}))
        secure = request.url.scheme == "https"
        if fresh_csrf:
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="lax", secure=secure, path="/")
        asked = request.query_params.get("lang")
        if asked in LANGUAGES and request.cookies.get(LANGUAGE_COOKIE) != asked:
            response.set_cookie(LANGUAGE_COOKIE, asked, max_age=COOKIE_YEAR, samesite="lax", secure=secure, path="/")
        return response
