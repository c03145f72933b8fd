"""The console's sources pages and actions over real HTTP, on both engines."""
from __future__ import annotations

import uuid

import pytest
from bs4 import BeautifulSoup
from console_support import csrf_of, post, signed_in
from web_support import Site

from accounts.roles import Role
from spiders.source_requests import RunRequests
from spiders.source_store import SourceStore
from web.access import recent_audit

pytestmark = pytest.mark.timeout(120)
CONSOLE_GETS = ("/console/sources", "/console/sources/new", "/console/subscribers", "/console/audit")


def new_id() -> str:
    return f"coop-{uuid.uuid4().hex[:8]}"


def demo_news_form(demo_sites, source_id: str, **changes: object) -> dict[str, object]:  # type: ignore[no-untyped-def]
    news = demo_sites.base_urls["news"]
    form: dict[str, object] = {"id": source_id, "kind": "news", "name": "Coop news", "feeds": f"{news}/rss.xml",
                               "listings": f"{news}/actualites/ | /(fr|ar|en)/articles/[\\w-]+\\.html$",
                               "language": "fr", "country": "MA", "enabled": "1", "crawlable": "1"}
    form.update(changes)
    return form


def test_console_is_for_admins_only(site: Site) -> None:
    with site.client() as anonymous:
        for path in CONSOLE_GETS:
            assert anonymous.get(path).status_code == 303, path  # to the login page
            assert anonymous.get(path).headers["location"].startswith("/login?next=")
        assert anonymous.post("/console/sources/new", data={}).status_code == 303
    with site.client("read") as advisor_token:
        assert all(advisor_token.get(path).status_code == 403 for path in CONSOLE_GETS)
    with signed_in(site, Role.ADVISOR) as (advisor, _):
        assert all(advisor.get(path).status_code == 403 for path in CONSOLE_GETS)
    with signed_in(site) as (admin, _):
        for path in CONSOLE_GETS:
            page = admin.get(path, follow_redirects=True)
            assert page.status_code == 200, path
        for lang, heading in (("fr", "Sources"), ("ar", "المصادر"), ("en", "Sources")):
            soup = BeautifulSoup(admin.get(f"/console/sources?lang={lang}").text, "html.parser")
            assert soup.html["lang"] == lang and soup.h1.get_text(strip=True) == heading  # type: ignore[index,union-attr]
        assert BeautifulSoup(admin.get("/console/audit?lang=ar").text, "html.parser").html["dir"] == "rtl"  # type: ignore[index]


