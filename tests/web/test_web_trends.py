"""/trends: mentions per craft and market this week against the 4 weeks before, in fr, ar (RTL) and en."""
from __future__ import annotations

import httpx
import web_corpus
from bs4 import BeautifulSoup

from alerts.weeks import iso_week, week_of
from indexing.models import NewsArticle


def _week_and_counts() -> tuple[str, dict[str, int]]:
    """The week of the corpus's three-day-old article, and its craft mentions counted straight from the corpus."""
    label = iso_week(web_corpus.days(-3).astimezone().date())
    week = week_of(label, "Africa/Casablanca")
    counts: dict[str, int] = {}
    for doc in web_corpus.news():
        if isinstance(doc, NewsArticle) and week.contains(doc.published_at):
            for craft in doc.crafts:
                counts[craft] = counts.get(craft, 0) + 1
    return label, counts


def test_trends_page_counts_this_week(client: httpx.Client) -> None:
    label, counts = _week_and_counts()
    response = client.get("/trends", params={"week": label})
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.html["dir"] == "ltr" and "semaine du" in soup.select_one(".lead").get_text()
    rows = {tr.th.get_text(strip=True): int(tr.td.get_text(strip=True)) for tr in soup.select('table[data-kind="crafts"] tbody tr')}
    shown = {label: n for label, n in rows.items() if n}
    assert shown == {web_corpus_label(c): n for c, n in counts.items()}
    assert soup.select_one('a[href="/trends"][aria-current="page"]') is not None


def web_corpus_label(craft: str) -> str:
    from indexing.taxonomy import craft_label
    return craft_label(craft, "fr")


def test_trends_page_in_arabic_is_rtl_and_a_bad_week_is_a_400(client: httpx.Client) -> None:
    label, _ = _week_and_counts()
    soup = BeautifulSoup(client.get("/trends", params={"week": label, "lang": "ar"}).text, "html.parser")
    assert soup.html["dir"] == "rtl" and soup.h1.get_text() == "توجهات الحرف والأسواق"
    assert "أسبوع" in soup.select_one(".lead").get_text()
    bad = client.get("/trends", params={"week": "2026-W99"})
    assert bad.status_code == 400 and "2026-W48" in bad.text
