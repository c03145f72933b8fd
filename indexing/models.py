"""Stored documents: NewsArticle, TradeFair, Offer, PriceObservation."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from indexing.cleantext import clean_description
from indexing.plausibility import check_currency, check_day, check_duration, check_price, check_published
from indexing.textnorm import words
from indexing.urls import canonical_url

Kind = Literal["news", "fair", "offer"]
KINDS: tuple[str, ...] = ("news", "fair", "offer")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_SPACES = re.compile(r"\s+")

ShortText = Annotated[str, Field(max_length=500)]
FairStatus = Literal["scheduled", "postponed", "rescheduled", "cancelled", "online"]
"""schema.org eventStatus (EventScheduled, EventPostponed, EventRescheduled, EventCancelled, EventMovedOnline)."""
YearBasis = Literal["explicit", "context", "none"]
"""Where the year of the dates came from: next to them, elsewhere on the page (dateline, weekday), or nowhere."""


def single_line(value: str | None, limit: int = 500) -> str | None:
    """Collapse newlines and control characters: scraped titles end up in mail headers."""
    if value is None:
        return None
    cleaned = _SPACES.sub(" ", _CONTROL.sub(" ", value)).strip()
    return cleaned[:limit] or None


def utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def content_hash(*parts: str | None) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part or "").encode("utf-8", "replace"))
        digest.update(b"\x00")
    return digest.hexdigest()[:32]


_EDITION_WORDS = frozenset({"edition", "editions", "ed", "th", "st", "nd", "rd", "er", "eme", "e"})


@lru_cache(maxsize=1)
def _city_words() -> frozenset[str]:
    """Host-city names, which sources add to a fair's name or leave out ('Maison&Objet Paris')."""
    path = Path(__file__).resolve().parents[1] / "spiders" / "extract" / "data" / "cities.yaml"
    names: set[str] = set()
    if path.exists():
        import yaml
        for city, entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            for name in [city, *((entry or {}).get("names") or [])]:
                tokens = words(str(name))
                if len(tokens) == 1 and len(tokens[0]) > 3:
                    names.add(tokens[0])
    return frozenset(names)


def fair_identity(name: str, year: int) -> str:
    """Normalized name + edition year: the same fair announced anywhere gets the same id."""
    cities = _city_words()
    tokens = []
    for token in words(name):
        if token.isdigit() or token in _EDITION_WORDS or re.fullmatch(r"\d+(st|nd|rd|th|e|eme|er)", token):
            continue
        if token in cities and tokens:  # keep a name that *is* a city ('Paris Design Week' keeps nothing else)
            continue
        if not tokens or tokens[-1] != token:
            tokens.append(token)
    glue = ("du", "de", "des", "la", "le", "les", "l", "d", "the", "of", "in", "di", "del", "en", "a")
    while len(tokens) > 1 and tokens[0] in glue:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in glue:
        tokens.pop()
    slug = "-".join(tokens)[:80] or "fair"
    return f"fair-{slug}-{year}"


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    kind: ClassVar[str]

    url: str
    source: ShortText
    crafts: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    first_seen: datetime = Field(default_factory=now_utc)

    @field_validator("url")
    @classmethod
    def _canonical(cls, value: str) -> str:
        return canonical_url(value)

    @field_validator("countries")
    @classmethod
    def _iso_countries(cls, values: list[str]) -> list[str]:
        result = []
        for value in values:
            code = value.strip().upper()
            if not re.fullmatch(r"[A-Z]{2}", code):
                raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, got {value!r}")
            if code not in result:
                result.append(code)
        return result

    @field_validator("crafts")
    @classmethod
    def _dedupe(cls, values: list[str]) -> list[str]:
        return list(dict.fromkeys(v for v in values if v))

    @field_validator("first_seen")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return utc(value)  # type: ignore[return-value]

    @property
    def id(self) -> str:
        # `url` is canonical already (validated), so hash it as it is.
        return f"{self.kind}-" + hashlib.sha1(self.url.encode()).hexdigest()[:20]

    def search_title(self) -> str:
        raise NotImplementedError

    def search_body(self) -> str:
        raise NotImplementedError

    def sort_date(self) -> datetime | None:
        raise NotImplementedError

    def language_code(self) -> str | None:
        return None

    def normalized_prices(self) -> tuple[Decimal | None, Decimal | None]:
        """(MAD, EUR); only offers carry prices."""
        return None, None


