"""The strategy team's weekly digest: top news, price movements, fairs and crawl health."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from alerts.digest_sections import FairLine, StorySection, Summary, fair_lines, story_score, story_sections, summary
from alerts.trends import Trend, mention_trends, rising
from alerts.weeks import BadWeek, Week, iso_week, parse_week, week_of
from indexing.backends.base import SearchBackend
from indexing.crawl_records import failed_pages, failure_code, last_crawl_per_source, parse_moment
from indexing.models import NewsArticle, Offer, TradeFair
from indexing.price_compare import CraftIndex, compare_groups, craft_indices
from indexing.product_groups import group_key, with_group
from indexing.record_guard import valid_documents
from indexing.query import SearchQuery
from indexing.textnorm import words

__all__ = ["BadWeek", "Week", "iso_week", "parse_week", "build_digest"]

_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


@dataclass
class NewsItem:
    """One story of the week: its most relevant report, and the other reports of the same story."""

    title: str
    url: str
    source: str
    published: date | None
    summary: str
    crafts: list[str]
    countries: list[str]
    score: float
    language: str | None = None
    others: list[NewsItem] = field(default_factory=list)

    @property
    def reports(self) -> list[NewsItem]:
        return [self, *self.others]

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(r.source for r in self.reports))

    @property
    def languages(self) -> list[str]:
        return list(dict.fromkeys(r.language for r in self.reports if r.language))

    def besides(self, shown: NewsItem) -> list[NewsItem]:
        return [r for r in self.reports if r is not shown]

    def for_reader(self, language: str) -> NewsItem:
        """The report in the reader's language when the story has one, else the most relevant one."""
        return next((r for r in self.reports if r.language == language), self)


@dataclass
class PriceMove:
    offer_id: str
    name: str
    shop: str
    crafts: list[str]
    before_mad: Decimal
    after_mad: Decimal
    group: str | None = None  # craft/type/size (indexing.product_groups): the move is like for like
    product_type: str | None = None

    @property
    def change_pct(self) -> float:
        return float((self.after_mad - self.before_mad) / self.before_mad * 100) if self.before_mad else 0.0


@dataclass
class SourceHealth:
    """A source over the week: its runs and items, and how its latest crawl of the week went
    (indexing.crawl_records, as /crawls reads it)."""
    source: str
    runs: int = 0
    items: int = 0
    errors: int = 0
    pages: int = 0
    failure: str | None = None  # errors_no_items | no_response
    failed_pages: int = 0  # a partial failure: the source gave items, some pages failed


@dataclass
class JobRun:
    name: str
    runs: int = 0
    failed: int = 0
    items: int = 0
    last_status: str = ""


@dataclass
class Digest:
    week: str
    start: date
    end: date
    period: Week | None = None  # None: the week's UTC days
    top_news: list[NewsItem] = field(default_factory=list)
    rises: list[PriceMove] = field(default_factory=list)
    falls: list[PriceMove] = field(default_factory=list)
    upcoming: list[TradeFair] = field(default_factory=list)
    new_fairs: list[TradeFair] = field(default_factory=list)
    sources: list[SourceHealth] = field(default_factory=list)
    jobs: list[JobRun] = field(default_factory=list)
    trends: list[Trend] = field(default_factory=list)
    price_index: list[CraftIndex] = field(default_factory=list)
    today: date | None = None

    def __post_init__(self) -> None:
        if self.period is None:
            self.period = Week(self.week, self.start, self.end)

    @property
    def fairs(self) -> list[FairLine]:
        """Upcoming and new fairs, each once, with 'new' and a near deadline marked."""
        return fair_lines(self.upcoming, self.new_fairs, self.today or self.start)

    @property
    def story_sections(self) -> list[StorySection]:
        return story_sections(self.top_news)

    @property
    def summary(self) -> Summary:
        return summary(self.fairs, self.rises + self.falls, self.top_news)

    @property
    def failing(self) -> list[SourceHealth]:
        return [s for s in self.sources if s.failure]

    @property
    def partial(self) -> list[SourceHealth]:
        return [s for s in self.sources if s.failed_pages]


