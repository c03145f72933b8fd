"""A 3-node Elasticsearch cluster with one replica: kill a node while indexing and searching."""
from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from support import IN_CI, ROOT, unavailable

HTTP_PORT = 9211
TRANSPORT_PORT = 9311
DOCS = 3000


def es_sh(var: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, VEILLE_ES_VAR=str(var), ES_TRANSPORT_PORT=str(TRANSPORT_PORT),
               ES_CLUSTER_NAME="veille-cluster-test", ES_HEAP="384m")
    return subprocess.run([str(ROOT / ".ci" / "es.sh"), *args], env=env, capture_output=True, text=True, timeout=400)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):  # type: ignore[no-untyped-def]
    if not (shutil.which("java") and shutil.which("mvn")):
        unavailable("java/mvn are missing", "the 3-node cluster needs them")
    if not IN_CI and not os.environ.get("VEILLE_TEST_ELASTICSEARCH_URL"):
        unavailable("VEILLE_TEST_ELASTICSEARCH_URL is unset", "set it, or CI=true, to run the cluster tests")
    var = tmp_path_factory.mktemp("es3")
    started = es_sh(var, "start", "--nodes", "3", "--port", str(HTTP_PORT), "--clean")
    assert started.returncode == 0, started.stderr[-3000:]
    yield var, [f"http://127.0.0.1:{HTTP_PORT + k}" for k in range(3)]
    es_sh(var, "stop")


@pytest.mark.slow
def test_node_loss_loses_no_document_and_search_keeps_answering(cluster) -> None:  # type: ignore[no-untyped-def]
    from indexing.backends.elasticsearch import ElasticsearchBackend
    from indexing.indexer import Indexer
    from indexing.models import NewsArticle
    from indexing.query import SearchQuery

    var, urls = cluster
    backend = ElasticsearchBackend(",".join(urls), prefix=f"cluster-{uuid.uuid4().hex[:6]}", replicas=1, shards=3)
    backend.setup()
    indexer = Indexer(backend, spool_dir=var / "spool")
    base = datetime(2026, 11, 1, tzinfo=timezone.utc)
    docs = [NewsArticle(url=f"https://news.example.ma/a/{i}", source="cluster", title=f"Tapis et poterie {i}",
                        text=f"Article {i} sur les tapis berbères et la céramique de Safi, exportés vers la France.",
                        published_at=base + timedelta(minutes=i), language="fr", crafts=["tapis"]) for i in range(DOCS)]
    search_ok = search_failed = 0
    stop = threading.Event()

    def searcher() -> None:
        nonlocal search_ok, search_failed
        while not stop.is_set():
            try:
                backend.search(SearchQuery(text="tapis", per_page=5))
                search_ok += 1
            except Exception:
                search_failed += 1
            time.sleep(0.02)

    thread = threading.Thread(target=searcher)
    thread.start()
    killed = False
    for start in range(0, DOCS, 100):
        indexer.upsert(docs[start:start + 100])
        if start >= DOCS // 3 and not killed:
            done = es_sh(var, "kill-node", "1")
            assert done.returncode == 0, done.stderr
            killed = True
    stop.set()
    thread.join()
    indexer.replay_spool()  # batches that met the failover in flight
    backend.refresh()
    assert killed
    assert backend.count("news") == DOCS
    assert search_ok > 20 and search_failed <= 2, (search_ok, search_failed)
    health = backend.es.cluster.health()
    assert health["number_of_nodes"] == 2 and health["status"] in ("green", "yellow")
    backend.drop_all()


@pytest.mark.slow
def test_ui_scheduler_and_two_crawlers_share_only_elasticsearch(cluster, demo_sites, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Each process has its own empty var dir; all they share is the cluster."""
    import json
    import sys
    import urllib.request

    from support import free_port

    _, urls = cluster
    prefix = f"shared-{uuid.uuid4().hex[:6]}"

    def env(name: str) -> dict[str, str]:
        e = dict(os.environ, PYTHONPATH=str(ROOT), VEILLE_VAR_DIR=str(tmp_path / name),
                 VEILLE_ELASTICSEARCH_URL=",".join(urls), VEILLE_ES_PREFIX=prefix, VEILLE_ES_REPLICAS="1",
                 VEILLE_SOURCES=str(ROOT / "sources.demo.yaml"),
                 VEILLE_PUBLIC="all")  # the UI's API read without a token, as the demo serves it
        return e

    def crawler(spider: str) -> subprocess.Popen[bytes]:
        # A generous timeout: on a loaded 2-core machine (three JVMs, a UI, a scheduler and two
        # crawlers) a 2 s timeout dropped demo pages, and with them every news article.
        return subprocess.Popen([sys.executable, "-m", "spiders.runner", spider, "--vars", json.dumps(demo_sites.base_urls),
                                 "--set", "DOWNLOAD_TIMEOUT=20", "--set", "RETRY_TIMES=1", "--log-level", "WARNING"],
                                cwd=ROOT, env=env(f"crawler-{spider}"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    port = free_port()
    ui = subprocess.Popen([sys.executable, "-m", "cli", "serve", "--port", str(port)], cwd=ROOT, env=env("ui"),
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sched = subprocess.Popen([sys.executable, "-m", "cli", "schedule"], cwd=ROOT, env=env("scheduler"),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    crawlers = [crawler("news"), crawler("prices")]
    try:
        reports = []
        for proc in crawlers:
            out, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err.decode()[-2000:]
            reports.append(f"{out.decode()[-3000:]}\n{err.decode()[-3000:]}")

        def get(path: str) -> dict:
            deadline = time.time() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as resp:
                        return json.loads(resp.read())
                except Exception:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.5)

        # Elasticsearch is near-real-time: a crawler that finished a moment ago is visible after the next refresh.
        searched_until = time.time() + 30
        while True:
            result = get("/api/search?q=tapis&per_page=50")
            kinds = {hit["kind"] for hit in result["results"]}
            if {"news", "offer"} <= kinds or time.time() > searched_until:
                break
            time.sleep(1)
        assert {"news", "offer"} <= kinds, f"{kinds}; crawler reports:\n" + "\n".join(reports)
        deadline = time.time() + 60
        while True:
            health = get("/health")
            if (health.get("scheduler") or {}).get("at") or time.time() > deadline:
                break
            time.sleep(1)
        assert health["backend"]["name"] == "elasticsearch"
        assert health["scheduler"]["at"] and not health["scheduler"]["stale"], health
        for name in ("crawler-news", "crawler-prices", "ui", "scheduler"):
            assert not (tmp_path / name / "veille.db").exists(), f"{name} wrote a local database"
    finally:
        for proc in (ui, sched, *crawlers):
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=60)
