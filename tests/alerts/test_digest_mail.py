"""Digest emails rendered once per language (alerts/digest_mail.py) are each reader's own digest, byte for byte."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Iterator

import pytest
from jinja2 import ChoiceLoader, DictLoader

from alerts import messages
from alerts.digest import build_digest, price_chart_png
from alerts.digest_mail import DigestMail
from alerts.mailers import WIRE_POLICY
from alerts.messages import digest_message
from alerts.subscriptions import Subscription, make_subscription
from alerts.tokens import TokenSigner
from config import Settings, load_settings
from indexing.backends.base import SearchBackend
from indexing.indexer import Indexer
from indexing.models import NewsArticle, Offer, TradeFair
from support import make_backend

BOUNDARY = re.compile(rb"={15}\d{19}==(?:\.\d+)?")
DATE = re.compile(rb"\r\nDate: [^\r]*")
TOKEN = re.compile(r"(unsubscribe|preferences|confirm)\?token=([A-Za-z0-9_.\-]+)")


def _comparable(data: bytes) -> bytes:
    return DATE.sub(b"\r\nDate: -", BOUNDARY.sub(b"BOUNDARY", data))


@pytest.fixture
def mail_settings(tmp_path: Path) -> Settings:
    # An ampersand in the base URL: the HTML must carry it escaped, the text as it is.
    return load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var"), "VEILLE_BASE_URL": "http://127.0.0.1:8000/v&x"})


@pytest.fixture
def sqlite_backend(tmp_path: Path) -> Iterator[SearchBackend]:
    backend = make_backend("sqlite", tmp_path)
    at = datetime(2026, 11, 24, 9, tzinfo=timezone.utc)
    offer = Offer(url="https://s.example.fr/kilim", source="shop", shop="Maison d'Orient", name="Kilim berbère",
                  price=Decimal("349"), currency="EUR", price_mad=Decimal("3755"), price_eur=Decimal("349"),
                  crafts=["tapis"], observed_at=datetime(2026, 11, 20, 9, tzinfo=timezone.utc))
    Indexer(backend).upsert([
        NewsArticle(url="https://n.example.ma/a", source="artisanat-info", title="صادرات الزرابي ترتفع",
                    text="بلغت صادرات الزرابي 903 مليون درهم في تسعة أشهر، وتبقى فرنسا الزبون الأول للقطاع.",
                    published_at=at, language="ar", crafts=["tapis"], countries=["FR", "MA"]),
        TradeFair(url="https://f.example.org/ambiente", source="salons", name="Ambiente", city="Frankfurt",
                  country="DE", start_date=date(2027, 2, 6), end_date=date(2027, 2, 10), crafts=["poterie"],
                  first_seen=at),
        offer,
    ])
    Indexer(backend).upsert([offer.model_copy(update={"price": Decimal("399"), "price_eur": Decimal("399"),
                                                      "price_mad": Decimal("4293"), "observed_at": at})])
    backend.refresh()
    yield backend
    backend.close()


def _readers() -> list[Subscription]:
    return [make_subscription(kind="digest", email=f"reader{i}@example.ma", name=f"Lecteur {i}", language=language,
                              confirmed=True) for i, language in enumerate(["fr", "ar", "en", "fr", "ar", "en", "fr"])]


@pytest.mark.parametrize("with_chart", [True, False])
def test_each_reader_gets_the_digest_rendered_for_them(sqlite_backend: SearchBackend, mail_settings: Settings,
                                                       with_chart: bool) -> None:
    digest = build_digest(sqlite_backend, "2026-W48", date(2026, 11, 29))
    chart = price_chart_png(digest) if with_chart else None
    assert digest.top_news and digest.new_fairs and (chart is not None) == with_chart
    signer = TokenSigner(mail_settings.secret_key)
    mail = DigestMail(digest, mail_settings, signer, chart)
    for sub in _readers():
        key = f"digest:{sub.email}:2026-W48"
        wire = mail.message(sub, key)
        reference = digest_message(sub, digest, mail_settings, signer, key, chart)
        assert _comparable(wire.data) == _comparable(reference.as_bytes(policy=WIRE_POLICY))
        parsed = wire.email()
        text, html = parsed.get_body(("plain",)).get_content(), parsed.get_body(("html",)).get_content()
        assert "veille-link-" not in text + html
        assert "http://127.0.0.1:8000/v&amp;x/unsubscribe?token=" in html and "/v&x/unsubscribe?token=" in text
        # Every link carries this reader's token, never another reader's.
        for purpose, token in TOKEN.findall(text + html + str(parsed["List-Unsubscribe"])):
            assert signer.verify(token, purpose) == sub.id


def test_a_template_that_names_the_reader_is_rendered_per_reader(sqlite_backend: SearchBackend, mail_settings: Settings,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = Path(messages.TEMPLATES / "weekly_digest.txt").read_text()
    named = DictLoader({"weekly_digest.txt": "Bonjour {{ sub.email }}\n" + source})
    monkeypatch.setattr(messages, "ENV", messages.ENV.overlay(loader=ChoiceLoader([named, messages.ENV.loader])))
    digest = build_digest(sqlite_backend, "2026-W48", date(2026, 11, 29))
    mail = DigestMail(digest, mail_settings, TokenSigner(mail_settings.secret_key), None)
    for sub in _readers()[:4]:
        text = mail.message(sub, f"digest:{sub.email}:2026-W48").email().get_body(("plain",)).get_content()
        assert text.splitlines()[0] == f"Bonjour {sub.email}"
