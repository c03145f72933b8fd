"""Page bytes to text: the one decoding path of the crawl, the workers and `veille extract`.

Candidates in priority order: the byte-order mark, the HTTP header's charset, the page's own
declaration (<meta charset>, <?xml encoding?>), then detection. Each is scored by the replacement
characters its decoding produces (bytes invalid in that charset, plus U+FFFD already in the text),
and by the mojibake it would make of valid UTF-8 ('Ã‰lÃ©gance'); the lowest score wins, the
higher-priority candidate on ties. A declared UTF-16 or UTF-32 without a BOM on ASCII-compatible
bytes is a lie (the HTML standard reads a <meta> UTF-16 as UTF-8), so it is read as UTF-8.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

MAX_INPUT_BYTES = 5_000_000
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})
_CHAOS_TOLERANCE = 0.05
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_UTF8_SHARE = 0.5
_WIDE = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be")


def decode_page(data: bytes | str, content_type: str | None = None) -> str:
    """The text of page bytes; `content_type` is the HTTP Content-Type header, when there is one."""
    if isinstance(data, str):
        return data[:MAX_INPUT_BYTES]
    truncated = len(data) > MAX_INPUT_BYTES
    data = data[:MAX_INPUT_BYTES]
    bom_encoding, bom = read_bom(data)
    if bom_encoding and bom:
        return data[len(bom):].decode(bom_encoding, errors="replace")
    if data.isascii() and b"\x00" not in data:
        return data.decode("ascii")
    if b"\x00" not in data:
        try:
            # Valid UTF-8 with high bytes always wins the comparison below (any other reading of it is
            # mojibake), so skip it: this is most pages, and the crawler decodes every one.
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    utf8_sequences = _utf8_sequences(data)
    best: tuple[int, str] | None = None
    seen: set[str] = set()
    for candidate in _candidates(data, content_type):
        encoding = _codec(candidate, data)
        if encoding is None or encoding in seen:
            continue
        seen.add(encoding)
        text = _decode(data, encoding, truncated)
        score = text.count("\ufffd") + (utf8_sequences if encoding != "utf-8" else 0)
        if best is None or score < best[0]:
            best = (score, text)
        if score == 0:
            break
    return best[1] if best is not None else data.decode("cp1252", errors="replace")


def header_charset(content_type: str | bytes | None) -> str | None:
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    return http_content_type_encoding(content_type) if content_type else None


def _candidates(data: bytes, content_type: str | None):  # type: ignore[no-untyped-def]
    """Charset names in priority order; detection only runs when nothing before it decodes cleanly."""
    yield header_charset(content_type)
    yield html_body_declared_encoding(data[:8192])
    yield "utf-8"
    yield _guess_encoding(data[:200_000])
    yield "cp1252"


def _codec(name: str | None, data: bytes) -> str | None:
    """The Python codec of a declared name, WHATWG-resolved; UTF-16/32 without a BOM on bytes
    without NULs means UTF-8."""
    if not name:
        return None
    resolved = resolve_encoding(name) or name
    try:
        codec = codecs.lookup(resolved).name
    except LookupError:
        return None
    if codec.replace("-", "_") in _WIDE and b"\x00" not in data[:4096]:
        return "utf-8"
    return codec


def _decode(data: bytes, encoding: str, truncated: bool) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if truncated and encoding == "utf-8" and exc.start >= len(data) - 4:  # the cut split a character
            return data[: exc.start].decode("utf-8", errors="replace")
        return data.decode(encoding, errors="replace")


def _utf8_sequences(data: bytes) -> int:
    """How many characters a non-UTF-8 reading would turn into mojibake: the UTF-8 sequences, when
    they make up most of the high bytes (a page of UTF-8 with a few stray bytes is still UTF-8)."""
    high = len(_HIGH_BYTE.findall(data))
    in_sequences = _UTF8_SEQUENCE.findall(data)
    share = sum(len(m) for m in in_sequences)
    return len(in_sequences) if high and share >= _UTF8_SHARE * high else 0


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
    # On a few accented letters every double-byte Asian charset "decodes" cleanly, in no language.
    return best.encoding if best.coherence > 0 else None
