"""What the subscription pages share: form choices, token checks and the pages that say a link is bad."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from alerts.subscriptions import REGIONS, Subscription
from indexing.markets import COUNTRY_NAMES
from indexing.taxonomy import crafts
from web.formatting import Formatter
from web.i18n import Translator
from web.rendering import request_language
from web.services import Services


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


def search_url(sub: Subscription) -> str | None:
    if sub.kind != "search":
        return None
    pairs = [(k, v) for k, values in sub.query.items() for v in (values if isinstance(values, list) else [values])]
    return "/search?" + urlencode([("language" if k == "lang" else k, str(v)) for k, v in pairs])


def links(svc: Services, sub: Subscription) -> dict[str, str]:
    return {"preferences_url": "/preferences?token=" + svc.signer.sign(sub.id, "preferences"),
            "unsubscribe_url": "/unsubscribe?token=" + svc.signer.sign(sub.id, "unsubscribe")}
