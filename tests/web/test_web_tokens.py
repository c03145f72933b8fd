"""API tokens through a real server: required unless the part is public, the scope alone decides, a removed
account's tokens stop at once; the OpenAPI document says so."""
from __future__ import annotations

import httpx
from web_support import Site, SitePool, bearer, ensure_account

from accounts.roles import Role
from accounts.service import AccountService
from accounts.store import AccountStore
from accounts.tokens import TokenStore

PASSWORD = "token tests password 01"


def get(site: Site, path: str, token: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.get(site.url + path, headers=headers, timeout=20)


def test_the_api_needs_a_token_unless_its_part_is_public(strict_site: Site) -> None:
    anonymous = get(strict_site, "/api/search?q=tapis")
    assert anonymous.status_code == 401 and "token" in anonymous.json()["error"]
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    assert get(strict_site, "/api/fairs").status_code == 200  # the fair calendar is public by default
    forged = get(strict_site, "/api/search?q=tapis", "vt_" + "A" * 43)
    assert forged.status_code == 401 and "invalid" in forged.json()["error"]
    headers = bearer(strict_site.backend, "read")
    assert httpx.get(strict_site.url + "/api/search?q=tapis", headers=headers, timeout=20).json()["total"] > 0
    for scheme in ("bearer", "BEARER"):  # the scheme is case-insensitive (RFC 7235)
        token = headers["Authorization"].split()[1]
        assert httpx.get(strict_site.url + "/api/sources", headers={"Authorization": f"{scheme} {token}"},
                         timeout=20).status_code == 200


def test_the_scope_alone_decides(strict_site: Site) -> None:
    """An admin's read token reads and no more; an admin token does admin work."""
    records = strict_site.backend.records
    tokens = TokenStore(records, AccountStore(records))
    admin = ensure_account(strict_site.backend, Role.ADMIN)
    read_token, _ = tokens.create(admin, "read")
    admin_token, _ = tokens.create(admin, "admin")
    assert get(strict_site, "/api/sources", read_token).status_code == 200
    refused = get(strict_site, "/api/audit", read_token)
    assert refused.status_code == 403 and "admin" in refused.json()["error"]
    assert get(strict_site, "/api/audit", admin_token).status_code == 200
    assert get(strict_site, "/crawls", read_token).status_code == 200  # a token is a caller on pages too


def test_a_removed_accounts_token_stops_at_once(strict_site: Site) -> None:
    service = AccountService(strict_site.backend.records, strict_site.settings)
    if service.accounts.get("leaving-advisor") is None:
        service.accounts.add("leaving-advisor", Role.ADVISOR, PASSWORD)
    token, _ = service.tokens.create("leaving-advisor", "read")
    assert get(strict_site, "/api/search?q=tapis", token).status_code == 200
    service.remove("leaving-advisor")
    assert get(strict_site, "/api/search?q=tapis", token).status_code == 401


def test_a_revoked_token_stops_at_once(strict_site: Site) -> None:
    records = strict_site.backend.records
    tokens = TokenStore(records, AccountStore(records))
    token, kept = tokens.create(ensure_account(strict_site.backend, Role.ADVISOR), "read", "revoked soon")
    assert get(strict_site, "/api/prices", token).status_code == 200
    assert tokens.revoke(kept.token_id)
    assert get(strict_site, "/api/prices", token).status_code == 401


def test_openapi_declares_bearer_and_each_operations_security(strict_site: Site, site_pool: SitePool) -> None:
    strict = get(strict_site, "/openapi.json").json()
    assert strict["components"]["securitySchemes"]["bearerToken"]["type"] == "http"
    assert strict["components"]["securitySchemes"]["bearerToken"]["scheme"] == "bearer"
    paths = strict["paths"]
    assert paths["/api/search"]["get"]["security"] == [{"bearerToken": []}]
    assert "401" in paths["/api/search"]["get"]["responses"]
    assert paths["/api/fairs"]["get"]["security"] == [{}, {"bearerToken": []}]  # public by default: optional
    assert paths["/api/audit"]["get"]["security"] == [{"bearerToken": []}]
    opened = get(site_pool.get(strict_site.engine), "/openapi.json").json()["paths"]  # VEILLE_PUBLIC=all
    assert opened["/api/search"]["get"]["security"] == [{}, {"bearerToken": []}]
    assert opened["/api/sources"]["get"]["security"] == [{"bearerToken": []}]
