"""One query model for both backends: parsed from user input, never passed through as syntax."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Mapping

from indexing.analysis import STOPWORDS, query_term_alternatives
from indexing.models import KINDS
from indexing.taxonomy import crafts as all_crafts
from indexing.textnorm import words

MAX_QUERY_CHARS = 500
MAX_PAGE = 500
MAX_PER_PAGE = 100
SORTS = ("relevance", "date", "-date", "price", "-price")
FACETS = ("kind", "crafts", "countries", "source", "language")
_PHRASE = re.compile(r'"([^"]*)"')


class QueryError(ValueError):
    """User input that cannot become a query; the message says what to fix."""


@dataclass(frozen=True)
class TextQuery:
    """AND of groups (each an OR of alternative terms), phrases and prefixes."""
    groups: tuple[tuple[str, ...], ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefixes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.groups or self.phrases or self.prefixes)

    def highlight_words(self) -> set[str]:
        found = {w for phrase in self.phrases for w in phrase}
        for group in self.groups:
            found.update(group)
        return found


def parse_text(text: str) -> TextQuery:
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The search text is {len(text)} characters long; shorten it to {MAX_QUERY_CHARS} or fewer.")
    phrases: list[tuple[str, ...]] = []
    for raw in _PHRASE.findall(text):
        tokens = tuple(words(raw))
        if len(tokens) == 1:
            text += " " + tokens[0]
        elif tokens:
            phrases.append(tokens)
    rest = _PHRASE.sub(" ", text).replace('"', " ")
    groups: list[tuple[str, ...]] = []
    prefixes: list[str] = []
    for raw in rest.split():
        is_prefix = raw.endswith("*")
        for index, word in enumerate(tokens := words(raw)):
            if is_prefix and index == len(tokens) - 1 and len(word) >= 2:
                prefixes.append(word)
            elif word not in STOPWORDS:
                alternatives = tuple(dict.fromkeys(query_term_alternatives(word)))
                if alternatives and alternatives not in groups:
                    groups.append(alternatives)
    return TextQuery(tuple(groups[:32]), tuple(phrases[:8]), tuple(prefixes[:8]))


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    kinds: tuple[str, ...] = ()
    crafts: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    price_currency: str = "MAD"
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    with_facets: bool = True
    parsed: TextQuery = field(default_factory=TextQuery, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parsed", parse_text(self.text))
        for kind in self.kinds:
            if kind not in KINDS:
                raise QueryError(f"Unknown kind {kind!r}; choose among {', '.join(KINDS)}.")
        if self.sort not in SORTS:
            raise QueryError(f"Unknown sort {self.sort!r}; choose among {', '.join(SORTS)}.")
        if self.price_currency not in ("MAD", "EUR"):
            raise QueryError("Prices can be filtered in MAD or EUR only.")
        if not 1 <= self.page <= MAX_PAGE:
            raise QueryError(f"Page must be between 1 and {MAX_PAGE}.")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise QueryError(f"Results per page must be between 1 and {MAX_PER_PAGE}.")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError("The start date is after the end date.")
        if self.price_min is not None and self.price_max is not None and self.price_min > self.price_max:
            raise QueryError("The minimum price is above the maximum price.")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def with_page(self, page: int) -> "SearchQuery":
        return replace(self, page=page)


def _list(params: Mapping[str, object], key: str) -> tuple[str, ...]:
    value = params.get(key)
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else [value]
    out: list[str] = []
    for item in items:
        for part in str(item).split(","):
            part = part.strip()
            if part and len(part) <= 100 and part not in out:
                out.append(part)
    return tuple(out[:50])


def _date(params: Mapping[str, object], key: str, label: str) -> date | None:
    raw = params.get(key)
    if raw in (None, ""):
        return None
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        raise QueryError(f"{label}: {str(raw)[:40]!r} is not a date; use YYYY-MM-DD.") from None


def _decimal(params: Mapping[str, object], key: str, label: str) -> Decimal | None:
    raw = params.get(key)
    if raw in (None, ""):
        return None
    try:
        value = Decimal(str(raw).replace(",", ".").strip())
    except InvalidOperation:
        raise QueryError(f"{label}: {str(raw)[:40]!r} is not a number.") from None
    if not value.is_finite() or value < 0:
        raise QueryError(f"{label}: must be a positive number.")
    return value


def _int(params: Mapping[str, object], key: str, default: int, label: str) -> int:
    raw = params.get(key)
    if raw in (None, ""):
        return default
    text = str(raw).strip()
    if not text.isdigit() or len(text) > 6:
        raise QueryError(f"{label}: {text[:40]!r} is not a whole number.")
    return int(text)


def query_from_params(params: Mapping[str, object]) -> SearchQuery:
    """Build a query from URL/CLI parameters (q, kind, craft, country, source, lang, from, to, ...)."""
    crafts = _list(params, "craft")
    known = all_crafts()
    for craft in crafts:
        if craft not in known:
            raise QueryError(f"Unknown craft {craft!r}; choose among {', '.join(known)}.")
    countries = tuple(c.upper() for c in _list(params, "country"))
    for country in countries:
        if not re.fullmatch(r"[A-Z]{2}", country):
            raise QueryError(f"Country {country!r} must be a two-letter ISO code such as MA or FR.")
    languages = tuple(lang.lower() for lang in _list(params, "lang"))
    for lang in languages:
        if not re.fullmatch(r"[a-z]{2}", lang):
            raise QueryError(f"Language {lang!r} must be a two-letter code such as fr, ar or en.")
    currency = str(params.get("currency") or "MAD").upper()
    return SearchQuery(
        text=str(params.get("q") or ""),
        kinds=_list(params, "kind"),
        crafts=crafts,
        countries=countries,
        sources=_list(params, "source"),
        languages=languages,
        date_from=_date(params, "from", "From date"),
        date_to=_date(params, "to", "To date"),
        price_min=_decimal(params, "price_min", "Minimum price"),
        price_max=_decimal(params, "price_max", "Maximum price"),
        price_currency=currency,
        sort=str(params.get("sort") or "relevance"),
        page=_int(params, "page", 1, "Page"),
        per_page=_int(params, "per_page", 20, "Results per page"),
    )


@dataclass
class Hit:
    id: str
    kind: str
    score: float
    document: dict
    highlights: dict[str, str] = field(default_factory=dict)


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    query: SearchQuery
    took_ms: float = 0.0


def day_start(value: date) -> datetime:
    from datetime import timezone
    return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
