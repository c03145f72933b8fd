"""One query model for both backends: parsed from user input, never passed through as syntax."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Mapping

from indexing.analysis import STOPWORDS, query_term_alternatives
from indexing.models import KINDS
from indexing.query_problems import Problem, ProblemList, QueryError, shown
from indexing.taxonomy import crafts as all_crafts
from indexing.textnorm import words

MAX_QUERY_CHARS = 500
MAX_PAGE = 500
MAX_PER_PAGE = 100
SORTS = ("relevance", "date", "-date", "price", "-price")
FACETS = ("kind", "crafts", "countries", "source", "language")
_PHRASE = re.compile(r'"([^"]*)"')


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
        raise QueryError(Problem("text_too_long", {"length": str(len(text)), "limit": str(MAX_QUERY_CHARS)}, "q"))
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
        problems = ProblemList()
        try:
            object.__setattr__(self, "parsed", parse_text(self.text))
        except QueryError as exc:
            problems.absorb(exc)
        for kind in self.kinds:
            if kind not in KINDS:
                problems.add("unknown_kind", "kind", value=shown(kind), choices=", ".join(KINDS))
        if self.sort not in SORTS:
            problems.add("unknown_sort", "sort", value=shown(self.sort), choices=", ".join(SORTS))
        if self.price_currency not in ("MAD", "EUR"):
            problems.add("unknown_currency", "currency")
        if not 1 <= self.page <= MAX_PAGE:
            problems.add("page_range", "page", limit=MAX_PAGE)
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            problems.add("per_page_range", "per_page", limit=MAX_PER_PAGE)
        if self.date_from and self.date_to and self.date_from > self.date_to:
            problems.add("dates_reversed", "from")
        if self.price_min is not None and self.price_max is not None and self.price_min > self.price_max:
            problems.add("prices_reversed", "price_min")
        problems.raise_any()

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


def _date(params: Mapping[str, object], key: str, problems: ProblemList) -> date | None:
    raw = params.get(key)
    if raw in (None, ""):
        return None
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        problems.add("not_a_date", key, value=shown(raw))
        return None


def _decimal(params: Mapping[str, object], key: str, problems: ProblemList) -> Decimal | None:
    raw = params.get(key)
    if raw in (None, ""):
        return None
    try:
        value = Decimal(str(raw).replace(",", ".").strip())
    except InvalidOperation:
        problems.add("not_a_number", key, value=shown(raw))
        return None
    if not value.is_finite() or value < 0:
        problems.add("not_positive", key)
        return None
    return value


def _int(params: Mapping[str, object], key: str, default: int, problems: ProblemList) -> int:
    raw = params.get(key)
    if raw in (None, ""):
        return default
    text = str(raw).strip()
    if not text.isdigit() or len(text) > 6:
        problems.add("not_whole", key, value=shown(text))
        return default
    return int(text)


def query_from_params(params: Mapping[str, object]) -> SearchQuery:
    """Build a query from URL/CLI parameters (q, kind, craft, country, source, lang, from, to, ...).

    Raises QueryError naming every problem of the input, not only the first."""
    problems = ProblemList()
    crafts = _list(params, "craft")
    known = all_crafts()
    for craft in crafts:
        if craft not in known:
            problems.add("unknown_craft", "craft", value=shown(craft), choices=", ".join(known))
    countries = tuple(c.upper() for c in _list(params, "country"))
    for country in countries:
        if not re.fullmatch(r"[A-Z]{2}", country):
            problems.add("bad_country", "country", value=shown(country))
    languages = tuple(lang.lower() for lang in _list(params, "lang"))
    for lang in languages:
        if not re.fullmatch(r"[a-z]{2}", lang):
            problems.add("bad_language", "lang", value=shown(lang))
    currency = str(params.get("currency") or "MAD").upper()
    try:
        query = SearchQuery(
            text=str(params.get("q") or ""),
            kinds=_list(params, "kind"),
            crafts=crafts,
            countries=countries,
            sources=_list(params, "source"),
            languages=languages,
            date_from=_date(params, "from", problems),
            date_to=_date(params, "to", problems),
            price_min=_decimal(params, "price_min", problems),
            price_max=_decimal(params, "price_max", problems),
            price_currency=currency,
            sort=str(params.get("sort") or "relevance"),
            page=_int(params, "page", 1, problems),
            per_page=_int(params, "per_page", 20, problems),
        )
    except QueryError as exc:
        problems.absorb(exc)
    problems.raise_any()
    return query


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
