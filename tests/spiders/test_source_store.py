"""The catalogue in the backend (both engines): seed, validation, import/export, enable/disable, run-now requests."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from support import ROOT
from spiders.source_requests import DONE, FAILED, PENDING, RunRequests, run_pending
from spiders.source_store import SourceStore
from spiders.sources import CatalogueError, load_catalogue

DEMO_VARS = {"news": "http://127.0.0.1:1", "fairs": "http://127.0.0.1:2", "shop_jsonld": "http://127.0.0.1:3",
             "shop_plain": "http://127.0.0.1:4"}


def test_seed_imports_sources_yaml_once_and_export_round_trips(backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = SourceStore(backend.records)
    assert store.is_empty()
    report = store.seed(ROOT / "sources.yaml")
    expected = load_catalogue(ROOT / "sources.yaml")
    assert report is not None and report.added == [s.id for s in expected]
    assert [s.id for s in store.all()] == [s.id for s in expected]  # catalogue order is kept
    assert store.all() == expected
    assert store.schedules()["crawl-prices"] == "0 4 * * *"
    assert store.seed(ROOT / "sources.yaml") is None  # not empty any more: nothing imported twice

    exported = tmp_path / "exported.yaml"
    exported.write_text(store.export_yaml(), encoding="utf-8")
    assert load_catalogue(exported) == expected
    assert yaml.safe_load(exported.read_text(encoding="utf-8"))["schedules"]["digest"] == "0 8 * * mon"


def test_save_validates_like_the_file_and_keeps_position(backend) -> None:  # type: ignore[no-untyped-def]
    store = SourceStore(backend.records)
    store.save({"id": "first", "kind": "news", "feeds": ["https://a.example.ma/rss"]})
    store.save({"id": "second", "kind": "shop", "listings": [{"url": "https://b.example.ma/", "link_pattern": "/p/"}]})
    with pytest.raises(CatalogueError, match="key 'feeds': bad URL"):
        store.save({"id": "bad", "kind": "news", "feeds": ["javascript:alert(1)"]})
    with pytest.raises(CatalogueError, match="duplicate id"):
        store.save({"id": "first", "kind": "news", "feeds": ["https://c.example.ma/rss"]}, create_only=True)
    assert store.get("bad") is None
    store.save({"id": "first", "kind": "news", "name": "Renamed", "feeds": ["https://a.example.ma/rss"]})
    assert [s.id for s in store.all()] == ["first", "second"] and store.get("first").name == "Renamed"  # type: ignore[union-attr]

    disabled = store.set_enabled("second", False)
    assert disabled is not None and not disabled.enabled and not store.get("second").enabled  # type: ignore[union-attr]
    assert store.set_enabled("nope", True) is None
    assert store.delete("first") and [s.id for s in store.all()] == ["second"]


def test_import_is_all_or_nothing_and_replace_removes(backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = SourceStore(backend.records)
    store.import_file(ROOT / "sources.demo.yaml", DEMO_VARS)
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - {id: fine, kind: news, feeds: ['https://x.ma/rss']}\n"
                   "  - {id: broken, kind: blog, feeds: ['https://x.ma/rss']}\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="source 'broken', key 'kind'"):
        store.import_file(bad)
    assert store.get("fine") is None  # nothing written from a file with one bad entry
    one = tmp_path / "one.yaml"
    one.write_text("sources:\n  - {id: artisanat-info, kind: news, feeds: ['https://x.ma/rss']}\n", encoding="utf-8")
    report = store.import_file(one, replace=True)
    assert report.updated == ["artisanat-info"] and len(report.removed) == 3
    assert [s.id for s in store.all()] == ["artisanat-info"]


def test_a_hand_broken_record_is_skipped_not_fatal(backend) -> None:  # type: ignore[no-untyped-def]
    store = SourceStore(backend.records)
    store.save({"id": "good", "kind": "news", "feeds": ["https://a.example.ma/rss"]})
    backend.records.put("sources", "evil", {"id": "evil", "position": 2, "definition": '{"id": "evil", "kind": "x"}'})
    backend.records.put("sources", "junk", {"id": "junk", "position": 3, "definition": "not json"})
    assert [s.id for s in store.all()] == ["good"]


def test_run_now_requests_are_claimed_once(backend) -> None:  # type: ignore[no-untyped-def]
    requests = RunRequests(backend.records)
    first = requests.request("artisanat-info", "news", "admin@example.ma")
    second = requests.request("broken", "prices", "admin@example.ma")
    assert [r.id for r in requests.pending()] == [first.id, second.id]
    ran: list[tuple[str, str]] = []

    def run(spider: str, source_id: str) -> dict[str, object]:
        ran.append((spider, source_id))
        if source_id == "broken":
            raise RuntimeError("crawl exploded")
        return {"status": "ok", "items": 7, "errors": 0}

    assert len(run_pending(requests, run)) == 2
    assert ran == [("news", "artisanat-info"), ("prices", "broken")]
    assert requests.pending() == [] and run_pending(requests, run) == [] and len(ran) == 2
    done = requests.of_source("artisanat-info")[0]
    assert done.status == DONE and done.result == "ok: 7 item(s), 0 error(s)" and done.finished_at
    failed = requests.of_source("broken")[0]
    assert failed.status == FAILED and "crawl exploded" in failed.result
    again = requests.request("artisanat-info", "news", "x")
    assert again.status == PENDING and requests.claim(again)  # the first claim wins
    assert requests.claim(again) is False  # a second scheduler finds it claimed
