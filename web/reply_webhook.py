"""POST /webhooks/replies/{channel}?token=…: where an SMS or WhatsApp provider passes replies back."""
from __future__ import annotations

import hmac
import json
import logging

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse

from alerts.phones import InvalidPhone
from alerts.replies import TEXT_CHANNELS, handle_reply, reply_token
from web.rate_limit import RateLimiter
from web.services import services
from web.access import PUBLIC, allow

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False, dependencies=[allow(PUBLIC)])  # the URL token decides
_LIMIT = RateLimiter(limit=120, window_seconds=60)
_MAX_BODY = 16_384
# Field names of the common providers' reply formats (Twilio and most SMS gateways, Meta's relays).
_SENDER_FIELDS = ("From", "from", "phone", "sender", "msisdn")
_TEXT_FIELDS = ("Body", "body", "text", "message", "content")


def _fields(raw: bytes, content_type: str) -> dict[str, str]:
    if "json" in content_type:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}
    from urllib.parse import parse_qsl
    return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))


@router.post("/webhooks/replies/{channel}")
async def reply(request: Request, channel: str, token: str = "") -> JSONResponse:
    svc = services(request)
    if channel not in TEXT_CHANNELS or not hmac.compare_digest(token, reply_token(svc.settings.secret_key, channel)):
        return JSONResponse({"error": "unknown webhook"}, status_code=403)
    if not _LIMIT.allow(request.client.host if request.client else "unknown"):
        return JSONResponse({"error": "too many requests"}, status_code=429)
    raw = await request.body()
    if len(raw) > _MAX_BODY:
        return JSONResponse({"error": "reply too large"}, status_code=413)
    try:
        fields = _fields(raw, request.headers.get("content-type", ""))
    except (ValueError, UnicodeDecodeError):
        return JSONResponse({"error": "the reply is neither a form nor a JSON object"}, status_code=400)
    sender = next((fields[k] for k in _SENDER_FIELDS if fields.get(k)), "")
    text = next((fields[k] for k in _TEXT_FIELDS if k in fields), "")
    if sender.startswith("whatsapp:"):  # Twilio's WhatsApp form
        sender = sender.split(":", 1)[1]
    try:
        outcome = handle_reply(svc.subscriptions, sender, text, svc.settings.phone_region)
    except InvalidPhone as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    if outcome.stopped:
        log.info("stop reply on %s: %d subscription(s) stopped", channel, outcome.subscriptions)
    return JSONResponse({"stopped": outcome.stopped, "subscriptions": outcome.subscriptions})
