"""Small HTTP plumbing shared by :mod:`demo.server` and :mod:`demo.bigsite`.

A :class:`Response` is produced by an *app* (anything with
``respond(method, path, query, headers) -> Response``); the handler adds
ETag / Last-Modified, answers conditional requests with 304, supports HEAD,
optionally delays the answer, and writes headers + body in one syscall.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import sys
import threading
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HTML = "text/html; charset=utf-8"


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = HTML
    last_modified: _dt.datetime | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0          # seconds to wait before answering (slow page)
    conditional: bool = True    # emit ETag and honour If-None-Match / If-Modified-Since
    etag: str | None = None     # computed lazily from the body

    def get_etag(self) -> str:
        if self.etag is None:
            self.etag = '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'
        return self.etag


def http_date(when: _dt.datetime) -> str:
    return formatdate(when.timestamp(), usegmt=True)


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    for tag in header.split(","):
        if tag.strip().removeprefix("W/") == bare:
            return True
    return False


def not_modified(resp: Response, headers) -> bool:
    """RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since."""
    if not resp.conditional or resp.status != 200:
        return False
    inm = headers.get("If-None-Match")
    if inm is not None:
        return _etag_matches(inm, resp.get_etag())
    ims = headers.get("If-Modified-Since")
    if ims and resp.last_modified is not None:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError, IndexError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=_dt.timezone.utc)
        return int(resp.last_modified.timestamp()) <= int(since.timestamp())
    return False


class DemoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx/1.24.0"   # look like a real site
    sys_version = ""

    def version_string(self) -> str:
        return self.server_version

    # -- logging: silent unless the server is verbose --------------------
    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        if getattr(self.server, "verbose", False):
            sys.stderr.write("[%s] %s\n" % (self.server.site_name, format % args))

    def log_request(self, code="-", size="-"):
        if getattr(self.server, "verbose", False):
            super().log_request(code, size)

    # -- verbs -------------------------------------------------------------
    def do_GET(self):
        self._serve(head=False)

    def do_HEAD(self):
        self._serve(head=True)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 1 << 20))
        self._log_hit("POST", 405)
        self._write(405, [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")],
                    b"405 Method Not Allowed\n", head=False)

    def _serve(self, head: bool):
        parts = urlsplit(self.path)
        path = parts.path or "/"
        app = self.server.app
        try:
            resp = app.respond("HEAD" if head else "GET", path, parts.query, self.headers)
        except Exception:  # a bug in a page must not kill the connection silently
            import traceback
            traceback.print_exc()
            resp = Response(500, b"<h1>500 Internal Server Error</h1>", conditional=False)
        if resp.delay:
            self.server.stop_event.wait(resp.delay)
        hdrs: list[tuple[str, str]] = [("Content-Type", resp.content_type)]
        if resp.status == 200 and resp.conditional:
            hdrs.append(("ETag", resp.get_etag()))
            if resp.last_modified is not None:
                hdrs.append(("Last-Modified", http_date(resp.last_modified)))
        hdrs.extend(resp.headers.items())
        if not_modified(resp, self.headers):
            keep = [(k, v) for k, v in hdrs if k in ("ETag", "Last-Modified", "Cache-Control")]
            self._log_hit(self.command, 304)      # logged before answering: no race for observers
            self._write(304, keep, b"", head=True, length=False)
            return
        self._log_hit(self.command, resp.status)
        self._write(resp.status, hdrs, resp.body, head=head)

    def _log_hit(self, method: str, status: int):
        hook = getattr(self.server, "on_request", None)
        if hook is not None:
            hook(method, self.path, status)

    def _write(self, status, headers, body: bytes, head: bool, length: bool = True):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self._headers_buffer.append(b"\r\n")
        if body and not head:
            self._headers_buffer.append(body)
        try:
            self.flush_headers()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class DemoHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, addr, app, site_name: str = "", verbose: bool = False,
                 on_request=None, stop_event: threading.Event | None = None):
        self.app = app
        self.site_name = site_name
        self.verbose = verbose
        self.on_request = on_request
        self.stop_event = stop_event or threading.Event()
        super().__init__(addr, DemoHandler)

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return  # client went away: not worth a traceback
        if self.verbose:
            super().handle_error(request, client_address)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def start_thread(self, name: str) -> threading.Thread:
        t = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.1},
                             name=name, daemon=True)
        t.start()
        return t
