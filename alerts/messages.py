"""Builds the emails: salon alerts, confirmation requests and weekly digests."""
from __future__ import annotations

import hashlib
from datetime import timedelta
import unicodedata
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Any, Sequence

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from alerts.i18n import country_name, format_day, format_money, format_number, format_range, strings, week_in_words
from alerts.plurals import count
from alerts.ical import fairs_to_ics
from alerts.subscriptions import Subscription
from alerts.tokens import TokenSigner
from alerts.wire import WireMessage, header_text, write_alternative
from brand import PALETTE, on_palette, site_name
from config import ROOT, Settings
from indexing.models import TradeFair, now_utc, single_line
from indexing.taxonomy import craft_label
from indexing.urls import is_safe_link

TEMPLATES = ROOT / "templates" / "email"


def text_direction(text: str | None) -> str:
    """'rtl' when the text's first strong letter is Arabic, else 'ltr' (the dir="auto" rule, which
    mail clients do not all implement): a French title in an Arabic digest keeps its punctuation."""
    for char in text or "":
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def digest_week_words(digest: Any, language: str) -> str:
    """'semaine du 23 au 29 novembre 2026' rather than '2026-W48'."""
    return week_in_words(digest.start, digest.end - timedelta(days=1), language)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=lambda name: bool(name and name.endswith(".html")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = lambda url: url if is_safe_link(url) else ""
    env.filters["day"] = format_day
    env.filters["text_dir"] = text_direction
    env.filters["text_align"] = lambda text: "right" if text_direction(text) == "rtl" else "left"
    env.globals["craft_label"] = craft_label
    env.globals["format_range"] = format_range
    env.globals["country_name"] = country_name
    env.globals["money"] = format_money
    env.globals["number"] = format_number
    env.globals["count"] = count
    env.globals["week_words"] = digest_week_words
    env.globals["move_group"] = lambda move, language: move_group(move, language)  # defined below
    env.globals["brand"] = PALETTE
    env.globals["site_name"] = site_name
    return env


ENV = _environment()


def message_id(key: str, settings: Settings) -> str:
    """Deterministic: a retried send carries the same Message-ID, so clients drop the copy."""
    domain = settings.mail_from.rsplit("@", 1)[-1] or "veille.local"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


def _headers(to: str, subject: str, settings: Settings, key: str, unsubscribe_url: str | None) -> list[tuple[str, str]]:
    headers = [
        ("From", formataddr(("veille", settings.mail_from))),
        ("To", to),
        # Scraped names reach the subject: no newline may survive into a header.
        ("Subject", single_line(subject, 200) or "veille"),
        ("Date", format_datetime(now_utc())),
        ("Message-ID", message_id(key, settings)),
        ("X-Veille-Key", hashlib.sha256(key.encode()).hexdigest()[:32]),
    ]
    if unsubscribe_url:
        headers += [("List-Unsubscribe", f"<{unsubscribe_url}>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]
    return headers


def build_message(*, to: str, subject: str, html: str, text: str, settings: Settings, key: str, language: str,
                  unsubscribe_url: str | None = None, attachments: Sequence[tuple[str, str, bytes]] = (),
                  inline_images: Sequence[tuple[str, bytes]] = ()) -> EmailMessage:
    msg = EmailMessage()
    for name, value in _headers(to, subject, settings, key, unsubscribe_url):
        msg[name] = value
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    if inline_images:
        html_part = msg.get_payload()[1]
        for cid, png in inline_images:
            html_part.add_related(png, maintype="image", subtype="png", cid=f"<{cid}>", filename=f"{cid}.png")
    for filename, mimetype, data in attachments:
        maintype, subtype = mimetype.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    msg["Content-Language"] = language  # after set_content, which drops Content-* headers
    return msg


def build_wire_message(*, to: str, subject: str, html: str, text: str, settings: Settings, key: str, language: str,
                       unsubscribe_url: str | None = None, inline_images: Sequence[tuple[str, bytes]] = ()) -> WireMessage:
    """The bytes `build_message(...).as_bytes(policy=WIRE_POLICY)` gives, written directly (alerts/wire.py)."""
    headers = _headers(to, subject, settings, key, unsubscribe_url)
    values = dict(headers)
    return WireMessage(message_id=values["Message-ID"], sender=header_text("From", values["From"]),
                       subject=header_text("Subject", values["Subject"]),
                       data=write_alternative(headers, text, html, language, inline_images))


# One-line headers up to RFC 5322's 998 characters: a List-Unsubscribe URL folded at 78 would be
# RFC 2047-encoded, which mail clients do not decode in that header.
WIRE_POLICY = policy.SMTP.clone(max_line_length=998)


LINK_PURPOSES = ("unsubscribe", "preferences", "confirm")


def link(sub: Subscription, settings: Settings, signer: TokenSigner, purpose: str) -> str:
    return f"{settings.base_url}/{purpose}?token={signer.sign(sub.id, purpose)}"


def links(sub: Subscription, settings: Settings, signer: TokenSigner) -> dict[str, str]:
    return {purpose: link(sub, settings, signer, purpose) for purpose in LINK_PURPOSES}


def _render(name: str, **context: Any) -> tuple[str, str]:
    return on_palette(ENV.get_template(f"{name}.html").render(**context)), ENV.get_template(f"{name}.txt").render(**context)


def salon_alert_message(sub: Subscription, items: Sequence[tuple[TradeFair, str]], settings: Settings,
                        signer: TokenSigner, key: str) -> EmailMessage:
    """One email for one or several (fair, reason) pairs, in the subscriber's language, with an .ics."""
    t = strings(sub.language)
    urls = links(sub, settings, signer)
    fairs = [fair for fair, _ in items]
    if len(items) == 1:
        fair = fairs[0]
        subject = t["alert_subject"].format(name=fair.name, dates=format_range(fair.start_date, fair.end_date, sub.language))
    else:
        subject = t["alert_subject_many"].format(count=count(len(items), "fair", sub.language))
    context = {"t": t, "lang": sub.language, "sub": sub, "items": items, "links": urls, "base_url": settings.base_url}
    html, text = _render("salon_alert", **context)
    return build_message(to=sub.email, subject=subject, html=html, text=text, settings=settings, key=key,
                         language=sub.language, unsubscribe_url=urls["unsubscribe"],
                         attachments=[("salons.ics", "text/calendar", fairs_to_ics(fairs))])


def group_label(key: str | None, language: str) -> str:
    """'tapis/rug/2-4m2' as 'Tapis · Artisanat du tapis · 2-4m2' in the reader's language."""
    from indexing.product_groups import type_label
    parts = (key or "").split("/")
    if len(parts) != 3:
        return ""
    craft, ptype, size = parts
    return " · ".join(p for p in (type_label(ptype, language), craft_label(craft, language) if craft != "-" else "",
                                  size if size != "-" else "") if p)


def move_group(move: Any, language: str) -> str:
    """A digest price move's product group, or its craft when the offer has no group."""
    return group_label(move.group, language) or (craft_label(move.crafts[0], language) if move.crafts else "")


def price_alert_message(sub: Subscription, change: Any, settings: Settings, signer: TokenSigner, key: str) -> EmailMessage:
    """One observation that crossed the subscription's threshold (alerts/price_alerts.py)."""
    from indexing.product_groups import group_key
    t = strings(sub.language)
    urls = links(sub, settings, signer)
    group = group_label(group_key(change.offer), sub.language)
    change_text = f"{change.change_pct:+.1f} %"
    subject = t["price_subject"].format(name=change.offer.name, change=change_text, shop=change.offer.shop)
    html, text = _render("price_alert", t=t, lang=sub.language, sub=sub, c=change, group=group, links=urls,
                         base_url=settings.base_url)
    return build_message(to=sub.email, subject=subject, html=html, text=text, settings=settings, key=key,
                         language=sub.language, unsubscribe_url=urls["unsubscribe"])


def confirmation_message(sub: Subscription, settings: Settings, signer: TokenSigner) -> EmailMessage:
    t = strings(sub.language)
    urls = links(sub, settings, signer)
    html, text = _render("confirmation", t=t, lang=sub.language, sub=sub, links=urls)
    # An alert already confirmed gets its preferences link instead: the public form never rewrites it.
    subject = t["manage_subject"] if sub.confirmed else t["confirm_subject"]
    # The kind is in the key: the preferences mail sent in the same second as the request to confirm is
    # another message, not a resend of it (one Message-ID would make clients, and the outbox, keep one).
    kind = "manage" if sub.confirmed else "confirm"
    return build_message(to=sub.email, subject=subject, html=html, text=text, settings=settings,
                         key=f"{kind}:{sub.id}:{now_utc().isoformat()}", language=sub.language)


def digest_subject(digest: Any, language: str) -> str:
    return strings(language)["digest_subject"].format(week=digest_week_words(digest, language))


def render_digest(digest: Any, language: str, settings: Settings, urls: dict[str, str], has_chart: bool,
                  **context: Any) -> tuple[str, str]:
    """The digest's HTML and text; `context` adds `sub` for a render for one reader."""
    return _render("weekly_digest", t=strings(language), lang=language, d=digest, links=urls, has_chart=has_chart,
                   base_url=settings.base_url, **context)


def digest_message(sub: Subscription, digest: Any, settings: Settings, signer: TokenSigner, key: str,
                   chart_png: bytes | None) -> EmailMessage:
    urls = links(sub, settings, signer)
    html, text = render_digest(digest, sub.language, settings, urls, chart_png is not None, sub=sub)
    return build_message(to=sub.email, subject=digest_subject(digest, sub.language), html=html, text=text,
                         settings=settings, key=key, language=sub.language, unsubscribe_url=urls["unsubscribe"],
                         inline_images=[("price-chart", chart_png)] if chart_png else ())


def render_digest_html(digest: Any, language: str, settings: Settings, chart_src: str | None = None) -> str:
    """The digest as a standalone page (dry runs and the UI): the chart as a data URI."""
    t = strings(language)
    sub = Subscription(kind="digest", email="preview@example.org", language=language)  # type: ignore[arg-type]
    return on_palette(ENV.get_template("weekly_digest.html").render(
        t=t, lang=language, sub=sub, d=digest, links={"unsubscribe": "#", "preferences": "#", "confirm": "#"},
        has_chart=chart_src is not None, chart_src=chart_src, base_url=settings.base_url))


def template_path(name: str) -> Path:
    return TEMPLATES / name
