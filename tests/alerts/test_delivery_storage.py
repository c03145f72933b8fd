"""The delivery log stores messages compressed and still sends the ones queued before compression."""
from __future__ import annotations

import base64
from email.message import EmailMessage
from pathlib import Path

from alerts.delivery import COLLECTION, DeliveryLog, message_bytes, record_id
from alerts.mailers import WIRE_POLICY, SmtpMailer
from support import SmtpSink, make_backend


def _message(to: str, subject: str) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "veille <veille@example.ma>", to, subject
    message["Message-ID"] = f"<{to}-{len(subject)}@example.ma>"
    message.set_content("Synthèse hebdomadaire – à retenir\n" * 200)
    return message


def test_a_message_is_stored_compressed_and_sent_as_queued(tmp_path: Path, smtp_server: SmtpSink) -> None:
    backend = make_backend("sqlite", tmp_path)
    log = DeliveryLog(backend)
    message = _message("a@example.ma", "Veille stratégique")
    assert log.enqueue("digest:a@example.ma:2026-W48", "digest", "a@example.ma", lambda: message)
    record = backend.records.get(COLLECTION, record_id("digest:a@example.ma:2026-W48"))
    assert record is not None and record["message_encoding"] == "zlib"
    assert message_bytes(record) == message.as_bytes(policy=WIRE_POLICY)
    assert len(record["message"]) < len(message.as_bytes()) / 4  # 200 repeated lines compress well
    assert log.dispatch(SmtpMailer(smtp_server.host, smtp_server.port)).sent == 1
    received = smtp_server.parsed()
    assert len(received) == 1 and received[0].get_content() == message.get_content().replace("\n", "\r\n")
    backend.close()


def test_a_message_queued_before_compression_is_sent(tmp_path: Path, smtp_server: SmtpSink) -> None:
    backend = make_backend("sqlite", tmp_path)
    log = DeliveryLog(backend)
    message = _message("b@example.ma", "Ancienne")
    log.enqueue("digest:b@example.ma:2026-W47", "digest", "b@example.ma", lambda: message)
    # The record as an older version wrote it: base64 of the bytes, no encoding.
    rid = record_id("digest:b@example.ma:2026-W47")
    old = backend.records.get(COLLECTION, rid)
    assert old is not None
    del old["message_encoding"]
    old["message"] = base64.b64encode(message.as_bytes(policy=WIRE_POLICY)).decode("ascii")
    backend.records.put(COLLECTION, rid, old)
    assert log.dispatch(SmtpMailer(smtp_server.host, smtp_server.port)).sent == 1
    assert [m["Subject"] for m in smtp_server.parsed()] == ["Ancienne"]
    backend.close()
