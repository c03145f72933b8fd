"""Stop the real Elasticsearch node in the middle of a crawl, start it again: nothing lost, nothing doubled."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from urllib.parse import urlsplit

import pytest

from support import ROOT, elasticsearch_url, unavailable

PAGES = 400


def es_sh(*args: str) -> None:
    done = subprocess.run([str(ROOT / ".ci" / "es.sh"), *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.slow
def test_crawl_survives_elasticsearch_outage(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from demo.bigsite import BigSite
    from indexing.backends.elasticsearch import ElasticsearchBackend
    from indexing.indexer import Indexer

    url = elasticsearch_url()
    if not (ROOT / "var" / "es" / "node-0.pid").exists():
        unavailable("the node was not started by .ci/es.sh", "this test must stop and restart it")
    prefix = f"outage-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchBackend(url, prefix=prefix)
    backend.setup()
    var_dir = tmp_path / "var"
    env = dict(os.environ, VEILLE_VAR_DIR=str(var_dir), VEILLE_ELASTICSEARCH_URL=url, VEILLE_ES_PREFIX=prefix,
               PYTHONPATH=str(ROOT), VEILLE_EXTRACT_WORKERS="1")
    with BigSite(n_pages=PAGES) as site:
        catalogue = tmp_path / "sources.yaml"
        catalogue.write_text(
            "sources:\n  - id: big\n    kind: news\n    language: fr\n    max_pages: 2000\n    max_depth: 20\n"
            f"    listings:\n      - url: '{site.base_url}/list/1/'\n        link_pattern: '/article/'\n"
            "        next_selector: 'a[rel=next]'\n        max_pages: 100\n", encoding="utf-8")
        env["VEILLE_SOURCES"] = str(catalogue)
        cmd = [sys.executable, "-m", "spiders.runner", "news", "--log-level", "ERROR",
               "--set", "VEILLE_INDEX_BATCH=10", "--set", "CONCURRENT_REQUESTS=2", "--set", "DOWNLOAD_DELAY=0.05",
               "--set", "AUTOTHROTTLE_ENABLED=false", "--set", "HTTPCACHE_ENABLED=false"]
        log = open(tmp_path / "crawl.log", "wb")
        crawl = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        stopped = False
        try:
            deadline = time.time() + 120
            while time.time() < deadline:
                try:
                    backend.refresh()
                    if backend.count("news") >= 40:
                        break
                except Exception:
                    pass
                time.sleep(0.2)
            es_sh("stop")
            stopped = True
            stopped_with = crawl.poll()
            assert stopped_with is None, "the crawl ended before the outage; slow it down"
            assert crawl.wait(timeout=300) == 0
        finally:
            if crawl.poll() is None:
                crawl.kill()
            log.close()
            if stopped:  # whatever happened, the other tests need the node back on its port
                es_sh("start", "--port", str(urlsplit(url).port or 9201))
    spool = sorted((var_dir / "spool").glob("*.jsonl"))
    assert spool, (tmp_path / "crawl.log").read_text()[-3000:]
    backend = ElasticsearchBackend(url, prefix=prefix)
    replayed = Indexer(backend, spool_dir=var_dir / "spool").replay_spool()
    backend.refresh()
    assert not list((var_dir / "spool").glob("*.jsonl"))
    assert backend.count("news") == PAGES  # every article once: ids are canonical URLs
    assert len(replayed.new) + len(replayed.unchanged) + len(replayed.changed) > 0
    backend.drop_all()
    backend.close()
