"""One page of news hits clustered into stories (alerts.stories): one item per story, 'N sources'."""
from __future__ import annotations

from dataclasses import replace

from alerts.stories import cluster_articles
from alerts.story_profile import Article
from indexing.models import NewsArticle
from web.presenters import HitView


def clustered(views: list[HitView], language: str) -> list[HitView]:
    """Each story at the place of its best-ranked hit, shown in the reader's language when one of its
    reports is, with the other reports as `others`; fairs and offers stay as they are."""
    news = [v for v in views if isinstance(v.document, NewsArticle)]
    if len(news) < 2:
        return views
    ids = cluster_articles([_article(k, v.document) for k, v in enumerate(news)  # type: ignore[arg-type]
                            ])
    story_of = {id(view): story for view, story in zip(news, ids)}
    members: dict[str, list[HitView]] = {}
    for view in news:
        members.setdefault(story_of[id(view)], []).append(view)
    out: list[HitView] = []
    for view in views:
        story = story_of.get(id(view))
        if story is None:
            out.append(view)
            continue
        group = members[story]
        if view is not group[0]:
            continue  # shown with its story, at the story's first place
        shown = next((v for v in group if v.document.language_code() == language), group[0])
        out.append(replace(shown, others=tuple(v for v in group if v is not shown)))
    return out


def _article(key: int, article: NewsArticle) -> Article:
    return Article(id=str(key), text=article.text, language=article.language, title=article.title, url=article.url,
                   published=article.published_at.isoformat() if article.published_at else None)
