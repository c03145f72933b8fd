"""Extractor records become stored documents: the page's own date, the reduced price, the document's language."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from spiders.extract.fairs import extract_fairs
from spiders.extract.news import extract_article
from spiders.extract.offers import extract_offer
from spiders.items import article_document, fair_document, offer_document
from spiders.sources import parse_source

FRENCH_SOURCE = parse_source({"id": "salons-fr", "kind": "fair", "language": "fr",
                              "start_urls": ["https://salons.example.fr/"]}, 0)
SHOP = parse_source({"id": "boutique", "kind": "shop", "language": "fr", "start_urls": ["https://boutique.example.fr/"]}, 0)
NEWS = parse_source({"id": "hebdo", "kind": "news", "language": "fr", "feeds": ["https://hebdo.example.ma/rss"]}, 0)

_ENGLISH_FAIR_PAGE = """<html lang="en"><head><title>Leather Week Fez</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Event", "name": "Leather Week Fez",
 "startDate": "2027-04-12", "endDate": "2027-04-15",
 "location": {"@type": "Place", "name": "Fez Exhibition Centre", "address": {"addressLocality": "Fez", "addressCountry": "MA"}},
 "description": "Home › Fairs › Leather Week Fez Leather Week Fez brings tanners, bag makers and slipper workshops together for four days of trade meetings with buyers from Europe and the Gulf."}
</script></head><body><h1>Leather Week Fez</h1></body></html>"""


def test_an_english_fair_page_of_a_french_source_is_english_and_its_description_has_no_trail() -> None:
    fair = extract_fairs(_ENGLISH_FAIR_PAGE, "https://salons.example.fr/en/leather-week")[0]
    document = fair_document(fair, FRENCH_SOURCE, "https://salons.example.fr/en/leather-week")
    assert document.language == "en"
    assert document.description is not None
    assert document.description.startswith("Leather Week Fez brings tanners")
    assert "›" not in document.description


def test_a_short_text_keeps_the_source_language() -> None:
    offer = offer_document(extract_offer('<html><body><h1>Tajine</h1><span class="price">12 €</span></body></html>'),
                           SHOP, "https://boutique.example.fr/tajine")
    assert offer.language == "fr"


def test_the_article_keeps_the_page_offset_and_sorts_by_utc() -> None:
    paragraph = "Les potiers de Safi exposent leurs pièces vernissées au musée jusqu'à la fin du mois prochain."
    page = ('<html lang="fr"><head><title>Potiers</title><meta property="article:published_time" '
            f'content="2026-03-09T23:40:00+01:00"></head><body><article><h1>Potiers</h1><p>{paragraph}</p>'
            f"<p>{paragraph}</p></article></body></html>")
    document = article_document(extract_article(page), NEWS, "https://hebdo.example.ma/potiers")
    assert document.published_at is not None and document.published_at.utcoffset() == timedelta(hours=1)
    assert document.published_at.date() == date(2026, 3, 9)
    assert document.published_utc == datetime(2026, 3, 9, 22, 40, tzinfo=timezone.utc)
    assert document.sort_date() == document.published_utc


def test_the_offer_keeps_its_list_price() -> None:
    page = ('<html><body><h1>Pouf</h1><div class="prices"><del>890,00 MAD</del>'
            '<span class="price">690,00 MAD</span></div></body></html>')
    offer = offer_document(extract_offer(page), SHOP, "https://boutique.example.fr/pouf")
    assert (offer.price, offer.list_price, offer.currency) == (Decimal("690.00"), Decimal("890.00"), "MAD")
