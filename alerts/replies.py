"""Replies from SMS and WhatsApp: one stop word (STOP, ARRET, وقف…) ends the text alerts of that number.

Providers that pass replies back call a webhook (web/reply_webhook.py) whose URL carries a token
derived from VEILLE_SECRET_KEY, so only the operator who configured the provider can post to it.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass

from alerts.phones import normalize_phone
from alerts.subscriptions import SubscriptionStore

TEXT_CHANNELS = ("sms", "whatsapp")
# The first word of the reply, folded (accents and case off, Arabic as written).
STOP_WORDS = frozenset({"stop", "arret", "arreter", "stopp", "unsubscribe", "desabonner", "desinscrire", "baja",
                        "وقف", "توقف", "أوقف", "اوقف", "الغاء", "إلغاء", "الغ"})
_WORD = re.compile(r"[^\W_]+")


def reply_token(secret: str, channel: str) -> str:
    return hmac.new(secret.encode("utf-8"), f"reply-webhook:{channel}".encode(), hashlib.sha256).hexdigest()[:32]


def is_stop(text: str) -> bool:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c)).casefold()
    first = _WORD.search(folded[:200])
    return bool(first) and first.group(0) in STOP_WORDS


@dataclass(frozen=True)
class ReplyOutcome:
    stopped: bool
    subscriptions: int
    """How many subscriptions of that number lost their text channels (or were removed)."""


def handle_reply(store: SubscriptionStore, sender: str, text: str, region: str = "MA") -> ReplyOutcome:
    """Raises InvalidPhone for a sender that is no phone number; anything but a stop word changes nothing."""
    phone = normalize_phone(sender, region)
    if not is_stop(text):
        return ReplyOutcome(False, 0)
    changed = 0
    for sub in store.list(phone=phone):
        if not set(sub.channels) & set(TEXT_CHANNELS):
            continue
        rest = [c for c in sub.channels if c not in TEXT_CHANNELS]
        if rest:
            store.save(sub.model_copy(update={"channels": rest}))
        else:
            store.remove(sub.id)
        changed += 1
    return ReplyOutcome(True, changed)

