"""Notifiers: short text alerts on WhatsApp, SMS, Telegram or any Apprise URL, beside the mailers.

Provider credentials live only in the settings (VEILLE_APPRISE_*): a subscription stores its phone
number or chat id, and the URL is built at send time. Errors name the channel and redact every
piece of the configured URLs, so a token can never reach a log line or the delivery log.
"""
from __future__ import annotations

import json
import logging
import os
import re
from abc import ABC, abstractmethod
from pathlib import Path
from urllib.parse import quote

from alerts.mailers import MailerError, outbox_file_name
from alerts.short_messages import sms_segments
from config import Settings

log = logging.getLogger(__name__)
TEXT_CHANNELS = ("whatsapp", "sms", "telegram", "apprise")


class NotifierError(MailerError):
    """A text message could not be sent (a MailerError, so the delivery log retries it the same way)."""


class Notifier(ABC):
    @abstractmethod
    def send(self, channel: str, address: str, text: str, message_id: str) -> None:
        """Send `text` on `channel` to `address` (E.164 phone or chat id); NotifierError on failure."""

    def close(self) -> None:
        pass


class OutboxNotifier(Notifier):
    """Writes `<outbox>/channels/<channel>-<message-id>.json`; sending twice writes one file (the embedded default)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def send(self, channel: str, address: str, text: str, message_id: str) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        final = self.directory / (outbox_file_name(f"{channel}-{message_id}").removesuffix(".eml") + ".json")
        payload = {"channel": channel, "to": address, "text": text, "message_id": message_id}
        if channel == "sms":
            payload["segments"] = sms_segments(text)
        tmp = final.with_suffix(".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, final)


def _secret_pieces(templates: list[str]) -> list[str]:
    """Every part of the configured URLs that could be a credential, longest first."""
    pieces: set[str] = set()
    for template in templates:
        for url in template.split():
            pieces.add(url)
            rest = url.split("://", 1)[-1]
            # Short digit runs (a bot's numeric id) would blank out parts of phone numbers instead.
            pieces.update(p for p in re.split(r"[/:@?&=#,\s{}]+", rest)
                          if (len(p) >= 8 or (len(p) >= 5 and not p.isdigit())) and p not in ("phone", "chat"))
    return sorted(pieces, key=len, reverse=True)


def redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
        text = text.replace(quote(secret, safe=""), "***")
    return text


class _RedactSecrets(logging.Filter):
    """On Apprise's logger: its debug lines print request payloads, tokens included."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            record.msg, record.args = redact(record.getMessage(), self.secrets), ()
        return True


_APPRISE_FILTER = _RedactSecrets()


class AppriseNotifier(Notifier):
    """Builds the channel's Apprise URL from its template and the subscriber's address, then sends plain text."""

    def __init__(self, templates: dict[str, str]) -> None:
        import apprise
        self.templates = {k: v for k, v in templates.items() if v}
        self._secrets = _secret_pieces(list(self.templates.values()))
        apprise_log = logging.getLogger("apprise")
        _APPRISE_FILTER.secrets = sorted(set(_APPRISE_FILTER.secrets) | set(self._secrets), key=len, reverse=True)
        if _APPRISE_FILTER not in apprise_log.filters:
            apprise_log.addFilter(_APPRISE_FILTER)
        self._asset = apprise.AppriseAsset(storage_mode="memory")

    @classmethod
    def from_settings(cls, settings: Settings) -> "AppriseNotifier":
        return cls({"whatsapp": settings.apprise_whatsapp or "", "sms": settings.apprise_sms or "",
                    "telegram": settings.apprise_telegram or "", "apprise": settings.apprise_extra or ""})

    def urls(self, channel: str, address: str) -> list[str]:
        template = self.templates.get(channel)
        if not template:
            raise NotifierError(f"{channel}: no Apprise URL configured (VEILLE_APPRISE_{channel.upper()})"
                                if channel != "apprise" else "apprise: VEILLE_APPRISE_EXTRA is not set")
        filled = quote(address, safe="+@-")
        return [u.replace("{phone}", filled).replace("{chat}", filled) for u in template.split()]

    def send(self, channel: str, address: str, text: str, message_id: str) -> None:
        import apprise
        notifier = apprise.Apprise(asset=self._asset)
        for url in self.urls(channel, address):
            if not notifier.add(url):
                raise NotifierError(f"{channel}: the configured Apprise URL is not valid", permanent=True)
        with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:
            ok = notifier.notify(body=text, body_format=apprise.NotifyFormat.TEXT)
            details = " ".join(captured.getvalue().split())[-400:]
        if not ok:
            raise NotifierError(redact(f"{channel}: delivery failed: {details or 'no details'}", self._secrets))


def notifier_from_settings(settings: Settings) -> Notifier:
    if settings.notifier == "apprise":
        return AppriseNotifier.from_settings(settings)
    return OutboxNotifier(settings.outbox_dir / "channels")
