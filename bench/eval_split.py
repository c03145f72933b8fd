"""The dev / check split of every evaluation set: by site, through a stable hash.

A case's site is the registered domain of its URL (public-suffix aware, so `news.bbc.co.uk` and
`www.bbc.co.uk` are one site). Cases without a URL use a stable key of their own (a page name without
its trailing number, a feed name, a case id). About a third of the sites fall in *check*; develop on
*dev* failures only, and keep a rule only if *check* does not drop.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Literal
from urllib.parse import urlsplit

Part = Literal["dev", "check"]
PARTS: tuple[Part, ...] = ("dev", "check")
_NUMBERED = re.compile(r"[-_]?\d+$")


@lru_cache(maxsize=1)
def _suffixes():  # type: ignore[no-untyped-def]
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def site_of(key: str | None) -> str:
    """The registered domain of a URL; any other key names its own site."""
    text = (key or "").strip()
    if "://" in text or text.startswith("www."):
        host = (urlsplit(text if "://" in text else f"http://{text}").hostname or "").lower().rstrip(".")
        if host:
            return _suffixes().privatesuffix(host) or host
    return text.lower()


def page_family(name: str) -> str:
    """Saved pages named after their site with a counter (`nytimes-1`, `nytimes-4`) are one site."""
    return _NUMBERED.sub("", name.lower()) or name.lower()


def part_of(key: str | None) -> Part:
    digest = hashlib.sha256(site_of(key).encode("utf-8")).digest()
    return "check" if int.from_bytes(digest[:8], "big") % 3 == 0 else "dev"


def in_part(key: str | None, part: Part | None) -> bool:
    return part is None or part_of(key) == part
