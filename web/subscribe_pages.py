"""Subscribing: the artisans' salon alert form and saving a search; both start the double opt-in."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import Response

from alerts.subscriptions import InvalidSubscription, make_subscription
from web.confirmation_mail import send_confirmation
from web.csrf import form_is_genuine
from web.rate_limit import PER_CLIENT, PER_RECIPIENT
from web.rendering import request_language
from web.services import Services, services
from indexing.taxonomy import crafts
from web.subscription_form import Errors, SalonAlertForm, SavedSearchForm, country_choices
from web.subscription_responses import choices, forged_form, search_url, translator
from web.access import allow, public_part

router = APIRouter(include_in_schema=False)
FormText = Annotated[str, Form()]
FormList = Annotated[list[str], Form()]


TOO_MANY = {"fr": "Trop de demandes pour cette adresse ; réessayez dans une heure.",
            "ar": "طلبات كثيرة لهذا العنوان؛ أعيدوا المحاولة بعد ساعة.",
            "en": "Too many requests for this address; try again in an hour."}


def save_and_ask_confirmation(request: Request, svc: Services, fields: dict[str, Any]) -> Response | Errors:
    client = request.client.host if request.client else "unknown"
    email = str(fields.get("email", "")).strip().lower()
    recipient = f"email:{email}" if email else f"phone:{fields.get('phone', '')}"
    if not PER_CLIENT.allow(f"client:{client}") or not PER_RECIPIENT.allow(recipient):
        return {"form": TOO_MANY.get(request_language(request), TOO_MANY["en"])}
    try:
        sub = svc.subscriptions.save(make_subscription(**fields))
    except InvalidSubscription as exc:
        return {"form": str(exc)}
    sent = sub.confirmed or send_confirmation(svc, sub)
    return svc.renderer.render(request, "web/check_email.html", {"sub": sub, "sent": sent, "search_url": search_url(sub)})


def submit(request: Request, svc: Services, form: SalonAlertForm | SavedSearchForm, template: str,
           context: dict[str, Any]) -> Response:
    """A valid form starts the double opt-in; otherwise the form again, with what to fix (400)."""
    errors = form.errors(translator(request))
    if not errors:
        outcome = save_and_ask_confirmation(request, svc, form.subscription_fields())
        if isinstance(outcome, Response):
            return outcome
        errors = outcome
    return svc.renderer.render(request, template, {"form": form, "errors": errors, **context}, status_code=400)


# subscribe ------------------------------------------------------------------------------------
def prefilled(request: Request) -> dict[str, list[str]]:
    """`?craft=…&country=…` (a fair's "alert me" link) preselects known choices; anything else is ignored."""
    known_countries = set(country_choices())
    params = request.query_params
    return {"crafts": [c for c in params.getlist("craft") if c in crafts()][:20],
            "countries": [c for c in params.getlist("country") if c in known_countries][:20]}


def default_channels(email: str, phone: str) -> list[str]:
    """A form posted without channel boxes (an older page, a script): email, else SMS for a phone alone."""
    return ["email"] if email.strip() else (["sms"] if phone.strip() else [])


@router.get("/subscribe", dependencies=[allow(public_part("alerts"))])
def subscribe_form(request: Request) -> Response:
    svc = services(request)
    form = SalonAlertForm(language=request_language(request), **prefilled(request))
    return svc.renderer.render(request, "web/subscribe.html", {"form": form, "errors": {}, **choices(request)})


@router.post("/subscribe", dependencies=[allow(public_part("alerts"))])
def subscribe(request: Request, csrf_token: FormText = "", email: FormText = "", name: FormText = "",
              language: FormText = "fr", crafts: FormList = [], countries: FormList = [],  # noqa: B006 - FastAPI copies
              window_min_days: FormText = "30", window_max_days: FormText = "270",
              frequency: FormText = "immediate", phone: FormText = "",
              channels: FormList = []) -> Response:  # noqa: B006
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    form = SalonAlertForm(email.strip(), name, language, crafts, countries, window_min_days, window_max_days, frequency,
                          phone.strip(), channels or default_channels(email, phone), svc.settings.phone_region)
    return submit(request, svc, form, "web/subscribe.html", choices(request))


@router.post("/saved-searches", dependencies=[allow(public_part("search"))])
def save_search(request: Request, csrf_token: FormText = "", name: FormText = "", email: FormText = "",
                frequency: FormText = "daily", query: FormText = "") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    form = SavedSearchForm(name, email.strip(), request_language(request), frequency, query)
    return submit(request, svc, form, "web/saved_search.html", {})
