"""Turn untrusted page bytes into a parsed lxml tree, safely and once."""
from __future__ import annotations

import re

from lxml import etree, html

from spiders.extract.decoding import MAX_INPUT_BYTES, decode_page

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)
# lxml.html picks each element's class in Python (forms, inputs...), on every element a walk touches;
# one class for all, chosen in C, makes every tree walk much cheaper. Nothing here uses the form classes.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity,
))


def decode_html(data: str | bytes) -> str:
    """Page bytes without HTTP headers to text (BOM, declaration, detection): see decoding.decode_page."""
    return decode_page(data)


def parse_html(data: str | bytes | html.HtmlElement) -> html.HtmlElement:
    """A document tree for any input; an empty <html/> when nothing parses. A tree parsed here
    before is used as it is (the page workers read a page's links from it first)."""
    if isinstance(data, html.HtmlElement):
        return data
    text = _XML_DECLARATION.sub("", decode_html(data), count=1).replace("\x00", "")
    if not text.strip():
        return html.Element("html")
    try:
        tree = html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return html.Element("html")
    # No extractor reads style sheets, and every tree walk pays for them.
    etree.strip_elements(tree, "style", with_tail=False)
    return tree


def stopped_at_a_limit() -> bool:
    """Whether the last `parse_html` stopped at one of libxml2's limits (elements nested deeper than
    256): a parser without them (parsel's, huge_tree) reads more of such a page."""
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in _PARSER.error_log)


def drop_scripts(tree: html.HtmlElement) -> None:
    """Remove scripts but JSON data blocks, once no reader of dates in scripts (htmldate) needs them."""
    for script in [s for s in tree.iter("script") if "json" not in (s.get("type") or "").lower()]:
        script.drop_tree()


# Elements whose content is never an article's text; trafilatura deletes them all, but only after
# matching its patterns against them. Not here: <form> (some sites wrap the whole page in one),
# <noscript> (the text of script-rendered pages) and <nav> (misused as a wrapper): measured losses.
_NON_CONTENT_TAGS = (
    "aside", "footer", "svg", "iframe", "select", "button", "input", "textarea",
    "template", "canvas", "video", "audio", "map", "object", "embed",
)


def drop_non_content(tree: html.HtmlElement) -> None:
    """Scripts and page chrome out, before the body extraction walks the tree many times."""
    drop_scripts(tree)
    for element in list(tree.iter(*_NON_CONTENT_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
