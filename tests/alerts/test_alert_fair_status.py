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


def test_no_reminder_goes_out_for_a_cancelled_or_postponed_fair() -> None:
    from datetime import timedelta

    from alerts.matching import salon_matches

    today = date(2027, 2, 25)
    sub = Subscription(kind="salon", email="artisane@example.ma", language="fr", confirmed=True)  # type: ignore[arg-type]

    def reasons(status: str, starts_in: int, deadline_in: int | None) -> list[str]:
        deadline = today + timedelta(days=deadline_in) if deadline_in is not None else None
        fair = TradeFair(url=f"https://salons.example.ma/{status}", source="salons", name="Salon du Tapis de Rabat",
                         start_date=today + timedelta(days=starts_in), city="Rabat", country="MA", status=status,
                         registration_deadline=deadline)  # type: ignore[arg-type]
        return [m.reason for found in salon_matches([sub], [fair], today) for m in found.matches]

    # Seven days out is too near for a first announcement: only the start reminder is due; 14 days before a
    # deadline, the deadline reminder.
    assert reasons("scheduled", 7, None) == ["start"] and "deadline" in reasons("scheduled", 40, 14)
    for status in ("cancelled", "postponed"):
        assert reasons(status, 7, None) == [] and "deadline" not in reasons(status, 40, 14)
