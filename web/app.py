"""The web application: search, fair calendar, price comparison, news, alerts and the JSON API."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from accounts.service import AccountService
from alerts.subscriptions import SubscriptionStore
from alerts.tokens import TokenSigner
from config import ROOT, Settings, load_settings
from indexing.backends import open_backend
from indexing.backends.base import SearchBackend
from web import (
    accounts_console,
    api,
    api_audit,
    api_docs,
    api_prices,
    channel_confirm_pages,
    console_audit,
    console_sources,
    console_subscribers,
    crawls_page,
    fairs_page,
    health,
    login_pages,
    news_page,
    prices_page,
    reply_webhook,
    search_page,
    subscribe_pages,
    token_pages,
    trends_page,
)
from web.errors import install_error_handlers
from web.headers import SecurityHeadersMiddleware
from web.rendering import Renderer
from web.services import Services
from web.source_names import load_source_names

TEMPLATES_DIR = ROOT / "templates"
STATIC_DIR = Path(__file__).with_name("static")


def create_app(settings: Settings | None = None, backend: SearchBackend | None = None) -> FastAPI:
    """An ASGI app; without a backend it opens (and sets up) the one the settings select."""
    settings = settings or load_settings()
    owns_backend = backend is None
    backend = backend or open_backend(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if owns_backend:
            backend.setup()
        load_source_names(settings, backend)
        yield
        if owns_backend:
            backend.close()

    app = FastAPI(title="veille", version="1.0", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None,
                  description="Market intelligence for the Moroccan crafts sector: trade fairs, competitor prices, news.")
    load_source_names(settings)
    app.state.services = Services(
        settings=settings,
        backend=backend,
        renderer=Renderer(TEMPLATES_DIR),
        signer=TokenSigner(settings.secret_key),
        subscriptions=SubscriptionStore(backend),
        accounts=AccountService(backend.records, settings),
    )
    for module in (search_page, fairs_page, prices_page, news_page, trends_page, crawls_page, subscribe_pages,
                   token_pages, channel_confirm_pages, login_pages, accounts_console, console_sources,
                   console_subscribers, console_audit, health, api, api_prices, api_audit, api_docs, reply_webhook):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_error_handlers(app)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
