"""Fairs as series with yearly editions, and how a second source's record merges into the first."""
from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from indexing.indexer import merge_fair
from indexing.models import TradeFair


def fair(**fields: object) -> TradeFair:
    base: dict[str, object] = dict(url="https://salons.example.ma/f", source="salons", name="Salon du Tapis",
                                   start_date=date(2027, 3, 4), end_date=date(2027, 3, 8), city="Rabat", country="MA")
    return TradeFair(**{**base, **fields})  # type: ignore[arg-type]


def test_two_years_are_two_editions_of_one_series() -> None:
    a = fair(name="Salon du Tapis 2027", series="Salon du Tapis")
    b = fair(name="Salon du Tapis 2028", series="Salon du Tapis", start_date=date(2028, 3, 2), end_date=date(2028, 3, 6))
    assert a.id != b.id
    assert a.series_id == b.series_id
    assert fair(name="5e édition du Salon du Tapis", series="Salon du Tapis", edition=5).id == a.id


def test_status_and_edition_are_validated() -> None:
    with pytest.raises(ValidationError):
        fair(status="maybe")
    with pytest.raises(ValidationError):
        fair(edition=0)
    assert fair(website="javascript:alert(1)").website is None


def test_a_source_silent_on_the_status_does_not_undo_a_cancellation() -> None:
    cancelled = fair(status="cancelled", organizer="Chambre d'artisanat")
    merged, changed = merge_fair(cancelled, fair(website="https://tapis.example.ma"))
    assert merged.status == "cancelled" and not changed
    assert merged.website == "https://tapis.example.ma" and merged.organizer == "Chambre d'artisanat"


def test_a_postponement_is_an_alert_worthy_change() -> None:
    merged, changed = merge_fair(fair(), fair(status="postponed"))
    assert merged.status == "postponed" and changed
