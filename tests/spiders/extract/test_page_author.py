"""The author of a page: structured data, meta tags, then the author link or the byline."""
from __future__ import annotations

from lxml import etree

from spiders.extract.htmlinput import parse_html
from spiders.extract.page_meta import _first_byline, page_author
from spiders.extract.structured import meta_properties

# The definition the byline search follows, as an XPath.
BYLINE_XPATH = etree.XPath(
    '//*[self::span or self::div or self::p or self::a or self::address]'
    '[contains(translate(@class, "ABHORTUY", "abhortuy"), "byline") or '
    'contains(translate(@class, "ABHORTUY", "abhortuy"), "author")][not(.//p)]'
)

PAGES = [
    '<div class="post-Author"><p>Texte</p><span class="AUTHOR">Par Leila Amrani</span></div>',
    '<section><p class="byline">Omar Kettani</p></section>',
    '<span class="BYLINE">Not lowered: byLINE</span><address class="author-box">Sara B.</address>',
    '<div class="meta"><em class="byline">an em is not looked at</em></div><a class="author" href="/a">Nadia</a>',
    '<div class="by-line">no</div><div class="authorship"><div><p>holds a paragraph</p></div></div>',
    '<p>nothing here</p>',
]


def test_the_byline_is_the_first_element_the_definition_names() -> None:
    for body in PAGES:
        tree = parse_html(f"<html><body><article>{body}</article></body></html>")
        expected = BYLINE_XPATH(tree)
        assert _first_byline(tree) is (expected[0] if expected else None), body


def test_an_author_link_comes_before_a_byline_and_a_short_one_is_passed_over() -> None:
    tree = parse_html('<html><body><a rel="author">Al</a><span class="byline">Par Leila Amrani</span></body></html>')
    assert page_author(tree, meta_properties(tree), []) == "Leila Amrani"
    tree = parse_html('<html><body><span class="byline">Leila</span><a rel="author" href="/y">Youssef Alami</a></body></html>')
    assert page_author(tree, meta_properties(tree), []) == "Youssef Alami"
    tree = parse_html("<html><body><p>Texte</p></body></html>")
    assert page_author(tree, meta_properties(tree), []) is None
