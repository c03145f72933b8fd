"""Alert subscriptions with double opt-in: subscribe, save a search, confirm, preferences, unsubscribe."""
from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query
from starlette.requests import Request
from starlette.responses import Response

from alerts.subscriptions import (
    REGIONS,
    InvalidSubscription,
    Subscription,
    make_subscription,
)
from alerts.tokens import BadToken
from indexing.markets import COUNTRY_NAMES
from indexing.taxonomy import crafts
from web.confirmation_mail import send_confirmation
from web.csrf import form_is_genuine
from web.formatting import Formatter
from web.i18n import Translator
from web.rendering import request_language
from web.services import Services, services
from web.subscription_form import Errors, SalonAlertForm, SavedSearchForm

router = APIRouter(include_in_schema=False)
FormText = Annotated[str, Form()]
FormList = Annotated[list[str], Form()]


def choices(request: Request) -> dict[str, Any]:
    fmt = Formatter(Translator(request_language(request)))
    return {
        "craft_choices": sorted(((cid, fmt.craft(cid)) for cid in crafts()), key=lambda pair: pair[1]),
        "region_choices": list(REGIONS),
        "country_choices": sorted(((code, fmt.country(code)) for code in COUNTRY_NAMES), key=lambda pair: pair[1]),
    }


def translator(request: Request) -> Translator:
    return Translator(request_language(request))


def forged_form(request: Request, svc: Services) -> Response:
    t = translator(request)
    back = str(request.url.path) + ("?" + request.url.query if request.url.query else "")
    if request.url.path == "/saved-searches":
        back = "/search"
    return svc.renderer.render(request, "web/message.html",
                               {"title": t("err_csrf_title"), "text": t("err_csrf"), "next_url": back,
                                "next_label": t("go_back")},
                               status_code=403)


def bad_link(request: Request, svc: Services) -> Response:
    t = translator(request)
    return svc.renderer.render(request, "web/message.html",
                               {"title": t("token_invalid_title"), "text": t("token_invalid"), "next_url": "/subscribe",
                                "next_label": t("subscribe_again")},
                               status_code=400)


def missing_subscription(request: Request, svc: Services) -> Response:
    t = translator(request)
    return svc.renderer.render(request, "web/message.html",
                               {"title": t("subscription_missing_title"), "text": t("subscription_missing"),
                                "next_url": "/subscribe",
                                "next_label": t("subscribe_again")}, status_code=404)


def subscription_from_token(svc: Services, token: str, purpose: str) -> Subscription | None:
    """None when the subscription is gone; BadToken when the link is forged or for another purpose."""
    return svc.subscriptions.get(svc.signer.verify(token, purpose))


def save_and_ask_confirmation(request: Request, svc: Services, fields: dict[str, Any]) -> Response | Errors:
    try:
        sub = svc.subscriptions.save(make_subscription(**fields))
    except InvalidSubscription as exc:
        return {"form": str(exc)}
    sent = sub.confirmed or send_confirmation(svc, sub)
    return svc.renderer.render(request, "web/check_email.html", {"sub": sub, "sent": sent, "search_url": search_url(sub)})


def search_url(sub: Subscription) -> str | None:
    if sub.kind != "search":
        return None
    pairs = [(k, v) for k, values in sub.query.items() for v in (values if isinstance(values, list) else [values])]
    return "/search?" + urlencode([("language" if k == "lang" else k, str(v)) for k, v in pairs])


# subscribe ------------------------------------------------------------------------------------
@router.get("/subscribe")
def subscribe_form(request: Request) -> Response:
    svc = services(request)
    form = SalonAlertForm(language=request_language(request))
    return svc.renderer.render(request, "web/subscribe.html", {"form": form, "errors": {}, **choices(request)})


@router.post("/subscribe")
def subscribe(request: Request, csrf_token: FormText = "", email: FormText = "", name: FormText = "",
              language: FormText = "fr", crafts: FormList = [], countries: FormList = [],  # noqa: B006 - FastAPI copies
              window_min_days: FormText = "30", window_max_days: FormText = "270",
              frequency: FormText = "immediate") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    form = SalonAlertForm(email.strip(), name, language, crafts, countries, window_min_days, window_max_days, frequency)
    errors = form.errors(translator(request))
    if not errors:
        outcome = save_and_ask_confirmation(request, svc, form.subscription_fields())
        if isinstance(outcome, Response):
            return outcome
        errors = outcome
    return svc.renderer.render(request, "web/subscribe.html", {"form": form, "errors": errors, **choices(request)},
                               status_code=400)


@router.post("/saved-searches")
def save_search(request: Request, csrf_token: FormText = "", name: FormText = "", email: FormText = "",
                frequency: FormText = "daily", query: FormText = "") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    form = SavedSearchForm(name, email.strip(), request_language(request), frequency, query)
    errors = form.errors(translator(request))
    if not errors:
        outcome = save_and_ask_confirmation(request, svc, form.subscription_fields())
        if isinstance(outcome, Response):
            return outcome
        errors = outcome
    return svc.renderer.render(request, "web/saved_search.html", {"form": form, "errors": errors}, status_code=400)


# confirm ----------------------------------------------------------------------------------------
# GET only shows a button: mail scanners that prefetch links must not confirm on the reader's behalf.
@router.get("/confirm")
def confirm_form(request: Request, token: Annotated[str, Query()] = "") -> Response:
    svc = services(request)
    try:
        sub = subscription_from_token(svc, token, "confirm")
    except BadToken:
        return bad_link(request, svc)
    if sub is None:
        return missing_subscription(request, svc)
    return svc.renderer.render(request, "web/confirm.html", {"sub": sub, "token": token, **links(svc, sub)})


@router.post("/confirm")
def confirm(request: Request, token: Annotated[str, Query()] = "", csrf_token: FormText = "") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    try:
        sub = subscription_from_token(svc, token, "confirm")
    except BadToken:
        return bad_link(request, svc)
    if sub is None:
        return missing_subscription(request, svc)
    sub = svc.subscriptions.confirm(sub.id) or sub
    return svc.renderer.render(request, "web/confirm.html", {"sub": sub, "token": token, **links(svc, sub)})


def links(svc: Services, sub: Subscription) -> dict[str, str]:
    return {"preferences_url": "/preferences?token=" + svc.signer.sign(sub.id, "preferences"),
            "unsubscribe_url": "/unsubscribe?token=" + svc.signer.sign(sub.id, "unsubscribe")}


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
    try:
        sub = subscription_from_token(svc, token, "preferences")
    except BadToken:
        return bad_link(request, svc)
    if sub is None:
        return missing_subscription(request, svc)
    return preferences_page(request, svc, sub, form_of(sub), {})


@router.post("/preferences")
def update_preferences(request: Request, token: Annotated[str, Query()] = "", csrf_token: FormText = "",
                       name: FormText = "", language: FormText = "fr", crafts: FormList = [],  # noqa: B006
                       countries: FormList = [], window_min_days: FormText = "30",  # noqa: B006
                       window_max_days: FormText = "270", frequency: FormText = "immediate") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    try:
        sub = subscription_from_token(svc, token, "preferences")
    except BadToken:
        return bad_link(request, svc)
    if sub is None:
        return missing_subscription(request, svc)
    form: SalonAlertForm | SavedSearchForm
    if sub.kind == "salon":
        form = SalonAlertForm(sub.email, name, language, crafts, countries, window_min_days, window_max_days, frequency)
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
