"""`veille users add|list|remove|passwd` and `veille tokens create|list|revoke`: accounts from the server's shell,
where the first admin is made. Every change is written to the audit log as done by `cli:<system user>`."""
from __future__ import annotations

import argparse
import getpass
import secrets
import sys
from typing import Any

from accounts.audit import record_audit
from accounts.passwords import WeakPassword
from accounts.roles import SCOPES, Role
from accounts.service import AccountService
from accounts.store import AccountError
from config import Settings
from indexing.backends.base import SearchBackend

DEMO_ADMIN = "demo-admin"


def _open(settings: Settings) -> tuple[SearchBackend, AccountService]:
    from indexing.backends import open_backend
    backend = open_backend(settings)
    backend.setup()
    return backend, AccountService(backend.records, settings)


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no passwd entry (a container's arbitrary uid)
        return "cli"


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise AccountError("the two passwords differ")
    return first


def _users(args: argparse.Namespace, backend: SearchBackend, service: AccountService) -> int:
    actor = cli_actor()
    if args.action == "list":
        from cli_tables import write_json
        rows = [{"username": a.username, "role": a.role.label, "created_at": a.created_at,
                 "tokens": len(service.tokens.list(a.username))} for a in service.accounts.list()]
        if args.json:
            write_json(rows)
        for row in [] if args.json else rows:
            print(f"{row['username']:<24} {row['role']:<8} created {row['created_at'][:19]}  tokens {row['tokens']}")
        return 0
    if not args.name:
        raise AccountError(f"`veille users {args.action}` needs a user name")
    if args.action == "add":
        account = service.accounts.add(args.name, Role.parse(args.role), read_password(args.password_stdin))
        record_audit(backend, actor, "account.add", f"account:{account.username}", {"role": account.role.label})
        print(f"added {account.username} ({account.role.label})")
    elif args.action == "passwd":
        account = service.change_password(args.name, read_password(args.password_stdin))
        record_audit(backend, actor, "account.passwd", f"account:{account.username}", {})
        print(f"new password for {account.username}; its sessions are ended")
    else:
        service.remove(args.name)
        record_audit(backend, actor, "account.remove", f"account:{args.name.strip().lower()}", {})
        print(f"removed {args.name}; its sessions and tokens no longer work")
    return 0


def token_owner(service: AccountService, username: str | None, scope: str) -> str:
    """The named account, or the one account that may hold `scope` when there is exactly one."""
    if username:
        return username
    able = [a.username for a in service.accounts.list() if a.role >= SCOPES.get(scope, Role.ADMIN)]
    if len(able) != 1:
        raise AccountError("name the token's account with --user" if able else
                           "no account may hold this token: create one with `veille users add NAME --role admin`")
    return able[0]


def _tokens(args: argparse.Namespace, backend: SearchBackend, service: AccountService) -> int:
    if args.action == "create":
        token, kept = service.tokens.create(token_owner(service, args.user, args.scope), args.scope, args.name or "")
        record_audit(backend, cli_actor(), "token.create", f"token:{kept.token_id}",
                     {"account": kept.username, "scope": kept.scope, "name": kept.name})
        print(token)
        print(f"token {kept.token_id} ({kept.scope}) for {kept.username}: shown once, store it now; "
              f"send it as `Authorization: Bearer …`", file=sys.stderr)
    elif args.action == "list":
        for t in service.tokens.list(args.user):
            print(f"{t.token_id}  {t.scope:<5} {t.username:<24} {t.created_at[:19]}  {t.name}")
    else:
        if not args.token_id or not service.tokens.revoke(args.token_id):
            raise AccountError(f"no token {args.token_id!r} (see `veille tokens list`)")
        record_audit(backend, cli_actor(), "token.revoke", f"token:{args.token_id}", {})
        print(f"revoked {args.token_id}")
    return 0


def _run(handler: Any, args: argparse.Namespace, settings: Settings) -> int:
    backend, service = _open(settings)
    try:
        return int(handler(args, backend, service))
    except (AccountError, WeakPassword, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        backend.close()


def cmd_users(args: argparse.Namespace, settings: Settings) -> int:
    return _run(_users, args, settings)


def cmd_tokens(args: argparse.Namespace, settings: Settings) -> int:
    return _run(_tokens, args, settings)


def ensure_demo_admin(settings: Settings) -> tuple[str, str]:
    """The demo's admin with a fresh password each run (the demo prints it; nothing else knows it)."""
    backend, service = _open(settings)
    try:
        password = secrets.token_urlsafe(12)
        if service.accounts.get(DEMO_ADMIN) is None:
            service.accounts.add(DEMO_ADMIN, Role.ADMIN, password)
        else:
            service.change_password(DEMO_ADMIN, password)
        record_audit(backend, cli_actor(), "account.demo_admin", f"account:{DEMO_ADMIN}", {})
        return DEMO_ADMIN, password
    finally:
        backend.close()


def register(sub: Any) -> None:
    p = sub.add_parser("users", help="add, list or remove accounts, or change a password")
    p.add_argument("action", choices=("add", "list", "remove", "passwd"))
    p.add_argument("name", nargs="?")
    p.add_argument("--role", choices=("advisor", "admin"), default="advisor")
    p.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_users)

    p = sub.add_parser("tokens", help="create, list or revoke API tokens")
    p.add_argument("action", choices=("create", "list", "revoke"))
    p.add_argument("token_id", nargs="?", help="the token to revoke (its id from `veille tokens list`)")
    p.add_argument("--scope", choices=tuple(SCOPES), default="read")
    p.add_argument("--user", help="the token's account (default: the only account that may hold the scope)")
    p.add_argument("--name", help="what the token is for")
    p.set_defaults(func=cmd_tokens)


def demo_access(settings: Settings) -> tuple[Settings, str]:
    """The demo opens every page to anonymous visitors (a newcomer searches at once) and has an admin to log in as."""
    from config import PUBLIC_PARTS
    user, password = ensure_demo_admin(settings)
    return settings.replace(public_parts=frozenset(PUBLIC_PARTS)), f"admin login: {user} / {password}  (at /login)"
