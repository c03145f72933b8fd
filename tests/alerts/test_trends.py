"""Trends: mentions per craft and market this week against the 4 weeks before; in the digest as a chart."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from alerts.digest import build_digest
from alerts.messages import render_digest_html
from alerts.trends import mention_trends, rising
from alerts.weeks import week_of
from indexing.indexer import Indexer
from indexing.models import NewsArticle

WEEK = week_of("2026-W48", "Africa/Casablanca")


def seed(backend) -> None:  # type: ignore[no-untyped-def]
    docs = []

    def add(n: int, weeks_back: int, crafts: list[str], countries: list[str]) -> None:
        start = WEEK.shifted(-weeks_back).start_at + timedelta(days=2, hours=10)
        for i in range(n):
            docs.append(NewsArticle(url=f"https://n.example.ma/{weeks_back}-{crafts}-{countries}-{i}", source="n",
                                    title=f"Article {weeks_back} {i} {crafts} {countries}", text="Texte " * 20,
                                    language="fr", crafts=crafts, countries=countries,
                                    published_at=start + timedelta(hours=i)))
    add(5, 0, ["tapis"], ["DE"])     # this week: rugs 5, Germany 5
    add(1, 1, ["tapis"], [])         # before: rugs 1, 1, 0, 2 -> average 1
    add(1, 2, ["tapis"], [])
    add(2, 4, ["tapis"], ["DE"])     # Germany: 2 in week -4 -> average 0.5
    add(3, 0, ["cuir"], [])          # leather: 3 now, 4 every week before -> a fall, not shown
    for back in (1, 2, 3, 4):
        add(4, back, ["cuir"], [])
    add(3, 5, ["poterie"], [])       # five weeks back: outside the window
    Indexer(backend).upsert(docs)
    backend.refresh()


def test_mentions_against_the_four_weeks_before(backend) -> None:  # type: ignore[no-untyped-def]
    seed(backend)
    trends = {(t.kind, t.id): t for t in mention_trends(backend, WEEK)}
    rugs = trends[("craft", "tapis")]
    assert (rugs.count, rugs.average, rugs.history) == (5, 1.0, (2, 0, 1, 1, 5))
    assert trends[("market", "DE")].average == 0.5 and trends[("craft", "cuir")].rise == -1
    assert ("craft", "poterie") not in trends
    assert [(t.kind, t.id) for t in rising(list(trends.values()))] == [("market", "DE"), ("craft", "tapis")]


def test_digest_shows_rises_as_an_inline_chart(backend, settings) -> None:  # type: ignore[no-untyped-def]
    seed(backend)
    digest = build_digest(backend, WEEK)
    assert [t.id for t in digest.trends] == ["DE", "tapis"]
    html = render_digest_html(digest, "fr", settings)
    assert "Tendances" in html and 'class="trend-chart"' in html and "Allemagne" in html and "width:100%" in html
    arabic = render_digest_html(digest, "ar", settings)
    assert "ألمانيا" in arabic and "الزرابي" in arabic or "زرابي" in arabic
