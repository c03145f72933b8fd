"""API tokens in the `api_tokens` records: shown once at creation, kept only as a SHA-256 of their 256 random bits
(a slow hash adds nothing to a secret that cannot be guessed). Each belongs to an account and carries a scope."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from accounts.clock import iso
from accounts.roles import SCOPES, Role
from accounts.store import AccountError, AccountStore
from indexing.backends.records import RecordStore

COLLECTION = "api_tokens"
PREFIX = "vt_"  # recognisable in a leaked log or a secret scanner


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class ApiToken:
    token_id: str
    """The first hex digits of the hash: enough to name a token for `revoke`, useless to call the API."""
    username: str
    scope: str
    name: str
    created_at: str

    @property
    def role(self) -> Role:
        return SCOPES[self.scope]


def _from_record(data: dict[str, object]) -> ApiToken:
    return ApiToken(str(data["token_id"]), str(data["username"]), str(data["scope"]), str(data.get("name", "")),
                    str(data["created_at"]))


class TokenStore:
    def __init__(self, records: RecordStore, accounts: AccountStore) -> None:
        self.records = records
        self.accounts = accounts

    def create(self, username: str, scope: str, name: str = "") -> tuple[str, ApiToken]:
        """The token itself (to show once) and what is kept of it."""
        if scope not in SCOPES:
            raise AccountError(f"unknown scope {scope!r}: expected {' or '.join(SCOPES)}")
        account = self.accounts.require(username)
        if SCOPES[scope] > account.role:
            raise AccountError(f"{account.username} is {account.role.label}: it cannot hold a {scope} token")
        token = PREFIX + secrets.token_urlsafe(32)
        digest = token_hash(token)
        kept = ApiToken(digest[:12], account.username, scope, name.strip()[:100], iso())
        self.records.put(COLLECTION, digest, {"hash": digest, "token_id": kept.token_id, "username": kept.username,
                                              "scope": scope, "name": kept.name, "created_at": kept.created_at,
                                              "updated_at": kept.created_at}, create_only=True)
        return token, kept

    def resolve(self, token: str) -> ApiToken | None:
        """The token's record if it exists and its account still does (a removed account's tokens stop at once)."""
        if not token.startswith(PREFIX) or len(token) > 200:
            return None
        data = self.records.get(COLLECTION, token_hash(token))
        if data is None or str(data.get("scope")) not in SCOPES:
            return None
        kept = _from_record(data)
        return kept if self.accounts.get(kept.username) is not None else None

    def list(self, username: str | None = None) -> list[ApiToken]:
        where = {"username": username} if username else None
        return [_from_record(r) for r in self.records.list(COLLECTION, where)]

    def revoke(self, token_id: str) -> bool:
        matches = [r for r in self.records.list(COLLECTION, {"token_id": token_id})]
        return sum(self.records.delete(COLLECTION, str(r["hash"])) for r in matches) > 0

    def revoke_all(self, username: str) -> int:
        return sum(self.records.delete(COLLECTION, str(r["hash"]))
                   for r in self.records.list(COLLECTION, {"username": username}))
