"""Emails written straight to their SMTP bytes, for the messages sent by the hundred thousand.

`write_alternative` writes the bytes that `EmailMessage` with `set_content(text)`, `add_alternative(html)`
and `add_related(png)` then `as_bytes(policy=WIRE_POLICY)` writes (tests/alerts/test_wire.py holds the two
to the same bytes), without building the object tree: header objects are only built for values that are
not plain ASCII, and their folding is cached, since a digest's From and Subject are the same for every
reader of a language. Bodies get the transfer encoding `set_content` chooses (7bit, 8bit, quoted-printable
or base64) by its own rule, and the standard library's encoders.
"""
from __future__ import annotations

import binascii
import random
import re
import sys
from dataclasses import dataclass
from email import policy
from email.contentmanager import _encode_base64  # type: ignore[attr-defined]
from email.message import EmailMessage
from email.parser import BytesParser
from email.quoprimime import body_encode
from functools import lru_cache
from typing import Sequence

from alerts.mailers import WIRE_POLICY

# The policy `EmailMessage()` encodes bodies with; the wire policy only changes line ends and header length.
_BODY_POLICY = policy.default
_ADDRESS_HEADERS = frozenset({"from", "to", "cc", "bcc", "reply-to", "sender"})
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\Z")
_PLAIN_TEXT = re.compile(r"[\x21-\x7e]+(?: [\x21-\x7e]+)*\Z")
_BOUNDARY_DIGITS = len(repr(sys.maxsize - 1))


@dataclass(frozen=True)
class WireMessage:
    """A message ready for SMTP, with the header values the delivery log keeps beside it."""
    message_id: str
    sender: str
    subject: str
    data: bytes

    def email(self) -> EmailMessage:
        message = BytesParser(policy=policy.default).parsebytes(self.data)
        assert isinstance(message, EmailMessage)
        return message


@lru_cache(maxsize=4096)
def _folded(name: str, value: str) -> bytes:
    return WIRE_POLICY.fold_binary(*WIRE_POLICY.header_store_parse(name, value))


@lru_cache(maxsize=4096)
def header_text(name: str, value: str) -> str:
    """The value as `str(message[name])` gives it back (decoded, addresses normalised)."""
    return str(WIRE_POLICY.header_store_parse(name, value)[1])


def header_line(name: str, value: str) -> bytes:
    """`name: value` folded as `as_bytes(policy=WIRE_POLICY)` folds it."""
    plain = _PLAIN_ADDRESS if name.lower() in _ADDRESS_HEADERS else _PLAIN_TEXT
    if len(name) + 2 + len(value) <= WIRE_POLICY.max_line_length and "=?" not in value and plain.match(value):
        return f"{name}: {value}\r\n".encode("ascii")
    return _folded(name, value)


def _crlf(payload: str) -> bytes:
    return payload.encode("ascii", "surrogateescape").replace(b"\n", b"\r\n")


@lru_cache(maxsize=8192)
def _qp_line(line: str) -> str:
    return body_encode(line, _BODY_POLICY.max_line_length)


def _qp(body: str) -> str:
    """`quoprimime.body_encode(body)`, a line at a time: it encodes each line on its own, and the lines
    of a digest's template are the same in every reader's message, so most come from the cache."""
    lines = body.split("\n")
    return "\n".join(_qp_line(line) for line in lines)


def _encode_body(text: str) -> tuple[str, str]:
    """`email.contentmanager._encode_text(text, "utf-8", None, policy.default)`: the transfer encoding
    `set_content` picks, and the payload; quoted-printable goes through the line cache."""
    lines = text.encode("utf-8").splitlines()
    body = b"\n".join(lines) + b"\n"
    if max((len(line) for line in lines), default=0) <= _BODY_POLICY.max_line_length:
        return ("7bit" if body.isascii() else "8bit"), body.decode("ascii", "surrogateescape")
    sniff = b"\n".join(lines[:10]) + b"\n"
    if len(_qp(sniff.decode("latin-1"))) > len(binascii.b2a_base64(sniff)):
        return "base64", _encode_base64(body, _BODY_POLICY.max_line_length)
    return "quoted-printable", _qp(body.decode("latin-1"))


def _text_part(subtype: str, text: str, trailer: bytes = b"") -> bytes:
    cte, payload = _encode_body(text)
    return (f'Content-Type: text/{subtype}; charset="utf-8"\r\nContent-Transfer-Encoding: {cte}\r\n'.encode("ascii")
            + trailer + b"\r\n" + _crlf(payload))


def _image_part(cid: str, png: bytes) -> bytes:
    return (b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            + header_line("Content-Disposition", f'attachment; filename="{cid}.png"')
            + header_line("Content-ID", f"<{cid}>") + b"MIME-Version: 1.0\r\n\r\n"
            + _crlf(_encode_base64(png, _BODY_POLICY.max_line_length)))


def _boundary(parts: Sequence[bytes]) -> str:
    # The standard library's boundary form; its rule (no line of the parts is the boundary) made stricter
    # and cheaper: the boundary is nowhere in the parts.
    base = "=" * 15 + f"{random.randrange(sys.maxsize):0{_BOUNDARY_DIGITS}d}" + "=="
    boundary, counter = base, 0
    while any(boundary.encode("ascii") in part for part in parts):
        boundary, counter = f"{base}.{counter}", counter + 1
    return boundary


def _multipart(subtype: str, head: bytes, parts: Sequence[bytes], tail: bytes = b"") -> bytes:
    boundary = _boundary(parts)
    delimiter = f"--{boundary}\r\n".encode("ascii")
    return (head + f'Content-Type: multipart/{subtype}; boundary="{boundary}"\r\n'.encode("ascii") + tail + b"\r\n"
            + delimiter + (b"\r\n" + delimiter).join(parts) + f"\r\n--{boundary}--\r\n".encode("ascii"))


def write_alternative(headers: Sequence[tuple[str, str]], text: str, html: str, language: str,
                      inline_images: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """A multipart/alternative message: the text, then the HTML (in a multipart/related with its images)."""
    if inline_images:
        html_part = _multipart("related", b"MIME-Version: 1.0\r\n",
                               [_text_part("html", html), *(_image_part(cid, png) for cid, png in inline_images)])
    else:
        html_part = _text_part("html", html, b"MIME-Version: 1.0\r\n")
    head = b"".join(header_line(name, value) for name, value in headers) + b"MIME-Version: 1.0\r\n"
    return _multipart("alternative", head, [_text_part("plain", text), html_part],
                      header_line("Content-Language", language))
