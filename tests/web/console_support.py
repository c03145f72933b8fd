"""Signing an admin into the console over real HTTP, as a browser does (session cookie, CSRF token)."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from bs4 import BeautifulSoup
from web_support import Site

from accounts.roles import Role
from accounts.store import AccountStore

PASSWORD = "a long console password 0123"


def csrf_of(http: httpx.Client, path: str) -> str:
    field = BeautifulSoup(http.get(path).text, "html.parser").select_one('input[name="csrf_token"]')
    assert field is not None, path
    return str(field["value"])


@contextmanager
def signed_in(site: Site, role: Role = Role.ADMIN) -> Iterator[tuple[httpx.Client, str]]:
    """A client with a fresh account's session, and that account's name."""
    name = f"{role.label}-{uuid.uuid4().hex[:8]}"
    AccountStore(site.backend.records).add(name, role, PASSWORD)
    with site.client() as http:
        done = http.post("/login", data={"csrf_token": csrf_of(http, "/login"), "username": name, "password": PASSWORD,
                                         "next": "/console/sources"})
        assert done.status_code == 303, done.text[:500]
        yield http, name


def post(http: httpx.Client, path: str, data: dict[str, object], form_page: str = "/console/sources") -> httpx.Response:
    return http.post(path, data={"csrf_token": csrf_of(http, form_page), **data})
