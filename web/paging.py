"""Page links of a result list, and the deepest page either engine can serve."""
from __future__ import annotations

import math
from dataclasses import dataclass

from indexing.query import MAX_PAGE, QueryError, SearchQuery
from indexing.query_problems import Problem
from web.filters import SearchState

# Elasticsearch's default index.max_result_window; SQLite gets the same limit so both behave alike.
RESULT_WINDOW = 10_000


def check_result_window(query: SearchQuery) -> None:
    if query.offset + query.per_page > RESULT_WINDOW:
        raise QueryError(Problem("result_window", {"limit": f"{RESULT_WINDOW:,}"}, "page"))


@dataclass(frozen=True)
class PageLink:
    number: int
    url: str
    current: bool


@dataclass(frozen=True)
class Pagination:
    page: int
    pages: int
    previous_url: str | None
    next_url: str | None
    links: list[PageLink]
    first_url: str

    @property
    def beyond_last(self) -> bool:
        return self.pages > 0 and self.page > self.pages


def paginate(state: SearchState, path: str, query: SearchQuery, total: int) -> Pagination:
    last = min(math.ceil(total / query.per_page), MAX_PAGE, RESULT_WINDOW // query.per_page)
    page = query.page

    def url(number: int) -> str:
        return state.url(path, page=number if number > 1 else None)

    numbers = sorted({1, last, *range(max(1, page - 2), min(last, page + 2) + 1)} - {0}) if last else []
    return Pagination(
        page=page,
        pages=last,
        previous_url=url(page - 1) if 1 < page <= last + 1 else None,
        next_url=url(page + 1) if page < last else None,
        links=[PageLink(n, url(n), n == page) for n in numbers],
        first_url=url(1),
    )
