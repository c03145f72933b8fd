"""Trends: news mentions per craft and per market this week, against the average of the 4 weeks before."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from alerts.weeks import Week
from indexing.backends.base import SearchBackend
from indexing.record_guard import valid_documents
from indexing.models import NewsArticle
from indexing.query import SearchQuery

TrendKind = Literal["craft", "market"]
WEEKS_BEFORE = 4


@dataclass(frozen=True)
class Trend:
    kind: TrendKind
    id: str  # a craft id or an ISO country code
    count: int
    average: float  # mentions per week over the weeks before
    history: tuple[int, ...]  # the weeks before, oldest first, then this week

    @property
    def rise(self) -> float:
        return self.count - self.average

    @property
    def rise_pct(self) -> float | None:
        return (self.count - self.average) / self.average * 100 if self.average else None


def _articles(backend: SearchBackend, start: Week, end: Week, limit: int = 20_000) -> list[NewsArticle]:
    # The index filters by UTC day: a day either side, then each article is placed in its local week.
    query = SearchQuery(kinds=("news",), date_from=start.start - timedelta(days=1), date_to=end.end, sort="date",
                        per_page=100, with_facets=False)
    articles: list[NewsArticle] = []
    page = 1
    while len(articles) < limit:
        result = backend.search(query.with_page(page))
        articles.extend(valid_documents("news", (h.document for h in result.hits), "trends", NewsArticle, backend))
        if page * query.per_page >= result.total or not result.hits:
            break
        page += 1
    return articles


def mention_trends(backend: SearchBackend, period: Week, weeks_before: int = WEEKS_BEFORE) -> list[Trend]:
    """Every craft and market mentioned in the window, biggest rise first."""
    weeks = [period.shifted(-n) for n in range(weeks_before, 0, -1)] + [period]
    counts: dict[tuple[TrendKind, str], list[int]] = {}
    for article in _articles(backend, weeks[0], period):
        moment = article.published_at or article.first_seen
        slot = next((i for i, week in enumerate(weeks) if week.contains(moment)), None)
        if slot is None:
            continue
        keys: list[tuple[TrendKind, str]] = [("craft", c) for c in article.crafts]
        keys += [("market", c) for c in article.countries]
        for key in keys:
            counts.setdefault(key, [0] * len(weeks))[slot] += 1
    trends = [Trend(kind, ident, series[-1], sum(series[:-1]) / weeks_before, tuple(series))
              for (kind, ident), series in counts.items()]
    trends.sort(key=lambda tr: (-tr.rise, -tr.count, tr.kind, tr.id))
    return trends


def rising(trends: list[Trend], limit: int = 8, min_count: int = 2) -> list[Trend]:
    """The rises worth a line: mentioned at least `min_count` times this week, above their average."""
    return [tr for tr in trends if tr.count >= min_count and tr.rise > 0][:limit]
