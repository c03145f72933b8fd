"""The digest's week: ISO week labels, local Monday-to-Sunday windows, and 'the last full week'."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


class BadWeek(ValueError):
    pass


def parse_week(week: str) -> tuple[date, date]:
    """Monday and next Monday of an ISO week like 2026-W48."""
    match = _WEEK.match(week.strip())
    if not match:
        raise BadWeek(f"week {week!r} must look like 2026-W48")
    try:
        monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError as exc:
        raise BadWeek(f"week {week!r}: {exc}") from None
    return monday, monday + timedelta(days=7)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Week:
    """Monday 00:00 to the next Monday 00:00 in `timezone`; `start_at`/`end_at` are those instants in UTC."""
    label: str
    start: date
    end: date
    timezone: str = "UTC"

    @property
    def start_at(self) -> datetime:
        return _local_midnight(self.start, self.timezone)

    @property
    def end_at(self) -> datetime:
        return _local_midnight(self.end, self.timezone)

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    def contains(self, moment: datetime | None) -> bool:
        if moment is None:
            return False
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return self.start_at <= moment < self.end_at

    def shifted(self, weeks: int) -> "Week":
        return week_of(iso_week(self.start + timedelta(weeks=weeks)), self.timezone)


def _local_midnight(day: date, tz: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz)).astimezone(timezone.utc)


def week_of(label: str, tz: str = "UTC") -> Week:
    start, end = parse_week(label)
    return Week(iso_week(start), start, end, tz)


def local_today(now: datetime, tz: str) -> date:
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(ZoneInfo(tz)).date()


def last_full_week(now: datetime, tz: str) -> Week:
    """The latest Monday-to-Sunday week that has ended by `now`, in `tz` (on a Monday: the week before)."""
    today = local_today(now, tz)
    this_monday = today - timedelta(days=today.weekday())
    return week_of(iso_week(this_monday - timedelta(days=7)), tz)
