from __future__ import annotations

import pytest

from config import SETTINGS_DOC, ConfigError, load_settings
from support import ROOT


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [key for key in SETTINGS_DOC if f"`{key}`" not in readme]
    assert not missing, f"README lacks {missing}"


def test_embedded_backend_by_default() -> None:
    settings = load_settings({})
    assert settings.backend_name == "sqlite" and settings.mailer == "outbox"
    assert load_settings({"VEILLE_ELASTICSEARCH_URL": "http://es:9200"}).backend_name == "elasticsearch"


@pytest.mark.parametrize("env, message", [
    ({"VEILLE_SMTP_PORT": "abc"}, "VEILLE_SMTP_PORT: expected an integer"),
    ({"VEILLE_SMTP_PORT": "70000"}, "VEILLE_SMTP_PORT: 70000 is outside"),
    ({"VEILLE_MAILER": "pigeon"}, "VEILLE_MAILER: expected one of"),
    ({"VEILLE_ELASTICSEARCH_URL": "es:9200"}, "VEILLE_ELASTICSEARCH_URL: expected an http(s) URL"),
    ({"VEILLE_ENV": "production"}, "VEILLE_SECRET_KEY: required"),
    ({"VEILLE_SECRET_KEY": "short"}, "at least 16"),
    ({"VEILLE_TIMEZONE": "Mars/Olympus"}, "unknown timezone"),
    ({"VEILLE_MAIL_FROM": "a@b\r\nBcc: x@y"}, "VEILLE_MAIL_FROM"),
    ({"VEILLE_LOG_JSON": "maybe"}, "VEILLE_LOG_JSON: expected a boolean"),
    ({"VEILLE_ES_PREFIX": "Bad Prefix"}, "VEILLE_ES_PREFIX"),
])
def test_bad_values_fail_loudly_naming_the_key(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as exc:
        load_settings(env)
    assert message in str(exc.value)


def test_production_with_a_secret_starts() -> None:
    settings = load_settings({"VEILLE_ENV": "production", "VEILLE_SECRET_KEY": "x" * 32})
    assert settings.env == "production" and settings.secret_key == "x" * 32


def test_config_file_rejects_unknown_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "veille.env"
    path.write_text("VEILLE_MAILER=smtp\nVEILLE_SMTP_HOST=mail.example.ma\n", encoding="utf-8")
    assert load_settings({}, env_file=path).smtp_host == "mail.example.ma"
    path.write_text("VEILLE_MAILR=smtp\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'VEILLE_MAILR'"):
        load_settings({}, env_file=path)
