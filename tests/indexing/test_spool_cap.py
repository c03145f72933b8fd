"""A full outage spool pauses indexing instead of dropping a batch; a replay frees it and nothing is lost."""
from __future__ import annotations

import threading
from pathlib import Path

from indexing.backends.elasticsearch import ElasticsearchBackend
from indexing.backends.sqlite import SqliteBackend
from indexing.indexer import Indexer
from indexing.models import NewsArticle
from tests.support import free_port


def batch(prefix: str, n: int) -> list[NewsArticle]:
    return [NewsArticle(url=f"https://news.example.ma/{prefix}-{i}", source="news", language="fr", title=f"{prefix} {i}",
                        text="Les coopératives de tapis exportent vers l'Europe.") for i in range(n)]


def test_a_full_spool_holds_the_batch_until_a_replay_frees_it(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    down = ElasticsearchBackend(f"http://127.0.0.1:{free_port()}", prefix="down")  # nothing listens there
    crawler = Indexer(down, spool_dir=spool, spool_max_bytes=1, pause_seconds=0.2)
    assert crawler.upsert(batch("first", 5)).spooled == 5
    assert crawler.spool_full()

    done = threading.Event()
    outcome: list[int] = []
    worker = threading.Thread(target=lambda: (outcome.append(crawler.upsert(batch("second", 4)).spooled), done.set()))
    worker.start()
    assert not done.wait(1.0), "a full spool must hold the batch, not drop it or write past the cap"
    assert len(crawler.spooled_files()) == 1

    store = SqliteBackend(tmp_path / "veille.db")
    store.setup()
    assert len(Indexer(store, spool_dir=spool).replay_spool().new) == 5
    assert done.wait(10.0) and outcome == [4] and crawler.paused_seconds > 0
    assert len(Indexer(store, spool_dir=spool).replay_spool().new) == 4
    assert store.count("news") == 9
    worker.join()
