"""The console's sources: list, add, edit, test (nothing indexed), enable or disable, run now (the scheduler crawls)."""
from __future__ import annotations

from typing import Any, Mapping

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from spiders.source_advice import advice
from spiders.source_requests import RunRequests
from spiders.source_store import SourceStore
from spiders.sources import CatalogueError, Source
from web.access import ADMIN, CurrentPrincipal, allow, record_audit
from web.csrf import form_is_genuine
from web.services import Services, services
from web.source_form import empty_form, form_of, read_form, validate
from web.subscription_responses import forged_form

router = APIRouter(include_in_schema=False, dependencies=[allow(ADMIN)])
SOURCES_PATH = "/console/sources"


def store_of(svc: Services) -> SourceStore:
    from spiders.catalogue import source_store
    return source_store(svc.settings, svc.backend)


@router.get(SOURCES_PATH)
def sources_page(request: Request) -> Response:
    from web.source_rows import source_rows
    svc = services(request)
    rows = source_rows(svc.settings, svc.backend, store_of(svc))
    done = request.query_params.get("done", "")
    return svc.renderer.render(request, "web/console_sources.html", {
        "rows": rows, "done": done if done in DONE_MESSAGES else "", "done_id": request.query_params.get("id", "")[:64]})


DONE_MESSAGES = ("saved", "enabled", "disabled", "requested")


def render_form(request: Request, svc: Services, form: Mapping[str, Any], errors: Mapping[str, str],
                source_id: str | None, check: Any = None, status_code: int = 200) -> Response:
    return svc.renderer.render(request, "web/console_source_form.html", {
        "form": form, "errors": errors, "source_id": source_id, "check": check, "advice": advice,
        "requests": RunRequests(svc.backend.records).of_source(source_id, limit=5) if source_id else []},
        status_code=status_code)


@router.get(SOURCES_PATH + "/new")
def new_source_page(request: Request) -> Response:
    return render_form(request, services(request), empty_form(), {}, None)


@router.get(SOURCES_PATH + "/{source_id}")
def edit_source_page(request: Request, source_id: str) -> Response:
    svc = services(request)
    raw = store_of(svc).raw(source_id)
    if raw is None:
        return not_found(request, svc)
    return render_form(request, svc, form_of(raw), {}, source_id)


def not_found(request: Request, svc: Services, back: str = SOURCES_PATH, back_key: str = "console_sources") -> Response:
    """A console page whose source or subscriber is not (or no longer) there."""
    from web.subscription_responses import translator
    t = translator(request)
    return svc.renderer.render(request, "web/message.html", {"title": t("console_not_found"), "text": t("console_not_found"),
                                                             "next_url": back, "next_label": t(back_key)},
                               status_code=404)


def test_source(svc: Services, source: Source) -> Any:
    """The same diagnosis as `veille sources check`: a handful of pages fetched now, nothing indexed."""
    from spiders.polite_fetch import PoliteFetcher
    from spiders.source_check import SourceChecker
    with PoliteFetcher(svc.settings.user_agent) as fetcher:
        return SourceChecker(fetcher, str(svc.settings.rates_file)).check(source)


async def _submit(request: Request, who: Any, source_id: str | None) -> Response:
    svc = services(request)
    posted = await request.form()
    if not form_is_genuine(request, posted):
        return forged_form(request, svc)
    form = read_form(posted)
    store = store_of(svc)
    if source_id is not None and await run_in_threadpool(store.raw, source_id) is None:
        return not_found(request, svc)
    source, raw, errors = validate(form, source_id)
    if source is None:
        return render_form(request, svc, form, errors, source_id, status_code=422)
    if posted.get("action") == "test":
        check = await run_in_threadpool(test_source, svc, source)
        record_audit(svc.backend, who.actor, "source.test", f"source:{source.id}",
                     {"ok": check.ok, "items": len(check.items), "problems": [p.code for p in check.problems]})
        return render_form(request, svc, form, {}, source_id, check=check)
    try:
        await run_in_threadpool(lambda: store.save(raw, create_only=source_id is None))
    except CatalogueError as exc:  # an id taken since the form was shown
        return render_form(request, svc, form, {"id": str(exc)}, source_id, status_code=422)
    from web.source_names import remember_source_name
    remember_source_name(source.id, source.display_name or source.name)
    record_audit(svc.backend, who.actor, "source.create" if source_id is None else "source.update",
                 f"source:{source.id}", {"kind": source.kind, "entry_urls": source.entry_urls()[:10]})
    return RedirectResponse(f"{SOURCES_PATH}?done=saved&id={source.id}", status_code=303)


@router.post(SOURCES_PATH + "/new")
async def create_source(request: Request, who: CurrentPrincipal) -> Response:
    return await _submit(request, who, None)


@router.post(SOURCES_PATH + "/{source_id}")
async def update_source(request: Request, source_id: str, who: CurrentPrincipal) -> Response:
    return await _submit(request, who, source_id)


@router.post(SOURCES_PATH + "/{source_id}/enabled")
async def set_enabled(request: Request, source_id: str, who: CurrentPrincipal) -> Response:
    svc = services(request)
    posted = await request.form()
    if not form_is_genuine(request, posted):
        return forged_form(request, svc)
    enabled = posted.get("enabled") == "1"
    source = await run_in_threadpool(store_of(svc).set_enabled, source_id, enabled)
    if source is None:
        return not_found(request, svc)
    record_audit(svc.backend, who.actor, "source.enable" if enabled else "source.disable", f"source:{source_id}", {})
    return RedirectResponse(f"{SOURCES_PATH}?done={'enabled' if enabled else 'disabled'}&id={source_id}", status_code=303)


@router.post(SOURCES_PATH + "/{source_id}/run")
async def run_now(request: Request, source_id: str, who: CurrentPrincipal) -> Response:
    """Writes a request the scheduler picks up on its next tick: the web process never crawls."""
    svc = services(request)
    posted = await request.form()
    if not form_is_genuine(request, posted):
        return forged_form(request, svc)
    source = await run_in_threadpool(store_of(svc).get, source_id)
    if source is None:
        return not_found(request, svc)
    if not (source.enabled and source.crawlable):
        from web.subscription_responses import translator
        t = translator(request)
        return svc.renderer.render(request, "web/message.html", {
            "title": t("console_run_refused"), "text": t("console_run_disabled"), "next_url": SOURCES_PATH,
            "next_label": t("console_sources")}, status_code=409)
    run = RunRequests(svc.backend.records).request(source.id, source.spider, who.actor)
    record_audit(svc.backend, who.actor, "source.run", f"source:{source_id}", {"request": run.id})
    return RedirectResponse(f"{SOURCES_PATH}?done=requested&id={source_id}", status_code=303)
