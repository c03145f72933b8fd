"""Which fairs each artisan should hear about: the same semantics whatever the backend."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from alerts.subscriptions import Subscription
from indexing.models import TradeFair


@dataclass(frozen=True)
class Match:
    subscription: Subscription
    fair: TradeFair
    reason: str  # "new", "changed", "deadline" or "start"

    @property
    def item_key(self) -> str:
        """The delivery-log key: one message per (subscription, fair version or reminder)."""
        if self.reason in ("deadline", "start"):
            return f"{self.fair.id}#{self.reason}"
        return f"{self.fair.id}#v{fair_version(self.fair)}"


def fair_version(fair: TradeFair) -> str:
    """Changes when the dates or the venue change, so a changed fair is announced again."""
    basis = "|".join(str(v) for v in fair.identity_fields())
    return hashlib.sha1(basis.encode()).hexdigest()[:10]


def salon_matches(subscriptions: Iterable[Subscription], fairs: Iterable[TradeFair], today: date,
                  reminder_days: tuple[int, int] = (14, 7)) -> list[Match]:
    """New or changed matching fairs, plus reminders `reminder_days` (deadline, start) ahead.

    A confirmed salon subscription matches a fair that shares a craft (or it names none), is in one of
    its countries or regions (or it names none), and starts inside its window. Compiled once per run:
    10,000 subscriptions against 2,000 fairs must match in seconds.
    """
    deadline_days, start_days = reminder_days
    compiled: list[tuple[Subscription, frozenset[str], frozenset[str], date, date]] = []
    by_craft: dict[str, list[int]] = {}
    for sub in subscriptions:
        if sub.kind != "salon" or not sub.confirmed:
            continue
        index = len(compiled)
        compiled.append((sub, frozenset(sub.crafts), frozenset(sub.country_codes()),
                         today + timedelta(days=sub.window_min_days), today + timedelta(days=sub.window_max_days)))
        for craft in sub.crafts or ["*"]:
            by_craft.setdefault(craft, []).append(index)
    matches: list[Match] = []
    for fair in fairs:
        countries = set(fair.countries)
        reason = "changed" if fair.changed_at else "new"
        deadline_due = bool(fair.registration_deadline) and (fair.registration_deadline - today).days == deadline_days  # type: ignore[operator]
        start_due = (fair.start_date - today).days == start_days
        if fair.start_date < today:
            continue
        seen: set[int] = set()
        for craft in [*fair.crafts, "*"]:
            for index in by_craft.get(craft, ()):
                if index in seen:
                    continue
                seen.add(index)
                sub, _crafts, codes, window_start, window_end = compiled[index]
                if codes and codes.isdisjoint(countries):
                    continue
                if window_start <= fair.start_date <= window_end:
                    matches.append(Match(sub, fair, reason))
                elif fair.start_date > window_end:
                    continue
                if deadline_due:
                    matches.append(Match(sub, fair, "deadline"))
                if start_due:
                    matches.append(Match(sub, fair, "start"))
    return matches
