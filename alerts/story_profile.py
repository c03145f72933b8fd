"""What the story clustering knows of one article: its words, figures, dates, names and tags."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from alerts import story_facts as facts
from alerts.story_names import SKELETON_MIN, arabic_skeletons, gazetteer_names, latin_names, latin_skeleton
from indexing.markets import tag_countries
from indexing.taxonomy import tag_crafts
from indexing.textnorm import is_arabic, word_tuple

_DATELINE_LINE = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s*")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-öø-ÿ][\w]*")
SHINGLE = 3


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    language: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None


class BadArticle(ValueError):
    pass


def article_from_json(record: Any) -> Article:
    """An Article from one record of `veille stories FILE`; BadArticle names what is wrong."""
    if not isinstance(record, dict):
        raise BadArticle("a record must be a JSON object")
    ident = record.get("id")
    if not isinstance(ident, (str, int)) or isinstance(ident, bool) or str(ident) == "":
        raise BadArticle("a record needs an id (string or integer)")
    text = record.get("text")
    if not isinstance(text, str):
        raise BadArticle(f"record {ident!r}: text must be a string")
    optional: dict[str, str | None] = {}
    for key in ("language", "title", "published", "url"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadArticle(f"record {ident!r}: {key} must be a string or null")
        optional[key] = value
    if optional["published"] and facts.parse_published(optional["published"]) is None:
        raise BadArticle(f"record {ident!r}: published must be YYYY-MM-DD, YYYY-MM or an ISO datetime")
    return Article(id=str(ident) if not isinstance(ident, str) else ident, text=text, **optional)


@dataclass(frozen=True)
class Profile:
    language: str
    words: Counter[str]
    shingles: frozenset[str]
    figures: frozenset[str]
    days: frozenset[str]
    months: frozenset[str]
    years: frozenset[int]
    weekdays: frozenset[int]
    names: frozenset[str]
    places: frozenset[str]
    tags: frozenset[str]
    skeletons: frozenset[str]
    """Consonant skeletons of the Latin names, or of every Arabic word (see story_names)."""
    arabic: bool
    preview: bool
    published: tuple[date, int] | None


def _language(article: Article, body: str) -> str:
    if article.language:
        return article.language.lower()[:2]
    from spiders.extract.language import detect_language

    return detect_language(body) or "und"


def profile(article: Article) -> Profile:
    body = _DATELINE_LINE.sub("", article.text, count=1)
    full = f"{article.title}\n{body}" if article.title and article.title not in body[:600] else body
    prepared = facts.prepare(full)
    tokens = word_tuple(full)
    names = latin_names(full, set(_LOWER_WORD.findall(full)))
    arabic = sum(map(is_arabic, tokens)) > len(tokens) / 2
    if arabic:
        skeletons = {k for t in set(tokens) if is_arabic(t) for k in arabic_skeletons(t) if len(k) >= SKELETON_MIN}
    else:
        skeletons = {k for n in names if len(k := latin_skeleton(n)) >= SKELETON_MIN}
    crafts = tag_crafts(full)
    countries = tag_countries(full, limit=12)
    return Profile(
        language=_language(article, body),
        words=Counter(t for t in tokens if len(t) > 2 and not t.isdigit()),
        shingles=frozenset(" ".join(tokens[i:i + SHINGLE]) for i in range(max(0, len(tokens) - SHINGLE + 1))),
        figures=frozenset(facts.figures(prepared)),
        days=frozenset(facts.mentioned_days(prepared)),
        months=frozenset(facts.mentioned_months(prepared)),
        years=frozenset(facts.years(prepared)),
        weekdays=frozenset(facts.weekdays(prepared)),
        names=frozenset(names),
        places=frozenset(gazetteer_names(tokens)),
        tags=frozenset([f"craft:{c}" for c in crafts] + [f"country:{c}" for c in countries]),
        skeletons=frozenset(skeletons),
        arabic=arabic,
        preview=facts.is_preview(article.title, body),
        published=facts.publication(article.published, article.text, article.url),
    )
