"""Page-level metadata that any extractor may need: title, canonical URL, author, description, lang."""
from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from spiders.extract.structured import Thing, first_text, type_names
from spiders.extract.textutil import one_line

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")
_CANONICAL_XPATH = etree.XPath('//link[contains(concat(" ", normalize-space(translate(@rel, "CANONICAL", "canonical")), " "), " canonical ")]/@href')
_AUTHOR_LINK_XPATH = etree.XPath('//a[@rel="author"] | //*[@itemprop="author"]')
_BYLINE_TAGS = ("span", "div", "p", "a", "address")
# Only these capitals are lowered: "BYLINE" reads "byLINE", as the XPath translate() this replaced read it.
_BYLINE_CLASS_CASE = str.maketrans("ABHORTUY", "abhortuy")
_BYLINE_PREFIX = re.compile(r"^\s*(?:by|par|von|por|di|door|de|بقلم|كتبه?|written by)\s*[:\-]?\s+", re.IGNORECASE)
_SAFE_SCHEMES = ("http", "https")
# Unfilled template values: href="None", "/products/undefined", "{{ url }}".
_TEMPLATE_JUNK = re.compile(r"(?:^|/)(?:none|null|undefined|nan)/?$|\{\{|\$\{", re.IGNORECASE)
_MAX_AUTHOR_CHARS = 120
_CREATIVE_WORK_TYPES = frozenset({
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "TechArticle", "ScholarlyArticle", "SocialMediaPosting", "LiveBlogPosting",
    "Report", "WebPage", "ItemPage", "Review", "Recipe", "DiscussionForumPosting", "PressRelease",
})


def title_tag(tree: html.HtmlElement) -> str:
    node = tree.find(".//title")
    return one_line(node.text_content()) if node is not None else ""


def h1_texts(tree: html.HtmlElement) -> list[str]:
    return [t for t in (one_line(h.text_content()) for h in tree.iter("h1")) if t]


def page_title(tree: html.HtmlElement, meta: dict[str, str], things: Sequence[Thing]) -> str | None:
    """The article's headline, without the site name that <title> usually appends."""
    raw_title = title_tag(tree)
    headings = h1_texts(tree)
    for candidate in (
        _headline(things), meta.get("og:title"), meta.get("twitter:title"), *headings[:1]
    ):
        text = one_line(candidate)
        if text and not text.lower().startswith(("http://", "https://")):
            return text
    return _strip_site_name(raw_title, meta.get("og:site_name")) or None


def _headline(things: Sequence[Thing]) -> str | None:
    for thing in things:
        if type_names(thing) & _CREATIVE_WORK_TYPES:
            text = first_text(thing.get("headline"))
            if text:
                return text
    return None


def _strip_site_name(title: str, site_name: str | None) -> str:
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site_name:
        kept = [p for p in parts if p.strip().lower() != site_name.strip().lower()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    return max(parts, key=len)


def canonical_url(tree: html.HtmlElement, meta: dict[str, str], url: str | None) -> str | None:
    """The page's declared canonical URL made absolute; None when it declares none (or only junk)."""
    for candidate in (*_CANONICAL_XPATH(tree)[:1], meta.get("og:url")):
        text = one_line(str(candidate)) if candidate else ""
        if not text or _TEMPLATE_JUNK.search(text):
            continue
        absolute = safe_absolute_url(text, url)
        if absolute and urlsplit(absolute).hostname:
            return absolute
    return None


def safe_absolute_url(href: str | None, base: str | None) -> str | None:
    """An absolute http(s) URL, or None for javascript:, data: and other unsafe links."""
    if not href:
        return None
    href = one_line(href)
    try:
        absolute = urljoin(base or "", href)
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    return absolute if scheme in _SAFE_SCHEMES else None


def page_author(tree: html.HtmlElement, meta: dict[str, str], things: Sequence[Thing]) -> str | None:
    for thing in things:
        if type_names(thing) & _CREATIVE_WORK_TYPES and thing.get("author"):
            names = _person_names(thing["author"])
            if names:
                return ", ".join(names)
    for key in ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"):
        value = one_line(meta.get(key))
        if value and "://" not in value and len(value) <= _MAX_AUTHOR_CHARS:
            return _BYLINE_PREFIX.sub("", value)
    for find in (_first_author_link, _first_byline):  # the byline is looked for only when the link does not do
        node = find(tree)
        if node is None:
            continue
        text = _BYLINE_PREFIX.sub("", one_line(node.text_content()))
        if 2 < len(text) <= _MAX_AUTHOR_CHARS:
            return text
    return None


def _first_author_link(tree: html.HtmlElement) -> html.HtmlElement | None:
    found = _AUTHOR_LINK_XPATH(tree)
    return found[0] if found else None


def _first_byline(tree: html.HtmlElement) -> html.HtmlElement | None:
    """The first span, div, p, a or address whose class says byline or author and that holds no paragraph."""
    for node in tree.getroottree().iter(*_BYLINE_TAGS):
        names = node.get("class")
        if names:
            names = names.translate(_BYLINE_CLASS_CASE)
            if ("byline" in names or "author" in names) and node.find(".//p") is None:
                return node
    return None


def _person_names(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = []
    for v in values:
        name = first_text(v) if isinstance(v, dict) else (v if isinstance(v, str) else None)
        name = one_line(name)
        if name and "://" not in name and len(name) <= _MAX_AUTHOR_CHARS and name not in names:
            names.append(name)
    return names


def declared_language(tree: html.HtmlElement, meta: dict[str, str]) -> str | None:
    for value in (tree.get("lang"), tree.get("xml:lang"), meta.get("content-language"),
                  meta.get("og:locale"), meta.get("language"), meta.get("dc.language")):
        if value and value.strip():
            return value.strip()
    body = tree.find("body")
    return body.get("lang") if body is not None else None


def description(meta: dict[str, str]) -> str | None:
    for key in ("description", "og:description", "twitter:description", "dc.description"):
        text = one_line(meta.get(key))
        if text:
            return text
    return None
