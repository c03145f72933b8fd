"""Search hits and facet counts turned into what the templates show."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from markupsafe import Markup, escape

from indexing.backends.base import SearchBackend
from indexing.cleantext import clean_description, cut_words
from indexing.models import Document, NewsArticle, Offer, TradeFair
from indexing.record_guard import valid_document
from indexing.query import FACETS, Hit
from indexing.urls import is_safe_link
from web.filters import FACET_PARAMS, SearchState
from web.formatting import Formatter
from web.i18n import Translator
from web.source_names import source_name

SNIPPET_CHARS = 240
FACET_VALUES_SHOWN = 12
DETAIL_PATHS = {"news": "/news/", "fair": "/fairs/", "offer": "/offers/"}


@dataclass(frozen=True)
class HitView:
    id: str
    kind: str
    document: Document
    title_html: Markup
    snippet_html: Markup
    detail_url: str
    source_url: str | None
    day: date | datetime | None
    others: tuple[HitView, ...] = ()  # the other reports of the same story (web.story_hits)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(v.document.source for v in (self, *self.others)))


def detail_url(kind: str, doc_id: str) -> str:
    return DETAIL_PATHS[kind] + doc_id


def plain_excerpt(document: Document) -> str:
    # Summaries and descriptions are cleaned by the models when they are read; only the body is not.
    if isinstance(document, NewsArticle):
        text = document.summary or clean_description(document.text, document.title) or ""
    elif isinstance(document, (TradeFair, Offer)):
        text = document.description or ""
    else:
        text = ""
    return cut_words(text, SNIPPET_CHARS)


def display_day(document: Document) -> date | datetime | None:
    if isinstance(document, TradeFair):
        return document.start_date
    if isinstance(document, NewsArticle) and document.published_at is not None:
        return document.published_at  # the publisher's own day; sort_date() is the UTC instant
    return document.sort_date()


def hit_views(hits: list[Hit], backend: SearchBackend, where: str) -> list[HitView]:
    """The views of the hits whose stored record is a valid document; the others are skipped and counted."""
    return [hit_view(hit, document) for hit in hits
            if (document := valid_document(hit.kind, hit.document, where, backend)) is not None]


def hit_view(hit: Hit, document: Document) -> HitView:
    # indexing.highlight escapes the text and adds only <mark>: it is the one trusted HTML source.
    title = hit.highlights.get("title")
    snippet = hit.highlights.get("text")
    return HitView(
        id=hit.id,
        kind=hit.kind,
        document=document,
        title_html=Markup(title) if title else escape(document.search_title()),
        snippet_html=Markup(snippet) if snippet else escape(plain_excerpt(document)),
        detail_url=detail_url(hit.kind, hit.id),
        source_url=document.url if is_safe_link(document.url) else None,
        day=display_day(document),
    )


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    active: bool


@dataclass(frozen=True)
class FacetView:
    name: str
    param: str
    title: str
    values: list[FacetValue]


def facet_label(facet: str, value: str, t: Translator, fmt: Formatter) -> str:
    if facet == "kind":
        return t(f"kind_{value}") if value in DETAIL_PATHS else value
    if facet == "crafts":
        return fmt.craft(value)
    if facet == "countries":
        return fmt.country(value)
    if facet == "language":
        return fmt.language_name(value)
    if facet == "source":
        return source_name(value)
    return value


def facet_views(facets: dict[str, dict[str, int]], state: SearchState, path: str, t: Translator,
                fmt: Formatter, hidden: tuple[str, ...] = ()) -> list[FacetView]:
    views = []
    for facet in FACETS:
        if facet in hidden:
            continue
        param = FACET_PARAMS[facet]
        counts = dict(list(facets.get(facet, {}).items())[:FACET_VALUES_SHOWN])
        for active in state.values(param):  # a selected value stays visible so it can be unselected
            counts.setdefault(active, facets.get(facet, {}).get(active, 0))
        values = [
            FacetValue(value, facet_label(facet, value, t, fmt), count,
                       state.toggled(param, value).url(path), state.has(param, value))
            for value, count in counts.items()
        ]
        if values:
            views.append(FacetView(facet, param, t(f"facet_{facet}"), values))
    return views


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_url: str


def param_label(param: str, value: str, t: Translator, fmt: Formatter) -> str:
    facet = {v: k for k, v in FACET_PARAMS.items()}.get(param)
    if facet:
        return t("filter_label", name=t("facet_" + facet), value=facet_label(facet, value, t, fmt))
    names = {"from": "date_from", "to": "date_to", "price_min": "price_min", "price_max": "price_max"}
    return t("filter_label", name=t(names[param]), value=value) if param in names else value


def active_filters(state: SearchState, path: str, t: Translator, fmt: Formatter,
                   hidden: tuple[str, ...] = ()) -> list[ActiveFilter]:
    return [ActiveFilter(param_label(n, v, t, fmt), state.toggled(n, v).url(path))
            for n, v in state.active_filters() if n not in hidden]
