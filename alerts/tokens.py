"""Signed tokens for confirmation and one-click unsubscribe links."""
from __future__ import annotations

from itsdangerous import BadSignature, URLSafeSerializer

PURPOSES = ("confirm", "unsubscribe", "preferences", "confirm-channel")


class BadToken(ValueError):
    pass


class TokenSigner:
    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("a secret key is required to sign tokens")
        self._serializer = URLSafeSerializer(secret, salt="veille-subscriptions")

    def sign(self, subscription_id: str, purpose: str) -> str:
        if purpose not in PURPOSES:
            raise ValueError(f"unknown token purpose {purpose!r}")
        return self._serializer.dumps({"s": subscription_id, "p": purpose})

    def verify(self, token: str, purpose: str) -> str:
        """The subscription id the token was signed for; BadToken if forged, altered or for another purpose."""
        if not token or len(token) > 400:
            raise BadToken("missing or malformed token")
        try:
            data = self._serializer.loads(token)
        except BadSignature:
            raise BadToken("this link is not valid (it may have been altered)") from None
        if not isinstance(data, dict) or data.get("p") != purpose or not isinstance(data.get("s"), str):
            raise BadToken("this link is not valid for this action")
        return data["s"]
