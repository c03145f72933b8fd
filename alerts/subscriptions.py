"""Subscriptions: artisans' salon alerts, advisors' saved searches and the strategy digest list."""
from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Any, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from alerts.phones import InvalidPhone, normalize_phone
from indexing.backends.base import SearchBackend
from indexing.models import now_utc, single_line
from indexing.taxonomy import crafts as taxonomy

SubscriptionKind = Literal["salon", "search", "digest", "price"]
Language = Literal["fr", "ar", "en"]
Frequency = Literal["immediate", "daily", "weekly"]
Channel = Literal["email", "whatsapp", "sms", "telegram", "apprise"]
CHANNELS: tuple[str, ...] = ("email", "whatsapp", "sms", "telegram", "apprise")
PHONE_CHANNELS = frozenset({"whatsapp", "sms"})
# Channels whose address is the subscriber's own (the email is the subscription's identity, and
# `apprise` goes to the operator's URLs): a new or changed one is confirmed on that channel first.
RECONFIRMED_CHANNELS = ("whatsapp", "sms", "telegram")
REGIONS: dict[str, tuple[str, ...]] = {
    "europe": ("FR", "DE", "ES", "IT", "BE", "NL", "PT", "CH", "GB", "AT", "DK", "SE", "PL"),
    "gulf": ("AE", "SA", "QA", "KW", "BH", "OM"),
    "north-america": ("US", "CA"),
    "africa": ("MA", "TN", "DZ", "SN", "CI", "EG", "BF", "NG", "KE"),
    "asia": ("CN", "JP", "IN", "KR", "TR"),
}


class InvalidSubscription(ValueError):
    """Form or CLI input that cannot become a subscription; the message says which field."""


def normalize_email(value: str) -> str:
    if len(value) > 254 or any(c in value for c in "\r\n\x00"):
        raise InvalidSubscription("not a valid email address")
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise InvalidSubscription(str(exc)) from None


