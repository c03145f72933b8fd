"""A few pages fetched now, outside Scrapy, with the crawl's politeness: its user agent, robots.txt (Protego, as
Scrapy reads it), a delay between two requests to one host, its timeout, size cap and redirect limit."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from indexing.urls import is_safe_link
from spiders.settings import BASE

CRAWL_DELAY_S = float(BASE["AUTOTHROTTLE_START_DELAY"])  # AutoThrottle's first delay: what a host sees first
ROBOTS_MAX_BYTES = 500_000


@dataclass(frozen=True)
class Robots:
    url: str
    status: int | None
    """None: robots.txt could not be fetched (then, as in the crawl, everything is allowed)."""
    error: str | None
    parser: Protego | None


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int | None
    elapsed_ms: int
    body: bytes
    content_type: str | None
    error: str | None
    robots_allowed: bool = True

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class _Download:
    status: int
    body: bytes
    content_type: str | None
    error: str | None
    headers: httpx.Headers | None
    elapsed_ms: int


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class PoliteFetcher:
    def __init__(self, user_agent: str, delay: float = CRAWL_DELAY_S, timeout: float = float(BASE["DOWNLOAD_TIMEOUT"]),
                 max_bytes: int = int(BASE["DOWNLOAD_MAXSIZE"]), max_redirects: int = int(BASE["REDIRECT_MAX_TIMES"])) -> None:
        self.user_agent = user_agent
        self.delay = delay
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.client = httpx.Client(timeout=timeout, headers={"User-Agent": user_agent}, follow_redirects=False)
        self._robots: dict[str, Robots] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "PoliteFetcher":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        with self._lock:
            wait = self._last.get(host, 0.0) + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last[host] = time.monotonic()
            self.requests += 1

    def _download(self, url: str, limit: int) -> _Download:
        self._wait_turn(url)
        started = time.monotonic()  # the download only: not the politeness delay
        try:
            with self.client.stream("GET", url) as response:
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        return _Download(response.status_code, bytes(body[:limit]), response.headers.get("content-type"),
                                         f"larger than {limit} bytes", None, self._ms(started))
                return _Download(response.status_code, bytes(body), response.headers.get("content-type"), None,
                                 response.headers, self._ms(started))
        except httpx.HTTPError as exc:
            return _Download(0, b"", None, f"{type(exc).__name__}: {exc}"[:300], None, self._ms(started))

    def robots(self, url: str) -> Robots:
        origin = _origin(url)
        if origin not in self._robots:
            robots_url = origin + "/robots.txt"
            got = self._download(robots_url, ROBOTS_MAX_BYTES)
            parser = None
            if not got.error and 200 <= got.status < 300:
                parser = Protego.parse(got.body.decode("utf-8", "replace"))
            self._robots[origin] = Robots(robots_url, got.status or None, got.error, parser)
        return self._robots[origin]

    def allowed(self, url: str) -> bool:
        parser = self.robots(url).parser
        return parser is None or bool(parser.can_fetch(url, self.user_agent))

    def get(self, url: str) -> Fetched:
        current, spent = url, 0
        started = time.monotonic()
        for _ in range(self.max_redirects + 1):
            if not is_safe_link(current):
                return self._failed(url, current, started, f"not an http(s) URL: {current[:200]}")
            if not self.allowed(current):
                return Fetched(url, current, None, self._ms(started), b"", None, "forbidden by robots.txt", False)
            got = self._download(current, self.max_bytes)
            spent += got.elapsed_ms
            location = got.headers.get("location") if got.headers is not None and 300 <= got.status < 400 else None
            if location:
                current = urljoin(current, location)
                continue
            return Fetched(url, current, got.status or None, spent, got.body, got.content_type, got.error)
        return self._failed(url, current, started, f"more than {self.max_redirects} redirects")

    def _failed(self, url: str, current: str, started: float, error: str) -> Fetched:
        return Fetched(url, current, None, self._ms(started), b"", None, error)

    @staticmethod
    def _ms(started: float) -> int:
        return round((time.monotonic() - started) * 1000)
