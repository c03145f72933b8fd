"""Turn untrusted page bytes into a parsed lxml tree, safely and once."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from lxml import etree, html
from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

MAX_INPUT_BYTES = 5_000_000
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})
_CHAOS_TOLERANCE = 0.05
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_UTF8_SHARE = 0.5
_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)
# lxml.html picks each element's class in Python (forms, inputs...), on every element a walk touches;
# one class for all, chosen in C, makes every tree walk much cheaper. Nothing here uses the form classes.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity,
))


def decode_html(data: str | bytes) -> str:
    """Decode page bytes: BOM, then valid UTF-8, then the declared charset, then detection."""
    if isinstance(data, str):
        return data[:MAX_INPUT_BYTES]
    data = data[:MAX_INPUT_BYTES]
    bom_encoding, bom = read_bom(data)
    if bom_encoding and bom:
        return data[len(bom):].decode(bom_encoding, errors="replace")
    # Valid multi-byte UTF-8 is almost never another charset by accident, while
    # pages declaring latin-1 but serving UTF-8 are common: trust the bytes first.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= MAX_INPUT_BYTES - 4:  # truncation cut a multi-byte character
            return data[: exc.start].decode("utf-8")
    declared = html_body_declared_encoding(data[:8192])
    encoding = resolve_encoding(declared) if declared else None
    if encoding and _is_codec(encoding):
        # "UTF-8" with no UTF-8 sequence at all is a lie (usually Windows-1252); with a few
        # stray bytes among many good sequences it is true, bar those bytes.
        if codecs.lookup(encoding).name != "utf-8" or _mostly_utf8(data):
            return data.decode(encoding, errors="replace")
    guess = _guess_encoding(data[:200_000])
    return data.decode(guess or "cp1252", errors="replace")


def _mostly_utf8(data: bytes) -> bool:
    high = len(_HIGH_BYTE.findall(data))
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return high > 0 and in_sequences >= _UTF8_SHARE * high


def _guess_encoding(sample: bytes) -> str | None:
    results = from_bytes(sample)
    best = results.best()
    if best is None:
        return None
    # Western-European pages are our common case: between near-equal guesses
    # (cp1250 vs cp1252 differ only on a few letters) take Windows-1252.
    for result in results:
        if result.encoding in _WESTERN and result.chaos <= best.chaos + _CHAOS_TOLERANCE:
            return "cp1252"
    return best.encoding if _is_codec(best.encoding) else None


def _is_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def parse_html(data: str | bytes) -> html.HtmlElement:
    """A document tree for any input; an empty <html/> when nothing parses."""
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