class NewsArticle(Document):
    kind: ClassVar[str] = "news"

    title: str
    text: str = Field(max_length=200_000)
    summary: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    """In the publisher's own UTC offset, never shifted (its day is the day the page shows);
    midnight UTC when the page gives only the day."""
    published_utc: datetime | None = None
    """The same instant in UTC: what news is sorted and filtered by. Derived from published_at."""
    language: str | None = None
    content_hash: str = ""

    @field_validator("title", "author")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        return single_line(value)

    @field_validator("published_at")
    @classmethod
    def _pub_aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)  # a time without offset: the page's clock, read as UTC
        return check_published(value)

    @field_validator("published_utc")
    @classmethod
    def _pub_utc(cls, value: datetime | None) -> datetime | None:
        return check_published(utc(value))

    @field_validator("language")
    @classmethod
    def _lang(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().lower()[:2]
        if not re.fullmatch(r"[a-z]{2}", code):
            raise ValueError(f"language must be ISO 639-1, got {value!r}")
        return code

    @model_validator(mode="after")
    def _hash(self) -> "NewsArticle":
        if not self.title:
            raise ValueError("a news article needs a title")
        object.__setattr__(self, "summary", clean_description(self.summary, self.title))
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.title, self.text))
        # Always the instant of published_at: a copy with a new published_at must not keep a stale one.
        object.__setattr__(self, "published_utc", utc(self.published_at))
        return self

    def search_title(self) -> str:
        return self.title

    def search_body(self) -> str:
        return self.text

    def sort_date(self) -> datetime | None:
        return self.published_utc or self.first_seen

    def language_code(self) -> str | None:
        return self.language


