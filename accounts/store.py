"""Accounts in the backend's `accounts` records, so every UI instance sees the same ones."""
from __future__ import annotations

import re
from dataclasses import dataclass

from accounts.clock import iso
from accounts.passwords import hash_password, needs_rehash, verify_password
from accounts.roles import Role
from indexing.backends.records import RecordStore

COLLECTION = "accounts"
USERNAME = re.compile(r"[a-z0-9][a-z0-9._@-]{1,63}")


class AccountError(ValueError):
    """A bad user name, a taken one, an unknown account or a weak password; the message says which."""


def normalize_username(raw: str) -> str:
    name = raw.strip().lower()
    if not USERNAME.fullmatch(name):
        raise AccountError("a user name has 2 to 64 characters: letters, digits, and . _ @ - (not first)")
    return name


@dataclass(frozen=True)
class Account:
    username: str
    role: Role
    password_hash: str
    created_at: str
    updated_at: str

    @classmethod
    def from_record(cls, data: dict[str, object]) -> "Account":
        return cls(str(data["username"]), Role.parse(str(data["role"])), str(data["password_hash"]),
                   str(data["created_at"]), str(data["updated_at"]))

    def to_record(self) -> dict[str, object]:
        return {"username": self.username, "role": self.role.label, "password_hash": self.password_hash,
                "created_at": self.created_at, "updated_at": self.updated_at}


class AccountStore:
    def __init__(self, records: RecordStore) -> None:
        self.records = records

    def add(self, username: str, role: Role, password: str) -> Account:
        name = normalize_username(username)
        now = iso()
        account = Account(name, role, hash_password(password), now, now)
        if not self.records.put(COLLECTION, name, account.to_record(), create_only=True):
            raise AccountError(f"the account {name!r} already exists")
        return account

    def get(self, username: str) -> Account | None:
        try:
            name = normalize_username(username)
        except AccountError:
            return None
        data = self.records.get(COLLECTION, name)
        return Account.from_record(data) if data else None

    def require(self, username: str) -> Account:
        account = self.get(username)
        if account is None:
            raise AccountError(f"no account named {username!r}")
        return account

    def list(self) -> list[Account]:
        return sorted((Account.from_record(r) for r in self.records.list(COLLECTION)), key=lambda a: a.username)

    def set_password(self, username: str, password: str) -> Account:
        account = self.require(username)
        changed = Account(account.username, account.role, hash_password(password), account.created_at, iso())
        self.records.put(COLLECTION, account.username, changed.to_record())
        return changed

    def remove(self, username: str) -> bool:
        return self.records.delete(COLLECTION, normalize_username(username))

    def authenticate(self, username: str, password: str) -> Account | None:
        """The account if the password is its own; the same work is done for an unknown name."""
        account = self.get(username)
        if not verify_password(account.password_hash if account else None, password):
            return None
        assert account is not None
        if needs_rehash(account.password_hash):
            return self.set_password(account.username, password)
        return account
