"""A small, realistic corpus: French, Arabic and English news, fairs in MA/FR/DE, offers in MAD and EUR."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from indexing.backends.base import SearchBackend
from indexing.indexer import Indexer
from indexing.models import FairSource, NewsArticle, Offer, TradeFair

MAD_PER_EUR = Decimal("10.62")
TODAY = date.today()
NOW = datetime.now(timezone.utc).replace(microsecond=0)
HOSTILE_TITLE = "<script>alert('x')</script> Alerte sur les prix du cuir"


def days(n: int) -> datetime:
    return NOW + timedelta(days=n)


def news() -> list[NewsArticle]:
    return [
        NewsArticle(
            url="https://www.lematin.ma/economie/tapis-berbere-acheteurs-europeens", source="le-matin-eco",
            title="Le tapis berbère séduit les acheteurs européens",
            text="Les tapis Beni Ouarain tissés dans le Moyen Atlas trouvent preneurs en France et en Allemagne.\n\n"
                 "Les coopératives de Midelt ont doublé leurs ventes à l'export, portées par le salon Maison&Objet à Paris.\n\n"
                 "Les acheteurs demandent des certificats d'origine et des délais de livraison courts.",
            published_at=days(-3), language="fr", crafts=["tapis"], countries=["MA", "FR", "DE"]),
        NewsArticle(
            url="https://www.lematin.ma/economie/poterie-safi-exportations", source="le-matin-eco",
            title="Poterie de Safi : les exportations progressent",
            text="Les potiers de Safi exportent davantage de tajines décoratifs vers l'Espagne et la France.\n\n"
                 "La céramique émaillée reste le premier produit artisanal de la région.",
            published_at=days(-8), language="fr", crafts=["poterie"], countries=["MA", "ES", "FR"]),
        NewsArticle(
            url="https://www.hespress.com/economie/zarbiya-maghribiya", source="hespress-ar",
            title="الزربية المغربية تغزو الأسواق الأوروبية",
            text="حققت الزربية المغربية المصنوعة يدويا في الأطلس المتوسط نموا في الصادرات نحو فرنسا وألمانيا.\n\n"
                 "وتطالب التعاونيات بدعم المشاركة في المعارض الدولية.",
            published_at=days(-5), language="ar", crafts=["tapis"], countries=["MA", "FR", "DE"]),
        NewsArticle(
            url="https://www.hespress.com/economie/maarid-marrakech", source="hespress-ar",
            title="معرض الصناعة التقليدية بمراكش يستقبل الحرفيين",
            text="يستقبل معرض مراكش للصناعة التقليدية حرفيي الجلد والنسيج والخزف من مختلف جهات المملكة.",
            published_at=days(-12), language="ar", crafts=["cuir", "textile", "poterie"], countries=["MA"]),
        NewsArticle(
            url="https://www.moroccoworldnews.com/2026/leather-poufs-us-market", source="mwn-en",
            title="Moroccan leather poufs gain ground in the US market",
            text="Importers in New York report strong demand for handmade leather poufs from Marrakech.\n\n"
                 "Prices held steady despite higher shipping costs.",
            published_at=days(-2), language="en", crafts=["cuir"], countries=["US", "MA"]),
        NewsArticle(
            url="https://www.lematin.ma/economie/alerte-prix-cuir", source="le-matin-eco",
            title=HOSTILE_TITLE,
            text="Un texte scrapé contenant <img src=x onerror=alert(1)> et javascript:alert(2) ne doit jamais s'exécuter.",
            published_at=days(-20), language="fr", crafts=["cuir"], countries=["MA"]),
    ]


def fairs() -> list[TradeFair]:
    return [
        TradeFair(url="https://www.maison-objet.com/paris", source="maison-objet", name="Maison&Objet Paris",
                  start_date=TODAY + timedelta(days=40), end_date=TODAY + timedelta(days=44), city="Paris", country="FR",
                  venue="Paris Nord Villepinte", organizer="SAFI",
                  description="Le salon de la décoration et de l'art de vivre : tapis, céramique, luminaires.",
                  crafts=["tapis", "poterie", "dinanderie"], language="fr"),
        TradeFair(url="https://ambiente.messefrankfurt.com/frankfurt/en.html", source="messe-frankfurt",
                  name="Ambiente Frankfurt", start_date=TODAY + timedelta(days=70), end_date=TODAY + timedelta(days=74),
                  city="Frankfurt", country="DE", venue="Messe Frankfurt", organizer="Messe Frankfurt",
                  description="Consumer goods fair: ceramics, tableware, brass lanterns and home decor.",
                  crafts=["poterie", "dinanderie"], language="en", registration_deadline=TODAY + timedelta(days=30)),
        TradeFair(url="https://www.artisanat.gov.ma/salons/marrakech", source="artisanat-gov",
                  name="Salon National de l'Artisanat Marrakech", start_date=TODAY + timedelta(days=20),
                  end_date=TODAY + timedelta(days=27), city="Marrakech", country="MA", venue="Bab Jdid",
                  description="Tapis, cuir et textile : les artisans de tout le Royaume exposent à Marrakech.",
                  crafts=["tapis", "cuir", "textile"], language="fr",
                  sources=[FairSource(source="artisanat-gov", url="https://www.artisanat.gov.ma/salons/marrakech"),
                           FairSource(source="scraped-blog", url="javascript:alert(document.cookie)")]),
        TradeFair(url="https://heimtextil.messefrankfurt.com/frankfurt/en.html", source="messe-frankfurt",
                  name="Heimtextil Frankfurt", start_date=TODAY + timedelta(days=100), end_date=TODAY + timedelta(days=103),
                  city="Frankfurt", country="DE", description="Home textiles, rugs and embroidery.",
                  crafts=["textile", "tapis"], language="en", status="postponed", edition=32, series="Heimtextil",
                  website="https://heimtextil.messefrankfurt.com", year_basis="context"),
        TradeFair(url="https://www.artisanat.gov.ma/salons/fes", source="artisanat-gov", name="Semaine de l'artisanat de Fès",
                  start_date=TODAY + timedelta(days=130), city="Fès", country="MA",
                  description="Zellige, cuir et dinanderie dans la médina de Fès.", crafts=["zellige", "cuir"], language="fr"),
        TradeFair(url="https://www.salon-passe.fr/2024", source="maison-objet", name="Salon Déco Lyon",
                  start_date=TODAY - timedelta(days=30), end_date=TODAY - timedelta(days=28), city="Lyon", country="FR",
                  crafts=["tapis"], language="fr"),
    ]


def offer(url: str, source: str, name: str, shop: str, price: str, currency: str, observed: datetime,
          crafts: list[str], country: str, description: str = "") -> Offer:
    amount = Decimal(price)
    mad = amount if currency == "MAD" else (amount * MAD_PER_EUR).quantize(Decimal("0.01"))
    eur = amount if currency == "EUR" else (amount / MAD_PER_EUR).quantize(Decimal("0.01"))
    return Offer(url=url, source=source, name=name, shop=shop, price=amount, currency=currency, price_mad=mad,
                 price_eur=eur, observed_at=observed, crafts=crafts, countries=[country], description=description or None,
                 availability="InStock", language="fr" if currency == "MAD" else "en")


BENI_OUARAIN = "https://atelier-atlas.ma/produits/tapis-beni-ouarain-200x300"


def offer_versions() -> list[list[Offer]]:
    """Crawls in time order; each re-observes the offers, so price histories build up."""
    rug_ma = (BENI_OUARAIN, "atelier-atlas", "Tapis Beni Ouarain 200x300", "Atelier Atlas")
    rug_fr = ("https://berber-home.fr/tapis-kilim-berbere-150x200", "berber-home", "Tapis berbère kilim 150x200", "Berber Home")
    crawl_1 = [
        offer(*rug_ma, "4800", "MAD", days(-60), ["tapis"], "MA", "Laine naturelle tissée à la main, Moyen Atlas."),
        offer(*rug_fr, "420", "EUR", days(-45), ["tapis"], "FR", "Kilim berbère tissé main, importé du Maroc."),
    ]
    crawl_2 = [offer(*rug_ma, "4600", "MAD", days(-30), ["tapis"], "MA", "Laine naturelle tissée à la main, Moyen Atlas.")]
    crawl_3 = [
        offer(*rug_ma, "4500", "MAD", days(-1), ["tapis"], "MA", "Laine naturelle tissée à la main, Moyen Atlas."),
        offer(*rug_fr, "390", "EUR", days(-1), ["tapis"], "FR", "Kilim berbère tissé main, importé du Maroc."),
        offer("https://berber-home.fr/tapis-boucherouite", "berber-home", "Tapis boucherouite coloré", "Berber Home",
              "150", "EUR", days(-1), ["tapis"], "FR"),
        offer("https://atelier-atlas.ma/produits/pouf-cuir", "atelier-atlas", "Pouf en cuir marocain", "Atelier Atlas",
              "650", "MAD", days(-1), ["cuir"], "MA"),
        offer("https://souk-design.de/leather-pouf", "souk-design", "Moroccan leather pouf", "Souk Design",
              "79", "EUR", days(-1), ["cuir"], "DE"),
        offer("https://safi-poterie.ma/tajine-decoratif", "safi-poterie", "Tajine décoratif de Safi", "Poterie Safi",
              "280", "MAD", days(-1), ["poterie"], "MA"),
    ]
    return [crawl_1, crawl_2, crawl_3]


def crawl_records() -> list[dict[str, object]]:
    finished = NOW - timedelta(hours=2)
    return [
        {"id": "news-old", "spider": "news", "started_at": (finished - timedelta(days=1, minutes=5)).isoformat(),
         "finished_at": (finished - timedelta(days=1)).isoformat(), "updated_at": (finished - timedelta(days=1)).isoformat(),
         "pages": 10, "items": 8, "sources": {"le-matin-eco": {"items": 8, "responses": 10}}, "source_ids": ["le-matin-eco"]},
        {"id": "news-new", "spider": "news", "started_at": (finished - timedelta(minutes=5)).isoformat(),
         "finished_at": finished.isoformat(), "updated_at": finished.isoformat(), "pages": 12, "items": 6,
         "sources": {"le-matin-eco": {"items": 6, "responses": 7, "errors": 1},
                     "dead-feed": {"errors": 4, "responses": 4, "http_500": 4},
                     "unknown": {"errors": 1, "responses": 1}},  # robots.txt: no source's request
         "source_ids": ["dead-feed", "le-matin-eco"]},
        {"id": "prices-1", "spider": "prices", "started_at": (finished - timedelta(minutes=30)).isoformat(),
         "finished_at": (finished - timedelta(minutes=20)).isoformat(), "updated_at": (finished - timedelta(minutes=20)).isoformat(),
         "pages": 40, "items": 6, "sources": {"atelier-atlas": {"items": 3, "responses": 20}}, "source_ids": ["atelier-atlas"]},
    ]


def load(backend: SearchBackend) -> None:
    backend.setup()
    indexer = Indexer(backend)
    indexer.upsert([*news(), *fairs()])
    for crawl in offer_versions():
        indexer.upsert(crawl)
    for record in crawl_records():
        backend.records.put("crawlstats", str(record["id"]), record)
    backend.records.put("meta", "scheduler-heartbeat", {"at": (NOW - timedelta(minutes=3)).isoformat()})
    backend.refresh()


def beni_ouarain_id() -> str:
    return offer_versions()[0][0].id
