"""The alert forms' fields, read from a POST and checked field by field with translated messages."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import QueryParams

from alerts.phones import DEFAULT_REGION, InvalidPhone, normalize_phone
from alerts.subscriptions import (
    REGIONS,
    InvalidSubscription,
    Subscription,
    normalize_email,
)
from indexing.markets import COUNTRY_NAMES
from indexing.query import QueryError, query_from_params
from indexing.taxonomy import crafts as taxonomy
from web.filters import SearchState
from web.i18n import LANGUAGES, Translator
from web.query_messages import query_messages

FREQUENCIES = ("immediate", "daily", "weekly")
FORM_CHANNELS = ("email", "sms", "whatsapp")  # Telegram and Apprise URLs are set up by an operator (CLI)
NAME_MAX = 120
WINDOW_MIN_RANGE = (0, 730)
WINDOW_MAX_RANGE = (1, 1095)

Errors = dict[str, str]


def email_error(raw: str, t: Translator) -> str | None:
    if not raw.strip():
        return t("err_email_required")
    try:
        normalize_email(raw)
    except InvalidSubscription:
        return t("err_email_invalid")
    return None


def whole_number_error(raw: str, bounds: tuple[int, int], t: Translator) -> str | None:
    text = raw.strip()
    if not text.isdigit() or not bounds[0] <= int(text) <= bounds[1]:
        return t("err_whole_number", low=bounds[0], high=bounds[1])
    return None


def country_choices() -> tuple[str, ...]:
    return tuple(REGIONS) + tuple(sorted(COUNTRY_NAMES))


@dataclass
class SalonAlertForm:
    email: str = ""
    name: str = ""
    language: str = "fr"
    crafts: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    window_min_days: str = "30"
    window_max_days: str = "270"
    frequency: str = "immediate"
    phone: str = ""
    channels: list[str] = field(default_factory=lambda: ["email"])
    region: str = DEFAULT_REGION

    @classmethod
    def of(cls, sub: Subscription) -> "SalonAlertForm":
        return cls(sub.email, sub.name, sub.language, list(sub.crafts), list(sub.countries),
                   str(sub.window_min_days), str(sub.window_max_days), sub.frequency, sub.phone, list(sub.channels))

    def normalized_phone(self) -> str:
        return normalize_phone(self.phone, self.region) if self.phone.strip() else ""

    def _contact_errors(self, t: Translator, check_email: bool) -> Errors:
        found: Errors = {}
        if check_email and not self.email.strip() and not self.phone.strip():
            found = {"email": t("err_email_required")}
            if {"sms", "whatsapp"} & set(self.channels):
                found["phone"] = t("err_phone_required")
            return found
        if not self.channels or any(c not in FORM_CHANNELS for c in self.channels):
            found["channels"] = t("err_channel_required") if not self.channels else t("err_choice")
        wants_email = "email" in self.channels
        if check_email and (wants_email or self.email.strip()) and (message := email_error(self.email, t)):
            found["email"] = message
        if self.phone.strip():
            try:
                self.normalized_phone()
            except InvalidPhone:
                found["phone"] = t("err_phone_invalid")
        elif {"sms", "whatsapp"} & set(self.channels):
            found["phone"] = t("err_phone_required")
        return found

    def errors(self, t: Translator, check_email: bool = True) -> Errors:
        found = self._contact_errors(t, check_email)
        if len(self.name) > NAME_MAX:
            found["name"] = t("err_too_long", max=NAME_MAX)
        if self.language not in LANGUAGES:
            found["language"] = t("err_choice")
        if any(c not in taxonomy() for c in self.crafts):
            found["crafts"] = t("err_choice")
        if any(c not in country_choices() for c in self.countries):
            found["countries"] = t("err_choice")
        if message := whole_number_error(self.window_min_days, WINDOW_MIN_RANGE, t):
            found["window_min_days"] = message
        if message := whole_number_error(self.window_max_days, WINDOW_MAX_RANGE, t):
            found["window_max_days"] = message
        if not found.keys() & {"window_min_days", "window_max_days"} \
                and int(self.window_min_days) >= int(self.window_max_days):
            found["window_max_days"] = t("err_window_order")
        if self.frequency not in FREQUENCIES:
            found["frequency"] = t("err_choice")
        return found

    def subscription_fields(self) -> dict[str, Any]:
        return {"kind": "salon", "email": self.email, "phone": self.normalized_phone(), "channels": self.channels,
                "name": self.name.strip(), "language": self.language, "crafts": self.crafts, "countries": self.countries, "window_min_days": int(self.window_min_days),
                "window_max_days": int(self.window_max_days), "frequency": self.frequency}


def saved_query(raw: str) -> dict[str, object]:
    """A search page's query string as stored in the subscription; QueryError if it cannot run."""
    state = SearchState.from_query(QueryParams(raw[:4000]))
    params = state.query_params()
    query_from_params(params)
    return params


@dataclass
class SavedSearchForm:
    name: str = ""
    email: str = ""
    language: str = "fr"
    frequency: str = "daily"
    query: str = ""

    def errors(self, t: Translator, check_email: bool = True, require_name: bool = True) -> Errors:
        found: Errors = {}
        if require_name and not self.name.strip():
            found["name"] = t("err_required")
        elif len(self.name) > NAME_MAX:
            found["name"] = t("err_too_long", max=NAME_MAX)
        if check_email and (message := email_error(self.email, t)):
            found["email"] = message
        if self.language not in LANGUAGES:
            found["language"] = t("err_choice")
        if self.frequency not in FREQUENCIES:
            found["frequency"] = t("err_choice")
        try:
            saved_query(self.query)
        except QueryError as exc:
            found["query"] = t("err_query_invalid", message=" ".join(query_messages(exc, t)))
        return found

    def subscription_fields(self) -> dict[str, Any]:
        return {"kind": "search", "email": self.email, "title": self.name.strip(), "language": self.language,
                "frequency": self.frequency, "query": saved_query(self.query)}
