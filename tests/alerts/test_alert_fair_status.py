"""A salon alert says plainly when a fair is postponed or cancelled, and links its official site."""
from __future__ import annotations

from datetime import date

from alerts.messages import salon_alert_message
from alerts.subscriptions import Subscription
from alerts.tokens import TokenSigner
from config import load_settings
from indexing.models import TradeFair


def _bodies(language: str, **fields: object) -> tuple[str, str]:
    fair = TradeFair(url="https://salons.example.ma/tapis", source="salons", name="Salon du Tapis de Rabat",
                     start_date=date(2027, 3, 4), end_date=date(2027, 3, 8), city="Rabat", country="MA",
                     **fields)  # type: ignore[arg-type]
    sub = Subscription(kind="salon", email="artisane@example.ma", language=language, confirmed=True)  # type: ignore[arg-type]
    settings = load_settings({})
    message = salon_alert_message(sub, [(fair, "changed")], settings, TokenSigner(settings.secret_key), "k-1")
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    return html, text


def test_a_cancelled_fair_says_so_in_every_language() -> None:
    for language, word in (("fr", "Annulé"), ("en", "Cancelled"), ("ar", "ملغى")):
        html, text = _bodies(language, status="cancelled", website="https://tapis.example.ma")
        assert word in html and word in text
        assert "https://tapis.example.ma" in html and "https://tapis.example.ma" in text


def test_a_scheduled_fair_carries_no_status_line() -> None:
    html, text = _bodies("fr")
    assert "Statut" not in html and "Statut" not in text
