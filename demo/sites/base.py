"""Common machinery of the demo sites: routing, templates, robots.txt,
static assets, the robots-disallowed /private/ area and the 404 page."""
from __future__ import annotations

import datetime as _dt
import re
import threading
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from demo.dates import MOROCCO_TZ, DateKit
from demo.httpcore import HTML, Response

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# A tiny "photo" placeholder: real sites have images, crawlers must not choke on them.
PLACEHOLDER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400">'
    '<rect width="640" height="400" fill="#c8743c"/><path d="M0 300 L160 180 L320 280 L480 140 '
    'L640 260 L640 400 L0 400Z" fill="#7a3b1a"/><circle cx="520" cy="90" r="40" fill="#f3d27a"/>'
    "</svg>"
)


class Ctx:
    """What a page needs to render: the date kit and the site's own base URL."""

    def __init__(self, today: _dt.date, base_url: str):
        self.today = today
        self.dk = DateKit(today)
        self.base_url = base_url

    def abs(self, path: str) -> str:
        return self.base_url + path


Route = tuple[re.Pattern, Callable]


class Site:
    name = ""
    title = ""
    lang = "fr"
    robots_extra = ""          # more robots.txt lines (site specific)
    cache_limit = 4000

    def __init__(self, owner):
        self.owner = owner      # DemoSites: today(), base_url_of(name), slow_seconds
        self.env = Environment(
            loader=FileSystemLoader([str(TEMPLATES / self.name), str(TEMPLATES / "common")]),
            autoescape=select_autoescape(enabled_extensions=("html", "xml")),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals["site_name"] = self.name
        self._cache: dict = {}
        self._lock = threading.Lock()
        self.routes: list[Route] = [
            (re.compile(r"/robots\.txt"), self.robots),
            (re.compile(r"/favicon\.ico"), self.favicon),
            (re.compile(r"/static/img/[\w-]+\.svg"), self.image),
            (re.compile(r"/static/css/site\.css"), self.css),
            (re.compile(r"/static/js/site\.js"), self.js),
            (re.compile(r"/private/.*"), self.private),
        ]
        self.setup_routes()

    # -- to override -------------------------------------------------------
    def setup_routes(self) -> None:
        raise NotImplementedError

    def not_found_page(self, ctx: Ctx) -> bytes:
        return self.render("page.html", ctx, page_title="Page introuvable",
                           heading="Page introuvable (404)",
                           paragraphs=["La page demandée n'existe pas ou a été déplacée."]).encode()

    # -- helpers -------------------------------------------------------------
    def add(self, pattern: str, handler: Callable) -> None:
        self.routes.append((re.compile(pattern), handler))

    def chrome(self, lang: str) -> dict:
        """Variables every page of the site needs (navigation strings, sidebars...)."""
        return {"lang": lang}

    def _vars(self, ctx: Ctx, kw: dict) -> dict:
        return {**self.chrome(kw.get("lang", self.lang)), "dk": ctx.dk, "ctx": ctx, "base_url": ctx.base_url, **kw}

    def render(self, template: str, ctx: Ctx, **kw) -> str:
        return self.env.get_template(template).render(**self._vars(ctx, kw))

    def render_string(self, source: str, ctx: Ctx, **kw) -> str:
        return self.env.from_string(source).render(**self._vars(ctx, kw))

    def page(self, template: str, ctx: Ctx, modified: int = 0, status: int = 200, **kw) -> Response:
        """Render an HTML page; ``modified`` is the Last-Modified day offset."""
        return Response(status, self.render(template, ctx, **kw).encode("utf-8"), HTML,
                        last_modified=ctx.dk.dt(modified, 6, 0))

    @staticmethod
    def paginate(items: list, page: int, per_page: int):
        pages = max(1, -(-len(items) // per_page))
        if page < 1 or page > pages:
            return None, pages
        return items[(page - 1) * per_page: page * per_page], pages

    # -- common routes -----------------------------------------------------------
    def robots(self, ctx: Ctx, m, q) -> Response:
        body = ("User-agent: *\n"
                "Disallow: /private/\n"
                f"{self.robots_extra}"
                "\n"
                "User-agent: GPTBot\n"
                "Disallow: /\n"
                "\n"
                f"Sitemap: {ctx.abs('/sitemap.xml')}\n")
        return Response(200, body.encode(), "text/plain; charset=utf-8",
                        last_modified=ctx.dk.dt(-30, 0, 0))

    def favicon(self, ctx, m, q) -> Response:
        svg = PLACEHOLDER_SVG.encode()
        return Response(200, svg, "image/svg+xml", last_modified=ctx.dk.dt(-300, 0, 0))

    def image(self, ctx, m, q) -> Response:
        return Response(200, PLACEHOLDER_SVG.encode(), "image/svg+xml",
                        last_modified=ctx.dk.dt(-300, 0, 0))

    def css(self, ctx, m, q) -> Response:
        body = self.env.get_template("site.css").render().encode()
        return Response(200, body, "text/css; charset=utf-8", last_modified=ctx.dk.dt(-60, 0, 0))

    def js(self, ctx, m, q) -> Response:
        body = self.env.get_template("site.js").render().encode()
        return Response(200, body, "application/javascript; charset=utf-8",
                        last_modified=ctx.dk.dt(-60, 0, 0))

    def private(self, ctx, m, q) -> Response:
        return self.page("private.html", ctx)

    # -- dispatch ---------------------------------------------------------------
    def respond(self, method: str, path: str, query: str, headers) -> Response:
        today = self.owner.today()
        key = (path, query, today, getattr(self.owner, "price_round", 0))  # the shops reprice in round 1
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None:
            return hit
        ctx = Ctx(today, self.owner.base_url_of(self.name))
        resp = self.dispatch(path, parse_qs(query), ctx)
        with self._lock:
            if len(self._cache) >= self.cache_limit:   # the calendar trap is unbounded
                self._cache.clear()
            self._cache[key] = resp
        return resp

    def dispatch(self, path: str, q: dict, ctx: Ctx) -> Response:
        for pattern, handler in self.routes:
            m = pattern.fullmatch(path)
            if m:
                resp = handler(ctx, m, q)
                if resp is not None:
                    return resp
                break
        if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            for pattern, _ in self.routes:
                if pattern.fullmatch(path + "/"):
                    return Response(301, b"", HTML, headers={"Location": ctx.abs(path + "/")},
                                    conditional=False)
        return Response(404, self.not_found_page(ctx), HTML, conditional=False)


def ui(lang: str, table: dict) -> dict:
    return table.get(lang) or table["fr"]


def morocco_now() -> _dt.datetime:
    return _dt.datetime.now(MOROCCO_TZ)
