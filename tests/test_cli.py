"""The `veille` command line, run as a user runs it."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def veille(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    full_env.pop("VEILLE_ELASTICSEARCH_URL", None)
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, env=full_env, capture_output=True,
                          text=True, timeout=timeout)


def test_extract_contract_jsonl_in_order_with_errors(tmp_path: Path) -> None:
    gz = tmp_path / "article.html.gz"
    gz.write_bytes(gzip.compress((FIXTURES / "fr_article_jsonld.html").read_bytes()))
    missing = tmp_path / "missing.html"
    done = veille("extract", "news", str(FIXTURES / "ar_article_rtl.html"), str(missing), str(gz),
                  "--url", "https://www.example.ma/article")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 3
    assert set(lines[0]) >= {"title", "text", "published", "language", "author"} and lines[0]["language"] == "ar"
    assert "error" in lines[1] and lines[1]["file"] == str(missing)
    assert lines[2]["language"] == "fr" and lines[2]["published"] == "2026-01-14T09:30:00+01:00"


def test_extract_offer_and_fair_formats() -> None:
    offer = json.loads(veille("extract", "offer", str(FIXTURES / "shop_jsonld_mad.html")).stdout)
    assert set(offer) >= {"name", "price", "list_price", "currency", "availability", "sku", "brand"}
    assert offer["currency"] == "MAD" and isinstance(offer["price"], str)
    fairs = json.loads(veille("extract", "fair", str(FIXTURES / "fair_event_jsonld.html")).stdout)
    fair = fairs["fairs"][0]
    assert set(fair) >= {"name", "start_date", "end_date", "city", "country", "venue", "crafts"}
    assert len(fair["start_date"]) == 10 and len(fair["country"]) == 2
    ics = json.loads(veille("extract", "fair", str(FIXTURES / "fairs.ics")).stdout)
    assert ics["fairs"]


def test_search_subscribe_and_bad_input(tmp_path: Path) -> None:
    env = {"VEILLE_VAR_DIR": str(tmp_path)}
    done = veille("search", "tapis", "--kind", "fair", "--pretty", env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["total"] == 0
    bad = veille("search", "x" * 10_000, env=env)
    assert bad.returncode == 2 and "shorten it" in bad.stderr
    bad_date = veille("search", "tapis", "--from", "31/02/2026", env=env)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    ok = veille("subscribe", "--email", "Karima@Example.ma", "--craft", "tapis", "--country", "europe", "--lang", "ar",
                env=env)
    assert ok.returncode == 0, ok.stderr
    listed = [json.loads(line) for line in veille("subscriptions", "list", "--json", env=env).stdout.splitlines()]
    assert listed[0]["email"] == "karima@example.ma" and listed[0]["countries"] == ["europe"]
    refused = veille("subscribe", "--email", "not-an-address", env=env)
    assert refused.returncode == 2 and "error:" in refused.stderr
    removed = veille("subscriptions", "remove", listed[0]["id"], env=env)
    assert removed.returncode == 0 and veille("subscriptions", "list", "--json", env=env).stdout == ""


def test_bad_configuration_is_a_clear_error(tmp_path: Path) -> None:
    done = veille("search", "tapis", env={"VEILLE_VAR_DIR": str(tmp_path), "VEILLE_SMTP_PORT": "twenty-five"})
    assert done.returncode == 2 and "configuration error: VEILLE_SMTP_PORT" in done.stderr


def test_digest_dry_run(tmp_path: Path) -> None:
    done = veille("digest", "--week", "2026-W48", "--dry-run", "--lang", "ar", "--out", str(tmp_path / "d.html"),
                  env={"VEILLE_VAR_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "23 إلى 29 نونبر 2026" in html  # ISO week 2026-W48, said in words
    assert not list((tmp_path / "outbox").glob("*.eml")) if (tmp_path / "outbox").exists() else True
    bad = veille("digest", "--week", "2026-48", "--dry-run", env={"VEILLE_VAR_DIR": str(tmp_path)})
    assert bad.returncode == 2 and "2026-W48" in bad.stderr


def _index_offers(var_dir: Path) -> None:
    from decimal import Decimal

    from indexing.backends.sqlite import SqliteBackend
    from indexing.indexer import Indexer
    from indexing.models import Offer
    backend = SqliteBackend(var_dir / "veille.db")
    backend.setup()
    long_name = "Tapis berbère Beni Ouarain tissé main en laine vierge du Moyen Atlas, grand format 250 x 350 cm"
    Indexer(backend).upsert([
        Offer(url="https://shop.example.ma/p/grand-tapis", source="dar-artisanat-shop", name=long_name,
              shop="Dar Artisanat", price=Decimal("13880.40"), price_mad=Decimal("13880.40"), currency="MAD", crafts=["tapis"], language="fr"),
        Offer(url="https://shop.example.ma/p/petit-tapis", source="dar-artisanat-shop", name="Petit tapis",
              shop="Dar Artisanat", price=Decimal("950"), price_mad=Decimal("950"), currency="MAD", crafts=["tapis"], language="fr"),
    ])
    backend.close()


def test_search_table_fits_80_columns_with_ellipsis_and_thousands(tmp_path: Path) -> None:
    _index_offers(tmp_path)
    done = veille("search", "tapis", env={"VEILLE_VAR_DIR": str(tmp_path), "COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    rows = [line for line in lines if line.lstrip().startswith("offer ")]
    assert len(rows) == 2  # one line per hit: nothing wraps
    assert any("Tapis berbère Beni" in row and "…" in row for row in rows)  # cut with an ellipsis
    assert any("13,880.40" in row for row in rows) and any("950.00" in row for row in rows)
    wide = veille("search", "tapis", env={"VEILLE_VAR_DIR": str(tmp_path), "COLUMNS": "160"})
    assert "EUR" in wide.stdout and all(len(line) <= 160 for line in wide.stdout.splitlines())


def test_search_json_is_json_lines_and_pretty_is_one_object(tmp_path: Path) -> None:
    _index_offers(tmp_path)
    env = {"VEILLE_VAR_DIR": str(tmp_path)}
    done = veille("search", "tapis", "--json", env=env)
    lines = done.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["kind"] == "offer" for line in lines)
    assert "2 result(s)" in done.stderr
    pretty = veille("search", "tapis", "--pretty", env=env)
    whole = json.loads(pretty.stdout)
    assert whole["total"] == 2 and len(whole["hits"]) == 2 and pretty.stdout.count("\n") > 10


def test_subscriptions_list_shows_whole_emails_and_no_window_for_digests(tmp_path: Path) -> None:
    env = {"VEILLE_VAR_DIR": str(tmp_path), "COLUMNS": "80"}
    email = "fatima.tisserande.cooperative@example.ma"
    assert veille("subscribe", "--email", email, "--craft", "tapis", env=env).returncode == 0
    assert veille("subscribe", "--kind", "digest", "--email", "strategie@example.ma", env=env).returncode == 0
    listed = veille("subscriptions", "list", env=env).stdout
    assert email in listed and "strategie@example.ma" in listed
    digest_block = listed[listed.index("strategie@example.ma"):]
    assert "weekly digest" in digest_block and "270" not in digest_block.split("\n")[1]
    assert "fairs starting in 30 to 270 days" in listed
    as_lines = veille("subscriptions", "list", "--json", env=env).stdout.splitlines()
    assert len(as_lines) == 2 and {json.loads(line)["kind"] for line in as_lines} == {"salon", "digest"}


def test_subscribe_by_phone_with_channels_and_bad_numbers(tmp_path: Path) -> None:
    env = {"VEILLE_VAR_DIR": str(tmp_path), "COLUMNS": "100"}
    done = veille("subscribe", "--phone", "06 61 23 45 67", "--channel", "sms", "--channel", "whatsapp",
                  "--craft", "tapis", "--lang", "ar", env=env)
    assert done.returncode == 0, done.stderr
    assert "tel:+212661234567" in done.stdout and "by sms, whatsapp" in done.stdout
    alone = veille("subscribe", "--phone", "0712345678", env=env)
    assert alone.returncode == 0 and "by sms" in alone.stdout
    listed = veille("subscriptions", "list", env=env).stdout
    assert "sms +212661234567" in listed and "whatsapp +212661234567" in listed
    landline = veille("subscribe", "--phone", "0522123456", env=env)
    assert landline.returncode == 2 and "not a mobile number" in landline.stderr
    nothing = veille("subscribe", "--channel", "sms", env=env)
    assert nothing.returncode == 2 and "email address or a phone number" in nothing.stderr
    telegram = veille("subscribe", "--phone", "0661234567", "--channel", "telegram", env=env)
    assert telegram.returncode == 2 and "chat id" in telegram.stderr


def test_jobs_list_is_quiet_and_touches_nothing(tmp_path: Path) -> None:
    done = veille("jobs", "list", env={"VEILLE_VAR_DIR": str(tmp_path), "COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    assert "INFO" not in done.stderr and "INFO" not in done.stdout
    assert not (tmp_path / "scheduler.db").exists()
    assert "sources.yaml" in done.stdout and "crawl-news" in done.stdout and "digest" in done.stdout
    import re
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d ", done.stdout) and not re.search(r":\d\d\.\d{3,}", done.stdout)
    assert all(len(line) <= 80 for line in done.stdout.splitlines())


def test_stories_contract_order_ids_and_bad_records(tmp_path: Path) -> None:
    story = "Les exportations de zellige de Fès ont atteint 236,4 millions de dirhams à fin mai 2026, en hausse de 17,2 %."
    records = [
        {"id": "a", "url": None, "language": "fr", "title": "Zellige : 236,4 MDH", "published": "2026-06-12",
         "text": story},
        {"id": "b", "language": "fr", "text": 12},  # bad: text is not a string
        {"id": 7, "url": "https://e.example.ma/2026/06/13/zellige", "language": "en", "title": None, "published": None,
         "text": "Zellige exports from Fez reached 236.4 million dirhams at the end of May 2026, up 17.2%."},
        {"id": "c", "url": None, "language": None, "title": None, "published": None,
         "text": " date 2026-06-12 Le port de Nador accueille un nouveau quai de 600 mètres pour les ferries."},
    ]
    path = tmp_path / "articles.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    done = veille("stories", str(path))
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "7", "c"]  # input order, the bad record skipped
    assert lines[0]["story"] == lines[1]["story"] != lines[2]["story"]
    assert "record 2 skipped" in done.stderr and "text" in done.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    failed = veille("stories", str(bad))
    assert failed.returncode == 2 and "cannot read" in failed.stderr and not failed.stdout
    assert veille("stories", str(tmp_path / "missing.json")).returncode == 2
