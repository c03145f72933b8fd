"""The console's subscribers: search, view with the delivery log, retry failed messages, remove (erase)."""
from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from alerts.subscriber_admin import delivery_log, erase_subscriber, erased_counts, retry_failed, search_subscribers
from web.access import ADMIN, CurrentPrincipal, allow, record_audit
from web.console_sources import not_found
from web.csrf import form_is_genuine
from web.services import Services, services
from web.subscription_responses import forged_form

router = APIRouter(include_in_schema=False, dependencies=[allow(ADMIN)])
SUBSCRIBERS_PATH = "/console/subscribers"
MAX_QUERY = 200


@router.get(SUBSCRIBERS_PATH)
def subscribers_page(request: Request) -> Response:
    svc = services(request)
    query = request.query_params.get("q", "")[:MAX_QUERY]
    done = request.query_params.get("done", "")
    return svc.renderer.render(request, "web/console_subscribers.html", {
        "q": query, "subscribers": search_subscribers(svc.subscriptions, query), "erased": erased_counts(svc.backend),
        "done": done if done == "removed" else ""})


def _missing(request: Request, svc: Services) -> Response:
    return not_found(request, svc, SUBSCRIBERS_PATH, "console_subscribers")


@router.get(SUBSCRIBERS_PATH + "/{sub_id}")
def subscriber_page(request: Request, sub_id: str) -> Response:
    svc = services(request)
    sub = svc.subscriptions.get(sub_id)
    if sub is None:
        return _missing(request, svc)
    log = delivery_log(svc.backend, sub)
    retried = request.query_params.get("retried", "")
    return svc.renderer.render(request, "web/console_subscriber.html", {
        "sub": sub, "log": log, "failed": sum(1 for r in log if r["status"] == "failed" and not r.get("compacted")),
        "retried": int(retried) if retried.isdigit() else None})


@router.post(SUBSCRIBERS_PATH + "/{sub_id}/retry")
async def retry_page(request: Request, sub_id: str, who: CurrentPrincipal) -> Response:
    svc = services(request)
    if not form_is_genuine(request, await request.form()):
        return forged_form(request, svc)
    sub = await run_in_threadpool(svc.subscriptions.get, sub_id)
    if sub is None:
        return _missing(request, svc)
    count = await run_in_threadpool(retry_failed, svc.backend, sub)
    record_audit(svc.backend, who.actor, "subscriber.retry", f"subscription:{sub_id}", {"messages": count})
    return RedirectResponse(f"{SUBSCRIBERS_PATH}/{sub_id}?retried={count}", status_code=303)


@router.post(SUBSCRIBERS_PATH + "/{sub_id}/remove")
async def remove_page(request: Request, sub_id: str, who: CurrentPrincipal) -> Response:
    svc = services(request)
    if not form_is_genuine(request, await request.form()):
        return forged_form(request, svc)
    erasure = await run_in_threadpool(erase_subscriber, svc.backend, sub_id)
    if not erasure.removed:
        return _missing(request, svc)
    # No address nor name in the audit log: the id is all that is left, and it leads nowhere now.
    record_audit(svc.backend, who.actor, "subscriber.remove", f"subscription:{sub_id}",
                 {"deliveries_erased": erasure.deliveries})
    return RedirectResponse(f"{SUBSCRIBERS_PATH}?done=removed", status_code=303)
