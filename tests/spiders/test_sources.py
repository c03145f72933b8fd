from __future__ import annotations

from pathlib import Path

import pytest

from support import ROOT
from spiders.sources import CatalogueError, load_catalogue


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_shipped_catalogues_are_valid() -> None:
    real = load_catalogue(ROOT / "sources.yaml")
    assert {s.kind for s in real} == {"news", "fair", "shop"}
    names = " ".join(s.name for s in real)
    for fair in ("Maison&Objet", "Ambiente", "Heimtextil", "Domotex", "NY NOW", "Artigiano in Fiera", "Foire de Paris"):
        assert fair in names
    assert "Galeries Lafayette" in names and "El Corte Inglés" in names
    demo = load_catalogue(ROOT / "sources.demo.yaml", {"news": "http://127.0.0.1:1", "fairs": "http://127.0.0.1:2",
                                                       "shop_jsonld": "http://127.0.0.1:3", "shop_plain": "http://127.0.0.1:4"})
    assert len(demo) == 4


@pytest.mark.parametrize("entry, message", [
    ("- {id: a1, kind: news, feeds: ['https://x.ma/rss'], colour: red}", "source 'a1': unknown key(s) colour"),
    ("- {id: a1, kind: blog, feeds: ['https://x.ma/rss']}", "source 'a1', key 'kind'"),
    ("- {id: a1, kind: news, feeds: ['ftp://x.ma/rss']}", "source 'a1', key 'feeds': bad URL"),
    ("- {id: a1, kind: news, feeds: ['javascript:alert(1)']}", "source 'a1', key 'feeds': bad URL"),
    ("- {id: a1, kind: news, feeds: ['https://x.ma/rss'], schedule: 'every tuesday'}", "source 'a1', key 'schedule'"),
    ("- {id: a1, kind: news, feeds: ['https://x.ma/rss'], schedule: '61 * * * *'}", "source 'a1', key 'schedule'"),
    ("- {id: a1, kind: news}", "source 'a1': give at least one"),
    ("- {id: a1, kind: news, feeds: ['https://x.ma/rss'], crafts: [pottery]}", "unknown craft 'pottery'"),
    ("- {id: a1, kind: news, feeds: ['https://x.ma/rss'], country: Maroc}", "key 'country'"),
    ("- {id: A B, kind: news, feeds: ['https://x.ma/rss']}", "key 'id'"),
    ("- {id: a1, kind: shop, listings: [{url: 'https://x.ma/', link_pattern: '(['}]}", "bad regex"),
    ("- {id: a1, kind: news, feeds: ['https://x.ma/rss'], max_pages: -3}", "key 'max_pages'"),
])
def test_bad_entries_name_the_source_and_the_key(tmp_path: Path, entry: str, message: str) -> None:
    with pytest.raises(CatalogueError) as exc:
        load_catalogue(write(tmp_path, "sources:\n" + "\n".join("  " + line for line in entry.splitlines())))
    assert message in str(exc.value)


def test_duplicate_ids_and_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="duplicate"):
        load_catalogue(write(tmp_path, "sources:\n  - {id: a1, kind: news, feeds: ['https://x.ma/rss']}\n"
                                       "  - {id: a1, kind: news, feeds: ['https://y.ma/rss']}\n"))
    with pytest.raises(CatalogueError, match="not valid YAML"):
        load_catalogue(write(tmp_path, "sources: [\n"))
    with pytest.raises(CatalogueError, match="top-level 'sources:'"):
        load_catalogue(write(tmp_path, "- a\n"))


def test_schedules_section(tmp_path: Path) -> None:
    from spiders.sources import load_schedules
    assert load_schedules(ROOT / "sources.yaml")["digest"] == "0 8 * * mon"
    bad = write(tmp_path, "schedules:\n  digest: 'every monday'\nsources: []\n")
    with pytest.raises(CatalogueError, match="schedules.digest"):
        load_schedules(bad)
    unknown = write(tmp_path, "schedules:\n  backup: 'every 1h'\nsources: []\n")
    with pytest.raises(CatalogueError, match="unknown job"):
        load_schedules(unknown)


def test_display_names_are_validated_and_default_to_the_name(tmp_path: Path) -> None:
    from spiders.sources import display_names
    good = tmp_path / "good.yaml"
    good.write_text("sources:\n  - {id: shop-a, kind: shop, name: Shop A (long name), display_name: Shop A,"
                    " start_urls: ['https://a.example/']}\n  - {id: shop-b, kind: shop, name: Shop B,"
                    " start_urls: ['https://b.example/']}\n", encoding="utf-8")
    assert [s.display_name for s in load_catalogue(good)] == ["Shop A", "Shop B"]
    assert display_names([good, tmp_path / "missing.yaml"]) == {"shop-a": "Shop A", "shop-b": "Shop B"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - {id: shop-a, kind: shop, name: A, display_name: '" + "x" * 61 + "',"
                   " start_urls: ['https://a.example/']}\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="shop-a.*display_name"):
        load_catalogue(bad)
    shipped = load_catalogue(ROOT / "sources.yaml")
    assert all(s.display_name and "(demo" not in s.display_name for s in shipped)
