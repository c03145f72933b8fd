"""The OpenAPI document with its security: an HTTP bearer scheme, and on each operation whether it needs a token
(with this instance's VEILLE_PUBLIC, since that decides which parts are open)."""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from web.access import app_routes, route_rule
from web.services import Services

SCHEME = "bearerToken"
SCHEME_DOC = {"type": "http", "scheme": "bearer",
              "description": "An API token from `veille tokens create --scope read|admin`: "
                             "`read` for the advisors' data, `admin` for everything."}


def openapi_with_security(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        settings = app.state.services.settings if isinstance(app.state.services, Services) else None
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schema.setdefault("components", {}).setdefault("securitySchemes", {})[SCHEME] = SCHEME_DOC
        for route in app_routes(app):
            rule = route_rule(route)
            operations = schema.get("paths", {}).get(str(getattr(route, "path_format", route.path)), {})
            for method in route.methods or ():
                operation = operations.get(method.lower())
                if operation is None or rule is None or settings is None:
                    continue
                needed = rule.needed(settings)
                operation["security"] = [{SCHEME: []}] if needed else [{}, {SCHEME: []}]
                if needed:
                    operation.setdefault("responses", {}).update({
                        "401": {"description": "No valid API token"},
                        "403": {"description": f"The token's scope is below {needed.label}"}})
        app.openapi_schema = schema
    return app.openapi_schema
