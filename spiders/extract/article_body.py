"""Main text of an article page: trafilatura, then repairs measured on the evaluation corpus."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import trafilatura
from lxml import etree, html

from spiders.extract.author_note import drop_author_note
from spiders.extract.body_boilerplate import drop_furniture, drop_publisher_blurb
from spiders.extract.textutil import clean_paragraphs, one_line, word_key

_PARAGRAPH_TAGS = ("p",)
_MIN_MATCH_CHARS = 40
_MIN_SIBLING_PARAGRAPH = 60
_MIN_SIBLING_CHARS = 200
_MAX_LINK_DENSITY = 0.5
_NON_PROSE_TAGS = frozenset({"figure", "figcaption", "aside", "footer", "nav", "form", "header"})
_ARTICLE_BODY_XPATH = etree.XPath('//*[@itemprop="articleBody"]')
# A structured body replaces the extracted one only when the extraction is clearly short.
_STRUCTURED_BODY_RATIO = 3.0
_STRUCTURED_BODY_MIN_CHARS = 500
_EMBEDDED_POST = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|reddit-card")
_WRAPPER_SLACK_CHARS = 40


def extract_body(
    tree: html.HtmlElement,
    url: str | None,
    headlines: Sequence[str] = (),
    jsonld_body: str | None = None,
    descriptions: Sequence[str] = (),
    author: str | None = None,
) -> str:
    _unmark_embedded_post_wrappers(tree)
    _paragraphs_from_bare_divs(tree)
    text = _trafilatura_text(tree, url)
    lines = text.split("\n") if text else []
    lines = _extend_with_sibling_chunks(tree, lines)
    lines = drop_publisher_blurb(drop_furniture(lines, tree, headlines, descriptions), url)
    lines = drop_author_note(lines, author)
    text = "\n".join(lines)
    structured = _structured_body(tree, jsonld_body)
    if structured and len(structured) > max(_STRUCTURED_BODY_MIN_CHARS, _STRUCTURED_BODY_RATIO * len(text)):
        return structured
    return text


def _unmark_embedded_post_wrappers(tree: html.HtmlElement) -> None:
    """A quoted tweet is part of the article, but its wrapper ("social-embed") reads as share buttons."""
    for quote in tree.iter("blockquote"):
        if not _EMBEDDED_POST.search(quote.get("class") or ""):
            continue
        size = len(quote.text_content())
        for wrapper in quote.iterancestors():
            if wrapper.tag in ("body", "html", "article") or len(wrapper.text_content()) > size + _WRAPPER_SLACK_CHARS:
                break
            for attribute in ("class", "id"):
                wrapper.attrib.pop(attribute, None)


_INLINE_TAGS = frozenset({"a", "b", "strong", "em", "i", "span", "br", "u", "sup", "sub", "small", "mark", "abbr", "time"})


def _paragraphs_from_bare_divs(tree: html.HtmlElement) -> None:
    """A sub-heading or paragraph written as a bare <div> between <p>s: extraction drops it unless it is a <p>."""
    for paragraph in tree.iter("p"):  # pages hold fewer <p> than <div>
        div = paragraph.getnext()
        if div is None or div.tag != "div" or not (div.text or "").strip():
            continue
        after = div.getnext()
        if after is not None and after.tag == "p" and all(c.tag in _INLINE_TAGS for c in div if isinstance(c.tag, str)):
            div.tag = "p"


def _trafilatura_text(tree: html.HtmlElement, url: str | None) -> str:
    # fast=True skips trafilatura's own readability/justext fallback: on both
    # benchmarks it adds more boilerplate than text; comments are not the article.
    text = trafilatura.extract(
        tree, url=url, fast=True, include_comments=False, include_tables=True, deduplicate=False
    )
    return clean_paragraphs(text)


def _extend_with_sibling_chunks(tree: html.HtmlElement, lines: list[str]) -> list[str]:
    """Pages that split one article into sibling blocks of the same kind lose every block but one."""
    if not lines:
        return lines
    exact = {line for line in lines if len(line) >= _MIN_MATCH_CHARS}
    if not exact:
        return lines
    found: list[tuple[html.HtmlElement, str]] = []
    unmatched: list[tuple[html.HtmlElement, str]] = []
    for p in tree.iter(*_PARAGRAPH_TAGS):
        content = p.text_content()
        if len(content) < _MIN_MATCH_CHARS:
            continue
        if content in exact:  # the lines are collapsed already: so is a paragraph equal to one
            found.append((p, content))
            continue
        flat = one_line(content)
        (found if flat in exact else unmatched).append((p, flat))
    # Most paragraphs come out of extraction unchanged; word keys (slow) are only
    # compared for the lines and paragraphs that did not match exactly.
    seen = {flat for _, flat in found}
    altered = {word_key(line) for line in exact if line not in seen}
    if altered:
        found += [(p, flat) for p, flat in unmatched if word_key(flat) in altered]
    parents: Counter[html.HtmlElement] = Counter()
    for p, _ in found:
        parent = p.getparent()
        if parent is not None:
            parents[parent] += 1
    if not parents:
        return lines
    home, _ = parents.most_common(1)[0]
    known: str | None = None
    for block in (home, home.getparent()):
        if block is None or not block.get("class"):
            continue
        siblings = _same_kind_siblings(block)
        if len(siblings) < 2:
            continue
        # One string of every extracted line: a sibling paragraph that merges two lines is known too.
        known = known if known is not None else " ".join(word_key(line) for line in lines)
        extra: list[tuple[int, list[str]]] = []
        for position, sibling in enumerate(siblings):
            if sibling is block:
                home_position = position
                continue
            texts = [t for t in _prose_paragraphs(sibling) if word_key(t) not in known]
            if sum(map(len, texts)) >= _MIN_SIBLING_CHARS:
                extra.append((position, texts))
        if extra:
            before = [t for pos, texts in extra if pos < home_position for t in texts]
            after = [t for pos, texts in extra if pos > home_position for t in texts]
            return before + lines + after
    return lines


def _prose_paragraphs(block: html.HtmlElement) -> list[str]:
    """Paragraph texts of a block, without captions, asides and link lists."""
    texts = []
    for p in block.iter(*_PARAGRAPH_TAGS):
        if any(a.tag in _NON_PROSE_TAGS for a in p.iterancestors()):
            continue
        text = one_line(p.text_content())
        if len(text) < _MIN_SIBLING_PARAGRAPH:
            continue
        link_chars = sum(len(a.text_content()) for a in p.iter("a"))
        if link_chars > _MAX_LINK_DENSITY * len(text):
            continue
        texts.append(text)
    return texts


def _same_kind_siblings(block: html.HtmlElement) -> list[html.HtmlElement]:
    parent = block.getparent()
    if parent is None:
        return [block]
    return [s for s in parent if s.tag == block.tag and s.get("class") == block.get("class")]


def _structured_body(tree: html.HtmlElement, jsonld_body: str | None) -> str | None:
    candidates = [clean_paragraphs(jsonld_body)] if jsonld_body else []
    for node in _ARTICLE_BODY_XPATH(tree)[:3]:
        candidates.append(_block_text(node))
    candidates = [c for c in candidates if c]
    return max(candidates, key=len) if candidates else None


def _block_text(node: html.HtmlElement) -> str:
    paragraphs = [one_line(p.text_content()) for p in node.iter("p", "h2", "h3", "li", "blockquote")]
    return "\n".join(p for p in paragraphs if len(p) > 1)
