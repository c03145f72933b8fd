"""Pages reached from the emails' signed links: confirm, unsubscribe (RFC 8058 one-click) and preferences."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query
from starlette.requests import Request
from starlette.responses import Response

from alerts.subscriptions import InvalidSubscription, Subscription, make_subscription
from alerts.tokens import BadToken
from web.access import PUBLIC, allow
from web.csrf import form_is_genuine
from web.services import Services, services
from web.subscription_form import Errors, SalonAlertForm, SavedSearchForm
from web.subscription_responses import (
    bad_link,
    choices,
    forged_form,
    links,
    missing_subscription,
    search_url,
    subscription_from_token,
    translator,
)

router = APIRouter(include_in_schema=False, dependencies=[allow(PUBLIC)])  # the signed token decides
FormText = Annotated[str, Form()]
FormList = Annotated[list[str], Form()]


def token_subscription(request: Request, svc: Services, token: str, purpose: str) -> Subscription | Response:
    """The subscription a signed link names, or the page that says why there is none."""
    try:
        sub = subscription_from_token(svc, token, purpose)
    except BadToken:
        return bad_link(request, svc)
    return sub if sub is not None else missing_subscription(request, svc)


def posted_subscription(request: Request, svc: Services, token: str, purpose: str,
                        csrf_token: str) -> Subscription | Response:
    """token_subscription for a form post, which must also carry this reader's CSRF token."""
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    return token_subscription(request, svc, token, purpose)


def confirm_page(request: Request, svc: Services, sub: Subscription, token: str) -> Response:
    return svc.renderer.render(request, "web/confirm.html", {"sub": sub, "token": token, **links(svc, sub)})


# confirm ----------------------------------------------------------------------------------------
# GET only shows a button: mail scanners that prefetch links must not confirm on the reader's behalf.
@router.get("/confirm")
def confirm_form(request: Request, token: Annotated[str, Query()] = "") -> Response:
    svc = services(request)
    sub = token_subscription(request, svc, token, "confirm")
    if isinstance(sub, Response):
        return sub
    return confirm_page(request, svc, sub, token)


@router.post("/confirm")
def confirm(request: Request, token: Annotated[str, Query()] = "", csrf_token: FormText = "") -> Response:
    svc = services(request)
    sub = posted_subscription(request, svc, token, "confirm", csrf_token)
    if isinstance(sub, Response):
        return sub
    return confirm_page(request, svc, svc.subscriptions.confirm(sub.id) or sub, token)


# unsubscribe -------------------------------------------------------------------------------------
@router.get("/unsubscribe")
def unsubscribe_form(request: Request, token: Annotated[str, Query()] = "") -> Response:
    svc = services(request)
    try:
        sub = subscription_from_token(svc, token, "unsubscribe")
    except BadToken:
        return bad_link(request, svc)
    if sub is None:
        return svc.renderer.render(request, "web/unsubscribed.html", {})
    return svc.renderer.render(request, "web/unsubscribe.html", {"sub": sub, "token": token})


# RFC 8058 one-click: the mail provider POSTs "List-Unsubscribe=One-Click" without cookies, so the
# signed token is the only credential here (no CSRF token, no Origin).
@router.post("/unsubscribe")
def unsubscribe(request: Request, token: Annotated[str, Query()] = "") -> Response:
    svc = services(request)
    try:
        sub_id = svc.signer.verify(token, "unsubscribe")
    except BadToken:
        return bad_link(request, svc)
    svc.subscriptions.remove(sub_id)
    return svc.renderer.render(request, "web/unsubscribed.html", {})


# preferences --------------------------------------------------------------------------------------
def preferences_page(request: Request, svc: Services, sub: Subscription, form: SalonAlertForm | SavedSearchForm,
                     errors: Errors, saved: bool = False) -> Response:
    context = {"sub": sub, "form": form, "errors": errors, "saved": saved, "search_url": search_url(sub),
               "token": svc.signer.sign(sub.id, "preferences"), **links(svc, sub), **choices(request)}
    return svc.renderer.render(request, "web/preferences.html", context, status_code=400 if errors else 200)


def form_of(sub: Subscription) -> SalonAlertForm | SavedSearchForm:
    if sub.kind == "salon":
        return SalonAlertForm.of(sub)
    url = search_url(sub) or "?"
    return SavedSearchForm(sub.title, sub.email, sub.language, sub.frequency, url.split("?", 1)[1])


@router.get("/preferences")
def preferences_form(request: Request, token: Annotated[str, Query()] = "") -> Response:
    svc = services(request)
    sub = token_subscription(request, svc, token, "preferences")
    if isinstance(sub, Response):
        return sub
    return preferences_page(request, svc, sub, form_of(sub), {})


@router.post("/preferences")
def update_preferences(request: Request, token: Annotated[str, Query()] = "", csrf_token: FormText = "",
                       name: FormText = "", language: FormText = "fr", crafts: FormList = [],  # noqa: B006
                       countries: FormList = [], window_min_days: FormText = "30",  # noqa: B006
                       window_max_days: FormText = "270", frequency: FormText = "immediate",
                       phone: FormText = "", channels: FormList = []) -> Response:  # noqa: B006
    svc = services(request)
    sub = posted_subscription(request, svc, token, "preferences", csrf_token)
    if isinstance(sub, Response):
        return sub
    form: SalonAlertForm | SavedSearchForm
    if sub.kind == "salon":
        form = SalonAlertForm(sub.email, name, language, crafts, countries, window_min_days, window_max_days, frequency,
                              phone.strip(), channels or list(sub.channels), svc.settings.phone_region)
    else:
        current = form_of(sub)
        assert isinstance(current, SavedSearchForm)
        form = SavedSearchForm(name if sub.kind == "search" else sub.title, sub.email, language, frequency, current.query)
    errors = form.errors(translator(request), check_email=False, require_name=sub.kind == "search") \
        if isinstance(form, SavedSearchForm) else form.errors(translator(request), check_email=False)
    if errors:
        return preferences_page(request, svc, sub, form, errors)
    fields = {**form.subscription_fields(), "kind": sub.kind, "confirmed": sub.confirmed, "created_at": sub.created_at}
    try:
        updated = make_subscription(**fields)
    except InvalidSubscription as exc:
        return preferences_page(request, svc, sub, form, {"form": str(exc)})
    # The id depends on the filter: a changed filter is a new record replacing the old one.
    updated = svc.subscriptions.save(updated)
    if updated.id != sub.id:
        svc.subscriptions.remove(sub.id)
    return preferences_page(request, svc, updated, form_of(updated), {}, saved=True)
