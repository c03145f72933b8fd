"""Signing in and out in headless Chromium, with the default VEILLE_PUBLIC: an advisor page sends to the login,
the login comes back to it, the header shows the account and its role, signing out closes the page again."""
from __future__ import annotations

from typing import Iterator

import pytest
from browser_support import browser, screenshot  # noqa: F401 - fixtures
from web_support import TEST_PASSWORD, Site, SitePool, ensure_account

from accounts.roles import Role

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def strict_page(browser, site_pool: SitePool) -> Iterator[tuple[object, Site]]:  # type: ignore[no-untyped-def]
    site = site_pool.strict("sqlite")
    context = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab, site
    context.close()
    assert errors == []


@pytest.mark.parametrize("lang, username_label, password_label, submit, sign_out, role", [
    ("fr", "Nom d'utilisateur", "Mot de passe", "Se connecter", "Se déconnecter", "conseiller"),
    ("ar", "اسم المستخدم", "كلمة المرور", "دخول", "تسجيل الخروج", "مستشار"),
    ("en", "User name", "Password", "Sign in", "Sign out", "advisor"),
])
def test_log_in_and_out(strict_page, lang: str, username_label: str, password_label: str, submit: str,  # type: ignore[no-untyped-def]
                        sign_out: str, role: str) -> None:
    page, site = strict_page
    name = ensure_account(site.backend, Role.ADVISOR)
    page.goto(f"/fairs?lang={lang}")  # public: remembers the language
    page.goto("/crawls")
    page.wait_for_url("**/login?next=%2Fcrawls")
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    screenshot(page, f"login-{lang}")
    page.get_by_label(username_label).fill(name)
    page.get_by_label(password_label).fill("not the password")
    page.get_by_role("button", name=submit).click()
    assert page.locator(".error-message").is_visible()
    page.get_by_label(password_label).fill(TEST_PASSWORD)
    page.get_by_role("button", name=submit).click()
    page.wait_for_url("**/crawls")
    header = page.locator(".account-nav").inner_text()
    assert name in header and role in header
    cookie = next(c for c in page.context.cookies() if c["name"] == "veille_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    screenshot(page, f"signed-in-{lang}")
    page.get_by_role("button", name=sign_out).click()
    page.wait_for_url("**/login?done=1")
    assert page.locator(".account-nav").get_by_role("link").count() == 1
    page.goto("/crawls")
    page.wait_for_url("**/login?next=%2Fcrawls")


@pytest.mark.parametrize("lang, create", [("fr", "Créer un jeton"), ("ar", "إنشاء رمز"), ("en", "Create a token")])
def test_an_admin_creates_a_token_in_the_console(strict_page, lang: str, create: str) -> None:  # type: ignore[no-untyped-def]
    page, site = strict_page
    page.goto(f"/login?lang={lang}&next=/console/accounts")
    page.locator("#username").fill(ensure_account(site.backend, Role.ADMIN))
    page.locator("#password").fill(TEST_PASSWORD)
    page.locator("form.login-form button").click()
    page.wait_for_url("**/console/accounts")
    page.locator("#token-scope").select_option("admin")
    page.locator("#token-user").select_option("test-admin")
    page.get_by_role("button", name=create).click()
    token = page.locator(".token-value").inner_text()
    assert token.startswith("vt_")
    screenshot(page, f"console-accounts-{lang}")
    page.goto("/console/accounts")
    assert token not in page.content()
