"""An email's HTML part as a browser can show it: cid: images inlined as data URIs, like a mail client."""
from __future__ import annotations

import base64
from email.message import EmailMessage


def html_for_preview(message: EmailMessage) -> str:
    body = message.get_body(("html",))
    if body is None:
        raise ValueError("the message has no HTML part")
    html = body.get_content()
    for part in message.walk():
        cid = part.get("Content-ID")
        if cid and part.get_content_maintype() == "image":
            data = base64.b64encode(part.get_payload(decode=True)).decode("ascii")
            html = html.replace(f"cid:{cid.strip('<>')}", f"data:{part.get_content_type()};base64,{data}")
    return html
