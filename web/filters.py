"""The filters of a result list, held as URL parameters so every view is a shareable link."""
from __future__ import annotations

from typing import Iterable, Mapping
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

# Page parameters. `lang` is the interface language on pages, so the document-language
# filter is `language` here (the JSON API keeps `lang`, see web.api).
TEXT_PARAMS = ("q", "from", "to", "price_min", "price_max", "currency", "sort", "per_page")
LIST_PARAMS = ("kind", "craft", "country", "source", "language")
FACET_PARAMS: dict[str, str] = {
    "kind": "kind", "crafts": "craft", "countries": "country", "source": "source", "language": "language",
}
MAX_VALUES_PER_PARAM = 50


class SearchState:
    """Ordered (name, value) pairs of the active filters, without page, format and UI language."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.pairs: list[tuple[str, str]] = []
        for name, value in pairs:
            value = value.strip()
            if value and (name, value) not in self.pairs and (name in TEXT_PARAMS or name in LIST_PARAMS):
                self.pairs.append((name, value))

    @classmethod
    def from_query(cls, params: QueryParams | Mapping[str, str], fixed: Mapping[str, str] | None = None) -> "SearchState":
        items = params.multi_items() if isinstance(params, QueryParams) else list(params.items())
        pairs: list[tuple[str, str]] = []
        seen_text: set[str] = set()
        for name, value in items:
            if fixed and name in fixed:
                continue
            if name in LIST_PARAMS:
                pairs.extend((name, part) for part in value.split(",")[:MAX_VALUES_PER_PARAM])
            elif name in TEXT_PARAMS and name not in seen_text:
                seen_text.add(name)
                pairs.append((name, value))
        return cls(pairs)

    def values(self, name: str) -> list[str]:
        return [v for n, v in self.pairs if n == name]

    def first(self, name: str, default: str = "") -> str:
        found = self.values(name)
        return found[0] if found else default

    def has(self, name: str, value: str) -> bool:
        return (name, value) in self.pairs

    def query_params(self, page: str | None = None, fixed: Mapping[str, str] | None = None) -> dict[str, object]:
        """The mapping indexing.query.query_from_params expects."""
        lists: dict[str, list[str]] = {}
        params: dict[str, object] = {}
        for name, value in self.pairs:
            key = "lang" if name == "language" else name
            if name in LIST_PARAMS:
                params[key] = lists.setdefault(key, [])
                lists[key].append(value)
            else:
                params[key] = value
        if page is not None:
            params["page"] = page
        params.update(fixed or {})
        return params

    def with_pairs(self, pairs: Iterable[tuple[str, str]]) -> "SearchState":
        return SearchState(pairs)

    def toggled(self, name: str, value: str) -> "SearchState":
        if self.has(name, value):
            return SearchState(p for p in self.pairs if p != (name, value))
        return SearchState([*self.pairs, (name, value)])

    def replaced(self, name: str, value: str | None) -> "SearchState":
        kept = [p for p in self.pairs if p[0] != name]
        return SearchState(kept + ([(name, value)] if value else []))

    def url(self, path: str, **extra: str | int | None) -> str:
        pairs = list(self.pairs) + [(k, str(v)) for k, v in extra.items() if v not in (None, "")]
        return path + ("?" + urlencode(pairs) if pairs else "")

    def query_string(self) -> str:
        return urlencode(self.pairs)

    def active_filters(self) -> list[tuple[str, str]]:
        """Filters a reader may remove one by one (the text and display options are in the form)."""
        return [(n, v) for n, v in self.pairs if n not in ("q", "sort", "per_page", "currency")]