class FairSource(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    url: str
    seen_at: datetime = Field(default_factory=now_utc)


class TradeFair(Document):
    kind: ClassVar[str] = "fair"

    name: str
    start_date: date
    end_date: date | None = None
    city: str | None = None
    country: str | None = None
    venue: str | None = None
    organizer: str | None = None
    registration_deadline: date | None = None
    website: str | None = None
    """The fair's official site (not the page it was read on)."""
    edition: int | None = Field(default=None, ge=1, le=500)
    status: FairStatus = "scheduled"
    year_basis: YearBasis = "explicit"
    series: str | None = None
    """The name shared by every yearly edition ('Maison&Objet' for 'Maison&Objet 2027')."""
    description: str | None = Field(default=None, max_length=20_000)
    language: str | None = None
    sources: list[FairSource] = Field(default_factory=list)
    changed_at: datetime | None = None

    @field_validator("website")
    @classmethod
    def _web_link(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from indexing.urls import is_safe_link
        return value if is_safe_link(value) else None

    @field_validator("name", "city", "venue", "organizer", "series")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        return single_line(value)

    @field_validator("country")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, got {value!r}")
        return code

    @field_validator("start_date", "end_date", "registration_deadline")
    @classmethod
    def _plausible_day(cls, value: date | None, info: Any) -> date | None:
        return check_day(info.field_name, value)

    @model_validator(mode="after")
    def _check(self) -> "TradeFair":
        if not self.name:
            raise ValueError("a fair needs a name")
        check_duration(self.start_date, self.end_date)
        object.__setattr__(self, "description", clean_description(self.description, self.name))
        if self.country and self.country not in self.countries:
            object.__setattr__(self, "countries", [self.country, *self.countries])
        if not self.sources:
            object.__setattr__(self, "sources", [FairSource(source=self.source, url=self.url)])
        return self

    @property
    def id(self) -> str:
        """An edition: (series, year). Every yearly edition of one series shares `series_id`."""
        return fair_identity(self.series or self.name, self.start_date.year)

    @property
    def series_id(self) -> str:
        return self.id.rsplit("-", 1)[0]

    def identity_fields(self) -> tuple[Any, ...]:
        """What an artisan's alert cares about: a change here is a 'changed' fair."""
        return (self.start_date, self.end_date, self.city, self.venue, self.status)

    def search_title(self) -> str:
        return self.name

    def search_body(self) -> str:
        return " ".join(p for p in (self.description, self.city, self.venue, self.organizer) if p)

    def sort_date(self) -> datetime | None:
        return datetime(self.start_date.year, self.start_date.month, self.start_date.day, tzinfo=timezone.utc)

    def language_code(self) -> str | None:
        return self.language


class Offer(Document):
    kind: ClassVar[str] = "offer"

    name: str
    shop: str
    price: Decimal | None = None
    """What the shopper pays today (the reduced price during a sale)."""
    list_price: Decimal | None = None
    """The regular price `price` reduces, in the same currency; None when there is no reduction."""
    currency: str | None = None
    price_mad: Decimal | None = None
    price_eur: Decimal | None = None
    availability: str | None = None
    sku: str | None = None
    brand: str | None = None
    description: str | None = Field(default=None, max_length=20_000)
    language: str | None = None
    observed_at: datetime = Field(default_factory=now_utc)
    # The comparable group (indexing/product_groups.py), set when the offer is indexed.
    product_type: str | None = Field(default=None, max_length=40)
    size_class: str | None = Field(default=None, max_length=8)
    area_m2: Decimal | None = None
    price_per_m2_mad: Decimal | None = None

    @field_validator("name", "shop", "brand", "sku", "availability")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        return single_line(value, 300)

    @field_validator("currency")
    @classmethod
    def _iso4217(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ValueError(f"currency must be ISO 4217, got {value!r}")
        return check_currency(code)

    @field_validator("price", "list_price", "price_mad", "price_eur")
    @classmethod
    def _plausible_price(cls, value: Decimal | None, info: Any) -> Decimal | None:
        return check_price(info.field_name, value)

    @field_validator("observed_at")
    @classmethod
    def _obs_utc(cls, value: datetime) -> datetime:
        return utc(value)  # type: ignore[return-value]

    @model_validator(mode="after")
    def _check(self) -> "Offer":
        if not self.name:
            raise ValueError("an offer needs a name")
        object.__setattr__(self, "description", clean_description(self.description, self.name))
        if self.price is not None and not self.currency:
            raise ValueError(f"offer {self.name!r} has a price without a currency")
        if self.list_price is not None and (self.price is None or self.list_price <= self.price):
            raise ValueError(f"offer {self.name!r}: a list price must be above the price it reduces")
        return self

    def search_title(self) -> str:
        return self.name

    def search_body(self) -> str:
        return " ".join(p for p in (self.brand, self.shop, self.description) if p)

    def sort_date(self) -> datetime | None:
        return self.observed_at

    def language_code(self) -> str | None:
        return self.language

    def normalized_prices(self) -> tuple[Decimal | None, Decimal | None]:
        return self.price_mad, self.price_eur


class PriceObservation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    offer_id: str
    observed_at: datetime
    price: Decimal
    currency: str
    price_mad: Decimal | None = None
    price_eur: Decimal | None = None
    availability: str | None = None

    @field_validator("price", "price_mad", "price_eur")
    @classmethod
    def _plausible_price(cls, value: Decimal | None, info: Any) -> Decimal | None:
        return check_price(info.field_name, value)

    @field_validator("observed_at")
    @classmethod
    def _obs_utc(cls, value: datetime) -> datetime:
        return utc(value)  # type: ignore[return-value]

    @property
    def id(self) -> str:
        return f"{self.offer_id}@{self.observed_at.isoformat()}"

    @classmethod
    def of(cls, offer: Offer) -> "PriceObservation | None":
        if offer.price is None or offer.currency is None:
            return None
        return cls(offer_id=offer.id, observed_at=offer.observed_at, price=offer.price, currency=offer.currency,
                   price_mad=offer.price_mad, price_eur=offer.price_eur, availability=offer.availability)


MODEL_BY_KIND: dict[str, type[Document]] = {"news": NewsArticle, "fair": TradeFair, "offer": Offer}


def document_from_dict(kind: str, data: dict[str, Any]) -> Document:
    try:
        model = MODEL_BY_KIND[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}") from None
    return model.model_validate(data)
