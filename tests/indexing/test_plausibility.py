"""One plausibility rule per field, whatever syntax the value came in: rejected with a reason, never repaired."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from pydantic import ValidationError

from indexing.models import NewsArticle, Offer, TradeFair
from indexing.plausibility import fair_problem, price_problem, published_problem
from spiders.extract.fairs import check_fairs, extract_checked_fairs, ical_fairs, parse_ical
from spiders.extract.offer_price import markup_price
from spiders.extract.offers import extract_offer
from spiders.extract.prices import parse_price


@pytest.mark.parametrize(("raw", "code"), [("-50", "price-negative"), ("1e30", "price-too-large"), ("1E+30", "price-too-large"),
                                           ("€ -12,50", "price-negative"), ("-50 EUR", "price-negative")])
def test_price_strings_keep_their_sign_and_exponent_and_are_rejected(raw: str, code: str) -> None:
    amount, _ = markup_price(raw, "EUR")
    assert amount is not None and price_problem(amount) == code
    assert parse_price(raw).amount == amount  # the shown-text parser reads it the same way


def test_ordinary_prices_and_ranges_are_unchanged() -> None:
    assert markup_price("1299.00", "MAD") == (Decimal("1299.00"), "MAD")
    assert parse_price("Réf-12 45 €").amount == Decimal("1245")  # a dash glued to a word is no sign
    assert parse_price("10 - 20 €").amount == Decimal("10")


OFFER = """<html><head>{head}</head><body><h1>Tapis zarbiya</h1>{body}</body></html>"""
JSONLD = '<script type="application/ld+json">{{"@type":"Product","name":"Tapis zarbiya","offers":{{"price":{price},"priceCurrency":"EUR"}}}}</script>'
MICRODATA = ('<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Tapis zarbiya</span>'
             '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="{price}">'
             '<meta itemprop="priceCurrency" content="EUR"></div></div>')
OPENGRAPH = '<meta property="product:price:amount" content="{price}"><meta property="product:price:currency" content="EUR">'


@pytest.mark.parametrize("syntax", ["json-ld", "microdata", "opengraph"])
@pytest.mark.parametrize(("price", "code"), [("-50", "price-negative"), ('"-50"', "price-negative"), ("1e30", "price-too-large")])
def test_an_impossible_declared_price_is_rejected_and_counted_in_every_syntax(syntax: str, price: str, code: str) -> None:
    bare = price.strip('"')
    head = {"json-ld": JSONLD.format(price=price), "opengraph": OPENGRAPH.format(price=bare), "microdata": ""}[syntax]
    body = MICRODATA.format(price=bare) if syntax == "microdata" else ""
    offer = extract_offer(OFFER.format(head=head, body=body))
    assert offer.price is None and offer.rejected == (code,)


def test_a_plausible_visible_price_is_still_read_when_the_markup_one_is_impossible() -> None:
    page = OFFER.format(head=JSONLD.format(price="-50"), body='<p class="price">120,00 €</p>')
    offer = extract_offer(page)
    assert (offer.price, offer.currency, offer.price_source, offer.rejected) == (Decimal("120.00"), "EUR", "visible", ("price-negative",))


ICS = """BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//FR\r\n{events}END:VCALENDAR\r\n"""
EVENT = "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{name}\r\nDTSTART;VALUE=DATE:{start}\r\nDTEND;VALUE=DATE:{end}\r\nEND:VEVENT\r\n"


def test_ical_fairs_follow_the_same_date_rules_as_markup() -> None:
    events = "".join(EVENT.format(uid=i, name=n, start=s, end=e) for i, (n, s, e) in enumerate([
        ("Salon du futur", "99991230", "99991231"), ("Salon antique", "00010101", "00010102"),
        ("Salon sans fin", "20270101", "20271231"), ("Salon du Tapis", "20270310", "20270314")]))
    data = ICS.format(events=events).encode()
    checked = check_fairs(ical_fairs(data))
    assert [f.name for f in checked.fairs] == ["Salon du Tapis"] == [f.name for f in parse_ical(data)]
    assert checked.rejected == ["year-too-late", "year-too-early", "duration-too-long"]
    page = ('<html><body><script type="application/ld+json">[{"@type":"Event","name":"Salon du futur","startDate":"9999-12-30"},'
            '{"@type":"Event","name":"Salon du Tapis","startDate":"2029-03-10","endDate":"2029-03-14"}]</script></body></html>')
    markup = extract_checked_fairs(page, "http://s.example/")
    assert [f.name for f in markup.fairs] == ["Salon du Tapis"] and markup.rejected == ["year-too-late"]


def test_the_models_apply_the_same_rules_to_every_builder() -> None:
    with pytest.raises(ValidationError, match="price-negative"):
        Offer(url="http://s.example/p", source="s", name="n", shop="s", price=Decimal(-50), currency="EUR")
    with pytest.raises(ValidationError, match="currency-unknown"):
        Offer(url="http://s.example/p", source="s", name="n", shop="s", price=Decimal(5), currency="XQZ")
    with pytest.raises(ValidationError, match="year-too-late"):
        TradeFair(url="http://s.example/f", source="s", name="n", start_date=date(9999, 12, 31))
    with pytest.raises(ValidationError, match="duration-negative"):
        TradeFair(url="http://s.example/f", source="s", name="n", start_date=date(2027, 3, 2), end_date=date(2027, 3, 1))
    with pytest.raises(ValidationError, match="date-in-future"):
        NewsArticle(url="http://s.example/a", source="s", title="t", text="x", published_at=datetime(9999, 1, 1, tzinfo=timezone.utc))
    assert fair_problem(date(2027, 3, 1), date(2027, 3, 5)) is None
    assert published_problem(datetime(1989, 12, 31)) == "date-too-early"
    assert published_problem(date(9999, 12, 31)) == "date-in-future"  # a bare day from a page's markup
