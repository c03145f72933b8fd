"""The strategy team's weekly digest: top news, price movements, fairs and crawl health."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from indexing.backends.base import SearchBackend
from indexing.models import NewsArticle, Offer, TradeFair
from indexing.query import SearchQuery
from indexing.textnorm import words

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


class BadWeek(ValueError):
    pass


def parse_week(week: str) -> tuple[date, date]:
    """Monday and next Monday of an ISO week like 2026-W48."""
    match = _WEEK.match(week.strip())
    if not match:
        raise BadWeek(f"week {week!r} must look like 2026-W48")
    try:
        monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError as exc:
        raise BadWeek(f"week {week!r}: {exc}") from None
    return monday, monday + timedelta(days=7)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


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

    @property
    def change_pct(self) -> float:
        return float((self.after_mad - self.before_mad) / self.before_mad * 100) if self.before_mad else 0.0


@dataclass
class SourceHealth:
    source: str
    runs: int = 0
    items: int = 0
    errors: int = 0
    pages: int = 0


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
    top_news: list[NewsItem] = field(default_factory=list)
    rises: list[PriceMove] = field(default_factory=list)
    falls: list[PriceMove] = field(default_factory=list)
    upcoming: list[TradeFair] = field(default_factory=list)
    new_fairs: list[TradeFair] = field(default_factory=list)
    sources: list[SourceHealth] = field(default_factory=list)
    jobs: list[JobRun] = field(default_factory=list)

    @property
    def failing(self) -> list[SourceHealth]:
        return [s for s in self.sources if s.errors or not s.items]


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


def top_news(backend: SearchBackend, start: date, end: date, limit: int = 8) -> list[NewsItem]:
    query = SearchQuery(kinds=("news",), date_from=start, date_to=end - timedelta(days=1), sort="date",
                        per_page=100, with_facets=False)
    items: list[NewsItem] = []
    articles: list[NewsArticle] = []
    for data in _all(backend, query, 500):
        article = NewsArticle.model_validate(data)
        articles.append(article)
        # Sector relevance first (crafts and markets named), then recency.
        age = (end - (article.published_at or article.first_seen).date()).days
        score = 2.0 * len(article.crafts) + len(article.countries) + max(0, 7 - age) * 0.2
        items.append(NewsItem(article.title, article.url, article.source,
                              article.published_at.date() if article.published_at else None,
                              summarize(article.summary or article.text), article.crafts, article.countries, score,
                              article.language))
    return [story for story in _stories(items, articles) if story][:limit]


def _stories(items: list[NewsItem], articles: list[NewsArticle]) -> list[NewsItem]:
    """Reports grouped into stories (alerts.stories, then near-identical titles), most relevant first.

    A story's score is its best report's, plus a little for every other source that carries it.
    """
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
        best.score += 0.5 * (len(best.sources) - 1)
        stories.append(best)
    stories.sort(key=lambda n: (-n.score, n.title))
    return stories


def price_moves(backend: SearchBackend, start: date, end: date, limit: int = 5) -> tuple[list[PriceMove], list[PriceMove]]:
    to_dt = lambda d: datetime(d.year, d.month, d.day, tzinfo=timezone.utc)  # noqa: E731
    observations = backend.observations_between(to_dt(start - timedelta(days=7)), to_dt(end))
    before: dict[str, Decimal] = {}
    after: dict[str, Decimal] = {}
    for obs in observations:
        if obs.price_mad is None:
            continue
        (before if obs.observed_at < to_dt(start) else after)[obs.offer_id] = obs.price_mad
    changed = [oid for oid in after if oid in before and after[oid] != before[oid]]
    offers = backend.get_many(changed)
    moves = []
    for oid in changed:
        offer = offers.get(oid)
        if isinstance(offer, Offer):
            moves.append(PriceMove(oid, offer.name, offer.shop, offer.crafts, before[oid], after[oid]))
    rises = sorted((m for m in moves if m.change_pct > 0), key=lambda m: -m.change_pct)[:limit]
    falls = sorted((m for m in moves if m.change_pct < 0), key=lambda m: m.change_pct)[:limit]
    return rises, falls


def fairs_sections(backend: SearchBackend, today: date, start: date, end: date) -> tuple[list[TradeFair], list[TradeFair]]:
    query = SearchQuery(kinds=("fair",), date_from=today, date_to=today + timedelta(days=90), sort="-date",
                        per_page=100, with_facets=False)
    upcoming = [TradeFair.model_validate(d) for d in _all(backend, query, 200)]
    new = []
    for kind, data in backend.iter_docs("fair"):
        fair = TradeFair.model_validate(data)
        if start <= fair.first_seen.date() < end:
            new.append(fair)
    new.sort(key=lambda f: f.start_date)
    return upcoming, new[:30]


def crawl_health(backend: SearchBackend, start: date, end: date) -> list[SourceHealth]:
    health: dict[str, SourceHealth] = {}
    for record in backend.list_records("crawlstats", limit=5000):
        finished = str(record.get("finished_at", ""))[:10]
        if not (start.isoformat() <= finished < end.isoformat()):
            continue
        for source_id in record.get("source_ids", []):
            health.setdefault(source_id, SourceHealth(source_id))
        for source_id, metrics in (record.get("sources") or {}).items():
            h = health.setdefault(source_id, SourceHealth(source_id))
            h.runs += 1
            h.items += int(metrics.get("items", 0))
            h.errors += int(metrics.get("errors", 0))
            h.pages += int(metrics.get("responses", 0))
    return sorted(health.values(), key=lambda h: (-h.errors, h.source))


def job_history(backend: SearchBackend, start: date, end: date) -> list[JobRun]:
    runs: dict[str, JobRun] = {}
    for record in sorted(backend.list_records("jobs", limit=5000), key=lambda r: str(r.get("started_at"))):
        if not (start.isoformat() <= str(record.get("started_at", ""))[:10] < end.isoformat()):
            continue
        run = runs.setdefault(str(record.get("name")), JobRun(str(record.get("name"))))
        run.runs += 1
        run.failed += record.get("status") != "ok"
        run.items += int(record.get("items") or 0)
        run.last_status = str(record.get("status"))
    return sorted(runs.values(), key=lambda r: (-r.failed, r.name))


def build_digest(backend: SearchBackend, week: str, today: date | None = None) -> Digest:
    start, end = parse_week(week)
    today = today or min(date.today(), end - timedelta(days=1))
    rises, falls = price_moves(backend, start, end)
    upcoming, new = fairs_sections(backend, today, start, end)
    return Digest(week, start, end, top_news(backend, start, end), rises, falls, upcoming, new,
                  crawl_health(backend, start, end), job_history(backend, start, end))


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
