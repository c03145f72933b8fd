"""The test's side of the real Matrix homeserver that .ci/push_server.sh runs: accounts through the
shared-secret registration API, and the client-server API to make a room and read what reached it."""
from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass
from urllib.parse import quote, urlsplit
from urllib.request import Request, urlopen


def _call(url: str, method: str = "GET", body: dict | None = None, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = Request(url, method=method, headers=headers, data=None if body is None else json.dumps(body).encode())
    with urlopen(request, timeout=30) as response:
        return json.load(response)


@dataclass
class MatrixAccount:
    server: "MatrixServer"
    user: str
    password: str
    token: str

    def client(self, path: str, method: str = "GET", body: dict | None = None) -> dict:
        return _call(f"{self.server.url}/_matrix/client/v3{path}", method, body, self.token)

    def public_room(self, alias: str) -> str:
        return self.client("/createRoom", "POST", {"room_alias_name": alias, "preset": "public_chat"})["room_id"]

    def messages(self, room_id: str) -> list[dict]:
        """Every m.room.message in the room, oldest first."""
        # Backwards from the newest: Dendrite wants a `from` token to page forwards.
        chunk = self.client(f"/rooms/{quote(room_id)}/messages?dir=b&limit=100")["chunk"]
        return [event for event in reversed(chunk) if event["type"] == "m.room.message"]


@dataclass
class MatrixServer:
    url: str
    shared_secret: str

    @property
    def host_port(self) -> str:
        return urlsplit(self.url).netloc

    def register(self, prefix: str) -> MatrixAccount:
        user, password = f"{prefix}-{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
        endpoint = f"{self.url}/_synapse/admin/v1/register"
        nonce = _call(endpoint)["nonce"]
        mac = hmac.new(self.shared_secret.encode(), "\0".join([nonce, user, password, "notadmin"]).encode(),
                       hashlib.sha1).hexdigest()
        done = _call(endpoint, "POST", {"nonce": nonce, "username": user, "password": password, "mac": mac,
                                        "admin": False})
        return MatrixAccount(self, user, password, done["access_token"])
