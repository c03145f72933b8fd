"""A publication day the page labels in words: "Datum: 03.02.2022", "Publié le 3 février 2022", "Published on …"."""
from __future__ import annotations

import re
from datetime import date

from lxml import etree, html

from spiders.extract.dates import find_date_spans

PUBLICATION_LABEL = re.compile(
    r"^\W*(?:published(?:\s+on)?|posted(?:\s+on)?|publié\s+le|mis\s+en\s+ligne\s+le|veröffentlicht(?:\s+am)?"
    r"|erschienen\s+am|datum|publicado(?:\s+(?:el|em))?|fecha\s+de\s+publicaci[óo]n|pubblicato(?:\s+il)?|data\s+di\s+pubblicazione"
    r"|publication\s+date|date\s+de\s+publication|gepubliceerd\s+op|opublikowano"
    r"|تاريخ\s+النشر|نشر\s+في|نشر\s+بتاريخ)(?![^\W\d_])\s*:?\s*",
    re.IGNORECASE,
)
_NEXT_CHARS = 40
_LABEL_CHARS = 40
_MAX_NODES = 4000
_MAX_NODE_CHARS = 200
_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ar")


def labelled_date(tree: html.HtmlElement) -> date | None:
    """The first date written right after a publication label, in the label's text or the next one."""
    texts = _texts(tree)
    for i, text in enumerate(texts):
        if len(text) > _LABEL_CHARS + _NEXT_CHARS:
            continue
        label = PUBLICATION_LABEL.match(text)
        if label is None:
            continue
        rest = text[label.end():].lstrip() or (texts[i + 1] if i + 1 < len(texts) else "")
        day = _first_day(rest[:_NEXT_CHARS])
        if day is not None:
            return day
    return None


_TEXTS = etree.XPath("//body//text()")
_SKIPPED = frozenset({"script", "style", "noscript", "template", "textarea", "option"})


def _texts(tree: html.HtmlElement) -> list[str]:
    """Short text nodes in document order (a label and its date are short), scripts and styles left out."""
    found = []
    for text in _TEXTS(tree)[:_MAX_NODES]:
        if len(text) > _MAX_NODE_CHARS or (text.is_text and text.getparent().tag in _SKIPPED):
            continue
        stripped = text.strip()
        if stripped:
            found.append(stripped)
    return found


def _first_day(text: str) -> date | None:
    for span in find_date_spans(text, _LANGUAGES):
        if span.start.year is not None and span.begin <= 2:
            return span.start.with_year(span.start.year)
    return None
