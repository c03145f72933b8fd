"""One contract, both backends: SqliteBackend always, ElasticsearchBackend against the real node."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from indexing.indexer import Indexer
from indexing.models import NewsArticle, Offer, PriceObservation, TradeFair
from indexing.query import SearchQuery, query_from_params

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)


def corpus() -> list:
    return [
        NewsArticle(url="https://news.example.ma/fr/tapis-export", source="artisanat-info", language="fr",
                    title="Les tapis marocains séduisent l'Europe",
                    text="Les exportations de tapis berbères et de céramique progressent vers la France.",
                    published_at=NOW - timedelta(days=2), crafts=["tapis", "poterie"], countries=["MA", "FR"]),
        NewsArticle(url="https://news.example.ma/ar/zarabi", source="artisanat-info", language="ar",
                    title="الزرابي المغربية تغزو الأسواق", text="ارتفعت صادرات الزرابي المغربية نحو أوروبا هذا العام بشكل كبير.",
                    published_at=NOW - timedelta(days=5), crafts=["tapis"], countries=["MA"]),
        NewsArticle(url="https://trade.example.com/en/leather", source="trade-news", language="en",
                    title="Leather goods from Fez at the Paris show",
                    text="Tanneries of Fez bring babouches and leather poufs to Paris buyers.",
                    published_at=NOW - timedelta(days=10), crafts=["cuir"], countries=["MA", "FR"]),
        TradeFair(url="https://fairs.example.org/maison-objet", source="salons", name="Maison&Objet Paris",
                  start_date=date(2027, 1, 15), end_date=date(2027, 1, 19), city="Paris", country="FR",
                  venue="Paris Nord Villepinte", crafts=["tapis", "poterie", "textile"]),
        TradeFair(url="https://fairs.example.org/ambiente", source="salons", name="Ambiente",
                  start_date=date(2027, 2, 6), end_date=date(2027, 2, 10), city="Frankfurt", country="DE",
                  crafts=["poterie", "verre"]),
        TradeFair(url="https://fairs.example.org/sna", source="salons-ma", name="Semaine Nationale de l'Artisanat",
                  start_date=date(2027, 3, 10), end_date=date(2027, 3, 20), city="Casablanca", country="MA",
                  crafts=["tapis", "cuir", "bijoux"]),
        Offer(url="https://shop.example.ma/produit/beni-ouarain", source="dar-shop", shop="Dar Artisanat",
              name="Tapis Beni Ouarain 200x300", price=Decimal("4500"), currency="MAD", price_mad=Decimal("4500"),
              price_eur=Decimal("418.22"), crafts=["tapis"], countries=["MA"], observed_at=NOW),
        Offer(url="https://decor.example.fr/tapis-kilim", source="maison-orient", shop="Maison d'Orient",
              name="Tapis kilim berbère", price=Decimal("349"), currency="EUR", price_mad=Decimal("3755.24"),
              price_eur=Decimal("349"), crafts=["tapis"], countries=["FR"], observed_at=NOW),
        Offer(url="https://decor.example.fr/tajine", source="maison-orient", shop="Maison d'Orient",
              name="Tajine en céramique peint", price=Decimal("39.90"), currency="EUR", price_mad=Decimal("429.32"),
              price_eur=Decimal("39.90"), crafts=["poterie"], countries=["FR"], observed_at=NOW),
    ]


@pytest.fixture
def loaded(backend):  # type: ignore[no-untyped-def]
    Indexer(backend).upsert(corpus())
    backend.refresh()
    return backend


def ids(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {h.id for h in result.hits}


def test_bulk_index_and_get(loaded) -> None:  # type: ignore[no-untyped-def]
    assert loaded.count() == 9
    assert loaded.count("fair") == 3
    fair = loaded.get(TradeFair(url="https://x.org/a", source="s", name="Maison&Objet Paris",
                                start_date=date(2027, 1, 15)).id)
    assert isinstance(fair, TradeFair) and fair.city == "Paris" and fair.venue == "Paris Nord Villepinte"
    assert loaded.get("news-does-not-exist") is None


def test_upsert_is_idempotent_and_fair_sources_merge(loaded) -> None:  # type: ignore[no-untyped-def]
    again = Indexer(loaded).upsert(corpus())
    loaded.refresh()
    assert again.new == [] and loaded.count() == 9
    same_fair = TradeFair(url="https://other.example.com/mo-2027", source="other-calendar", name="MAISON & OBJET Paris",
                          start_date=date(2027, 1, 15), end_date=date(2027, 1, 19), city="Paris", country="FR")
    changes = Indexer(loaded).upsert([same_fair])
    loaded.refresh()
    assert loaded.count("fair") == 3
    merged = loaded.get(same_fair.id)
    assert {s.source for s in merged.sources} == {"salons", "other-calendar"}
    assert changes.changed == [] and changes.unchanged == [same_fair.id]
    moved = same_fair.model_copy(update={"start_date": date(2027, 1, 16)})
    changes = Indexer(loaded).upsert([moved])
    assert changes.changed == [moved.id]


def test_text_search_folds_accents_stems_and_synonyms(loaded) -> None:  # type: ignore[no-untyped-def]
    assert len(loaded.search(SearchQuery(text="ceramique")).hits) == 4  # incl. fairs tagged poterie
    rug = ids(loaded.search(SearchQuery(text="rug")))
    assert rug == ids(loaded.search(SearchQuery(text="tapis"))) == ids(loaded.search(SearchQuery(text="زربية")))
    assert len(rug) == 6
    assert ids(loaded.search(SearchQuery(text='"tapis kilim"'))) == {corpus()[7].id}
    assert corpus()[2].id in ids(loaded.search(SearchQuery(text="tanner*")))


def test_filters_and_facet_counts(loaded) -> None:  # type: ignore[no-untyped-def]
    result = loaded.search(query_from_params({"q": "tapis", "kind": "offer", "country": "FR"}))
    assert ids(result) == {corpus()[7].id}
    result = loaded.search(SearchQuery(kinds=("fair",)))
    assert result.facets["countries"] == {"DE": 1, "FR": 1, "MA": 1}
    assert result.facets["crafts"]["poterie"] == 2 and result.facets["crafts"]["tapis"] == 2
    everything = loaded.search(SearchQuery())
    assert everything.total == 9
    assert everything.facets["kind"] == {"fair": 3, "news": 3, "offer": 3}
    assert everything.facets["language"] == {"ar": 1, "en": 1, "fr": 1}
    assert loaded.search(SearchQuery(languages=("ar",))).total == 1


def test_text_with_every_kind_of_filter(loaded) -> None:  # type: ignore[no-untyped-def]
    c = corpus()
    assert ids(loaded.search(query_from_params({"q": "tapis", "source": "maison-orient"}))) == {c[7].id}
    assert ids(loaded.search(query_from_params({"q": "tapis", "lang": "ar"}))) == {c[1].id}
    assert ids(loaded.search(query_from_params({"q": "paris", "craft": ["cuir", "verre"]}))) == {c[2].id}
    assert ids(loaded.search(query_from_params({"q": "tapis", "kind": ["fair", "offer"], "country": ["DE", "MA"]}))) \
        == {c[5].id, c[6].id}
    filtered = loaded.search(query_from_params({"q": "tapis", "country": "FR"}))
    assert ids(filtered) == {c[0].id, c[3].id, c[7].id}
    assert filtered.facets["kind"] == {"fair": 1, "news": 1, "offer": 1}
    assert loaded.search(query_from_params({"q": "tapis", "country": "US"})).total == 0


def test_a_changed_document_is_found_by_its_new_filters_only(loaded) -> None:  # type: ignore[no-untyped-def]
    before = {"q": "kilim", "kind": "offer", "country": "FR"}
    assert ids(loaded.search(query_from_params(before))) == {corpus()[7].id}
    moved = corpus()[7].model_copy(update={"countries": ["BE"]})
    Indexer(loaded).upsert([moved])
    loaded.refresh()
    assert ids(loaded.search(query_from_params({**before, "country": "BE"}))) == {moved.id}
    assert loaded.search(query_from_params(before)).total == 0


def test_date_range_and_sort(loaded) -> None:  # type: ignore[no-untyped-def]
    fairs = loaded.search(SearchQuery(kinds=("fair",), date_from=date(2027, 1, 1), date_to=date(2027, 2, 6), sort="-date"))
    assert [h.document["name"] for h in fairs.hits] == ["Maison&Objet Paris", "Ambiente"]
    news = loaded.search(SearchQuery(kinds=("news",), sort="date"))
    assert [h.document["language"] for h in news.hits] == ["fr", "ar", "en"]
    offers = loaded.search(SearchQuery(kinds=("offer",), sort="price"))
    assert [h.document["price_mad"] for h in offers.hits] == ["429.32", "3755.24", "4500"]
    eur = loaded.search(SearchQuery(kinds=("offer",), price_currency="EUR", price_min=Decimal(300), sort="-price"))
    assert [h.document["name"] for h in eur.hits] == ["Tapis Beni Ouarain 200x300", "Tapis kilim berbère"]


def test_pagination_and_highlights(loaded) -> None:  # type: ignore[no-untyped-def]
    first = loaded.search(SearchQuery(sort="date", per_page=4))
    second = loaded.search(SearchQuery(sort="date", per_page=4, page=2))
    assert first.total == second.total == 9
    assert not ids(first) & ids(second)
    hit = loaded.search(SearchQuery(text="kilim")).hits[0]
    assert "<mark>kilim</mark>" in hit.highlights["title"]


def test_hostile_query_text_is_inert(loaded) -> None:  # type: ignore[no-untyped-def]
    for text in ['NEAR("a" b) OR title:*', "a AND (", '"unbalanced', "tapis^10 OR *:*", "-", "{title_terms}: x"]:
        loaded.search(SearchQuery(text=text))  # must not raise


def test_price_history(loaded) -> None:  # type: ignore[no-untyped-def]
    offer = corpus()[7]
    later = offer.model_copy(update={"price": Decimal("329"), "price_eur": Decimal("329"),
                                     "price_mad": Decimal("3540"), "observed_at": NOW + timedelta(days=7)})
    Indexer(loaded).upsert([later])
    history = loaded.price_history(offer.id)
    assert [o.price for o in history] == [Decimal("349"), Decimal("329")]
    assert loaded.add_observations([PriceObservation.of(later)]) in (0, 1)
    assert len(loaded.price_history(offer.id)) == 2


def test_records_create_only(backend) -> None:  # type: ignore[no-untyped-def]
    assert backend.records.put("deliveries", "k1", {"status": "queued", "updated_at": "1"}, create_only=True)
    assert not backend.records.put("deliveries", "k1", {"status": "other", "updated_at": "2"}, create_only=True)
    assert backend.records.get("deliveries", "k1")["status"] == "queued"
    backend.records.put("deliveries", "k2", {"status": "sent", "updated_at": "3"})
    assert [r["status"] for r in backend.records.list("deliveries", {"status": "sent"})] == ["sent"]
    assert backend.records.delete("deliveries", "k2") and backend.records.get("deliveries", "k2") is None


def test_records_written_in_a_batch_are_read_in_it_and_kept_after_it(backend) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError), backend.records.batch():
        with backend.records.batch():  # nested: part of the outer one
            assert backend.records.put("deliveries", "b1", {"status": "queued", "updated_at": "1"}, create_only=True)
        assert not backend.records.put("deliveries", "b1", {"status": "other", "updated_at": "2"}, create_only=True)
        assert backend.records.get("deliveries", "b1")["status"] == "queued"
        backend.records.put("deliveries", "b2", {"status": "queued", "updated_at": "3"})
        raise RuntimeError("the caller failed after two writes")
    assert [r["status"] for r in backend.records.list("deliveries", {"status": "queued"})] == ["queued", "queued"]
    with backend.records.batch():
        backend.records.put("deliveries", "b2", {"status": "sent", "updated_at": "4"})
    assert backend.records.get("deliveries", "b2")["status"] == "sent"


def test_iter_records_pages_through_every_match_once_even_while_they_change(backend) -> None:  # type: ignore[no-untyped-def]
    for i in range(23):
        backend.records.put("deliveries", f"r{i:02d}", {"key": f"r{i:02d}", "status": "queued" if i % 4 else "sent",
                                                       "updated_at": str(i)})
    backend.refresh()
    seen = []
    for record in backend.records.iter("deliveries", {"status": "queued"}, batch=5):
        seen.append(record["key"])
        backend.records.put("deliveries", record["key"], {**record, "status": "queued", "updated_at": "99"})
    assert sorted(seen) == [f"r{i:02d}" for i in range(23) if i % 4]


def test_news_keeps_the_publisher_offset_and_sorts_by_the_utc_instant(backend) -> None:  # type: ignore[no-untyped-def]
    casablanca_evening = NewsArticle(
        url="https://news.example.ma/fr/soiree", source="artisanat-info", language="fr", title="Soirée des potiers",
        text="Les potiers de Safi présentent leurs pièces lors d'une soirée au musée.",
        published_at=datetime(2026, 3, 9, 23, 40, tzinfo=timezone(timedelta(hours=1))))
    london_late = NewsArticle(
        url="https://trade.example.com/en/late", source="trade-news", language="en", title="Late news on rugs",
        text="Rug importers in London report strong demand for Moroccan weaves this winter.",
        published_at=datetime(2026, 3, 9, 23, 0, tzinfo=timezone.utc))
    Indexer(backend).upsert([casablanca_evening, london_late])
    backend.refresh()
    stored = backend.get(casablanca_evening.id)
    assert stored.published_at.isoformat() == "2026-03-09T23:40:00+01:00"
    assert stored.published_utc == datetime(2026, 3, 9, 22, 40, tzinfo=timezone.utc)
    newest_first = backend.search(SearchQuery(kinds=("news",), sort="date"))
    # 23:00 UTC is later than 23:40 at UTC+1 (22:40 UTC), though its local clock reads earlier.
    assert [h.document["title"] for h in newest_first.hits] == ["Late news on rugs", "Soirée des potiers"]
    assert newest_first.hits[1].document["published_at"].startswith("2026-03-09T23:40:00+01:00")


def test_an_offer_keeps_its_list_price(backend) -> None:  # type: ignore[no-untyped-def]
    sale = Offer(url="https://decor.example.fr/pouf", source="maison-orient", shop="Maison d'Orient",
                 name="Pouf en cuir", price=Decimal("89.00"), list_price=Decimal("120.00"), currency="EUR",
                 price_eur=Decimal("89.00"), observed_at=NOW)
    Indexer(backend).upsert([sale])
    backend.refresh()
    stored = backend.get(sale.id)
    assert (stored.price, stored.list_price) == (Decimal("89.00"), Decimal("120.00"))
    assert backend.search(SearchQuery(kinds=("offer",))).hits[0].document["list_price"] == "120.00"


def test_a_list_price_must_be_above_the_price() -> None:
    with pytest.raises(ValueError, match="list price"):
        Offer(url="https://decor.example.fr/pouf", source="s", shop="Shop", name="Pouf", price=Decimal("89"),
              list_price=Decimal("50"), currency="EUR")