class Subscription(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    kind: SubscriptionKind
    email: str = ""
    """Empty for an artisan who subscribed by phone alone."""
    phone: str = ""
    """E.164 (+212612345678): the SMS and WhatsApp address."""
    chat: str = Field(default="", max_length=40)
    """The Telegram chat id (digits) or @channel name."""
    channels: list[Channel] = Field(default_factory=lambda: ["email"])
    name: str = ""
    language: Language = "fr"
    crafts: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    window_min_days: int = Field(default=30, ge=0, le=730)
    window_max_days: int = Field(default=270, ge=1, le=1095)
    frequency: Frequency = "immediate"
    query: dict[str, Any] = Field(default_factory=dict)
    title: str = ""
    # Price-change alerts (kind "price"): what is watched, and by how much its price must move.
    price_group: str = Field(default="", max_length=120)
    """A product group key or its prefix: 'tapis', 'tapis/rug', 'tapis/rug/L'."""
    shop: str = Field(default="", max_length=120)
    offer_id: str = Field(default="", max_length=80)
    threshold_pct: float = Field(default=10.0, gt=0, le=1000)
    confirmed: bool = False
    pending_channels: list[Channel] = Field(default_factory=list)
    """Channels added or readdressed since the subscription was confirmed: nothing goes there until
    that channel's own confirmation link is followed."""
    created_at: datetime = Field(default_factory=now_utc)
    updated_at: datetime = Field(default_factory=now_utc)

    @model_validator(mode="before")
    @classmethod
    def _default_channels(cls, data: Any) -> Any:
        """A phone alone, with no channel named, means SMS."""
        if isinstance(data, dict) and "channels" not in data and not data.get("email") and data.get("phone"):
            data = {**data, "channels": ["sms"]}
        return data

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return normalize_email(value) if value.strip() else ""

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        # Stored numbers are E.164 already; the CLI and the form normalise with VEILLE_PHONE_REGION first.
        if not value.strip():
            return ""
        try:
            return normalize_phone(value)
        except InvalidPhone as exc:
            raise ValueError(str(exc)) from None

    @field_validator("chat")
    @classmethod
    def _chat(cls, value: str) -> str:
        value = value.strip()
        if value and not re.fullmatch(r"-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31}", value):
            raise ValueError("a Telegram chat is a numeric id or an @name")
        return value

    @field_validator("channels")
    @classmethod
    def _channels(cls, values: list[str]) -> list[str]:
        if not values:
            raise ValueError("choose at least one channel")
        return list(dict.fromkeys(values))

    @field_validator("name", "title")
    @classmethod
    def _line(cls, value: str) -> str:
        return single_line(value, 120) or ""

    @field_validator("crafts")
    @classmethod
    def _crafts(cls, values: list[str]) -> list[str]:
        known = taxonomy()
        for v in values:
            if v not in known:
                raise ValueError(f"unknown craft {v!r}")
        return list(dict.fromkeys(values))

    @field_validator("countries")
    @classmethod
    def _countries(cls, values: list[str]) -> list[str]:
        out: list[str] = []
        for v in values:
            v = v.strip()
            if v.lower() in REGIONS:
                out.append(v.lower())
            elif re.fullmatch(r"[A-Za-z]{2}", v):
                out.append(v.upper())
            else:
                raise ValueError(f"{v!r} is neither an ISO country code nor a region ({', '.join(REGIONS)})")
        return list(dict.fromkeys(out))

    @model_validator(mode="after")
    def _window(self) -> "Subscription":
        if self.window_min_days >= self.window_max_days:
            raise ValueError("the window must start before it ends (e.g. 30 to 270 days ahead)")
        if self.kind == "price" and not (self.price_group or self.shop or self.offer_id):
            raise ValueError("a price alert watches a group, a shop or an offer (--group, --shop or --offer)")
        if not (self.email or self.phone or self.chat):
            raise ValueError("an email address or a phone number is required")
        if self.kind == "search" and (self.channels != ["email"] or not self.email):
            raise ValueError("saved searches go by email only; they need an email address")
        if "email" in self.channels and not self.email:
            raise ValueError("the email channel needs an email address")
        if PHONE_CHANNELS & set(self.channels) and not self.phone:
            raise ValueError("SMS and WhatsApp need a phone number")
        if "telegram" in self.channels and not self.chat:
            raise ValueError("Telegram needs a chat id")
        if any(c not in self.channels for c in self.pending_channels):
            # A channel dropped (preferences, a STOP reply) is no longer waiting for anything.
            self.pending_channels = [c for c in self.pending_channels if c in self.channels]
        return self

    @property
    def live_channels(self) -> list[str]:
        """The channels alerts go to: none before the subscription is confirmed, and never a pending one."""
        if not self.confirmed:
            return []
        return [c for c in self.channels if c not in self.pending_channels]

    @property
    def address(self) -> str:
        """Who the subscription is, for ids and listings: the email, else the phone, else the chat."""
        return self.email or (f"tel:{self.phone}" if self.phone else f"telegram:{self.chat}")

    def address_of(self, channel: str) -> str:
        """Where a channel's messages go; `apprise` goes to the operator's URLs, named by the subscription."""
        if channel == "email":
            return self.email
        if channel in PHONE_CHANNELS:
            return self.phone
        if channel == "telegram":
            return self.chat
        return self.phone or self.chat or self.email

    @property
    def id(self) -> str:
        """Stable per (kind, email, filter): subscribing twice to the same thing is one subscription."""
        # `address` is the email whenever there is one, so the ids of email subscriptions stay what they were.
        basis = f"{self.kind}|{self.address}|{','.join(sorted(self.crafts))}|{','.join(sorted(self.countries))}|{sorted(self.query.items())}"
        if self.kind == "price":  # only for this kind, so the ids of the other kinds stay what they were
            basis += f"|{self.price_group}|{self.shop.casefold()}|{self.offer_id}|{self.threshold_pct:g}"
        return "sub-" + hashlib.sha1(basis.encode()).hexdigest()[:16]

    def country_codes(self) -> set[str]:
        codes: set[str] = set()
        for c in self.countries:
            codes.update(REGIONS.get(c, (c,)))
        return codes


def channels_to_confirm(previous: Subscription | None, sub: Subscription) -> list[str]:
    """The channels of `sub` that a confirmed `previous` did not have at the same address."""
    if previous is None or not previous.confirmed:
        return []
    return [c for c in sub.channels if c in RECONFIRMED_CHANNELS
            and (c not in previous.channels or previous.address_of(c) != sub.address_of(c))]


def make_subscription(**fields: Any) -> Subscription:
    try:
        return Subscription(**fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(map(str, err["loc"])) or "subscription"
        raise InvalidSubscription(f"{where}: {err['msg'].removeprefix('Value error, ')}") from None


class SubscriptionStore:
    COLLECTION = "subscriptions"

    def __init__(self, backend: SearchBackend) -> None:
        self.backend = backend

    def save(self, sub: Subscription, previous: Subscription | None = None) -> Subscription:
        return self.save_changes(sub, previous)[0]

    def save_changes(self, sub: Subscription, previous: Subscription | None = None) -> tuple[Subscription, list[str]]:
        """Save `sub` over `previous` (by default the stored record of the same id); returns it with
        the channels that now wait for their own confirmation (an added channel, a changed number)."""
        existing = self.get(sub.id)
        previous = previous or existing
        if existing is not None:
            sub = sub.model_copy(update={"created_at": existing.created_at,
                                         "confirmed": existing.confirmed or sub.confirmed})
        fresh = channels_to_confirm(previous, sub)
        still = [c for c in (previous.pending_channels if previous else []) if c in sub.channels and c not in fresh]
        pending = [c for c in sub.channels if c in fresh or c in still or c in sub.pending_channels]
        return self._put(Subscription.model_validate({**sub.model_dump(), "pending_channels": pending})), fresh

    def get(self, sub_id: str) -> Subscription | None:
        data = self.backend.records.get(self.COLLECTION, sub_id)
        if data is None:
            return None
        data.pop("id", None)
        return Subscription.model_validate(data)

    def list(self, kind: str | None = None, confirmed: bool | None = None, email: str | None = None,
             phone: str | None = None) -> list[Subscription]:
        where: dict[str, Any] = {}
        if phone:
            where["phone"] = phone
        if kind:
            where["kind"] = kind
        if confirmed is not None:
            where["confirmed"] = confirmed
        if email:
            where["email"] = normalize_email(email)
        result = []
        for data in self.backend.records.list(self.COLLECTION, where, limit=100_000):
            data.pop("id", None)
            result.append(Subscription.model_validate(data))
        return result

    def confirm(self, sub_id: str) -> Subscription | None:
        sub = self.get(sub_id)
        if sub is None:
            return None
        return self.save(sub.model_copy(update={"confirmed": True}))

    def confirm_channel(self, sub_id: str, channel: str, address: str) -> Subscription | None:
        """Take `channel` off the pending list if it still goes to `address` (a link sent to an older
        number confirms nothing); None when there is no such subscription."""
        sub = self.get(sub_id)
        if sub is None:
            return None
        if channel not in sub.pending_channels or sub.address_of(channel) != address:
            return sub
        return self._put(sub.model_copy(update={"pending_channels": [c for c in sub.pending_channels if c != channel]}))

    def _put(self, sub: Subscription) -> Subscription:
        sub = sub.model_copy(update={"updated_at": now_utc()})
        self.backend.records.put(self.COLLECTION, sub.id, {"id": sub.id, **sub.model_dump(mode="json")})
        return sub

    def remove(self, sub_id: str) -> bool:
        return self.backend.records.delete(self.COLLECTION, sub_id)
