"""Canonical URLs: the stable identity of news articles and offers."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_", "_ga", "yclid", "igshid")


class BadUrl(ValueError):
    pass


def canonical_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadUrl(f"not an http(s) URL: {url[:200]!r}")
    host = parts.hostname.lower()
    if parts.port and not ((parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and parts.port == 443)):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(_TRACKING_PREFIXES)]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(sorted(query)), ""))


def is_safe_link(url: str | None) -> bool:
    """Only http(s) links may reach a page or an email; javascript:, data: and friends never do."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
        parts.hostname  # noqa: B018 - raises on a malformed IPv6 host ('http://[::1/x')
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https")
