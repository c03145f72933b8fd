"""A salon alert and the digests (French and Arabic) opened in real headless Chromium."""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from alerts.mailers import SmtpMailer
from alerts.preview import html_for_preview
from alerts.service import send_digests, send_salon_alerts
from alerts.subscriptions import SubscriptionStore, make_subscription
from support import CHROMIUM_ARGS, ROOT, chromium

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    executable = chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield b
        b.close()


def shoot(browser, html: str, name: str, tmp_path: Path) -> dict:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 760, "height": 900})
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())
    facts = page.evaluate("""() => ({
        dir: getComputedStyle(document.querySelector('table[dir]')).direction,
        images: [...document.images].map(i => i.naturalWidth),
        scripts: document.scripts.length,
        links: [...document.links].map(a => a.protocol),
        runs: [...document.querySelectorAll('[dir]:not(table)')].map(e => [e.textContent.trim(), getComputedStyle(e).direction]),
    })""")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    if os.environ.get("VEILLE_DOCS_SCREENSHOTS"):
        shutil.copy(ARTIFACTS / f"{name}.png", ROOT / "docs" / "screenshots" / f"{name}.png")
    page.close()
    return facts


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_alert_and_digests_render_in_chromium(browser, backend, settings, smtp_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from test_digest import WEEK, seed
    from test_salon_alerts import TODAY, fairs
    from indexing.indexer import Indexer

    seed(backend)
    Indexer(backend).upsert(fairs())
    store = SubscriptionStore(backend)
    store.save(make_subscription(kind="salon", email="fatima@example.ma", name="Fatima", language="fr",
                                 crafts=["poterie"], confirmed=True))
    store.save(make_subscription(kind="digest", email="strategie@example.ma", language="fr", confirmed=True))
    store.save(make_subscription(kind="digest", email="istratijiya@example.ma", language="ar", confirmed=True))
    backend.refresh()
    send_salon_alerts(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), TODAY)
    send_digests(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), WEEK, date(2026, 11, 29))
    messages = smtp_server.parsed()
    alert = next(m for m in messages if m["To"] == "fatima@example.ma")
    digest_fr = next(m for m in messages if m["To"] == "strategie@example.ma")
    digest_ar = next(m for m in messages if m["To"] == "istratijiya@example.ma")

    facts = shoot(browser, html_for_preview(alert), "email-salon-alert-fr", tmp_path)
    assert facts["dir"] == "ltr" and facts["scripts"] == 0 and set(facts["links"]) <= {"http:", "https:"}
    facts = shoot(browser, html_for_preview(digest_fr), "email-digest-fr", tmp_path)
    assert facts["images"] and all(width > 0 for width in facts["images"])  # the price chart decodes
    facts = shoot(browser, html_for_preview(digest_ar), "email-digest-ar", tmp_path)
    assert facts["dir"] == "rtl"
    # French titles and fair names in the Arabic digest run left to right inside the right-to-left page.
    latin = [direction for text, direction in facts["runs"] if text[:1].isascii() and text[:1].isalpha()]
    assert latin and set(latin) == {"ltr"}, facts["runs"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_batched_alert_opens_as_one_email_of_several_fairs(browser, backend, settings, smtp_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from test_salon_alerts import TODAY, fairs
    from indexing.indexer import Indexer
    Indexer(backend).upsert(fairs())
    SubscriptionStore(backend).save(make_subscription(kind="salon", email="karima@example.ma", name="Karima",
                                                      language="fr", crafts=["tapis"], confirmed=True))
    backend.refresh()
    send_salon_alerts(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), TODAY)
    [alert] = [m for m in smtp_server.parsed() if m["To"] == "karima@example.ma"]
    page = browser.new_page(viewport={"width": 760, "height": 900})
    path = tmp_path / "batched.html"
    path.write_text(html_for_preview(alert), encoding="utf-8")
    page.goto(path.as_uri())
    names = page.locator("h2").all_inner_texts()
    assert len(names) == 2 and "Maison&Objet Paris" in names  # one email, every due fair
    views = [a.get_attribute("href") for a in page.get_by_role("link", name="Voir la fiche").all()]
    assert len(views) == 2 and all(v.startswith(f"{settings.base_url}/fairs/fair-") for v in views)
    assert "Paris Nord Villepinte, Paris, France" in page.locator("body").inner_text()
    assert "ces 2 salons à votre agenda" in page.locator("body").inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "email-salon-alert-batched.png"), full_page=True)
    page.close()
