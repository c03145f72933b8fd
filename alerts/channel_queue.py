"""Queuing one message on each of a subscription's live channels, once each through the delivery log:
the email under the message's own key (as before texts existed), a text under `key@channel`."""
from __future__ import annotations

from email.message import EmailMessage
from typing import Callable

from alerts.delivery import DeliveryLog
from alerts.subscriptions import Subscription
from alerts.wire import WireMessage


def text_key(key: str, channel: str) -> str:
    return f"{key}@{channel}"


def queue_on_channels(deliveries: DeliveryLog, sub: Subscription, key: str, kind: str,
                      email: Callable[[], EmailMessage | WireMessage], text: Callable[[str], str]) -> int:
    """How many messages were queued now; a pending channel (a changed number) gets nothing."""
    queued = 0
    for channel in sub.live_channels:
        if channel == "email":
            queued += deliveries.enqueue(key, kind, sub.email, email)
        elif not deliveries.already(text_key(key, channel)):
            queued += deliveries.enqueue_text(text_key(key, channel), kind, channel, sub.address_of(channel),
                                              text(channel))
    return queued
