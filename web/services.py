"""What the request handlers share, built once per application."""
from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from accounts.service import AccountService
from alerts.subscriptions import SubscriptionStore
from alerts.tokens import TokenSigner
from config import Settings
from indexing.backends.base import SearchBackend
from web.rendering import Renderer


@dataclass(frozen=True)
class Services:
    settings: Settings
    backend: SearchBackend
    renderer: Renderer
    signer: TokenSigner
    subscriptions: SubscriptionStore
    accounts: AccountService


def services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]
