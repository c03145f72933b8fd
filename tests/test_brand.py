"""One brand for the web and the mails: app.css's :root is the palette, and no mail keeps a retired colour."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

from alerts.digest import build_digest
from alerts.messages import confirmation_message, render_digest_html, salon_alert_message
from alerts.subscriptions import Subscription
from alerts.tokens import TokenSigner
from brand import PALETTE, RETIRED, SITE_NAME, on_palette
from indexing.indexer import Indexer
from indexing.models import NewsArticle, TradeFair
from support import ROOT

HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def test_the_web_stylesheet_declares_the_palette() -> None:
    css = (ROOT / "web" / "static" / "app.css").read_text(encoding="utf-8")
    root = re.search(r":root\s*\{(.*?)\}", css, re.DOTALL)
    assert root is not None
    declared = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", root.group(1)))
    assert {name.replace("-", "_"): value for name, value in declared.items() if name != "focus"} == PALETTE


def test_on_palette_replaces_only_retired_colours() -> None:
    html = '<p style="color:#8A2C1B">a</p><p style="color:#8a2c1bff">b</p><b style="color:#123456">c</b>'
    assert on_palette(html) == (f'<p style="color:{PALETTE["accent"]}">a</p><p style="color:#8a2c1bff">b</p>'
                                '<b style="color:#123456">c</b>')


def _colours(html: str) -> set[str]:
    return {c.lower() for c in HEX.findall(html)}


def test_every_mail_is_on_the_palette(backend, settings) -> None:  # type: ignore[no-untyped-def]
    signer = TokenSigner(settings.secret_key)
    fair = TradeFair(url="https://f.example.org/ambiente", source="salons", name="Ambiente", city="Frankfurt",
                     country="DE", start_date=date(2027, 2, 6), end_date=date(2027, 2, 10), status="postponed")
    sub = Subscription(kind="salon", email="a@example.ma", language="ar")  # type: ignore[arg-type]
    alert = salon_alert_message(sub, [(fair, "new")], settings, signer, "k1")
    confirm = confirmation_message(sub, settings, signer)
    Indexer(backend).upsert([NewsArticle(url="https://n.example.ma/a", source="journal", title="Les tapis exportés",
                                         text="Les coopératives ont exporté des tapis vers la France cette semaine.",
                                         published_at=datetime(2026, 11, 24, 9, tzinfo=timezone.utc), language="fr",
                                         crafts=["tapis"], countries=["MA"])])
    backend.refresh()
    digest = render_digest_html(build_digest(backend, "2026-W48", today=date(2026, 11, 29)), "fr", settings)
    for html in (alert.get_body(("html",)).get_content(), confirm.get_body(("html",)).get_content(), digest):
        colours = _colours(html)
        assert not colours & set(RETIRED), colours & set(RETIRED)
        assert PALETTE["accent"] in colours
    assert SITE_NAME["ar"] in alert.get_body(("html",)).get_content()
    assert SITE_NAME["fr"] in digest
