"""News and blog articles: body, headline, publication date, language, author, summary."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from lxml.html import HtmlElement

from indexing.plausibility import published_problem
from spiders.extract.article_body import extract_body
from spiders.extract.htmlinput import drop_non_content, parse_html
from spiders.extract.language import detect_language
from spiders.extract.markup import fragment_text
from spiders.extract.page_meta import (
    canonical_url,
    declared_language,
    description,
    h1_texts,
    page_author,
    page_title,
    title_tag,
)
from spiders.extract.published import find_published
from spiders.extract.structured import Thing, jsonld_items, meta_properties, walk
from spiders.extract.textutil import one_line, truncate

SUMMARY_CHARS = 300


@dataclass(frozen=True)
class ExtractedArticle:
    title: str | None
    text: str
    published: datetime | date | None
    """As the publisher wrote it: in the page's own UTC offset (never shifted to UTC; naive when the
    page gives a time without offset), or a bare date when the page gives only the day."""
    language: str | None
    author: str | None
    summary: str | None
    canonical_url: str | None
    published_utc: datetime | None = None
    """The same instant in UTC, for sorting; midnight UTC when only the day is known."""
    rejected: tuple[str, ...] = ()
    """Reason codes of the implausible values left out (indexing.plausibility)."""

    @property
    def published_date(self) -> date | None:
        """The publication day as the publisher wrote it (its local calendar day)."""
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published


def extract_article(html: str | bytes | HtmlElement, url: str | None = None) -> ExtractedArticle:
    tree = parse_html(html)
    meta = meta_properties(tree)
    # Microdata is skipped: htmldate reads its dates itself and it costs more than it adds here.
    things = list(walk(jsonld_items(tree)))
    title = page_title(tree, meta, things)
    headlines = [h for h in (title, meta.get("og:title"), title_tag(tree), *h1_texts(tree)) if h]
    published = find_published(tree, url, things, meta)
    author = page_author(tree, meta, things)
    # Everything else has read the whole page: the body extraction gets it without the parts
    # that are never article text (htmldate reads dates in scripts, bylines sit in footers).
    drop_non_content(tree)
    descriptions = [d for d in (description(meta), meta.get("og:description"), meta.get("twitter:description")) if d]
    text = extract_body(tree, url, headlines, _structured_body(things), descriptions, author)
    summary = description(meta) or (truncate(one_line(text), SUMMARY_CHARS) if text else None)
    local, moment, rejected = published.local, published.utc, ()
    if moment is not None and (code := published_problem(moment)):
        local, moment, rejected = None, None, (code,)
    return ExtractedArticle(
        title=title,
        text=text,
        published=local,
        language=detect_language(f"{title or ''}\n{text}", declared_language(tree, meta)),
        author=author,
        summary=truncate(summary, SUMMARY_CHARS) if summary else None,
        canonical_url=canonical_url(tree, meta, url),
        published_utc=moment,
        rejected=rejected,
    )


def _structured_body(things: list[Thing]) -> str | None:
    bodies = [t["articleBody"] for t in things if isinstance(t.get("articleBody"), str)]
    return fragment_text(max(bodies, key=len)) if bodies else None
