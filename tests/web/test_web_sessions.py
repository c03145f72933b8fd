"""Sessions through a real server: CSRF, fixation, inactivity, logout, cookie flags, brute force."""
from __future__ import annotations

import itertools
from pathlib import Path

import httpx
import pytest
from web_support import TEST_PASSWORD, LiveServer, Site, csrf_of, ensure_account, log_in

from accounts.roles import Role
from accounts.sessions import record_key
from accounts.store import AccountStore
from config import load_settings
from web.access import SESSION_COOKIE, session_signer
from web.app import create_app

CLIENTS = (f"198.51.100.{n}" for n in itertools.count(1))  # uvicorn trusts X-Forwarded-For from loopback


def other_client() -> dict[str, str]:
    """A client address of its own, so one test's failed logins do not lock the others out."""
    return {"X-Forwarded-For": next(CLIENTS)}


def with_cookie(site: Site, value: str) -> httpx.Client:
    """A client whose jar holds this session cookie as the server would have set it (same domain)."""
    http = site.client(follow_redirects=False)
    http.cookies.set(SESSION_COOKIE, value, domain="127.0.0.1", path="/")
    return http


def session_of(http: httpx.Client, site: Site) -> str:
    return session_signer(site.settings).unsign(http.cookies[SESSION_COOKIE]).decode()


def test_login_without_or_with_a_wrong_csrf_token_is_refused(strict_site: Site) -> None:
    name = ensure_account(strict_site.backend, Role.ADVISOR)
    with strict_site.client() as http:
        good = csrf_of(http)
        missing = http.post("/login", data={"username": name, "password": TEST_PASSWORD})
        wrong = http.post("/login", data={"csrf_token": "x" * 43, "username": name, "password": TEST_PASSWORD})
        cross_site = http.post("/login", data={"csrf_token": good, "username": name, "password": TEST_PASSWORD},
                               headers={"Origin": "https://evil.example"})
        assert [r.status_code for r in (missing, wrong, cross_site)] == [403, 403, 403]
        assert SESSION_COOKIE not in http.cookies


def test_logout_needs_the_csrf_token_and_ends_the_session_server_side(strict_site: Site) -> None:
    with strict_site.client(follow_redirects=False) as http:
        assert log_in(http, ensure_account(strict_site.backend, Role.ADVISOR)).status_code == 303
        stolen = http.cookies[SESSION_COOKIE]
        assert http.post("/logout", data={}).status_code == 403  # a forged logout does nothing
        assert http.get("/crawls").status_code == 200
        out = http.post("/logout", data={"csrf_token": http.cookies["veille_csrf"]})
        assert out.status_code == 303 and out.headers["location"] == "/login?done=1"
        assert SESSION_COOKIE not in http.cookies
    with with_cookie(strict_site, stolen) as replay:
        assert replay.get("/crawls").status_code == 303  # the copied cookie is dead too


def test_login_rotates_the_session_id_against_fixation(strict_site: Site) -> None:
    """An attacker's own session planted in a victim's browser does not become the victim's."""
    backend = strict_site.backend
    name = ensure_account(backend, Role.ADVISOR)
    with strict_site.client(follow_redirects=False) as attacker:
        log_in(attacker, name)
        planted = attacker.cookies[SESSION_COOKIE]
        planted_id = session_of(attacker, strict_site)
    with with_cookie(strict_site, planted) as victim:
        csrf_before = csrf_of(victim)
        assert log_in(victim, ensure_account(backend, Role.ADMIN)).status_code == 303
        assert victim.cookies[SESSION_COOKIE] != planted
        assert session_of(victim, strict_site) != planted_id
        assert victim.cookies["veille_csrf"] != csrf_before  # the CSRF token is new too
        assert backend.records.get("sessions", record_key(planted_id)) is None
        assert victim.get("/api/audit").status_code == 200  # the victim is the admin, on the new session
    with with_cookie(strict_site, planted) as attacker_again:
        assert attacker_again.get("/crawls").status_code == 303


def test_a_forged_or_unsigned_session_cookie_is_anonymous(strict_site: Site) -> None:
    with with_cookie(strict_site, "made-up.value") as http:
        assert http.get("/crawls").status_code == 303


