"""The news reader and search results show a story told by several sources as one item, 'N sources'."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest
from bs4 import BeautifulSoup

from config import load_settings
from indexing.indexer import Indexer
from indexing.models import NewsArticle
from web.app import create_app
from web_support import LiveServer

pytestmark = pytest.mark.timeout(90)
DAY = datetime.now(timezone.utc) - timedelta(days=2)
STORY = [
    ("fr", "Zellige de Fès : 41,6 millions de dirhams exportés",
     "Les ateliers de zellige de Fès ont exporté pour 41,6 millions de dirhams entre janvier et septembre 2026, "
     "une hausse de 17,2 % sur un an, surtout vers le Canada."),
    ("ar", "صادرات زليج فاس تبلغ 41,6 مليون درهم",
     "صدرت ورشات الزليج بفاس ما قيمته 41,6 مليون درهم بين يناير وشتنبر 2026، بارتفاع نسبته 17,2 في المائة "
     "على أساس سنوي، خاصة نحو كندا."),
    ("en", "Fez zellige exports reach 41.6 million dirhams",
     "Zellige workshops in Fez exported 41.6 million dirhams between January and September 2026, up 17.2% "
     "year on year, mostly to Canada."),
]


@pytest.fixture
def story_site(backend, tmp_path: Path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    Indexer(backend).upsert([
        NewsArticle(url=f"https://{lang}.example.ma/zellige", source=f"journal-{lang}", title=title, text=text,
                    published_at=DAY, language=lang, crafts=["zellige"], countries=["MA", "CA"])
        for lang, title, text in STORY
    ] + [NewsArticle(url="https://fr.example.ma/cuir", source="journal-fr", title="Une tannerie rénovée à Marrakech",
                     text="La tannerie de Bab Debbagh à Marrakech rouvre après huit mois de travaux de zellige et de plomberie.",
                     published_at=DAY, language="fr", crafts=["cuir"], countries=["MA"])])
    backend.refresh()
    settings = load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var"), "VEILLE_SECRET_KEY": "story-hits-secret-0123456789", "VEILLE_PUBLIC": "all",
                              "VEILLE_SOURCES": str(tmp_path / "none.yaml")})
    server = LiveServer(create_app(settings, backend))
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


def _text(node: Any) -> str:
    return " ".join(node.get_text().split())  # highlights (<mark>) split the title's text


def _items(html: str) -> list[Any]:
    return BeautifulSoup(html, "html.parser").select("ol.hits > li")


@pytest.mark.parametrize("path, params", [("/news", {}), ("/search", {"q": "zellige"})])
@pytest.mark.parametrize("lang, title", [("fr", STORY[0][1]), ("ar", STORY[1][1]), ("en", STORY[2][1])])
def test_one_item_per_story_with_its_sources(story_site: str, path: str, params: dict[str, str], lang: str,
                                             title: str) -> None:
    with httpx.Client(base_url=story_site, timeout=20) as http:
        items = _items(http.get(path, params={**params, "lang": lang}).text)
    story = [li for li in items if li.select_one(".hit-story")]
    assert len(story) == 1, [li.get_text(" ", strip=True)[:80] for li in items]
    assert _text(story[0].select_one(".hit-title")) == title  # the reader's language first
    sources = story[0].select_one(".hit-story")
    assert {"fr": "3 sources", "ar": "3 مصادر", "en": "3 sources"}[lang] in sources.get_text()
    links = [a["href"] for a in sources.select("a")]
    assert len(links) == 2 and all(href.startswith("/news/") for href in links)
    titles = [_text(li.select_one(".hit-title")) for li in items]
    assert not any(t in titles for _, t, _ in STORY if t != title)  # the other reports are no items of their own
    if path == "/news":
        assert "Une tannerie rénovée à Marrakech" in titles
