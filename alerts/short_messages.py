"""Short alert texts for WhatsApp, SMS and Telegram: plain text, one message for every fair due together.

An SMS keeps within GSM 03.38 segments (160 characters, 153 each when concatenated) or, as soon as
one character is outside that alphabet (Arabic, ç, ê…), UCS-2 segments (70, 67 when concatenated).
The text says how many segments it takes, and is shortened only between words.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Sequence

from alerts.i18n import country_name, format_day, format_range
from alerts.subscriptions import Subscription
from config import Settings
from indexing.models import TradeFair

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENDED = frozenset("^{}\\[~]|€")  # two septets each
SMS_MAX_SEGMENTS = 4  # an Arabic alert with its two links needs four UCS-2 segments
CHAT_MAX_CHARS = 1000  # WhatsApp and Telegram: short enough to read on a phone
# Typographic characters babel and fair names bring in, replaced by their GSM equivalents so a
# French or English alert stays in 160-character segments.
_PLAIN_PUNCTUATION = str.maketrans({
    "\u2009": " ", "\u202f": " ", "\u00a0": " ", "\u2007": " ", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2026": "...",
})
# WhatsApp and Telegram read these as formatting; in a fair's name they are noise.
_MARKUP_CHARS = str.maketrans("", "", "*_~`")

TEMPLATES: dict[str, dict[str, str]] = {
    "fr": {"one": "veille : salon pour vous", "many": "veille : {n} salons pour vous",
           "deadline": "inscription avant le {day}", "more": "+{n} autres : {url}", "details": "Détails : {url}",
           "segments": "({n} SMS)", "stop": "Désinscription : {url}",
           "confirm": "veille : confirmez vos alertes salons : {url} Sans confirmation, rien ne sera envoyé."},
    "ar": {"one": "veille: معرض يهمك", "many": "veille: {n} معارض تهمك",
           "deadline": "التسجيل قبل {day}", "more": "+{n} أخرى: {url}", "details": "التفاصيل: {url}",
           "segments": "({n} SMS)", "stop": "إلغاء الاشتراك: {url}",
           "confirm": "veille: أكّد تنبيهات المعارض: {url} لن يُرسل شيء دون تأكيد."},
    "en": {"one": "veille: a fair for you", "many": "veille: {n} fairs for you",
           "deadline": "register by {day}", "more": "+{n} more: {url}", "details": "Details: {url}",
           "segments": "({n} texts)", "stop": "Unsubscribe: {url}",
           "confirm": "veille: confirm your fair alerts: {url} Nothing is sent until you do."},
}


def plain_text(value: str | None, limit: int = 80) -> str:
    """One line of plain text: no markup, no control or bidi-override characters, cut between words."""
    text = re.sub(r"<[^<>]{0,200}>", " ", value or "")
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text
                   if unicodedata.category(c) != "Cf")
    text = " ".join(text.translate(_PLAIN_PUNCTUATION).translate(_MARKUP_CHARS).split())
    return cut_between_words(text, limit)


def cut_between_words(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[:limit - 3]
    if " " in head and text[limit - 3] != " ":
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-") + "..."


def is_gsm7(text: str) -> bool:
    return all(c in GSM_BASIC or c in GSM_EXTENDED for c in text)


def sms_length(text: str) -> tuple[int, bool]:
    """(units, gsm7): septets for GSM-7 text, UTF-16 code units otherwise."""
    if is_gsm7(text):
        return sum(2 if c in GSM_EXTENDED else 1 for c in text), True
    return len(text.encode("utf-16-le")) // 2, False


def sms_segments(text: str) -> int:
    units, gsm = sms_length(text)
    single, multi = (160, 153) if gsm else (70, 67)
    return 1 if units <= single else -(-units // multi)


def fair_url(fair: TradeFair, settings: Settings) -> str:
    return f"{settings.base_url}/fairs/{fair.id}"


def fair_line(fair: TradeFair, language: str, settings: Settings, name_limit: int = 60, link: bool = True) -> str:
    words = TEMPLATES.get(language, TEMPLATES["fr"])
    # The city alone says where; the country only when there is no city.
    place = plain_text(fair.city, 30) or plain_text(country_name(fair.country, language), 30)
    parts = [plain_text(fair.name, name_limit), plain_text(format_range(fair.start_date, fair.end_date, language))]
    if place:
        parts.append(place)
    deadline: date | None = fair.registration_deadline
    if deadline:
        parts.append(words["deadline"].format(day=plain_text(format_day(deadline, language))))
    return " - ".join(parts) + (" " + fair_url(fair, settings) if link else "")


def fits(text: str, channel: str) -> bool:
    if channel == "sms":
        return sms_segments(text) <= SMS_MAX_SEGMENTS
    return len(text) <= CHAT_MAX_CHARS


def with_segments(body: str, language: str) -> str:
    """Append '(n SMS)'; the note itself may push the text into one more segment, so settle it."""
    note = TEMPLATES.get(language, TEMPLATES["fr"])["segments"]
    n = sms_segments(body)
    while sms_segments(f"{body} {note.format(n=n)}") > n:
        n += 1
    return f"{body} {note.format(n=n)}"


def short_alert(sub: Subscription, fairs: Sequence[TradeFair], settings: Settings, channel: str,
                unsubscribe_url: str | None = None) -> str:
    """The whole alert for one subscriber and run: a header, one line per fair, the links.

    Lines that do not fit the channel's limit give way to '+N more' and the fairs page."""
    language = sub.language if sub.language in TEMPLATES else "fr"
    words = TEMPLATES[language]
    header = words["one"] if len(fairs) == 1 else words["many"].format(n=len(fairs))
    tail = [words["stop"].format(url=unsubscribe_url)] if unsubscribe_url else []

    def render(lines: list[str], rest: int, linked: bool) -> str:
        fairs_page = f"{settings.base_url}/fairs"
        more = [words["more"].format(n=rest, url=fairs_page)] if rest else \
            ([] if linked else [words["details"].format(url=fairs_page)])
        body = "\n".join([header, *lines, *more, *tail])
        return with_segments(body, language) if channel == "sms" else body

    # Each fair with its own page's link; when not even one fits (Arabic SMS: 67 characters a
    # segment), the fairs without links and one link to the fairs page.
    for name_limit, linked in ((60, True), (30, True), (30, False)):
        lines = [fair_line(f, language, settings, name_limit, linked) for f in fairs]
        for keep in range(len(lines), 0, -1):
            text = render(lines[:keep], len(lines) - keep, linked)
            if fits(text, channel):
                return text
    return render([], len(fairs), True)


def confirmation_text(language: str, confirm_url: str, channel: str) -> str:
    text = TEMPLATES.get(language, TEMPLATES["fr"])["confirm"].format(url=confirm_url)
    return with_segments(text, language) if channel == "sms" else text
