"""Accounts with what hangs off them: removing one or changing its password ends its sessions (and removal its
tokens) at once, whoever asks, the CLI or the console."""
from __future__ import annotations

from accounts.login_limit import LoginLimiter
from accounts.sessions import SessionStore
from accounts.store import Account, AccountStore
from accounts.tokens import TokenStore
from config import Settings
from indexing.backends.records import RecordStore


class AccountService:
    def __init__(self, records: RecordStore, settings: Settings) -> None:
        self.accounts = AccountStore(records)
        self.sessions = SessionStore(records, idle_seconds=settings.session_idle_minutes * 60)
        self.tokens = TokenStore(records, self.accounts)
        self.limiter = LoginLimiter(records)

    def remove(self, username: str) -> bool:
        account = self.accounts.require(username)
        removed = self.accounts.remove(account.username)
        self.sessions.end_all(account.username)
        self.tokens.revoke_all(account.username)
        return removed

    def change_password(self, username: str, password: str) -> Account:
        account = self.accounts.set_password(username, password)
        self.sessions.end_all(account.username)
        return account

    def purge_expired(self) -> int:
        """Idle sessions and login failures past their window: `veille maintenance` clears them."""
        return self.sessions.purge_expired() + self.limiter.purge_expired()