def test_add_with_errors_next_to_the_field_then_save_edit_and_list(site: Site, demo_sites) -> None:  # type: ignore[no-untyped-def]
    source_id = new_id()
    with signed_in(site) as (admin, name):
        bad = post(admin, "/console/sources/new", {**demo_news_form(demo_sites, source_id, feeds="javascript:alert(1)",
                                                                    country="Maroc"), "action": "save"},
                   "/console/sources/new")
        assert bad.status_code == 422
        soup = BeautifulSoup(bad.text, "html.parser")
        error = soup.select_one("#feeds-error")
        assert error is not None and "bad URL" in error.get_text()
        assert "ISO 3166" in soup.select_one("#country-error").get_text()  # every bad field at once  # type: ignore[union-attr]
        assert soup.select_one("#f-feeds")["aria-invalid"] == "true"  # type: ignore[index]
        assert soup.select_one("#f-id")["value"] == source_id  # what was typed is kept  # type: ignore[index]
        assert SourceStore(site.backend.records).get(source_id) is None
        not_a_number = post(admin, "/console/sources/new", {**demo_news_form(demo_sites, source_id, max_pages="lots"),
                                                           "action": "save"}, "/console/sources/new")
        assert not_a_number.status_code == 422 and BeautifulSoup(not_a_number.text, "html.parser").select_one("#max_pages-error")

        saved = post(admin, "/console/sources/new", {**demo_news_form(demo_sites, source_id), "action": "save"},
                     "/console/sources/new")
        assert saved.status_code == 303 and saved.headers["location"] == f"/console/sources?done=saved&id={source_id}"
        stored = SourceStore(site.backend.records).get(source_id)
        assert stored is not None and stored.listings[0].link_pattern == "/(fr|ar|en)/articles/[\\w-]+\\.html$"
        twice = post(admin, "/console/sources/new", {**demo_news_form(demo_sites, source_id), "action": "save"},
                     "/console/sources/new")
        assert twice.status_code == 422 and "duplicate id" in twice.text

        listing = BeautifulSoup(admin.get("/console/sources").text, "html.parser").select_one(f"#source-{source_id}")
        assert listing is not None and "Coop news" in listing.get_text() and "jamais" in listing.get_text()

        edit_page = BeautifulSoup(admin.get(f"/console/sources/{source_id}").text, "html.parser")
        assert edit_page.select_one("#f-listings").get_text().startswith(demo_sites.base_urls["news"])  # type: ignore[union-attr]
        edited = post(admin, f"/console/sources/{source_id}", {**demo_news_form(demo_sites, "other-id", name="Renamed",
                                                                                 schedule="every 2h"), "action": "save"},
                      f"/console/sources/{source_id}")
        assert edited.status_code == 303
        again = SourceStore(site.backend.records).get(source_id)
        assert again is not None and again.name == "Renamed" and again.schedule == "every 2h"
        assert SourceStore(site.backend.records).get("other-id") is None  # an edit never changes the id
        assert admin.get("/console/sources/no-such-source").status_code == 404
    actions = [(e.actor, e.action, e.target) for e in recent_audit(site.backend, 50, name)]
    assert (name, "source.create", f"source:{source_id}") in actions and (name, "source.update", f"source:{source_id}") in actions


def test_test_this_source_shows_items_and_indexes_nothing(site: Site, demo_sites) -> None:  # type: ignore[no-untyped-def]
    source_id = new_id()
    before = site.backend.count()
    with signed_in(site) as (admin, name):
        tested = post(admin, "/console/sources/new", {**demo_news_form(demo_sites, source_id), "action": "test"},
                      "/console/sources/new")
        assert tested.status_code == 200
        soup = BeautifulSoup(tested.text, "html.parser")
        check = soup.select_one("#source-check")
        assert check is not None and "notice-ok" in check["class"]
        assert len(check.select(".check-items li")) == 5 and "robots.txt" in check.get_text()
        assert soup.select_one("#f-id")["value"] == source_id  # the form is still there, ready to save  # type: ignore[index]
        broken = post(admin, "/console/sources/new", {**demo_news_form(
            demo_sites, source_id, feeds=demo_sites.base_urls["news"] + "/missing.xml", listings=""), "action": "test"},
            "/console/sources/new")
        broken_check = BeautifulSoup(broken.text, "html.parser").select_one("#source-check")
        assert broken_check is not None and "notice-error" in broken_check["class"] and "404" in broken_check.get_text()
    site.backend.refresh()
    assert site.backend.count() == before and SourceStore(site.backend.records).get(source_id) is None
    assert [e.details["ok"] for e in recent_audit(site.backend, 10, name) if e.action == "source.test"] == [False, True]


