"""A real HTTP server on 127.0.0.1 that notification services post to (Apprise's json://, and each
provider's own request format pointed here); it records every request and can be taken down."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")


class HttpReceiver:
    # Enough for every service the tests use: Telegram reads "ok", SMSEagle reads "result".
    OK_BODY = json.dumps({"ok": True, "result": {"status": "ok", "message_id": 1},
                          "messages": [{"id": "wamid.1"}]}).encode()

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.down = False  # answer 503 to everything, as a provider in an outage does
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if receiver.down:
                    self.send_response(503)
                    self.end_headers()
                    return
                with receiver._lock:
                    receiver.requests.append(Received("POST", self.path, dict(self.headers.items()), body))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(receiver.OK_BODY)))
                self.end_headers()
                self.wfile.write(receiver.OK_BODY)

            do_GET = do_POST

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "HttpReceiver":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def received(self, path_prefix: str = "") -> list[Received]:
        with self._lock:
            return [r for r in self.requests if r.path.startswith(path_prefix)]
