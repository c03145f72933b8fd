"""The accounts console: an admin adds an advisor, who then signs in; tokens are shown once and revoked;
every change is in the audit log under the admin's name; errors stand next to their field."""
from __future__ import annotations

import re
from typing import Iterator

import httpx
import pytest
from bs4 import BeautifulSoup
from web_support import Site, csrf_of, ensure_account, log_in

from accounts.audit import recent_audit
from accounts.roles import Role


@pytest.fixture
def admin(strict_site: Site) -> Iterator[httpx.Client]:
    with strict_site.client(follow_redirects=False) as http:
        assert log_in(http, ensure_account(strict_site.backend, Role.ADMIN)).status_code == 303
        yield http


def form(http: httpx.Client, **fields: str) -> dict[str, str]:
    return {"csrf_token": http.cookies["veille_csrf"], **fields}


def test_an_admin_adds_an_advisor_who_signs_in_and_is_removed(strict_site: Site, admin: httpx.Client) -> None:
    added = admin.post("/console/accounts", data=form(admin, username="new.advisor", role="advisor",
                                                      password="new advisor password"))
    assert added.status_code == 303 and added.headers["location"] == "/console/accounts?done=added"
    page = BeautifulSoup(admin.get(added.headers["location"] + "&lang=en").text, "html.parser")
    assert "Account created." in page.text and "new.advisor" in page.select_one("table").text
    with strict_site.client(follow_redirects=False) as newcomer:
        assert log_in(newcomer, "new.advisor", "new advisor password").status_code == 303
        assert newcomer.get("/crawls").status_code == 200
        assert newcomer.get("/console/accounts").status_code == 403  # an advisor is no admin
        removed = admin.post("/console/accounts/new.advisor/remove", data=form(admin))
        assert removed.status_code == 303
        assert newcomer.get("/crawls").status_code == 303  # the session ended with the account
    actions = [(e.actor, e.action, e.target) for e in recent_audit(strict_site.backend, limit=20)]
    assert ("test-admin", "account.add", "account:new.advisor") in actions
    assert ("test-admin", "account.remove", "account:new.advisor") in actions


def test_errors_stand_next_to_their_field(admin: httpx.Client) -> None:
    weak = admin.post("/console/accounts?lang=en", data=form(admin, username="weakling", role="advisor",
                                                             password="short"))
    assert weak.status_code == 400
    soup = BeautifulSoup(weak.text, "html.parser")
    assert soup.select_one("#password-error").text == "The password needs at least 10 characters."
    assert soup.select_one("#new-password")["aria-invalid"] == "true"
    assert soup.select_one("#new-username")["value"] == "weakling"  # what was typed stays
    bad = admin.post("/console/accounts?lang=fr", data=form(admin, username="a b", role="root", password="x" * 12))
    soup = BeautifulSoup(bad.text, "html.parser")
    assert soup.select_one("#username-error") and soup.select_one("#role-error")
    assert admin.post("/console/accounts", data={"username": "x", "password": "y" * 12}).status_code == 403  # no CSRF


def test_a_token_is_shown_once_works_and_is_revoked(strict_site: Site, admin: httpx.Client) -> None:
    advisor = ensure_account(strict_site.backend, Role.ADVISOR)
    refused = admin.post("/console/tokens?lang=en", data=form(admin, username=advisor, scope="admin"))
    assert refused.status_code == 400 and "cannot hold" in refused.text
    created = admin.post("/console/tokens", data=form(admin, username=advisor, scope="read", name="dashboard"))
    assert created.status_code == 200 and created.headers["cache-control"] == "no-store"
    shown = BeautifulSoup(created.text, "html.parser")
    token = shown.select_one(".token-value").text
    token_id = re.search(r"\b[0-9a-f]{12}\b", shown.select_one("#new-token h2").text).group(0)  # type: ignore[union-attr]
    assert token.startswith("vt_")
    assert httpx.get(strict_site.url + "/api/search?q=tapis", headers={"Authorization": f"Bearer {token}"},
                     timeout=20).status_code == 200
    listing = admin.get("/console/accounts").text
    assert token not in listing and token_id in listing  # never shown again, still named
    assert admin.post(f"/console/tokens/{token_id}/revoke", data=form(admin)).status_code == 303
    assert httpx.get(strict_site.url + "/api/search?q=tapis", headers={"Authorization": f"Bearer {token}"},
                     timeout=20).status_code == 401
    assert admin.post(f"/console/tokens/{token_id}/revoke", data=form(admin)).status_code == 404


def test_an_admin_cannot_remove_their_own_account(strict_site: Site, admin: httpx.Client) -> None:
    own = admin.post("/console/accounts/test-admin/remove?lang=en", data=form(admin))
    assert own.status_code == 400 and "your own account" in own.text
    assert csrf_of(admin) and admin.get("/console/accounts").status_code == 200
