"""Plain text out of HTML fragments found inside data (JSON-LD bodies, feed summaries)."""
from __future__ import annotations

import html as html_entities
import re

from lxml import etree, html

from spiders.extract.textutil import clean_paragraphs

_TAG_HINT = re.compile(r"<[a-zA-Z!/]")
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote", "section", "article", "pre", "header", "footer", "nav", "aside", "dt", "dd", "figcaption", "ul", "ol", "table", "form"})
_DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "svg")


def fragment_text(fragment: str | None) -> str:
    """Text of an HTML fragment, block elements on their own lines, scripts dropped."""
    if not fragment:
        return ""
    if not _TAG_HINT.search(fragment):
        return clean_paragraphs(html_entities.unescape(fragment))
    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return clean_paragraphs(re.sub(r"<[^>]*>", " ", fragment))
    etree.strip_elements(root, *_DROPPED_TAGS, with_tail=False)
    return clean_paragraphs(_itertext_with_breaks(root))


def _itertext_with_breaks(root: html.HtmlElement) -> str:
    out: list[str] = []

    def visit(node: html.HtmlElement) -> None:
        block = isinstance(node.tag, str) and node.tag in _BLOCK_TAGS
        if block:
            out.append("\n")
        if isinstance(node.tag, str) and node.text:
            out.append(node.text)
        for child in node:
            visit(child)
            if child.tail:
                out.append(child.tail)
        if block:
            out.append("\n")

    visit(root)
    return "".join(out)


def block_text(tree: html.HtmlElement) -> str:
    """Visible text of a page, one line per block element, without scripts and styles."""
    body = tree.find("body")
    root = body if body is not None else tree
    clone = html.fromstring(html.tostring(root))
    etree.strip_elements(clone, *_DROPPED_TAGS, "style", "head", with_tail=False)
    return clean_paragraphs(_itertext_with_breaks(clone))
