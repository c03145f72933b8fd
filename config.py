"""Typed settings from the environment (and an optional `.env`-style file); bad values fail loudly.

Every key is documented in SETTINGS_DOC and in the README (tests/test_config.py keeps them in sync).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent


class ConfigError(ValueError):
    """A setting has a bad value; the message names the key."""


SETTINGS_DOC: dict[str, str] = {
    "VEILLE_ENV": "`development` (default) or `production`; production refuses to start without VEILLE_SECRET_KEY and marks session cookies Secure (HTTPS only).",
    "VEILLE_VAR_DIR": "Directory for local state in embedded mode (SQLite database, outbox, spool, HTTP cache). Default `var/`.",
    "VEILLE_ELASTICSEARCH_URL": "Elasticsearch 8 URL, or several comma-separated nodes of one cluster (`http://es1:9200,http://es2:9200`). Unset: the embedded SQLite FTS5 backend is used.",
    "VEILLE_ES_REPLICAS": "Replicas per Elasticsearch shard (0 on one node, 1 or more on a cluster). Default 0.",
    "VEILLE_ES_SHARDS": "Primary shards of the document index. Default 1.",
    "VEILLE_ES_PREFIX": "Prefix of Elasticsearch index and alias names. Default `veille`.",
    "VEILLE_SQLITE_PATH": "Path of the embedded database. Default `$VEILLE_VAR_DIR/veille.db`.",
    "VEILLE_SOURCES": "Seed of the source catalogue: imported into the backend when it holds no source yet (afterwards the console and `veille sources import` change it). Default `sources.yaml`.",
    "VEILLE_MAILER": "`outbox` (default: write .eml files to `$VEILLE_VAR_DIR/outbox`) or `smtp`.",
    "VEILLE_SMTP_HOST": "SMTP host (mailer `smtp`). Default `localhost`.",
    "VEILLE_SMTP_PORT": "SMTP port. Default 25 (587 with STARTTLS, 465 with SSL).",
    "VEILLE_SMTP_SECURITY": "`none` (default), `starttls` or `ssl`.",
    "VEILLE_SMTP_USER": "SMTP user name, if the server needs authentication.",
    "VEILLE_SMTP_PASSWORD": "SMTP password.",
    "VEILLE_MAIL_FROM": "Sender address of alerts and digests. Default `veille@localhost`.",
    "VEILLE_SECRET_KEY": "Secret that signs unsubscribe and confirmation tokens and session cookies. Required in production.",
    "VEILLE_BASE_URL": "Public URL of the web UI, used in links inside emails. Default `http://127.0.0.1:8000`.",
    "VEILLE_CONTACT_URL": "Contact URL sent in the crawler's User-Agent. Default `https://veille.example.ma/contact`.",
    "VEILLE_TIMEZONE": "Timezone of schedules and digests. Default `Africa/Casablanca`.",
    "VEILLE_RATES_FILE": "Offline exchange-rate file (ECB reference rates). Default `indexing/rates/ecb.json`.",
    "VEILLE_LOG_JSON": "`1` for JSON log lines. Default `0`.",
    "VEILLE_EXTRACT_WORKERS": "Processes that extract and analyse pages during a crawl (`0`: in the crawler itself). Default: one per CPU.",
    "VEILLE_KEEP_NEWS_MONTHS": "News older than this many months is deleted by `veille maintenance` (fairs and offers are kept). `0` keeps it forever. Default 24.",
    "VEILLE_THIN_PRICES_AFTER_DAYS": "Price observations older than this many days are thinned to one per offer and ISO week. `0` keeps them all. Default 365.",
    "VEILLE_KEEP_DELIVERIES_MONTHS": "Sent or failed messages older than this many months keep only their key and status, counted per month (the body goes; the key still blocks a resend). `0` keeps them whole. Default 6.",
    "VEILLE_HTTP_CACHE_MAX_MB": "Size cap of the crawler's HTTP cache; `veille maintenance` evicts the oldest entries above it. Default 1024.",
    "VEILLE_SPOOL_MAX_MB": "Size cap of the outage spool. When it is full the crawl pauses until the backend answers again; spooled items are never dropped. Default 512.",
    "VEILLE_NOTIFIER": "How WhatsApp, SMS, Telegram and Apprise alerts leave: `outbox` (default: one JSON file per message in `$VEILLE_VAR_DIR/outbox/channels`) or `apprise` (the URLs below).",
    "VEILLE_APPRISE_WHATSAPP": "Apprise URL template for WhatsApp (Meta Cloud API), with `{phone}` for the subscriber's number: `whatsapp://TOKEN@PHONE_ID/{phone}`. A secret: never logged.",
    "VEILLE_APPRISE_SMS": "Apprise URL template for SMS through any provider Apprise supports, with `{phone}`: `twilio://SID:TOKEN@+212500000000/{phone}`, `smseagle://TOKEN@host/{phone}`. A secret: never logged.",
    "VEILLE_APPRISE_TELEGRAM": "Apprise URL template for Telegram, with `{chat}` for the subscriber's chat id: `tgram://BOT_TOKEN/{chat}`. A secret: never logged.",
    "VEILLE_APPRISE_EXTRA": "Apprise URL (or several, space-separated) that receives the alerts of subscriptions with the `apprise` channel (ntfy, Matrix, Signal, Slack… for advisors); `{phone}` and `{chat}` may appear. A secret: never logged.",
    "VEILLE_PUBLIC": "What anonymous visitors may use, comma-separated among `alerts` (the salon-alert sign-up), `fairs` (calendar, `.ics`, `/api/fairs`), `search`, `prices`, `news`, `trends`; `all` opens every part, `none` none. Default `alerts,fairs`. Confirmation, unsubscribe and preferences links and the stop webhooks always work (their own signed tokens authorise them); everything else needs an account or an API token.",
    "VEILLE_SESSION_IDLE_MINUTES": "A browser session ends after this many minutes without a request. Default 60.",
    "VEILLE_PHONE_REGION": "Region of phone numbers given without a country code (`06…` → `+2126…`). Default `MA`.",
}


def _bool(key: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ConfigError(f"{key}: expected a boolean (1/0, true/false), got {raw!r}")


def _int(key: str, raw: str, low: int, high: int) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{key}: expected an integer, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{key}: {value} is outside {low}..{high}")
    return value


def _url(key: str, raw: str) -> str:
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{key}: expected an http(s) URL, got {raw!r}")
    return raw.rstrip("/")


def _choice(key: str, raw: str, choices: tuple[str, ...]) -> str:
    value = raw.strip().lower()
    if value not in choices:
        raise ConfigError(f"{key}: expected one of {', '.join(choices)}, got {raw!r}")
    return value


PUBLIC_PARTS = ("alerts", "fairs", "search", "prices", "news", "trends")


def public_parts(raw: str) -> frozenset[str]:
    names = {part.strip().lower() for part in raw.split(",") if part.strip()}
    if names == {"all"}:
        return frozenset(PUBLIC_PARTS)
    if names == {"none"}:
        return frozenset()
    unknown = sorted(names - set(PUBLIC_PARTS))
    if unknown:
        raise ConfigError(f"VEILLE_PUBLIC: unknown part {unknown[0]!r}; expected all, none or some of "
                          f"{', '.join(PUBLIC_PARTS)}")
    return frozenset(names)


def read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            raise ConfigError(f"{path}:{number}: expected KEY=VALUE")
        key, value = line.split("=", 1)
        key = key.strip()
        if key not in SETTINGS_DOC:
            raise ConfigError(f"{path}:{number}: unknown setting {key!r}")
        values[key] = value.strip().strip('"').strip("'")
    return values


@dataclass(frozen=True)
class Settings:
    env: str = "development"
    var_dir: Path = ROOT / "var"
    elasticsearch_url: str | None = None
    es_prefix: str = "veille"
    es_replicas: int = 0
    es_shards: int = 1
    sqlite_path: Path = ROOT / "var" / "veille.db"
    sources_file: Path = ROOT / "sources.yaml"
    mailer: str = "outbox"
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_security: str = "none"
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    mail_from: str = "veille@localhost"
    secret_key: str = field(default="dev-only-insecure-secret", repr=False)
    base_url: str = "http://127.0.0.1:8000"
    contact_url: str = "https://veille.example.ma/contact"
    timezone: str = "Africa/Casablanca"
    rates_file: Path = ROOT / "indexing" / "rates" / "ecb.json"
    log_json: bool = False
    extract_workers: int | None = None
    keep_news_months: int = 24
    thin_prices_after_days: int = 365
    keep_deliveries_months: int = 6
    http_cache_max_mb: int = 1024
    spool_max_mb: int = 512
    notifier: str = "outbox"
    apprise_whatsapp: str | None = field(default=None, repr=False)
    apprise_sms: str | None = field(default=None, repr=False)
    apprise_telegram: str | None = field(default=None, repr=False)
    apprise_extra: str | None = field(default=None, repr=False)
    phone_region: str = "MA"
    public_parts: frozenset[str] = frozenset({"alerts", "fairs"})
    session_idle_minutes: int = 60

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def backend_name(self) -> str:
        return "elasticsearch" if self.elasticsearch_url else "sqlite"

    @property
    def outbox_dir(self) -> Path:
        return self.var_dir / "outbox"

    @property
    def spool_dir(self) -> Path:
        return self.var_dir / "spool"

    @property
    def http_cache_dir(self) -> Path:
        return self.var_dir / "httpcache"

    @property
    def user_agent(self) -> str:
        return f"veille-bot/1.0 (+{self.contact_url})"

    def replace(self, **changes: object) -> "Settings":
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Settings(**values)  # type: ignore[arg-type]


def load_settings(environ: Mapping[str, str] | None = None, env_file: Path | None = None) -> Settings:
    source: dict[str, str] = {}
    file_path = env_file or (Path(os.environ["VEILLE_CONFIG"]) if "VEILLE_CONFIG" in os.environ else None)
    if file_path is not None:
        if not file_path.exists():
            raise ConfigError(f"VEILLE_CONFIG: file {file_path} does not exist")
        source.update(read_env_file(file_path))
    env = dict(os.environ if environ is None else environ)
    source.update({k: v for k, v in env.items() if k in SETTINGS_DOC})

    def get(key: str) -> str | None:
        value = source.get(key)
        return value if value not in (None, "") else None

    kwargs: dict[str, object] = {}
    if (v := get("VEILLE_ENV")) is not None:
        kwargs["env"] = _choice("VEILLE_ENV", v, ("development", "production"))
    var_dir = Path(get("VEILLE_VAR_DIR") or ROOT / "var")
    kwargs["var_dir"] = var_dir
    kwargs["sqlite_path"] = Path(get("VEILLE_SQLITE_PATH") or var_dir / "veille.db")
    if (v := get("VEILLE_ELASTICSEARCH_URL")) is not None:
        kwargs["elasticsearch_url"] = ",".join(_url("VEILLE_ELASTICSEARCH_URL", u.strip()) for u in v.split(","))
    if (v := get("VEILLE_ES_PREFIX")) is not None:
        if not v.replace("_", "").replace("-", "").isalnum() or v != v.lower():
            raise ConfigError(f"VEILLE_ES_PREFIX: lowercase letters, digits, - and _ only, got {v!r}")
        kwargs["es_prefix"] = v
    if (v := get("VEILLE_ES_REPLICAS")) is not None:
        kwargs["es_replicas"] = _int("VEILLE_ES_REPLICAS", v, 0, 10)
    if (v := get("VEILLE_ES_SHARDS")) is not None:
        kwargs["es_shards"] = _int("VEILLE_ES_SHARDS", v, 1, 100)
    if (v := get("VEILLE_SOURCES")) is not None:
        kwargs["sources_file"] = Path(v)
    if (v := get("VEILLE_MAILER")) is not None:
        kwargs["mailer"] = _choice("VEILLE_MAILER", v, ("outbox", "smtp"))
    if (v := get("VEILLE_SMTP_HOST")) is not None:
        kwargs["smtp_host"] = v
    security = _choice("VEILLE_SMTP_SECURITY", get("VEILLE_SMTP_SECURITY") or "none", ("none", "starttls", "ssl"))
    kwargs["smtp_security"] = security
    default_port = {"none": "25", "starttls": "587", "ssl": "465"}[security]
    kwargs["smtp_port"] = _int("VEILLE_SMTP_PORT", get("VEILLE_SMTP_PORT") or default_port, 1, 65535)
    kwargs["smtp_user"] = get("VEILLE_SMTP_USER")
    kwargs["smtp_password"] = get("VEILLE_SMTP_PASSWORD")
    if (v := get("VEILLE_MAIL_FROM")) is not None:
        if "@" not in v or any(c in v for c in "\r\n"):
            raise ConfigError(f"VEILLE_MAIL_FROM: not an email address: {v!r}")
        kwargs["mail_from"] = v
    secret = get("VEILLE_SECRET_KEY")
    if secret is not None:
        if len(secret) < 16:
            raise ConfigError("VEILLE_SECRET_KEY: must be at least 16 characters")
        kwargs["secret_key"] = secret
    elif kwargs.get("env") == "production":
        raise ConfigError("VEILLE_SECRET_KEY: required when VEILLE_ENV=production (tokens would be forgeable)")
    if (v := get("VEILLE_BASE_URL")) is not None:
        kwargs["base_url"] = _url("VEILLE_BASE_URL", v)
    if (v := get("VEILLE_CONTACT_URL")) is not None:
        kwargs["contact_url"] = _url("VEILLE_CONTACT_URL", v)
    if (v := get("VEILLE_TIMEZONE")) is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"VEILLE_TIMEZONE: unknown timezone {v!r}") from None
        kwargs["timezone"] = v
    if (v := get("VEILLE_RATES_FILE")) is not None:
        kwargs["rates_file"] = Path(v)
    if (v := get("VEILLE_LOG_JSON")) is not None:
        kwargs["log_json"] = _bool("VEILLE_LOG_JSON", v)
    if (v := get("VEILLE_EXTRACT_WORKERS")) is not None:
        kwargs["extract_workers"] = _int("VEILLE_EXTRACT_WORKERS", v, 0, 64)
    for key, name, high in (("VEILLE_KEEP_NEWS_MONTHS", "keep_news_months", 1200),
                            ("VEILLE_THIN_PRICES_AFTER_DAYS", "thin_prices_after_days", 36_500),
                            ("VEILLE_KEEP_DELIVERIES_MONTHS", "keep_deliveries_months", 1200)):
        if (v := get(key)) is not None:
            kwargs[name] = _int(key, v, 0, high)
    for key, name in (("VEILLE_HTTP_CACHE_MAX_MB", "http_cache_max_mb"), ("VEILLE_SPOOL_MAX_MB", "spool_max_mb")):
        if (v := get(key)) is not None:
            kwargs[name] = _int(key, v, 1, 10_000_000)
    if (v := get("VEILLE_NOTIFIER")) is not None:
        kwargs["notifier"] = _choice("VEILLE_NOTIFIER", v, ("outbox", "apprise"))
    for key, name, placeholder in (("VEILLE_APPRISE_WHATSAPP", "apprise_whatsapp", "{phone}"),
                                   ("VEILLE_APPRISE_SMS", "apprise_sms", "{phone}"),
                                   ("VEILLE_APPRISE_TELEGRAM", "apprise_telegram", "{chat}"),
                                   ("VEILLE_APPRISE_EXTRA", "apprise_extra", "")):
        if (v := get(key)) is not None:
            # The value is a secret: the message names the key, never the value.
            if "://" not in v:
                raise ConfigError(f"{key}: expected an Apprise URL (scheme://...)")
            if placeholder and placeholder not in v:
                raise ConfigError(f"{key}: the URL must contain {placeholder} where the recipient goes")
            kwargs[name] = v
    if (v := get("VEILLE_PHONE_REGION")) is not None:
        if not re.fullmatch(r"[A-Za-z]{2}", v):
            raise ConfigError(f"VEILLE_PHONE_REGION: expected a two-letter country code, got {v!r}")
        kwargs["phone_region"] = v.upper()
    if (v := get("VEILLE_PUBLIC")) is not None:
        kwargs["public_parts"] = public_parts(v)
    if (v := get("VEILLE_SESSION_IDLE_MINUTES")) is not None:
        kwargs["session_idle_minutes"] = _int("VEILLE_SESSION_IDLE_MINUTES", v, 1, 60 * 24 * 30)
    return Settings(**kwargs)  # type: ignore[arg-type]