def summarize(text: str, limit: int = 280) -> str:
    sentences = _SENTENCE_END.split(" ".join(text.split()))
    out = ""
    for sentence in sentences[:2]:
        if len(out) + len(sentence) > limit and out:
            break
        out = f"{out} {sentence}".strip()
    return out[:limit].rstrip() + ("…" if len(out) > limit else "")


def _similar(a: str, b: str) -> bool:
    sa, sb = set(words(a)), set(words(b))
    return bool(sa and sb) and len(sa & sb) / len(sa | sb) >= 0.6


def _all(backend: SearchBackend, query: SearchQuery, limit: int = 1000) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    page = 1
    while len(docs) < limit:
        result = backend.search(query.with_page(page))
        docs.extend(h.document for h in result.hits)
        if page * query.per_page >= result.total or not result.hits:
            break
        page += 1
    return docs


def top_news(backend: SearchBackend, period: Week, limit: int = 8) -> list[NewsItem]:
    start, end = period.start, period.end
    # The index filters by UTC day: take a day either side, then keep the local week exactly.
    query = SearchQuery(kinds=("news",), date_from=start - timedelta(days=1), date_to=end, sort="date",
                        per_page=100, with_facets=False)
    items: list[NewsItem] = []
    articles: list[NewsArticle] = []
    for article in valid_documents("news", _all(backend, query, 500), "digest", NewsArticle, backend):
        if not period.contains(article.published_at or article.first_seen):
            continue
        articles.append(article)
        score = story_score(article.crafts, article.countries, (article.published_at or article.first_seen).date(),
                            end, 1)
        items.append(NewsItem(article.title, article.url, article.source,
                              article.published_at.date() if article.published_at else None,
                              summarize(article.summary or article.text), article.crafts, article.countries, score,
                              article.language))
    return [story for story in _stories(items, articles, end) if story][:limit]


def _stories(items: list[NewsItem], articles: list[NewsArticle], week_end: date) -> list[NewsItem]:
    """Reports grouped into stories (alerts.stories, then near-identical titles), ranked by
    digest_sections.story_score over the story's crafts, markets, first day and sources."""
    from alerts.stories import cluster_articles
    from alerts.story_profile import Article

    ids = cluster_articles([Article(id=str(k), text=a.text, language=a.language, title=a.title, url=a.url,
                                    published=a.published_at.isoformat() if a.published_at else None)
                            for k, a in enumerate(articles)])
    groups: dict[str, list[NewsItem]] = {}
    for item, story in zip(items, ids):
        groups.setdefault(story, []).append(item)
    ranked: list[list[NewsItem]] = []
    for group in sorted(groups.values(), key=lambda g: min(-n.score for n in g)):
        group.sort(key=lambda n: (-n.score, n.title))
        same = next((r for r in ranked if any(_similar(group[0].title, n.title) for n in r)), None)
        if same is not None:
            same.extend(group)
        else:
            ranked.append(group)
    stories = []
    for group in ranked:
        best, *others = group
        best.others = others
        crafts = list(dict.fromkeys(c for r in group for c in r.crafts))
        countries = list(dict.fromkeys(c for r in group for c in r.countries))
        days = [r.published for r in group if r.published]
        best.score = story_score(crafts, countries, min(days) if days else None, week_end, len(best.sources))
        stories.append(best)
    stories.sort(key=lambda n: (-n.score, n.title))
    return stories


def price_moves(backend: SearchBackend, period: Week, limit: int = 5) -> tuple[list[PriceMove], list[PriceMove]]:
    observations = backend.observations_between(period.shifted(-1).start_at, period.end_at)
    before: dict[str, Decimal] = {}
    after: dict[str, Decimal] = {}
    for obs in sorted(observations, key=lambda o: o.observed_at):
        if obs.price_mad is None:
            continue
        (before if obs.observed_at < period.start_at else after)[obs.offer_id] = obs.price_mad
    changed = [oid for oid in after if oid in before and after[oid] != before[oid]]
    offers = backend.get_many(changed)
    moves = []
    for oid in changed:
        offer = offers.get(oid)
        if isinstance(offer, Offer):
            grouped = with_group(offer)
            moves.append(PriceMove(oid, offer.name, offer.shop, offer.crafts, before[oid], after[oid],
                                   group_key(grouped), grouped.product_type))
    rises = sorted((m for m in moves if m.change_pct > 0), key=lambda m: -m.change_pct)[:limit]
    falls = sorted((m for m in moves if m.change_pct < 0), key=lambda m: m.change_pct)[:limit]
    return rises, falls


