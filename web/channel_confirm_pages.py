"""The page a channel's own confirmation link opens (a changed number, a channel added later)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query
from starlette.requests import Request
from starlette.responses import Response

from alerts.channel_confirmation import address_digest, read_channel_token
from alerts.tokens import BadToken
from web.access import PUBLIC, allow
from web.csrf import form_is_genuine
from web.services import Services, services
from web.subscription_responses import bad_link, forged_form, links, missing_subscription

router = APIRouter(include_in_schema=False, dependencies=[allow(PUBLIC)])  # the signed token decides


def _page(request: Request, svc: Services, token: str, confirm: bool) -> Response:
    try:
        sub_id, channel, digest = read_channel_token(svc.signer, token)
    except BadToken:
        return bad_link(request, svc)
    sub = svc.subscriptions.get(sub_id)
    if sub is None:
        return missing_subscription(request, svc)
    address = sub.address_of(channel)
    current = channel in sub.channels and address_digest(address) == digest
    if confirm and current:
        sub = svc.subscriptions.confirm_channel(sub.id, channel, address) or sub
    context = {"sub": sub, "channel": channel, "address": address, "token": token, "current": current,
               "done": current and channel in sub.live_channels, **links(svc, sub)}
    return svc.renderer.render(request, "web/confirm_channel.html", context, status_code=200 if current else 409)


# GET only shows a button: link previews and scanners must not confirm on the subscriber's behalf.
@router.get("/confirm-channel")
def confirm_channel_form(request: Request, token: Annotated[str, Query()] = "") -> Response:
    return _page(request, services(request), token, confirm=False)


@router.post("/confirm-channel")
def confirm_channel(request: Request, token: Annotated[str, Query()] = "",
                    csrf_token: Annotated[str, Form()] = "") -> Response:
    svc = services(request)
    if not form_is_genuine(request, {"csrf_token": csrf_token}):
        return forged_form(request, svc)
    return _page(request, svc, token, confirm=True)
