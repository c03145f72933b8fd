"""Short plain-text forms of the price alert and the weekly digest, for SMS, WhatsApp, Telegram and
Apprise subscribers: the same limits as the salon alerts (alerts/short_messages.py)."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from alerts.i18n import format_money, week_in_words
from alerts.short_messages import cut_between_words, fits, plain_text, with_segments
from alerts.subscriptions import Subscription
from config import Settings

WORDS: dict[str, dict[str, str]] = {
    "fr": {"price": "veille : prix {change} - {name} ({shop}) : {before} -> {after}",
           "digest": "veille : {week}", "new_fairs": "{n} nouveaux salons", "deadlines": "{n} inscriptions bientôt closes",
           "move": "prix : {change} {name}", "story": "à la une : {title}", "quiet": "semaine calme",
           "stop": "Désinscription : {url}"},
    "ar": {"price": "veille: السعر {change} - {name} ({shop}): {before} -> {after}",
           "digest": "veille: {week}", "new_fairs": "{n} معارض جديدة", "deadlines": "{n} تسجيلات تُغلق قريباً",
           "move": "الأسعار: {change} {name}", "story": "أبرز خبر: {title}", "quiet": "أسبوع هادئ",
           "stop": "إلغاء الاشتراك: {url}"},
    "en": {"price": "veille: price {change} - {name} ({shop}): {before} -> {after}",
           "digest": "veille: {week}", "new_fairs": "{n} new fairs", "deadlines": "{n} registrations closing soon",
           "move": "prices: {change} {name}", "story": "top story: {title}", "quiet": "a quiet week",
           "stop": "Unsubscribe: {url}"},
}


def _words(sub: Subscription) -> tuple[str, dict[str, str]]:
    language = sub.language if sub.language in WORDS else "fr"
    return language, WORDS[language]


def _finish(lines: list[str], link: str, stop: str | None, language: str, channel: str) -> str:
    """The lines, the link and the stop link. Until the text fits, the longest line after the first
    (which says what the message is) gives way between words, then the last lines go, then the first."""
    lines = list(lines)
    while True:
        body = "\n".join([*lines, link, *([stop] if stop else [])])
        text = with_segments(body, language) if channel == "sms" else body
        if fits(text, channel):
            return text
        cuttable = [i for i in range(1, len(lines)) if len(lines[i]) > 40]
        if cuttable:
            i = max(cuttable, key=lambda j: len(lines[j]))
        elif len(lines) > 1:
            lines.pop()
            continue
        elif len(lines[0]) > 40:
            i = 0
        else:
            return text
        lines[i] = cut_between_words(lines[i], max(40, len(lines[i]) * 2 // 3))


def short_price_alert(sub: Subscription, change: Any, settings: Settings, channel: str,
                      unsubscribe_url: str | None = None) -> str:
    """One observation that crossed the threshold (alerts/price_alerts.PriceChange)."""
    language, words = _words(sub)
    before, after = change.before, change.after
    line = words["price"].format(change=f"{change.change_pct:+.1f}%", name=plain_text(change.offer.name, 60),
                                 shop=plain_text(change.offer.shop, 30),
                                 before=plain_text(format_money(before.price, before.currency, language)),
                                 after=plain_text(format_money(after.price, after.currency, language)))
    stop = words["stop"].format(url=unsubscribe_url) if unsubscribe_url else None
    return _finish([line], f"{settings.base_url}/offers/{change.offer.id}", stop, language, channel)


def short_digest(sub: Subscription, digest: Any, settings: Settings, channel: str,
                 unsubscribe_url: str | None = None) -> str:
    """The digest's opening summary: the week, new fairs and deadlines, the headline move and story."""
    language, words = _words(sub)
    summary = digest.summary
    lines = [words["digest"].format(week=plain_text(week_in_words(digest.start, digest.end - timedelta(days=1),
                                                                  language)))]
    counts = [words[key].format(n=n) for key, n in (("new_fairs", summary.new_fairs),
                                                    ("deadlines", len(summary.deadlines))) if n]
    if counts:
        lines.append(", ".join(counts))
    if summary.top_move is not None:
        move = summary.top_move
        lines.append(words["move"].format(name=plain_text(move.name, 50), change=f"{move.change_pct:+.1f}%"))
    if summary.top_story is not None:
        lines.append(words["story"].format(title=plain_text(summary.top_story.for_reader(language).title, 90)))
    if len(lines) == 1:
        lines.append(words["quiet"])
    stop = words["stop"].format(url=unsubscribe_url) if unsubscribe_url else None
    return _finish(lines, f"{settings.base_url}/news", stop, language, channel)