def fairs_sections(backend: SearchBackend, today: date, period: Week) -> tuple[list[TradeFair], list[TradeFair]]:
    query = SearchQuery(kinds=("fair",), date_from=today, date_to=today + timedelta(days=90), sort="-date",
                        per_page=100, with_facets=False)
    upcoming = valid_documents("fair", _all(backend, query, 200), "digest", TradeFair, backend)
    new = []
    for fair in valid_documents("fair", (data for _, data in backend.iter_docs("fair")), "digest", TradeFair, backend):
        if period.contains(fair.first_seen):
            new.append(fair)
    new.sort(key=lambda f: f.start_date)
    return upcoming, new[:30]


def crawl_health(backend: SearchBackend, period: Week) -> list[SourceHealth]:
    """Each source's latest crawl since the week began, up to the digest's building: what /crawls shows
    when the digest is sent (on a Monday, that morning's crawls too)."""
    records = [r for r in backend.records.list("crawlstats", limit=5000)
               if (moment := parse_moment(r.get("finished_at"))) and moment >= period.start_at]
    health: dict[str, SourceHealth] = {}
    for source_id, metrics in last_crawl_per_source(records).items():
        health[source_id] = SourceHealth(source_id, failure=failure_code(metrics), failed_pages=failed_pages(metrics),
                                         errors=int(metrics.get("errors", 0)))
    for record in records:
        for source_id, metrics in (record.get("sources") or {}).items():
            if source_id in health:
                h = health[source_id]
                h.runs += 1
                h.items += int(metrics.get("items", 0))
                h.pages += int(metrics.get("responses", 0))
    return sorted(health.values(), key=lambda h: (h.failure is None, -h.failed_pages, h.source))


def job_history(backend: SearchBackend, period: Week) -> list[JobRun]:
    runs: dict[str, JobRun] = {}
    for record in sorted(backend.records.list("jobs", limit=5000), key=lambda r: str(r.get("started_at"))):
        if not period.contains(parse_moment(record.get("started_at"))):
            continue
        run = runs.setdefault(str(record.get("name")), JobRun(str(record.get("name"))))
        run.runs += 1
        run.failed += record.get("status") != "ok"
        run.items += int(record.get("items") or 0)
        run.last_status = str(record.get("status"))
    return sorted(runs.values(), key=lambda r: (-r.failed, r.name))


def build_digest(backend: SearchBackend, week: str | Week, today: date | None = None, timezone_name: str = "UTC") -> Digest:
    """`today` is the day the digest is sent (upcoming fairs start from it); the sections cover `week`."""
    period = week if isinstance(week, Week) else week_of(week, timezone_name)
    today = today or min(date.today(), period.last_day)
    rises, falls = price_moves(backend, period)
    upcoming, new = fairs_sections(backend, today, period)
    return Digest(period.label, period.start, period.end, period, top_news(backend, period), rises, falls, upcoming,
                  new, crawl_health(backend, period), job_history(backend, period),
                  rising(mention_trends(backend, period)), craft_price_index(backend), today)


def craft_price_index(backend: SearchBackend) -> list[CraftIndex]:
    """Shops against the market per craft, like for like, on every offer's latest price."""
    offers = valid_documents("offer", (data for _, data in backend.iter_docs("offer")), "digest", Offer, backend)
    return craft_indices(compare_groups(offers, "MAD"))


def price_chart_png(digest: Digest) -> bytes | None:
    moves = digest.rises + digest.falls
    if not moves:
        return None
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    moves = sorted(moves, key=lambda m: m.change_pct)
    fig, ax = plt.subplots(figsize=(6.4, 0.45 * len(moves) + 1), dpi=100)
    labels = [f"{m.name[:38]} ({m.shop[:18]})" for m in moves]
    ax.barh(labels, [m.change_pct for m in moves], color=["#2e7d32" if m.change_pct < 0 else "#c62828" for m in moves])
    ax.axvline(0, color="#444", linewidth=0.8)
    ax.set_xlabel("%")
    ax.tick_params(axis="y", labelsize=8)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()
