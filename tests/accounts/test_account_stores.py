"""Accounts, sessions, tokens, login attempts and the audit log on each backend's records."""
from __future__ import annotations

import pytest

from accounts.audit import recent_audit, record_audit
from accounts.login_limit import LoginLimiter
from accounts.passwords import WeakPassword
from accounts.roles import Role
from accounts.service import AccountService
from accounts.sessions import SessionStore, record_key
from accounts.store import AccountError, AccountStore
from config import Settings

PASSWORD = "correct horse battery"


def test_accounts_hash_with_argon2_and_authenticate(backend) -> None:  # type: ignore[no-untyped-def]
    accounts = AccountStore(backend.records)
    added = accounts.add(" Alice@Example.ma ", Role.ADMIN, PASSWORD)
    assert added.username == "alice@example.ma" and added.password_hash.startswith("$argon2id$")
    assert PASSWORD not in str(backend.records.get("accounts", "alice@example.ma"))
    assert accounts.authenticate("ALICE@example.ma", PASSWORD) == added
    assert accounts.authenticate("alice@example.ma", PASSWORD + "x") is None
    assert accounts.authenticate("nobody", PASSWORD) is None
    with pytest.raises(AccountError, match="already exists"):
        accounts.add("alice@example.ma", Role.ADVISOR, PASSWORD)
    with pytest.raises(WeakPassword):
        accounts.add("bob", Role.ADVISOR, "short")
    for bad in ("", "a", "-lead", "white space", "x" * 65, "é"):
        with pytest.raises(AccountError):
            accounts.add(bad, Role.ADVISOR, PASSWORD)
    accounts.add("bob", Role.ADVISOR, PASSWORD)
    assert [(a.username, a.role) for a in accounts.list()] == [("alice@example.ma", Role.ADMIN), ("bob", Role.ADVISOR)]


def test_sessions_expire_after_inactivity_and_end(backend) -> None:  # type: ignore[no-untyped-def]
    sessions = SessionStore(backend.records, idle_seconds=600)
    first, second = sessions.create("alice"), sessions.create("alice")
    assert first.session_id != second.session_id and len(first.session_id) >= 40
    assert backend.records.get("sessions", first.session_id) is None  # only the id's hash is a key
    assert sessions.get(first.session_id).username == "alice"  # type: ignore[union-attr]
    record = backend.records.get("sessions", record_key(first.session_id))
    backend.records.put("sessions", record_key(first.session_id), {**record, "last_seen": record["last_seen"] - 601})
    assert sessions.get(first.session_id) is None
    assert backend.records.get("sessions", record_key(first.session_id)) is None  # an expired one is deleted
    assert sessions.end(second.session_id) and sessions.get(second.session_id) is None
    sessions.create("alice"), sessions.create("alice"), sessions.create("bob")
    assert sessions.end_all("alice") == 2 and len(backend.records.list("sessions")) == 1


