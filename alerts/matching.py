"""Which fairs each artisan should hear about: the same semantics whatever the backend."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Sequence

from alerts.subscriptions import Subscription
from indexing.models import TradeFair


@dataclass(frozen=True)
class FairMatch:
    fair: TradeFair
    reason: str  # "new", "changed", "deadline" or "start"

    @property
    def item_key(self) -> str:
        """The delivery-log key: one message per (subscription, fair version or reminder)."""
        if self.reason in ("deadline", "start"):
            return f"{self.fair.id}#{self.reason}"
        return f"{self.fair.id}#v{fair_version(self.fair)}"


@dataclass(frozen=True)
class SubscriberMatches:
    """The fairs due for one subscription, in fair order; subscriptions with the same profile share one list."""
    subscription: Subscription
    matches: Sequence[FairMatch]


def fair_version(fair: TradeFair) -> str:
    """Changes when the dates or the venue change, so a changed fair is announced again."""
    basis = "|".join(str(v) for v in fair.identity_fields())
    return hashlib.sha1(basis.encode()).hexdigest()[:10]


Profile = tuple[frozenset[str], frozenset[str], date, date]  # crafts, country codes, window start, window end


def salon_matches(subscriptions: Iterable[Subscription], fairs: Iterable[TradeFair], today: date,
                  reminder_days: tuple[int, int] = (14, 7)) -> list[SubscriberMatches]:
    """New or changed matching fairs, plus reminders `reminder_days` (deadline, start) ahead.

    A confirmed salon subscription matches a fair that shares a craft (or it names none), is in one of
    its countries or regions (or it names none), and starts inside its window. Subscriptions with the
    same crafts, countries and window are matched once as a profile, and profiles are looked up by
    (craft, country) with "*" for none: 100,000 subscriptions against 2,000 fairs match in seconds.
    """
    deadline_days, start_days = reminder_days
    profile_of: dict[Profile, int] = {}
    windows: list[tuple[date, date]] = []
    buckets: dict[tuple[str, str], list[int]] = {}
    subscribers: list[tuple[Subscription, int]] = []
    for sub in subscriptions:
        if sub.kind != "salon" or not sub.confirmed:
            continue
        codes = sub.country_codes()
        profile: Profile = (frozenset(sub.crafts), frozenset(codes), today + timedelta(days=sub.window_min_days),
                            today + timedelta(days=sub.window_max_days))
        index = profile_of.get(profile)
        if index is None:
            index = profile_of[profile] = len(windows)
            windows.append((profile[2], profile[3]))
            for craft in profile[0] or ("*",):
                for code in profile[1] or ("*",):
                    buckets.setdefault((craft, code), []).append(index)
        subscribers.append((sub, index))
    found: list[list[FairMatch]] = [[] for _ in windows]
    last_fair = [-1] * len(windows)  # a profile reached through two (craft, country) keys matches once
    for fair_index, fair in enumerate(fairs):
        if fair.start_date < today:
            continue
        start = fair.start_date
        matched = FairMatch(fair, "changed" if fair.changed_at else "new")
        reminders = []
        # A cancelled or postponed fair was announced as such; reminding of its old days would send artisans to nothing.
        reminded = fair.status not in ("cancelled", "postponed")
        if reminded and fair.registration_deadline and (fair.registration_deadline - today).days == deadline_days:
            reminders.append(FairMatch(fair, "deadline"))
        if reminded and (start - today).days == start_days:
            reminders.append(FairMatch(fair, "start"))
        for craft in (*fair.crafts, "*"):
            for code in (*fair.countries, "*"):
                for index in buckets.get((craft, code), ()):
                    if last_fair[index] == fair_index:
                        continue
                    last_fair[index] = fair_index
                    window_start, window_end = windows[index]
                    if start > window_end:
                        continue
                    if window_start <= start:
                        found[index].append(matched)
                    if reminders:
                        found[index].extend(reminders)
    return [SubscriberMatches(sub, found[index]) for sub, index in subscribers if found[index]]


def match_count(matches: Iterable[SubscriberMatches]) -> int:
    return sum(len(m.matches) for m in matches)
