"""The whole job over real HTTP: demo sites -> three spiders -> backend -> search -> alerts and digest."""
from __future__ import annotations

import json
import subprocess
import sys
from email import message_from_bytes, policy

import pytest

from support import ROOT, backend_env
from indexing.query import SearchQuery

EXPECTED = json.loads((ROOT / "demo" / "expected.json").read_text(encoding="utf-8"))


def crawl_env(backend, settings) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(backend_env(backend, settings.var_dir), VEILLE_SOURCES=str(ROOT / "sources.demo.yaml"))


@pytest.fixture
def crawled(backend, settings, demo_sites):  # type: ignore[no-untyped-def]
    cmd = [sys.executable, "-m", "spiders.runner", "news", "fairs", "prices", "--vars", json.dumps(demo_sites.base_urls),
           "--set", "DOWNLOAD_TIMEOUT=2", "--set", "RETRY_TIMES=0", "--set", "AUTOTHROTTLE_ENABLED=false",
           "--log-level", "WARNING"]
    done = subprocess.run(cmd, cwd=ROOT, env=crawl_env(backend, settings), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    records = json.loads(done.stdout.strip().splitlines()[-1])
    backend.refresh()
    return backend, settings, {r["spider"]: r for r in records}


def test_crawl_index_search_alert_digest(crawled, demo_sites) -> None:  # type: ignore[no-untyped-def]
    backend, settings, records = crawled
    news, fairs, offers = backend.count("news"), backend.count("fair"), backend.count("offer")
    assert news >= EXPECTED["news"]["article_count"]
    assert fairs == EXPECTED["fairs"]["unique_count"]
    assert offers == len(EXPECTED["shop_jsonld"]["products"]) + len(EXPECTED["shop_plain"]["products"])

    # Languages of the news; every title one line, no markup in the text (the hostile fixture itself is
    # crawled by tests/spiders/test_crawl_hostile.py).
    languages = backend.search(SearchQuery(kinds=("news",), per_page=1)).facets["language"]
    assert {"fr", "ar", "en"} <= set(languages)
    for hit in backend.search(SearchQuery(kinds=("news",), per_page=100)).hits:
        assert "\n" not in hit.document["title"] and "\r" not in hit.document["title"]
        assert "<script" not in hit.document["text"].lower()

    # One fair announced by the listing, its page and the iCal feed is one record.
    merged = [h.document for h in backend.search(SearchQuery(text="Maison Objet", kinds=("fair",))).hits]
    assert len(merged) == 1 and merged[0]["country"] == "FR"

    # Prices normalized to MAD and EUR; a crossed-out price is never taken.
    rugs = backend.search(SearchQuery(text="Beni Ouarain", kinds=("offer",), sort="price"))
    prices = {h.document["name"]: (h.document["price"], h.document["currency"]) for h in rugs.hits}
    assert ("8900.00", "MAD") in {(str(p), c) for p, c in prices.values()} or ("8900", "MAD") in {(str(p), c) for p, c in prices.values()}
    assert all(h.document["price_mad"] and h.document["price_eur"] for h in rugs.hits)
    assert backend.search(SearchQuery(text="زربية", kinds=("offer",))).total >= 3

    # Crawl behaviour: robots.txt obeyed, the calendar trap bounded, errors counted per source.
    assert not [h for h in demo_sites.hits() if h[2].startswith("/private/")]
    assert len([h for h in demo_sites.hits("fairs") if h[2].startswith("/calendar")]) <= 40
    assert records["news"]["sources"]["artisanat-info"].get("errors", 0) >= 2  # the 500 and the linked 404
    assert backend.records.list("crawlstats")
    # The crawl's span as Scrapy measures it (spider open to close) sits inside the run's own span.
    news_record = records["news"]
    assert news_record["started_at"] <= news_record["opened_at"] <= news_record["finished_at"]

    # Alerts and digest through the outbox mailer, parsed back.
    import jobs
    jobs.ensure_demo_subscribers(backend)
    alert_run = jobs.alerts(settings, backend)
    digest_run = jobs.digest(settings, None, backend)
    assert alert_run.dispatch.sent >= 3 and digest_run.dispatch.sent == 2
    messages = [message_from_bytes(p.read_bytes(), policy=policy.default) for p in settings.outbox_dir.glob("*.eml")]
    alerts_with_ics = [m for m in messages if any(a.get_filename() == "salons.ics" for a in m.iter_attachments())]
    assert alerts_with_ics
    # The artisan subscribed by phone alone: her SMS and WhatsApp payloads lie beside the emails.
    import json
    texts = [json.loads(p.read_text(encoding="utf-8")) for p in (settings.outbox_dir / "channels").glob("*.json")]
    mine = {t["channel"]: t for t in texts if t["to"] == "+212661000001"}
    assert set(mine) == {"sms", "whatsapp"} and 1 <= mine["sms"]["segments"] <= 4
    assert "/fairs" in mine["sms"]["text"] and "/unsubscribe?token=" in mine["whatsapp"]["text"]
    digests = [m for m in messages if m["To"] in ("strategie@example.ma", "istratijiya@example.ma")]
    assert len(digests) == 2
    arabic = next(m for m in digests if m["Content-Language"] == "ar")
    assert 'dir="rtl"' in arabic.get_body(("html",)).get_content()

    # The demo's one story told in French and Arabic (same figures, same day) is one digest item with
    # its languages, in the reader's language.
    from demo.sites.news_data import ARTICLES
    fr_title, ar_title = (next(a.title for a in ARTICLES if a.slug == slug)
                          for slug in ("thuya-essaouira-label-export", "thuya-essaouira-label-ar"))
    french = next(m for m in digests if m["Content-Language"] == "fr")
    fr_text, ar_text = french.get_body(("plain",)).get_content(), arabic.get_body(("plain",)).get_content()
    assert fr_text.count(fr_title) == 1 and ar_title not in fr_text
    assert ar_text.count(ar_title) == 1 and fr_title not in ar_text
    fr_item = fr_text[fr_text.index(fr_title):].split("\n* ")[0]
    assert "Même information : artisanat-info (AR)" in fr_item
    ar_item = ar_text[ar_text.index(ar_title):].split("\n* ")[0]
    assert "(FR)" in ar_item
