from __future__ import annotations

from decimal import Decimal

import pytest

from spiders.extract.currency import find_currency, to_iso
from spiders.extract.prices import parse_price


@pytest.mark.parametrize(
    ("symbol", "iso"),
    [
        ("DH", "MAD"), ("Dh", "MAD"), ("Dhs", "MAD"), ("MAD", "MAD"), ("درهم", "MAD"), ("د.م.", "MAD"), ("د.م", "MAD"),
        ("د.إ", "AED"), ("€", "EUR"), ("£", "GBP"), ("$", "USD"), ("US$", "USD"), ("C$", "CAD"), ("A$", "AUD"),
        ("zł", "PLN"), ("ر.س", "SAR"), ("тг.", "KZT"), ("руб.", "RUB"), ("Kč", "CZK"), ("eur", "EUR"), ("xyz", None),
    ],
)
def test_currency_table(symbol: str, iso: str | None) -> None:
    assert to_iso(symbol) == iso


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("1 250,00 DH", "1250.00", "MAD"),
        ("1.250,00 MAD", "1250.00", "MAD"),
        ("250 Dhs", "250", "MAD"),
        ("١٬٢٥٠٫٠٠ درهم", "1250.00", "MAD"),
        ("1250 د.م.", "1250", "MAD"),
        ("€ 12,99", "12.99", "EUR"),
        ("US$ 12.99", "12.99", "USD"),
        ("$1,190.00 AUD", "1190.00", "AUD"),
        ("Was $120.00 Now $60.00", "60.00", "USD"),
        ("R273.00", "273.00", "ZAR"),
        ("July, 2004", None, None),
    ],
)
def test_parse_price(text: str, amount: str | None, currency: str | None) -> None:
    parsed = parse_price(text)
    assert parsed.amount == (Decimal(amount) if amount else None)
    assert parsed.currency == currency


def test_hints() -> None:
    assert parse_price("12,50", currency_hint="EUR").currency == "EUR"
    assert parse_price("1.299", decimal_separator=".").amount == Decimal("1.299")


def test_product_codes_are_not_currencies() -> None:
    assert find_currency("Réf. M67296549") is None
    assert find_currency("Taille M") is None


def test_swiss_thousands_with_either_apostrophe() -> None:
    from spiders.extract.offers import extract_offer
    from spiders.extract.prices import parse_price
    assert (parse_price("CHF 1’299.00").amount, parse_price("CHF 1’299.00").currency) == (Decimal("1299.00"), "CHF")
    page = "<html><body><h1>Tapis Beni Ouarain</h1><span class='product-price'>CHF 1'299.–</span><button>Kaufen</button></body></html>"
    offer = extract_offer(page)
    assert (offer.price, offer.currency) == (Decimal("1299"), "CHF")