def test_enable_disable_and_run_now_request(site: Site, demo_sites) -> None:  # type: ignore[no-untyped-def]
    source_id = new_id()
    SourceStore(site.backend.records).save({"id": source_id, "kind": "news",
                                            "feeds": [demo_sites.base_urls["news"] + "/rss.xml"]})
    with signed_in(site) as (admin, name):
        off = post(admin, f"/console/sources/{source_id}/enabled", {"enabled": "0"})
        assert off.status_code == 303 and not SourceStore(site.backend.records).get(source_id).enabled  # type: ignore[union-attr]
        row = BeautifulSoup(admin.get("/console/sources").text, "html.parser").select_one(f"#source-{source_id}")
        assert row is not None and "is-disabled" in row["class"] and not row.select(f'form[action$="/run"]')
        refused = post(admin, f"/console/sources/{source_id}/run", {})
        assert refused.status_code == 409 and RunRequests(site.backend.records).of_source(source_id) == []
        on = post(admin, f"/console/sources/{source_id}/enabled", {"enabled": "1"})
        assert on.status_code == 303 and SourceStore(site.backend.records).get(source_id).enabled  # type: ignore[union-attr]
        run = post(admin, f"/console/sources/{source_id}/run", {})
        assert run.status_code == 303
        [request] = RunRequests(site.backend.records).of_source(source_id)
        assert (request.status, request.spider, request.requested_by) == ("pending", "news", name)
        row = BeautifulSoup(admin.get("/console/sources?lang=en").text, "html.parser").select_one(f"#source-{source_id}")
        assert row is not None and "run requested" in row.get_text()
        assert "every 3h" in row.get_text() or "every 6h" in row.get_text()  # the news job's schedule: next run shown
        assert post(admin, "/console/sources/no-such/run", {}).status_code == 404
    assert [e.action for e in recent_audit(site.backend, 10, name)][:3] == ["source.run", "source.enable", "source.disable"]


def test_every_console_form_needs_its_csrf_token(site: Site) -> None:
    source_id = new_id()
    SourceStore(site.backend.records).save({"id": source_id, "kind": "news", "feeds": ["https://x.example.ma/rss"]})
    with signed_in(site) as (admin, _):
        csrf_of(admin, "/console/sources")
        for path in ("/console/sources/new", f"/console/sources/{source_id}", f"/console/sources/{source_id}/enabled",
                     f"/console/sources/{source_id}/run", "/console/subscribers/sub-x/retry", "/console/subscribers/sub-x/remove"):
            assert admin.post(path, data={"id": "zz", "kind": "news", "enabled": "0"}).status_code == 403, path
            assert admin.post(path, data={"csrf_token": "wrong" * 8, "enabled": "0"}).status_code == 403, path
    assert SourceStore(site.backend.records).get(source_id).enabled  # type: ignore[union-attr]


def test_list_shows_last_crawl_health_and_next_run(site: Site) -> None:
    good, failing = new_id(), new_id()
    store = SourceStore(site.backend.records)
    store.save({"id": good, "kind": "shop", "start_urls": ["https://good.example.ma/"], "schedule": "0 6 * * *"})
    store.save({"id": failing, "kind": "shop", "start_urls": ["https://down.example.ma/"]})
    site.backend.records.put("crawlstats", f"prices-{good}", {
        "spider": "prices", "started_at": "2026-11-30T04:00:00+00:00", "finished_at": "2026-11-30T04:10:00+00:00",
        "updated_at": "2026-11-30T04:10:00+00:00", "source_ids": [good, failing],
        "sources": {good: {"items": 42, "errors": 0, "responses": 50}, failing: {"items": 0, "errors": 7, "responses": 7}}})
    try:
        with signed_in(site) as (admin, _):
            soup = BeautifulSoup(admin.get("/console/sources?lang=en").text, "html.parser")
    finally:  # the shared site's crawl health (/health, /crawls) stays as its own tests expect
        site.backend.records.delete("crawlstats", f"prices-{good}")
        store.delete(good)
        store.delete(failing)
    good_row, failing_row = soup.select_one(f"#source-{good}"), soup.select_one(f"#source-{failing}")
    assert good_row is not None and failing_row is not None
    assert "42 items, 0 errors" in good_row.get_text() and "good" in good_row.select_one(".health").get_text()  # type: ignore[union-attr]
    assert "0 6 * * *" in good_row.get_text() and "06:00" in good_row.get_text()  # its own schedule, next at 06:00
    assert "failing: errors, no items" in failing_row.get_text()
