"""`veille sources check|import|export|list`, run as an operator runs them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from string import Template

import yaml

from support import ROOT

BROKEN = """
  - {id: gone-feed, kind: news, feeds: ["${news}/no-such-feed.xml"]}
  - {id: no-prices, kind: shop, start_urls: ["${news}/"]}
"""


def sources_cli(env: dict[str, str]):  # type: ignore[no-untyped-def]
    def veille(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "cli", "sources", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)
    return veille


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), VEILLE_VAR_DIR=str(tmp_path / "var"), **extra)
    env.pop("VEILLE_ELASTICSEARCH_URL", None)
    return env


def test_cli_check_human_and_json(demo_sites, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    catalogue = tmp_path / "sources.yaml"
    catalogue.write_text(Template((ROOT / "sources.demo.yaml").read_text(encoding="utf-8") + BROKEN).safe_substitute(
        demo_sites.base_urls), encoding="utf-8")
    veille = sources_cli(cli_env(tmp_path, VEILLE_SOURCES=str(catalogue)))

    good = veille("check", "maison-orient-shop", "--sample", "2", "--lang", "fr")
    assert good.returncode == 0, good.stderr
    assert "maison-orient-shop" in good.stdout and "OK" in good.stdout and "éléments extraits: 2" in good.stdout
    bad = veille("check", "gone-feed", "no-prices", "--json", "--sample", "2")
    assert bad.returncode == 1
    lines = [json.loads(line) for line in bad.stdout.splitlines()]
    assert [(r["source_id"], r["ok"], r["problems"][0]["code"]) for r in lines] == [
        ("gone-feed", False, "http_error"), ("no-prices", False, "no_items")]
    unknown = veille("check", "nope")
    assert unknown.returncode == 2 and "unknown source(s) nope" in unknown.stderr


def test_import_export_list_with_clear_errors(tmp_path: Path) -> None:
    veille = sources_cli(cli_env(tmp_path, VEILLE_SOURCES=str(ROOT / "sources.yaml")))
    listed = veille("list")
    assert listed.returncode == 0 and "le360-fr\tnews\tenabled\tLe360" in listed.stdout  # seeded on first read
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - {id: x1, kind: news, feeds: ['ftp://x.ma/rss']}\n", encoding="utf-8")
    refused = veille("import", str(bad))
    assert refused.returncode == 2 and "source 'x1', key 'feeds': bad URL" in refused.stderr
    mine = tmp_path / "mine.yaml"
    mine.write_text("sources:\n  - {id: coop-news, kind: news, name: Coop, feeds: ['https://coop.example.ma/rss']}\n",
                    encoding="utf-8")
    done = veille("import", str(mine), "--replace")
    assert done.returncode == 0, done.stderr
    assert "1 added, 0 updated" in done.stdout and "removed" in done.stdout
    out = tmp_path / "export.yaml"
    assert veille("export", "--out", str(out)).returncode == 0
    exported = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert exported["sources"] == [{"id": "coop-news", "kind": "news", "name": "Coop",
                                    "feeds": ["https://coop.example.ma/rss"]}]
    assert exported["schedules"]["crawl-news"] == "every 3h"  # the seed's schedules came along
    assert veille("import").returncode == 2
