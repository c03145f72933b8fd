"""The weekly digest: sections, inline chart, fr and ar, once per recipient and week, over real SMTP."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from alerts.digest import BadWeek, build_digest, parse_week
from alerts.mailers import SmtpMailer
from alerts.service import send_digests
from alerts.subscriptions import SubscriptionStore, make_subscription
from indexing.indexer import Indexer
from indexing.models import NewsArticle, Offer, TradeFair

import pytest

WEEK = "2026-W48"
MONDAY = date(2026, 11, 23)


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


def seed(backend) -> None:  # type: ignore[no-untyped-def]
    idx = Indexer(backend)
    idx.upsert([
        NewsArticle(url="https://n.example.ma/a", source="artisanat-info", title="Les exportations de tapis bondissent",
                    text="Les exportations de tapis ont atteint 903 MDH en neuf mois. La France reste le premier client.",
                    published_at=_at(MONDAY + timedelta(days=1)), language="fr", crafts=["tapis"], countries=["FR", "MA"]),
        NewsArticle(url="https://n.example.ma/b", source="other", title="Les exportations de tapis bondissent encore",
                    text="Copie du même sujet par une autre source, avec le même titre ou presque.",
                    published_at=_at(MONDAY + timedelta(days=2)), language="fr", crafts=["tapis"], countries=["MA"]),
        NewsArticle(url="https://n.example.ma/old", source="other", title="Ancienne nouvelle", text="x" * 60,
                    published_at=_at(MONDAY - timedelta(days=20)), language="fr"),
        TradeFair(url="https://f.example.org/ambiente", source="salons", name="Ambiente", city="Frankfurt", country="DE",
                  start_date=date(2027, 2, 6), end_date=date(2027, 2, 10), crafts=["poterie"],
                  first_seen=_at(MONDAY + timedelta(days=1))),
    ])
    offer = Offer(url="https://s.example.fr/kilim", source="shop", shop="Maison d'Orient", name="Kilim berbère",
                  price=Decimal("349"), currency="EUR", price_mad=Decimal("3755"), price_eur=Decimal("349"),
                  crafts=["tapis"], observed_at=_at(MONDAY - timedelta(days=3)))
    idx.upsert([offer])
    idx.upsert([offer.model_copy(update={"price": Decimal("399"), "price_eur": Decimal("399"), "price_mad": Decimal("4293"),
                                         "observed_at": _at(MONDAY + timedelta(days=2))})])
    backend.records.put("crawlstats", "news-1", {"spider": "news", "finished_at": _at(MONDAY + timedelta(days=1)).isoformat(),
                                                "updated_at": "1", "source_ids": ["artisanat-info", "dead-source"],
                                                "sources": {"artisanat-info": {"items": 12, "errors": 2, "responses": 20},
                                                            "dead-source": {"items": 0, "errors": 5, "responses": 5},
                                                            "unknown": {"errors": 1, "responses": 1}}})
    backend.records.put("jobs", "crawl-news-1", {"name": "crawl-news", "started_at": _at(MONDAY).isoformat(),
                                                "finished_at": _at(MONDAY).isoformat(), "status": "timeout",
                                                "items": 7, "errors": 1, "updated_at": "1"})
    backend.refresh()


def test_digest_sections(backend) -> None:  # type: ignore[no-untyped-def]
    seed(backend)
    digest = build_digest(backend, WEEK, today=date(2026, 11, 29))
    assert [n.title for n in digest.top_news] == ["Les exportations de tapis bondissent"]  # deduplicated, in week
    assert [m.name for m in digest.rises] == ["Kilim berbère"] and round(digest.rises[0].change_pct) == 14
    assert [f.name for f in digest.new_fairs] == ["Ambiente"]
    # The same reading as /crawls (indexing.crawl_records): a partial failure apart, no "unknown" source.
    assert [s.source for s in digest.failing] == ["dead-source"]
    assert [(s.source, s.failed_pages, s.items) for s in digest.partial] == [("artisanat-info", 2, 12)]
    from web.crawl_health import crawl_report
    report = crawl_report(backend)
    assert [f["source"] for f in report["failing_sources"]] == [s.source for s in digest.failing]
    assert [p["source"] for p in report["partial_sources"]] == [s.source for s in digest.partial]
    assert "unknown" not in [s.source for s in digest.sources]
    assert [(j.name, j.runs, j.failed, j.items) for j in digest.jobs] == [("crawl-news", 1, 1, 7)]
    with pytest.raises(BadWeek):
        parse_week("2026-W99")


def test_digest_mail_fr_and_ar_once_per_week(backend, settings, smtp_server) -> None:  # type: ignore[no-untyped-def]
    seed(backend)
    store = SubscriptionStore(backend)
    store.save(make_subscription(kind="digest", email="strategie@example.ma", language="fr", confirmed=True))
    store.save(make_subscription(kind="digest", email="istratijiya@example.ma", language="ar", confirmed=True))
    run = send_digests(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), WEEK, date(2026, 11, 29))
    assert run.dispatch.sent == 2
    messages = {m["To"]: m for m in smtp_server.parsed()}
    fr, ar = messages["strategie@example.ma"], messages["istratijiya@example.ma"]
    # The week in words and counted nouns by CLDR plural rules, never "2026-W48" or "0 éléments".
    assert "semaine du 23 au 29 novembre 2026" in fr["Subject"] and "W48" not in fr["Subject"] and fr["List-Unsubscribe"]
    assert "الأسبوع من 23 إلى 29 نونبر 2026" in ar["Subject"]
    assert "dead-source : 5 erreurs, 0 élément" in fr.get_body(("plain",)).get_content()
    assert "artisanat-info : 2 pages en échec, 12 éléments" in fr.get_body(("plain",)).get_content()
    assert "unknown" not in fr.get_body(("plain",)).get_content()
    assert "Allemagne" in fr.get_body(("plain",)).get_content()  # the fair's country in words
    html_fr = fr.get_body(("html",))
    assert "Kilim berbère" in html_fr.get_content() and 'src="cid:price-chart"' in html_fr.get_content()
    related = [p for p in fr.walk() if p.get_content_type() == "image/png"]
    assert related and related[0].get_content()[:8] == b"\x89PNG\r\n\x1a\n"
    assert 'dir="rtl"' in ar.get_body(("html",)).get_content()
    assert "dead-source" in fr.get_body(("plain",)).get_content()
    again = send_digests(settings, backend, SmtpMailer(smtp_server.host, smtp_server.port), WEEK, date(2026, 11, 29))
    assert again.queued == 0 and len(smtp_server.parsed()) == 2


def test_digest_one_item_per_story_in_the_readers_language(backend, settings) -> None:  # type: ignore[no-untyped-def]
    from alerts.messages import render_digest_html

    day = MONDAY + timedelta(days=2)
    story = [
        ("fr", "Tapis de Tazenakht : 57,3 MDH exportés", "Les coopératives de Tazenakht ont exporté pour 57,3 millions "
         "de dirhams de tapis entre janvier et octobre 2026, soit une hausse de 21,4 % sur un an."),
        ("ar", "صادرات زرابي تازناخت تبلغ 57,3 مليون درهم", "صدرت تعاونيات تازناخت زرابي بقيمة 57,3 مليون درهم بين "
         "يناير وأكتوبر 2026، بارتفاع نسبته 21,4 في المائة على أساس سنوي."),
        ("en", "Tazenakht rugs: 57.3 million dirhams exported", "Tazenakht cooperatives exported 57.3 million dirhams "
         "of rugs between January and October 2026, up 21.4% year on year."),
    ]
    Indexer(backend).upsert([
        NewsArticle(url=f"https://{lang}.example.ma/tapis", source=f"journal-{lang}", title=title, text=text,
                    published_at=_at(day), language=lang, crafts=["tapis"], countries=["MA"])
        for lang, title, text in story
    ] + [NewsArticle(url="https://fr.example.ma/port", source="journal-fr", title="Un quai neuf au port de Nador",
                     text="Le port de Nador a mis en service un quai de 600 mètres pour les ferries.",
                     published_at=_at(day), language="fr", countries=["MA"])])
    backend.refresh()
    digest = build_digest(backend, WEEK, today=date(2026, 11, 29))
    assert len(digest.top_news) == 2
    item = digest.top_news[0]
    assert sorted(item.sources) == ["journal-ar", "journal-en", "journal-fr"]
    assert sorted(item.languages) == ["ar", "en", "fr"]
    assert item.for_reader("ar").title == story[1][1] and item.for_reader("en").title == story[2][1]
    html_ar = render_digest_html(digest, "ar", settings)
    assert story[1][1] in html_ar and story[0][1] not in html_ar  # the Arabic report, the others as sources
    assert "journal-fr" in html_ar and "(FR)" in html_ar
    html_en = render_digest_html(digest, "en", settings)
    assert story[2][1] in html_en and "Same story" in html_en


def test_digest_opens_with_a_summary_and_lists_each_fair_once(backend, settings) -> None:  # type: ignore[no-untyped-def]
    from alerts.messages import ENV

    seed(backend)
    Indexer(backend).upsert([
        TradeFair(url="https://f.example.org/maison", source="salons", name="Maison & Objet", city="Paris", country="FR",
                  start_date=date(2027, 1, 15), end_date=date(2027, 1, 19), crafts=["tapis"],
                  registration_deadline=date(2026, 12, 10), first_seen=_at(MONDAY - timedelta(days=30))),
    ])
    backend.refresh()
    digest = build_digest(backend, WEEK, today=date(2026, 11, 30))
    # Ambiente is both upcoming and new this week: one line, marked new; the near deadline comes first.
    assert [(line.fair.name, line.new, line.deadline_soon) for line in digest.fairs] == [
        ("Maison & Objet", False, True), ("Ambiente", True, False)]
    summary = digest.summary
    assert summary.new_fairs == 1 and [f.name for f in summary.deadlines] == ["Maison & Objet"]
    assert summary.top_move is not None and summary.top_move.name == "Kilim berbère"
    assert summary.top_story is not None and len(summary.top_story.sources) == 2
    assert [(s.kind, s.id) for s in digest.story_sections] == [("craft", "tapis")]
    context = {"d": digest, "links": {"unsubscribe": "#", "preferences": "#"}, "has_chart": False}
    fr = ENV.get_template("weekly_digest.txt").render(t=__import__("alerts.i18n").i18n.strings("fr"), lang="fr", **context)
    head = fr.split("## Actualités à retenir")[0]
    assert "1 nouveau salon pour le secteur cette semaine." in head
    assert "1 date limite d'inscription dans les 30 prochains jours (la première : Maison & Objet, le 10 décembre 2026)" in head
    assert "Kilim berbère" in head and "+14,3 %" not in head and "+14.3 %" in head
    assert "Information la plus reprise (2 sources, 1 langue)" in head
    assert fr.count("Ambiente") == 1 and "[Nouveau] Ambiente" in fr
    ar = ENV.get_template("weekly_digest.txt").render(t=__import__("alerts.i18n").i18n.strings("ar"), lang="ar", **context)
    assert "معرض جديد واحد للقطاع هذا الأسبوع." in ar and "مصدران" in ar
