from __future__ import annotations

import threading

from indexing.backends.base import IndexedDoc
from indexing.indexer import Indexer
from indexing.query import SearchQuery
from indexing.reindex import reindex_elasticsearch
from test_backend_contract import corpus


def test_reindex_swaps_alias_without_downtime(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from support import make_backend
    backend = make_backend("elasticsearch", tmp_path)
    try:
        Indexer(backend).upsert(corpus())
        backend.refresh()
        before = backend.es.indices.get_alias(name=backend.docs_alias)
        answers: list[int] = []
        stop = threading.Event()

        def search_forever() -> None:
            while not stop.is_set():
                answers.append(backend.search(SearchQuery(text="tapis")).total)

        reader = threading.Thread(target=search_forever)
        reader.start()
        message = reindex_elasticsearch(backend)
        stop.set()
        reader.join()
        after = backend.es.indices.get_alias(name=backend.docs_alias)
        assert list(before) != list(after) and list(after)[0].endswith("-v2"), message
        assert backend.count() == 9
        assert answers and set(answers) == {6}  # every search during the swap answered in full
    finally:
        backend.drop_all()
        backend.close()


def test_reindex_keeps_documents_written_during_the_copy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from support import make_backend
    backend = make_backend("elasticsearch", tmp_path)
    try:
        base = corpus()[0]
        many = [base.model_copy(update={"url": f"{base.url}?copy={i}"}) for i in range(1200)]
        Indexer(backend).upsert(many)
        backend.refresh()
        late = base.model_copy(update={"url": f"{base.url}?late=1"})
        renamed = many[5].model_copy(update={"title": "Titre changé pendant la copie"})

        def write_during_copy(done: int) -> None:
            if done == 1000:
                backend.put_many([IndexedDoc.of(late), IndexedDoc.of(renamed)])
                backend.refresh()

        reindex_elasticsearch(backend, progress=write_during_copy)
        backend.refresh()
        assert backend.count() == 1201
        assert backend.get(late.id) is not None
        assert backend.get(renamed.id).title == "Titre changé pendant la copie"  # type: ignore[union-attr]
    finally:
        backend.drop_all()
        backend.close()
