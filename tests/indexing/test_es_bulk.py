"""BulkWriter against the real Elasticsearch node: chunking, the spliced model JSON, rejections and retries."""
from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from indexing.backends.base import BackendUnavailable, IndexedDoc
from indexing.backends.es_bulk import BulkWriter, bulk_line
from indexing.models import NewsArticle, Offer
from tests.support import make_backend

SEEN = datetime(2026, 11, 29, tzinfo=timezone.utc)


@pytest.fixture
def backend(tmp_path):  # type: ignore[no-untyped-def]
    backend = make_backend("elasticsearch", tmp_path)
    yield backend
    backend.drop_all()
    backend.close()


def news(i: int) -> NewsArticle:
    return NewsArticle(url=f"https://news.example.ma/a/{i}", source="bulk-test", language="fr",
                       title=f'Tapis "berbère" n°{i}\tà Fès', text=f"Ligne 1\nLigne 2 \\ زربية {i} </script>",
                       published_at=SEEN, first_seen=SEEN)


def set_write_block(backend, blocked: bool) -> None:  # type: ignore[no-untyped-def]
    backend.es.indices.put_settings(index=backend.docs_alias,
                                    settings={"index.blocks.read_only_allow_delete": True if blocked else None})


def test_every_document_lands_across_chunks_with_its_model_json_intact(backend) -> None:  # type: ignore[no-untyped-def]
    backend.writer = BulkWriter(backend.es, backend.url, chunk_docs=100)
    documents = [news(i) for i in range(1_234)]
    offer = Offer(url="https://shop.example.com/p/1", source="bulk-test", name="Pouf en cuir", shop="Dar Cuir", price=Decimal("450.50"),
                  currency="MAD", price_mad=Decimal("450.50"), price_eur=Decimal("42.40"), first_seen=SEEN)
    assert backend.index([*documents, offer]) == 1_235
    backend.refresh()
    assert backend.count() == 1_235
    stored = backend.get_raw([documents[7].id, offer.id])
    assert stored[documents[7].id] == ("news", json.loads(documents[7].model_dump_json()))
    assert stored[offer.id][1]["price_mad"] == "450.50"


def test_large_documents_are_split_into_smaller_requests(backend) -> None:  # type: ignore[no-untyped-def]
    backend.writer = BulkWriter(backend.es, backend.url, chunk_bytes=4_000)
    big = [news(i).model_copy(update={"text": "Tapis berbère tissé à la main. " * 200}) for i in range(12)]
    assert len(bulk_line(backend.docs_alias, IndexedDoc.of(big[0]))) > 4_000
    assert backend.index(big) == 12
    backend.refresh()
    assert backend.count() == 12


def test_the_line_is_the_flat_fields_plus_the_model_json() -> None:
    flat = IndexedDoc.of(news(1))
    header, source, end = bulk_line("veille-docs", flat).decode().split("\n")
    assert json.loads(header) == {"index": {"_index": "veille-docs", "_id": flat.id}}
    assert json.loads(source) == flat.es_source()
    assert end == ""


def test_a_rejected_document_is_reported_and_the_rest_are_written(backend) -> None:  # type: ignore[no-untyped-def]
    good = [IndexedDoc.of(news(i)) for i in range(3)]
    bad = replace(IndexedDoc.of(news(99)), date="not a date")
    with pytest.raises(RuntimeError, match="rejected 1 documents"):
        backend.put_many([good[0], bad, *good[1:]])
    backend.refresh()
    assert set(backend.get_raw([d.id for d in good])) == {d.id for d in good}
    assert backend.get_raw([bad.id]) == {}


def test_a_refusing_index_is_retried_until_it_accepts(backend) -> None:  # type: ignore[no-untyped-def]
    backend.writer = BulkWriter(backend.es, backend.url, backoff_s=0.5, retries=5)
    set_write_block(backend, True)
    lift = threading.Timer(1.0, set_write_block, (backend, False))
    lift.start()
    try:
        assert backend.index([news(i) for i in range(50)]) == 50
    finally:
        lift.join()
    backend.refresh()
    assert backend.count() == 50


def test_an_index_that_keeps_refusing_is_an_outage_not_data_loss(backend) -> None:  # type: ignore[no-untyped-def]
    backend.writer = BulkWriter(backend.es, backend.url, backoff_s=0.05, retries=2)
    backend.index([news(1)])
    set_write_block(backend, True)
    try:
        with pytest.raises(BackendUnavailable, match="kept refusing"):
            backend.index([news(i) for i in range(10)])
    finally:
        set_write_block(backend, False)
    backend.refresh()
    assert backend.count() == 1