def test_a_session_expires_after_inactivity(strict_site: Site) -> None:
    with strict_site.client(follow_redirects=False) as http:
        log_in(http, ensure_account(strict_site.backend, Role.ADVISOR))
        key = record_key(session_of(http, strict_site))
        assert http.get("/crawls").status_code == 200
        record = strict_site.backend.records.get("sessions", key)
        idle = strict_site.settings.session_idle_minutes * 60
        strict_site.backend.records.put("sessions", key, {**record, "last_seen": record["last_seen"] - idle + 120})
        assert http.get("/crawls").status_code == 200  # still within the idle time: and the clock restarts
        assert strict_site.backend.records.get("sessions", key)["last_seen"] > record["last_seen"]
        record = strict_site.backend.records.get("sessions", key)
        strict_site.backend.records.put("sessions", key, {**record, "last_seen": record["last_seen"] - idle - 1})
        expired = http.get("/crawls")
        assert expired.status_code == 303 and expired.headers["location"].startswith("/login?next=")


def test_session_cookie_flags(strict_site: Site, tmp_path: Path) -> None:
    with strict_site.client(follow_redirects=False) as http:
        cookies = log_in(http, ensure_account(strict_site.backend, Role.ADVISOR)).headers.get_list("set-cookie")
        session_cookie = next(c for c in cookies if c.startswith(SESSION_COOKIE + "="))
        assert "HttpOnly" in session_cookie and "SameSite=lax" in session_cookie and "Secure" not in session_cookie
    settings = load_settings({"VEILLE_ENV": "production", "VEILLE_SECRET_KEY": "production-secret-0123456789",
                              "VEILLE_VAR_DIR": str(tmp_path)})
    server = LiveServer(create_app(settings, strict_site.backend))
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=20) as http:
            response = log_in(http, ensure_account(strict_site.backend, Role.ADVISOR))
            assert all("Secure" in c for c in response.headers.get_list("set-cookie"))
    finally:
        server.stop()


def test_next_never_leaves_the_site(strict_site: Site) -> None:
    name = ensure_account(strict_site.backend, Role.ADVISOR)
    for hostile in ("//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"):
        with strict_site.client(follow_redirects=False) as http:
            assert log_in(http, name, next=hostile).headers["location"] == "/search", hostile


def test_login_brute_force_per_account_gets_429_even_with_the_right_password(strict_site: Site) -> None:
    accounts = AccountStore(strict_site.backend.records)
    if accounts.get("brute-target") is None:
        accounts.add("brute-target", Role.ADVISOR, TEST_PASSWORD)
    with strict_site.client(follow_redirects=False) as http:
        for attempt in range(5):  # each from another address: the account's own count trips
            response = http.post("/login", data={"csrf_token": csrf_of(http), "username": "brute-target",
                                                 "password": f"guess number {attempt}"}, headers=other_client())
            assert response.status_code == 401
        blocked = http.post("/login", data={"csrf_token": csrf_of(http), "username": "brute-target",
                                            "password": TEST_PASSWORD}, headers=other_client())
        assert blocked.status_code == 429 and SESSION_COOKIE not in http.cookies


@pytest.mark.parametrize("lang, text", [("fr", "essais manqués"), ("ar", "محاولات فاشلة"), ("en", "Too many failed")])
def test_login_brute_force_per_client_gets_429(strict_site: Site, lang: str, text: str) -> None:
    """One address trying many accounts is stopped, though no account reached its own limit."""
    client = other_client()
    with strict_site.client(follow_redirects=False) as http:
        codes = [http.post(f"/login?lang={lang}", headers=client,
                           data={"csrf_token": csrf_of(http), "username": f"nobody-{lang}-{n}",
                                 "password": "a guessed password"}).status_code for n in range(21)]
        assert codes[:20] == [401] * 20 and codes[20] == 429
        page = http.post(f"/login?lang={lang}", headers=client, data={
            "csrf_token": csrf_of(http), "username": ensure_account(strict_site.backend, Role.ADVISOR),
            "password": TEST_PASSWORD})
        assert page.status_code == 429 and text in page.text
        elsewhere = log_in(http, ensure_account(strict_site.backend, Role.ADVISOR))
        assert elsewhere.status_code == 303  # another address is not blocked
