"""`veille users` and `veille tokens`, run as an operator runs them (a child process on a fresh var dir)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support import ROOT

from accounts.audit import recent_audit
from accounts.service import AccountService
from config import load_settings
from indexing.backends import open_backend


def run(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), VEILLE_VAR_DIR=str(tmp_path / "var"))
    env.pop("VEILLE_ELASTICSEARCH_URL", None)
    # A new session has no terminal: getpass reads the prompt's answer from stdin, as a pipe gives it.
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, env=env, input=stdin, capture_output=True,
                          text=True, timeout=120, start_new_session=True)


def test_users_add_list_passwd_remove(tmp_path: Path) -> None:
    added = run(tmp_path, "users", "add", "Admin.One", "--role", "admin", "--password-stdin", stdin="first password!\n")
    assert added.returncode == 0 and "added admin.one (admin)" in added.stdout
    prompted = run(tmp_path, "users", "add", "advisor-two", stdin="second password\nsecond password\n")
    assert prompted.returncode == 0, prompted.stderr
    mismatch = run(tmp_path, "users", "add", "third", stdin="one long password\nanother password\n")
    assert mismatch.returncode == 2 and "differ" in mismatch.stderr
    listed = json.loads(run(tmp_path, "users", "list", "--json").stdout)
    assert [(u["username"], u["role"]) for u in listed] == [("admin.one", "admin"), ("advisor-two", "advisor")]
    assert run(tmp_path, "users", "passwd", "advisor-two", "--password-stdin", stdin="a new password 3\n").returncode == 0
    assert run(tmp_path, "users", "remove", "admin.one").returncode == 0
    assert [u["username"] for u in json.loads(run(tmp_path, "users", "list", "--json").stdout)] == ["advisor-two"]

    settings = load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var")})
    backend = open_backend(settings)
    try:
        service = AccountService(backend.records, settings)
        assert service.accounts.authenticate("advisor-two", "a new password 3") is not None
        assert service.accounts.authenticate("advisor-two", "second password") is None
        actions = [(e.action, e.target) for e in recent_audit(backend)]
        assert actions == [("account.remove", "account:admin.one"), ("account.passwd", "account:advisor-two"),
                           ("account.add", "account:advisor-two"), ("account.add", "account:admin.one")]
        assert all(e.actor.startswith("cli") for e in recent_audit(backend))
    finally:
        backend.close()


def test_users_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    assert "at least 10" in run(tmp_path, "users", "add", "bob", "--password-stdin", stdin="short\n").stderr
    run(tmp_path, "users", "add", "bob", "--password-stdin", stdin="long enough pw\n")
    duplicate = run(tmp_path, "users", "add", "BOB", "--password-stdin", stdin="long enough pw\n")
    assert duplicate.returncode == 2 and "already exists" in duplicate.stderr
    for args in (("users", "remove", "nobody"), ("users", "passwd", "nobody", "--password-stdin"),
                 ("users", "add", "bad name", "--password-stdin"), ("users", "add")):
        done = run(tmp_path, *args, stdin="long enough pw\n")
        assert done.returncode == 2 and done.stderr.startswith("error: "), args
    assert run(tmp_path, "users", "add", "x", "--role", "root").returncode == 2  # argparse refuses the role


def test_tokens_create_list_revoke(tmp_path: Path) -> None:
    assert "veille users add" in run(tmp_path, "tokens", "create", "--scope", "admin").stderr  # no account yet
    run(tmp_path, "users", "add", "ops", "--role", "admin", "--password-stdin", stdin="operator password\n")
    run(tmp_path, "users", "add", "reader", "--password-stdin", stdin="reader password!\n")
    created = run(tmp_path, "tokens", "create", "--scope", "admin", "--name", "backup job")
    token = created.stdout.strip()
    assert created.returncode == 0 and token.startswith("vt_") and "shown once" in created.stderr
    ambiguous = run(tmp_path, "tokens", "create", "--scope", "read")
    assert ambiguous.returncode == 2 and "--user" in ambiguous.stderr  # two accounts may hold a read token
    refused = run(tmp_path, "tokens", "create", "--scope", "admin", "--user", "reader")
    assert refused.returncode == 2 and "cannot hold" in refused.stderr
    assert run(tmp_path, "tokens", "create", "--scope", "read", "--user", "reader").returncode == 0
    listed = run(tmp_path, "tokens", "list").stdout.splitlines()
    assert len(listed) == 2 and token not in "\n".join(listed)
    token_id = next(line.split()[0] for line in listed if "backup job" in line)
    assert run(tmp_path, "tokens", "revoke", token_id).returncode == 0
    assert run(tmp_path, "tokens", "revoke", token_id).returncode == 2
    assert len(run(tmp_path, "tokens", "list").stdout.splitlines()) == 1
