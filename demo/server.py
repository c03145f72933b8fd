"""Serve the four bundled demo sites over real HTTP on 127.0.0.1.

    with DemoSites(today=date(2026, 1, 5), slow_seconds=2) as sites:
        sites.base_urls["news"]      # "http://127.0.0.1:41234"

CLI (``make demo``)::

    python -m demo.server [--ports-file PATH] [--base-port 8001] [--today 2026-01-05]

runs until SIGINT/SIGTERM, prints the base URLs and writes them as JSON to
``--ports-file``.  All dates on the pages are relative to ``today``.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import signal
import sys
import threading
from pathlib import Path

from demo.httpcore import DemoHTTPServer
from demo.sites.fairs import FairsSite
from demo.sites.news import NewsSite
from demo.sites.shop_jsonld import ShopJsonLdSite
from demo.sites.shop_plain import ShopPlainSite

SITE_CLASSES = {
    "news": NewsSite,
    "fairs": FairsSite,
    "shop_jsonld": ShopJsonLdSite,
    "shop_plain": ShopPlainSite,
}
SITE_NAMES = tuple(SITE_CLASSES)


class DemoSites:
    """Four demo sites, each on its own port, served from daemon threads.

    ``today``: the date every page is relative to (default: the real current
    date, re-read on each request so a long-running demo never goes stale).
    ``ports``: optional {site: port}; 0 / missing = ephemeral port.
    ``slow_seconds``: how long the slow page (news /en-direct/) sleeps.
    """

    def __init__(self, today: _dt.date | None = None, host: str = "127.0.0.1",
                 ports: dict[str, int] | None = None, slow_seconds: float = 30.0,
                 verbose: bool = False):
        self._today = today
        self.host = host
        self.ports = dict(ports or {})
        self.slow_seconds = slow_seconds
        self.verbose = verbose
        self._stop = threading.Event()
        self._servers: dict[str, DemoHTTPServer] = {}
        self._threads: dict[str, threading.Thread] = {}
        self._log_lock = threading.Lock()
        self.request_log: list[tuple[str, str, str, int]] = []   # (site, method, path, status)
        self.price_round = 0   # 1: the shops' product pages show moved prices (demo/sites/shop_data.py)
        self.sites = {name: cls(self) for name, cls in SITE_CLASSES.items()}

    # -- used by the sites ---------------------------------------------------------
    def today(self) -> _dt.date:
        return self._today or _dt.date.today()

    def base_url_of(self, name: str) -> str:
        return self._servers[name].base_url

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> "DemoSites":
        if self._servers:
            return self
        self._stop.clear()
        try:
            for name, site in self.sites.items():
                srv = DemoHTTPServer((self.host, int(self.ports.get(name, 0))), site, site_name=name,
                                     verbose=self.verbose, on_request=self._hook(name),
                                     stop_event=self._stop)
                self._servers[name] = srv
        except OSError:
            self.close()
            raise
        for name, srv in self._servers.items():
            self._threads[name] = srv.start_thread(f"demo-{name}")
        return self

    def close(self) -> None:
        self._stop.set()                  # wakes up the slow page
        for name, srv in self._servers.items():
            thread = self._threads.get(name)
            if thread is not None and thread.is_alive():
                srv.shutdown()            # stops serve_forever (only valid while it runs)
            srv.server_close()
        for thread in self._threads.values():
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> "DemoSites":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # -- introspection ---------------------------------------------------------------
    @property
    def base_urls(self) -> dict[str, str]:
        return {name: srv.base_url for name, srv in self._servers.items()}

    def _hook(self, name: str):
        def on_request(method: str, path: str, status: int) -> None:
            with self._log_lock:
                self.request_log.append((name, method, path, status))
        return on_request

    def hits(self, site: str | None = None) -> list[tuple[str, str, str, int]]:
        """Requests served so far (optionally for one site): lets tests check
        e.g. that a crawler never fetched /private/."""
        with self._log_lock:
            return [r for r in self.request_log if site is None or r[0] == site]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m demo.server", description=__doc__.split("\n\n")[0])
    ap.add_argument("--ports-file", type=Path, help="write the base URLs as JSON to this file")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--base-port", type=int, default=0,
                    help="serve news, fairs, shop_jsonld, shop_plain on PORT..PORT+3 (default: ephemeral)")
    ap.add_argument("--today", type=_dt.date.fromisoformat, help="pretend today is YYYY-MM-DD")
    ap.add_argument("--slow-seconds", type=float, default=30.0, help="delay of the slow page (default 30)")
    ap.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = ap.parse_args(argv)

    ports = {name: (args.base_port + i if args.base_port else 0) for i, name in enumerate(SITE_NAMES)}
    sites = DemoSites(today=args.today, host=args.host, ports=ports, slow_seconds=args.slow_seconds,
                      verbose=args.verbose)
    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    sites.start()
    urls = sites.base_urls
    if args.ports_file:
        tmp = args.ports_file.with_name(args.ports_file.name + ".tmp")
        tmp.write_text(json.dumps(urls, indent=2) + "\n")
        os.replace(tmp, args.ports_file)           # atomic: readers never see half a file
    for name, url in urls.items():
        print(f"{name:12s} {url}/")
    sys.stdout.flush()
    try:
        while not stop.wait(0.5):
            pass
    finally:
        sites.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
