"""Messages written straight to bytes (alerts/wire.py) are the bytes the standard `email` package writes."""
from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from typing import Any

import pytest

from alerts.mailers import WIRE_POLICY
from alerts.messages import build_message, build_wire_message
from alerts.wire import header_line
from config import Settings, load_settings

BOUNDARY = re.compile(rb"={15}\d{19}==(?:\.\d+)?")
DATE = re.compile(rb"\r\nDate: [^\r]*")

ARABIC = "الخلاصة الأسبوعية – الأسبوع من 23 إلى 29 نونبر 2026"
CASES = {
    "french, quoted-printable": ("fr", "Veille stratégique – semaine du 23 au 29 novembre 2026",
                                 ("Les exportations de tapis ont atteint 903 MDH en neuf mois, à Paris. " * 2 + " \n") * 30,
                                 '<p style="margin:0">Actualités à retenir</p>' * 4 + "\n" * 40, ()),
    "arabic, base64": ("ar", ARABIC, (ARABIC + "\n") * 20, f'<p dir="rtl">{ARABIC}</p>\n' * 20, ()),
    "short french lines, 8bit": ("fr", "Synthèse", "Synthèse hebdomadaire – à retenir\n" * 30, "<p>été</p>\n", ()),
    "short french, 8bit": ("fr", "Synthèse", "Été\n", "<p>été</p>\n", ()),
    "ascii, 7bit": ("en", "Weekly digest", "Hello\n", "<p>Hello</p>\n", ()),
    "long lines and an inline chart": ("en", "Digest =?utf-8?q?not_a_word?=  two  spaces", "a" * 200 + "\n.\nFrom x\n",
                                       "<p>x</p>" * 40, (("price-chart", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),)),
    "a body line that looks like a boundary, two images": (
        "fr", "x" * 300, "--===============0000000000000000001==\n", "é" * 2000,
        (("price-chart", b"\x00" * 10), ("logo", b"1"))),
}
RECIPIENTS = ["reader1@example.ma", '"Dupont, Jean" <jean@example.ma>', "élodie@exemple.ma"]


@pytest.fixture(scope="module")
def wire_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return load_settings({"VEILLE_VAR_DIR": str(tmp_path_factory.mktemp("var")), "VEILLE_MAIL_FROM": "veille@example.ma"})


def _kwargs(case: str, to: str, settings: Settings) -> dict[str, Any]:
    language, subject, text, html, images = CASES[case]
    return dict(to=to, subject=subject, html=html, text=text, settings=settings, key="digest:k:2026-W48",
                language=language, unsubscribe_url="http://127.0.0.1:8000/unsubscribe?token=abc.def",
                inline_images=images)


def _comparable(data: bytes) -> bytes:
    return DATE.sub(b"\r\nDate: -", BOUNDARY.sub(b"BOUNDARY", data))


@pytest.mark.parametrize("to", RECIPIENTS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_wire_bytes_are_the_email_packages_bytes(case: str, to: str, wire_settings: Settings) -> None:
    kwargs = _kwargs(case, to, wire_settings)
    reference = build_message(**kwargs)
    wire = build_wire_message(**kwargs)
    assert _comparable(wire.data) == _comparable(reference.as_bytes(policy=WIRE_POLICY))
    assert (wire.message_id, wire.sender, wire.subject) == (
        reference["Message-ID"], str(reference["From"]), str(reference["Subject"]))


@pytest.mark.parametrize("case", sorted(CASES))
def test_wire_message_parses_to_the_same_structure(case: str, wire_settings: Settings) -> None:
    kwargs = _kwargs(case, RECIPIENTS[0], wire_settings)
    reference = BytesParser(policy=policy.default).parsebytes(build_message(**kwargs).as_bytes(policy=WIRE_POLICY))
    parsed = build_wire_message(**kwargs).email()

    def structure(message: Any) -> list[tuple[str, str | None, Any]]:
        return [(part.get_content_type(), part.get_content_charset(),
                 None if part.is_multipart() else part.get_content()) for part in message.walk()]

    assert structure(parsed) == structure(reference)
    assert parsed.get_content_type() == "multipart/alternative"
    for name in ("From", "To", "Subject", "Message-ID", "X-Veille-Key", "List-Unsubscribe", "List-Unsubscribe-Post",
                 "Content-Language"):
        assert str(parsed[name]) == str(reference[name]), name
    boundaries = {part.get_boundary() for part in parsed.walk() if part.is_multipart()}
    assert all(b and b"--" + b.encode() not in part.as_bytes() for b in boundaries for part in parsed.walk()
               if not part.is_multipart())


@pytest.mark.parametrize("name, value", [
    ("Date", "Tue, 01 Dec 2026 15:29:13 +0000"), ("Message-ID", "<7376e920b2395f5e@example.ma>"),
    ("List-Unsubscribe", "<http://127.0.0.1:8000/unsubscribe?token=" + "x" * 900 + ">"),
    ("Subject", "Veille stratégique"), ("Subject", "a  b"), ("To", "reader1@example.ma"), ("Content-Language", "ar"),
])
def test_header_lines_fold_as_the_email_package_does(name: str, value: str) -> None:
    folded = WIRE_POLICY.fold_binary(*WIRE_POLICY.header_store_parse(name, value))
    assert header_line(name, value) == folded


def test_a_header_value_with_a_newline_is_refused() -> None:
    with pytest.raises(ValueError):
        header_line("To", "reader@example.ma\r\nBcc: someone@example.org")

