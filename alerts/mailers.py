"""Mailers: SmtpMailer (real SMTP) and OutboxMailer (.eml files, the embedded default)."""
from __future__ import annotations

import os
import re
import smtplib
import ssl
from abc import ABC, abstractmethod
from email import policy
from email.message import EmailMessage
from pathlib import Path

from config import Settings

WIRE_POLICY = policy.SMTP.clone(max_line_length=998)


class MailerError(RuntimeError):
    """Sending failed; `permanent` tells a bad address from a temporary outage."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Mailer(ABC):
    def send(self, message: EmailMessage) -> None:
        self.send_bytes(str(message["Message-ID"] or ""), str(message["From"]), [str(message["To"])],
                        message.as_bytes(policy=WIRE_POLICY))

    @abstractmethod
    def send_bytes(self, message_id: str, sender: str, recipients: list[str], data: bytes) -> None:
        """Send an already serialized message (the delivery log stores messages as bytes)."""

    def close(self) -> None:
        pass


def outbox_file_name(message_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", message_id.strip("<>"))[:150] + ".eml"


class OutboxMailer(Mailer):
    """Writes each message to `<outbox>/<message-id>.eml`; sending the same message twice writes one file."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def send_bytes(self, message_id: str, sender: str, recipients: list[str], data: bytes) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        if not message_id:
            raise MailerError("message has no Message-ID", permanent=True)
        final = self.directory / outbox_file_name(message_id)
        tmp = final.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, final)


class SmtpMailer(Mailer):
    """One connection reused across messages; reconnects after errors."""

    def __init__(self, host: str, port: int, security: str = "none", user: str | None = None,
                 password: str | None = None, timeout: float = 20) -> None:
        self.host, self.port, self.security = host, port, security
        self.user, self.password, self.timeout = user, password, timeout
        self._conn: smtplib.SMTP | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> "SmtpMailer":
        return cls(settings.smtp_host, settings.smtp_port, settings.smtp_security,
                   settings.smtp_user, settings.smtp_password)

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context() if self.security != "none" else None
        conn: smtplib.SMTP
        if self.security == "ssl":
            conn = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            conn = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            if self.security == "starttls":
                conn.starttls(context=context)
        if self.user:
            conn.login(self.user, self.password or "")
        return conn

    def send_bytes(self, message_id: str, sender: str, recipients: list[str], data: bytes) -> None:
        from email.utils import parseaddr
        try:
            if self._conn is None:
                self._conn = self._connect()
            self._conn.sendmail(parseaddr(sender)[1], recipients, data)
        except smtplib.SMTPRecipientsRefused as exc:
            raise MailerError(f"recipient refused: {exc.recipients}", permanent=True) from exc
        except (smtplib.SMTPException, OSError) as exc:
            self.close()
            raise MailerError(f"SMTP {self.host}:{self.port} failed: {exc}") from exc

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self._conn = None


def mailer_from_settings(settings: Settings) -> Mailer:
    if settings.mailer == "smtp":
        return SmtpMailer.from_settings(settings)
    return OutboxMailer(settings.outbox_dir)
