"""Confirming one channel again: a changed phone number or chat, or a channel added after the
subscription was confirmed, gets its own link on that channel, and nothing else goes there first.

The link's token names the subscription, the channel and a digest of the address it was sent to,
so a link sent to an older number confirms nothing once the number has changed again.
"""
from __future__ import annotations

import hashlib
import logging
import sys

from alerts.notifiers import notifier_from_settings
from alerts.short_messages import confirmation_text
from alerts.subscriptions import RECONFIRMED_CHANNELS, Subscription
from alerts.tokens import BadToken, TokenSigner
from config import Settings

log = logging.getLogger(__name__)
PURPOSE = "confirm-channel"


def address_digest(address: str) -> str:
    return hashlib.sha256(address.encode("utf-8")).hexdigest()[:16]


def channel_token(signer: TokenSigner, sub: Subscription, channel: str) -> str:
    return signer.sign(f"{sub.id}|{channel}|{address_digest(sub.address_of(channel))}", PURPOSE)


def read_channel_token(signer: TokenSigner, token: str) -> tuple[str, str, str]:
    """(subscription id, channel, address digest); BadToken for anything else."""
    parts = signer.verify(token, PURPOSE).split("|")
    if len(parts) != 3 or parts[1] not in RECONFIRMED_CHANNELS:
        raise BadToken("this link is not valid for this action")
    return parts[0], parts[1], parts[2]


def channel_confirm_url(settings: Settings, signer: TokenSigner, sub: Subscription, channel: str) -> str:
    return f"{settings.base_url}/confirm-channel?token={channel_token(signer, sub, channel)}"


def send_channel_confirmations(settings: Settings, signer: TokenSigner, sub: Subscription,
                               channels: list[str]) -> dict[str, bool]:
    """Send each channel its own link, on that channel only; whether each went (a failure is logged,
    and the channel stays pending: the subscriber can save the preferences again to resend)."""
    sent: dict[str, bool] = {}
    if not channels:
        return sent
    notifier = notifier_from_settings(settings)
    try:
        for channel in channels:
            address = sub.address_of(channel)
            text = confirmation_text(sub.language, channel_confirm_url(settings, signer, sub, channel), channel)
            try:
                notifier.send(channel, address, text, f"confirm-{sub.id}-{channel}-{address_digest(address)}")
                sent[channel] = True
            except Exception:  # noqa: BLE001 - provider, configuration or disk errors all mean "not sent"
                log.exception("confirmation %s to subscription %s not sent", channel, sub.id)
                sent[channel] = False
    finally:
        notifier.close()
    return sent


def report_channel_confirmations(settings: Settings, sub: Subscription, channels: list[str]) -> int:
    """`veille subscribe`: send the links and say where; 1 when one could not be sent."""
    sent = send_channel_confirmations(settings, TokenSigner(settings.secret_key), sub, channels)
    for channel, ok in sent.items():
        print(f"{channel}: {'confirmation link sent to' if ok else 'error: confirmation not sent to'} "
              f"{sub.address_of(channel)}; nothing goes there until it is confirmed",
              file=sys.stdout if ok else sys.stderr)
    return 0 if all(sent.values()) else 1
