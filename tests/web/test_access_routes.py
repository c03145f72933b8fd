"""Access, route by route: every route of the app (enumerated from its router) declares a rule, and each one
answers anonymous visitors, advisors and admins as the default VEILLE_PUBLIC says."""
from __future__ import annotations

import re
from typing import Iterator

import httpx
import pytest
import web_corpus
from web_support import Site, bearer, ensure_account, log_in

from accounts.roles import Role
from alerts.replies import reply_token
from config import load_settings
from web.access import app_routes, route_rule
from web.app import create_app

A, V, P = Role.ADMIN, Role.ADVISOR, Role.ANONYMOUS
# The least role of every route with the default VEILLE_PUBLIC. A new route must be added here, on purpose.
EXPECTED: dict[tuple[str, str], Role] = {
    ("GET", "/"): P, ("GET", "/search"): V, ("GET", "/export.csv"): V, ("POST", "/saved-searches"): V,
    ("GET", "/prices"): V, ("GET", "/offers/{offer_id}"): V, ("GET", "/news"): V, ("GET", "/news/{article_id}"): V,
    ("GET", "/trends"): V, ("GET", "/crawls"): V,
    ("GET", "/fairs"): P, ("GET", "/fairs.ics"): P, ("GET", "/fairs/{fair_id}.ics"): P, ("GET", "/fairs/{fair_id}"): P,
    ("GET", "/subscribe"): P, ("POST", "/subscribe"): P,
    ("GET", "/confirm"): P, ("POST", "/confirm"): P, ("GET", "/unsubscribe"): P, ("POST", "/unsubscribe"): P,
    ("GET", "/preferences"): P, ("POST", "/preferences"): P,
    ("GET", "/confirm-channel"): P, ("POST", "/confirm-channel"): P, ("POST", "/webhooks/replies/{channel}"): P,
    ("GET", "/login"): P, ("POST", "/login"): P, ("POST", "/logout"): P,
    ("GET", "/health"): P, ("GET", "/openapi.json"): P, ("GET", "/docs"): P, ("GET", "/docs/assets/{name}"): P,
    ("GET", "/static"): P,
    ("GET", "/api/search"): V, ("GET", "/api/fairs"): P, ("GET", "/api/offers/{offer_id}/history"): V,
    ("GET", "/api/prices"): V, ("GET", "/api/sources"): V, ("GET", "/api/audit"): A,
    ("GET", "/console/accounts"): A, ("POST", "/console/accounts"): A, ("POST", "/console/accounts/{username}/remove"): A,
    ("POST", "/console/tokens"): A, ("POST", "/console/tokens/{token_id}/revoke"): A,
    ("GET", "/console/sources"): A, ("GET", "/console/sources/new"): A,
    ("POST", "/console/sources/new"): A, ("GET", "/console/sources/{source_id}"): A,
    ("POST", "/console/sources/{source_id}"): A, ("POST", "/console/sources/{source_id}/enabled"): A,
    ("POST", "/console/sources/{source_id}/run"): A, ("GET", "/console/subscribers"): A,
    ("GET", "/console/subscribers/{sub_id}"): A, ("POST", "/console/subscribers/{sub_id}/retry"): A,
    ("POST", "/console/subscribers/{sub_id}/remove"): A, ("GET", "/console/audit"): A,
}
DENIED_PAGE = ("Accès refusé", "needs the")


def declared_routes(app) -> list[tuple[str, str, object]]:  # type: ignore[no-untyped-def]
    rows = []
    for route in app_routes(app):
        for method in sorted((route.methods or {"GET"}) - {"HEAD"}):
            rows.append((method, str(route.path), route_rule(route)))
    return rows


@pytest.fixture(scope="module")
def strict_app():  # type: ignore[no-untyped-def]
    from indexing.backends.sqlite import SqliteBackend
    return create_app(load_settings({}), SqliteBackend(":memory:"))


def test_every_route_declares_an_access_rule(strict_app) -> None:  # type: ignore[no-untyped-def]
    routes = declared_routes(strict_app)
    assert [(m, p) for m, p, rule in routes if rule is None] == []
    assert {(m, p) for m, p, _ in routes} == set(EXPECTED), "a route was added or removed: declare its rule here"
    settings = load_settings({})
    assert {(m, p): rule.needed(settings) for m, p, rule in routes} == EXPECTED  # type: ignore[union-attr]


def test_a_route_without_a_rule_is_caught(strict_app) -> None:  # type: ignore[no-untyped-def]
    from indexing.backends.sqlite import SqliteBackend
    app = create_app(load_settings({}), SqliteBackend(":memory:"))
    app.get("/undeclared")(lambda: {"open": True})
    assert [(m, p) for m, p, rule in declared_routes(app) if rule is None] == [("GET", "/undeclared")]


