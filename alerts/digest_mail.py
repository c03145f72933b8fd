"""The digest emails of one run, rendered once per language.

Two readers of one language get the same digest but for their links, so the body is rendered once with
placeholder links and each message puts its reader's links in their place (HTML-escaped in the HTML, as
the template escapes them). The cached render is given no `sub`: a template that came to use another field
of the subscription fails that render (StrictUndefined) and the language is rendered per reader, as is one
whose cached message differs from the per-reader render of its first reader, which is checked once.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from jinja2 import UndefinedError
from markupsafe import escape

from alerts.messages import LINK_PURPOSES, build_wire_message, digest_subject, link, render_digest
from alerts.subscriptions import Subscription
from alerts.tokens import TokenSigner
from alerts.wire import WireMessage
from config import Settings


@dataclass(frozen=True)
class _Pieces:
    html: str
    text: str
    placeholders: dict[str, str]  # purpose -> placeholder, for the links the body shows


class DigestMail:
    def __init__(self, digest: Any, settings: Settings, signer: TokenSigner, chart_png: bytes | None) -> None:
        self.digest, self.settings, self.signer, self.chart_png = digest, settings, signer, chart_png
        self._pieces: dict[str, _Pieces | None] = {}  # None: this language is rendered per reader
        self._subjects: dict[str, str] = {}
        nonce = secrets.token_hex(8)
        self._placeholders = {p: f"{settings.base_url}/{p}?token=veille-link-{nonce}-{p}" for p in LINK_PURPOSES}

    def message(self, sub: Subscription, key: str) -> WireMessage:
        language = sub.language
        if language not in self._pieces:
            pieces = self._render_pieces(language)
            if pieces is not None and self._filled(pieces, sub) != self._rendered(sub):
                pieces = None
            self._pieces[language] = pieces
        pieces = self._pieces[language]
        html, text, unsubscribe = self._filled(pieces, sub) if pieces else self._rendered(sub)
        subject = self._subjects.get(language) or self._subjects.setdefault(language, digest_subject(self.digest, language))
        return build_wire_message(to=sub.email, subject=subject, html=html, text=text,
                                  settings=self.settings, key=key, language=language, unsubscribe_url=unsubscribe,
                                  inline_images=[("price-chart", self.chart_png)] if self.chart_png else ())

    def _render_pieces(self, language: str) -> _Pieces | None:
        try:
            html, text = render_digest(self.digest, language, self.settings, self._placeholders,
                                       self.chart_png is not None)
        except UndefinedError:
            return None
        shown = {p: ph for p, ph in self._placeholders.items() if ph in html or ph in text}
        return _Pieces(html, text, shown)

    def _filled(self, pieces: _Pieces, sub: Subscription) -> tuple[str, str, str]:
        """The reader's HTML, text and unsubscribe link from the language's pieces."""
        html, text = pieces.html, pieces.text
        urls = {p: link(sub, self.settings, self.signer, p) for p in {*pieces.placeholders, "unsubscribe"}}
        for purpose, placeholder in pieces.placeholders.items():
            html = html.replace(placeholder, str(escape(urls[purpose])))
            text = text.replace(placeholder, urls[purpose])
        return html, text, urls["unsubscribe"]

    def _rendered(self, sub: Subscription) -> tuple[str, str, str]:
        """The reader's HTML, text and unsubscribe link rendered for them alone."""
        urls = {p: link(sub, self.settings, self.signer, p) for p in LINK_PURPOSES}
        html, text = render_digest(self.digest, sub.language, self.settings, urls, self.chart_png is not None, sub=sub)
        return html, text, urls["unsubscribe"]
