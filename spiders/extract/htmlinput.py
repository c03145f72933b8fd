"""Turn untrusted page bytes into a parsed lxml tree, safely and once."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from lxml import etree, html
from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

MAX_INPUT_BYTES = 5_000_000
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)


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
        return data.decode(encoding, errors="replace")
    guess = from_bytes(data[:200_000]).best()
    if guess is not None and _is_codec(guess.encoding):
        return data.decode(guess.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")


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
    return tree