def test_tokens_are_kept_hashed_scoped_and_die_with_their_account(backend, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    service = AccountService(backend.records, settings)
    service.accounts.add("alice", Role.ADMIN, PASSWORD)
    service.accounts.add("bob", Role.ADVISOR, PASSWORD)
    token, kept = service.tokens.create("alice", "admin", "ci")
    read_token, _ = service.tokens.create("alice", "read")
    assert token.startswith("vt_") and len(token) > 40
    assert all(token not in str(r) for r in backend.records.list("api_tokens"))
    assert service.tokens.resolve(token).role is Role.ADMIN  # type: ignore[union-attr]
    assert service.tokens.resolve(read_token).role is Role.ADVISOR  # type: ignore[union-attr]
    assert service.tokens.resolve(token + "x") is None and service.tokens.resolve("vt_") is None
    with pytest.raises(AccountError, match="cannot hold"):
        service.tokens.create("bob", "admin")
    with pytest.raises(AccountError, match="unknown scope"):
        service.tokens.create("bob", "write")
    bob_token, bob_kept = service.tokens.create("bob", "read")
    assert service.tokens.revoke(bob_kept.token_id) and service.tokens.resolve(bob_token) is None
    assert not service.tokens.revoke(bob_kept.token_id)
    session = service.sessions.create("alice")
    assert service.remove("alice")
    assert service.tokens.resolve(token) is None and service.tokens.resolve(read_token) is None
    assert service.sessions.get(session.session_id) is None and service.accounts.get("alice") is None
    assert [t.token_id for t in service.tokens.list()] == []
    assert kept.token_id == kept.token_id.lower() and len(kept.token_id) == 12


def test_a_token_stops_at_once_when_its_account_record_goes(backend, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    """Even removed behind the service's back (another process), the account's absence stops its tokens."""
    service = AccountService(backend.records, settings)
    service.accounts.add("carol", Role.ADMIN, PASSWORD)
    token, _ = service.tokens.create("carol", "admin")
    backend.records.delete("accounts", "carol")
    assert service.tokens.resolve(token) is None


def test_changing_a_password_ends_the_sessions(backend, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    service = AccountService(backend.records, settings)
    service.accounts.add("dina", Role.ADVISOR, PASSWORD)
    session = service.sessions.create("dina")
    service.change_password("dina", "another long password")
    assert service.sessions.get(session.session_id) is None
    assert service.accounts.authenticate("dina", PASSWORD) is None
    assert service.accounts.authenticate("dina", "another long password") is not None


def test_login_limiter_counts_per_account_and_per_client(backend) -> None:  # type: ignore[no-untyped-def]
    limiter = LoginLimiter(backend.records, max_failures=3, window_seconds=900, max_client_failures=5)
    for _ in range(3):
        assert not limiter.blocked("alice", "10.0.0.1")
        limiter.failed("alice", "10.0.0.1")
    assert limiter.blocked("alice", "10.0.0.2")  # the account, from any client
    assert not limiter.blocked("bob", "10.0.0.3")
    limiter.failed("bob", "10.0.0.1"), limiter.failed("carol", "10.0.0.1")
    assert limiter.blocked("dave", "10.0.0.1")  # the client, whatever account it tries
    limiter.succeeded("alice")
    assert not limiter.blocked("alice", "10.0.0.2")
    assert all(len(r["failures"]) <= 5 for r in backend.records.list("login_attempts"))  # bounded


def test_old_failures_fall_out_of_the_window(backend) -> None:  # type: ignore[no-untyped-def]
    limiter = LoginLimiter(backend.records, max_failures=2, window_seconds=0.5)
    limiter.failed("erin", "10.0.0.9"), limiter.failed("erin", "10.0.0.9")
    assert limiter.blocked("erin", "10.0.0.9")
    import time
    time.sleep(0.6)
    assert not limiter.blocked("erin", "10.0.0.9")


def test_audit_entries_newest_first_with_details(backend) -> None:  # type: ignore[no-untyped-def]
    record_audit(backend, "alice", "source.add", "source:le-matin", {"url": "https://lematin.ma", "n": 3})
    record_audit(backend, "bob", "account.remove", "account:carol", {"n": "three"})  # same key, another type
    record_audit(backend, "alice", "login", "account:alice")
    entries = recent_audit(backend)
    assert [e.action for e in entries] == ["login", "account.remove", "source.add"]
    assert entries[2].details == {"url": "https://lematin.ma", "n": 3} and entries[1].details == {"n": "three"}
    assert [e.action for e in recent_audit(backend, actor="alice")] == ["login", "source.add"]
    assert entries[0].at > entries[1].at > entries[2].at


def test_maintenance_purges_idle_sessions_and_old_failures(backend, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    import jobs
    service = AccountService(backend.records, settings)
    idle, live = service.sessions.create("alice"), service.sessions.create("alice")
    record = backend.records.get("sessions", record_key(idle.session_id))
    backend.records.put("sessions", record_key(idle.session_id),
                        {**record, "last_seen": record["last_seen"] - settings.session_idle_minutes * 60 - 1})
    service.limiter.failed("alice", "10.0.0.1")
    old = backend.records.list("login_attempts")[0]
    backend.records.put("login_attempts", str(old["key"]), {**old, "failures": [1.0]})  # 1970
    assert jobs.maintenance(settings, backend).stale_access_records == 2  # an idle session, a stale failure count
    assert service.sessions.get(live.session_id) is not None
    assert service.limiter.blocked("alice", "10.0.0.1") is False and len(backend.records.list("login_attempts")) == 1