def test_one_setting_opens_the_advisors_pages() -> None:
    from indexing.backends.sqlite import SqliteBackend
    app = create_app(load_settings({}), SqliteBackend(":memory:"))
    opened = load_settings({"VEILLE_PUBLIC": "all"})
    still_closed = {(m, p) for m, p, rule in declared_routes(app) if rule.needed(opened) > P}  # type: ignore[union-attr]
    assert still_closed == {("GET", "/crawls"), ("GET", "/api/sources"), ("GET", "/api/audit"),
                            *((m, p) for m, p in EXPECTED if p.startswith("/console/"))}


def concrete(path: str, site: Site) -> str:
    values = {"offer_id": web_corpus.beni_ouarain_id(), "article_id": web_corpus.news()[2].id,
              "fair_id": web_corpus.fairs()[1].id, "name": "swagger-ui.css", "channel": "sms",
              "username": "nobody-here", "token_id": "000000000000", "source_id": "no-such-source",
              "sub_id": "sub-0000000000000000"}
    filled = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)
    if path == "/static":
        return "/static/app.css"
    if path.startswith("/webhooks/"):
        return f"{filled}?token={reply_token(site.settings.secret_key, 'sms')}"
    return filled


class Callers:
    """One client per role: pages with a session from a real login, the API with a token of the matching scope."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.clients: dict[tuple[Role, bool], httpx.Client] = {}

    def client(self, role: Role, api: bool) -> httpx.Client:
        if (role, api) not in self.clients:
            if role is P or not api:
                http = self.site.client(follow_redirects=False)
                if role is not P:
                    assert log_in(http, ensure_account(self.site.backend, role)).status_code == 303
            else:
                http = httpx.Client(base_url=self.site.url, timeout=20, follow_redirects=False,
                                    headers=bearer(self.site.backend, "admin" if role is A else "read"))
            self.clients[(role, api)] = http
        return self.clients[(role, api)]

    def forget(self, role: Role, api: bool) -> None:
        self.clients.pop((role, api)).close()

    def close(self) -> None:
        for http in self.clients.values():
            http.close()


@pytest.fixture
def callers(strict_site: Site) -> Iterator[Callers]:
    made = Callers(strict_site)
    yield made
    made.close()


@pytest.mark.parametrize("method, path", sorted(EXPECTED))
def test_route_answers_each_role(strict_site: Site, callers: Callers, method: str, path: str) -> None:
    url = concrete(path, strict_site)
    api = path.startswith("/api/")
    for role in (P, V, A):
        http = callers.client(role, api)
        csrf = http.cookies.get("veille_csrf") or ""
        if not csrf and method == "POST":
            http.get("/login")
            csrf = http.cookies.get("veille_csrf") or ""
        response = http.post(url, data={"csrf_token": csrf}) if method == "POST" else http.get(url)
        where = f"{method} {url} as {role.label}"
        if role < EXPECTED[(method, path)]:
            if api and role is P:
                assert response.status_code == 401, where
                assert response.headers["www-authenticate"].startswith("Bearer"), where
            elif role is P:
                assert response.status_code == 303, where
                expected = "/login?next=" if method == "GET" else "/login"
                assert response.headers["location"].startswith(expected), where
            else:
                assert response.status_code == 403, where
                assert any(text in response.text for text in DENIED_PAGE), where
        else:
            assert response.status_code not in (401, 429, 500), where
            assert not re.match(r"/login(\?next=|$)", response.headers.get("location", "")), where
            assert not any(text in response.text for text in DENIED_PAGE), where
        if path == "/logout":
            callers.forget(role, api)


def test_the_home_page_is_the_calendar_for_the_public_and_the_search_for_advisors(strict_site: Site) -> None:
    with strict_site.client(follow_redirects=False) as http:
        assert http.get("/").headers["location"] == "/fairs"
        log_in(http, ensure_account(strict_site.backend, V))
        assert http.get("/").status_code == 200 and 'action="/search"' in http.get("/").text


def test_a_denied_page_comes_back_after_login(strict_site: Site) -> None:
    with strict_site.client(follow_redirects=False) as http:
        denied = http.get("/crawls?lang=en")
        assert denied.status_code == 303 and denied.headers["location"] == "/login?next=%2Fcrawls%3Flang%3Den"
        landed = log_in(http, ensure_account(strict_site.backend, V), next="/crawls?lang=en")
        assert landed.status_code == 303 and landed.headers["location"] == "/crawls?lang=en"
        assert http.get("/crawls?lang=en").status_code == 200
