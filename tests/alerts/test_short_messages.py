"""Short alert texts: every language, plain text whatever the fair's name, SMS segments never cut mid-word."""
from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest

from alerts.short_messages import is_gsm7, plain_text, short_alert, sms_length, sms_segments
from alerts.subscriptions import make_subscription
from config import Settings
from indexing.models import TradeFair

TODAY = date(2026, 11, 29)
HOSTILE = "Salon <b>du</b>\r\nTapis \u202eeton\u202c\u2066 *gras* _it_ <script>x</script>\u200f Berbère"


def fair(name: str, days: int = 60, city: str = "Marrakech") -> TradeFair:
    return TradeFair(url=f"https://fairs.example.org/{abs(hash(name))}", source="salons", name=name,
                     start_date=TODAY + timedelta(days=days), end_date=TODAY + timedelta(days=days + 3),
                     city=city, country="MA", registration_deadline=TODAY + timedelta(days=days - 20))


def sub(language: str = "fr"):  # type: ignore[no-untyped-def]
    return make_subscription(kind="salon", phone="0661234567", language=language, confirmed=True)


def test_hostile_names_come_out_as_one_plain_line() -> None:
    text = plain_text(HOSTILE)
    assert text == "Salon du Tapis eton gras it x Berbère"  # tags go, their text stays, as text
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in text)


@pytest.mark.parametrize("language, words", [("fr", "inscription avant"), ("ar", "التسجيل قبل"),
                                             ("en", "register by")])
def test_one_fair_has_name_dates_city_deadline_and_page(language: str, words: str, settings: Settings) -> None:
    f = fair("Salon National de l'Artisanat")
    text = short_alert(sub(language), [f], settings, "whatsapp", "http://127.0.0.1:8000/unsubscribe?token=t")
    assert "Salon National de l'Artisanat" in text and "Marrakech" in text and words in text
    assert f"{settings.base_url}/fairs/{f.id}" in text
    assert "2027" in text and "unsubscribe?token=t" in text


@pytest.mark.parametrize("channel", ["sms", "whatsapp", "telegram"])
def test_hostile_names_are_plain_in_every_channel(channel: str, settings: Settings) -> None:
    text = short_alert(sub("fr"), [fair(HOSTILE)], settings, channel)
    assert "<" not in text and "*" not in text and "\r" not in text
    assert not any(unicodedata.category(c) == "Cf" for c in text)
    assert len(text.splitlines()) == 2  # the header and the fair, whatever newlines the name held


def test_several_fairs_make_one_message(settings: Settings) -> None:
    fairs = [fair("Salon du Tapis"), fair("Foire de la Poterie", 90, "Safi")]
    text = short_alert(sub("fr"), fairs, settings, "sms")
    assert text.startswith("veille : 2 salons") and "Salon du Tapis" in text and "Foire de la Poterie" in text


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_sms_keeps_within_segments_and_says_how_many(language: str, settings: Settings) -> None:
    fairs = [fair(f"Grand Salon International numero {i} des Arts et Metiers", 40 + i) for i in range(8)]
    text = short_alert(sub(language), fairs, settings, "sms", "http://127.0.0.1:8000/unsubscribe?token=abcdef")
    n = sms_segments(text)
    assert 1 <= n <= 4 and f"({n} " in text
    units, gsm = sms_length(text)
    assert gsm == (language != "ar")
    assert units <= (153 if gsm else 67) * n
    assert f"{settings.base_url}/fairs" in text  # the fairs left out are one link away
    listed = [line for line in text.splitlines() if line.startswith("Grand Salon")]
    assert listed  # at least one fair is named, even in Arabic's 67-character segments
    for line in listed:  # a shortened name keeps whole words
        name = line.split(" - ", 1)[0].removesuffix("...")
        words = name.split()
        assert any(f.name.split()[:len(words)] == words for f in fairs), name


def test_long_names_are_cut_between_words() -> None:
    name = "Exposition " + " ".join(["Internationale"] * 10)
    cut = plain_text(name, 40)
    assert cut.endswith("...") and len(cut) <= 40
    assert all(word in ("Exposition", "Internationale") for word in cut.removesuffix("...").split())


def test_segment_arithmetic() -> None:
    assert sms_segments("a" * 160) == 1 and sms_segments("a" * 161) == 2 and sms_segments("a" * 306) == 2
    assert sms_segments("م" * 70) == 1 and sms_segments("م" * 71) == 2
    assert sms_length("€")[0] == 2 and is_gsm7("é") and not is_gsm7("ç")
    assert sms_segments("12\u201315 mars") == sms_segments("12-15 mars")  # babel's dash stays GSM
