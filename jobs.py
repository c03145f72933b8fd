"""The main jobs (crawl, alerts, digest, the demo run), shared by the CLI and the scheduler."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from alerts.mailers import Mailer, mailer_from_settings
from alerts.notifiers import Notifier, notifier_from_settings
from alerts.service import AlertRun, DigestRun, send_digests, send_salon_alerts
from alerts.subscriptions import SubscriptionStore, make_subscription
from alerts.weeks import last_full_week
from config import ROOT, Settings
from indexing.backends import open_backend
from indexing.backends.base import SearchBackend

if TYPE_CHECKING:
    from demo.server import DemoSites

log = logging.getLogger(__name__)
DEMO_CATALOGUE = ROOT / "sources.demo.yaml"
DEMO_SLOW_SECONDS = 3  # the slow page answers after the demo crawl's 2 s timeout


def crawl(settings: Settings, spiders: Sequence[str], catalogue_vars: Mapping[str, str] | None = None,
          catalogue_path: Path | None = None, overrides: Mapping[str, Any] | None = None,
          progress: bool = False) -> list[dict[str, Any]]:
    from spiders.runner import run_crawl
    from spiders.catalogue import active_catalogue
    from spiders.sources import load_catalogue
    if catalogue_path or catalogue_vars:  # a file named for this run (the demo's, or `veille crawl --catalogue`)
        catalogue = load_catalogue(catalogue_path or settings.sources_file, catalogue_vars)
    else:
        catalogue = active_catalogue(settings)
    values = dict(overrides or {})
    if progress:
        values.setdefault("VEILLE_PROGRESS", True)
        values.setdefault("LOG_LEVEL", "WARNING")
    return run_crawl(settings, spiders, catalogue=catalogue, overrides=values)


def _crawl_in_child(settings: Settings, spiders: Sequence[str], **kwargs: Any) -> list[dict[str, Any]]:
    """A crawl in a forked process: Twisted's reactor runs once per process, and the demo crawls twice."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    queue = context.SimpleQueue()

    def run() -> None:
        try:
            queue.put(("ok", crawl(settings, spiders, **kwargs)))
        except BaseException as exc:  # reported to the parent, which raises it
            queue.put(("error", f"{type(exc).__name__}: {exc}"))

    child = context.Process(target=run)
    child.start()
    status, value = queue.get()
    child.join()
    if status != "ok":
        raise RuntimeError(f"demo crawl {', '.join(spiders)} failed: {value}")
    return value


def alerts(settings: Settings, backend: SearchBackend | None = None, mailer: Mailer | None = None,
           today: date | None = None, notifier: Notifier | None = None) -> AlertRun:
    backend = backend or _ready(settings)
    return send_salon_alerts(settings, backend, mailer or mailer_from_settings(settings), today,
                             notifier or notifier_from_settings(settings))


def digest(settings: Settings, week: str | None = None, backend: SearchBackend | None = None,
           mailer: Mailer | None = None, today: date | None = None, now: datetime | None = None,
           notifier: Notifier | None = None) -> DigestRun:
    """Week `week`, else the last full week before `now` (default: the current time) in VEILLE_TIMEZONE."""
    backend = backend or _ready(settings)
    return send_digests(settings, backend, mailer or mailer_from_settings(settings), week, today, now,
                        notifier or notifier_from_settings(settings))


@dataclass
class MaintenanceReport:
    news_deleted: int = 0
    observations_deleted: int = 0
    deliveries_compacted: int = 0
    cache_entries_evicted: int = 0
    cache_bytes_left: int = 0
    spool_bytes: int = 0
    stale_access_records: int = 0

    @property
    def total_removed(self) -> int:
        return self.news_deleted + self.observations_deleted + self.deliveries_compacted + self.cache_entries_evicted

    def as_dict(self) -> dict[str, int]:
        from dataclasses import asdict
        return asdict(self)


def maintenance(settings: Settings, backend: SearchBackend | None = None, now: datetime | None = None) -> MaintenanceReport:
    """Retention (news, price detail, delivery bodies) and the HTTP cache cap; each rule keeps its window."""
    from accounts.service import AccountService
    from alerts.delivery import DeliveryLog
    from indexing.indexer import Indexer
    from indexing.models import now_utc
    from indexing.retention import RetentionPolicy, apply_retention, months_before
    from spiders.http_cache import evict_oldest
    backend = backend or _ready(settings)
    now = now or now_utc()
    policy = RetentionPolicy(settings.keep_news_months, settings.thin_prices_after_days, settings.keep_deliveries_months)
    retention = apply_retention(backend, policy, now)
    compacted = DeliveryLog(backend).compact(months_before(now, policy.delivery_months)) if policy.delivery_months else {}
    eviction = evict_oldest(settings.http_cache_dir, settings.http_cache_max_mb * 1024 * 1024)
    report = MaintenanceReport(retention.news_deleted, retention.observations_deleted, sum(compacted.values()),
                               eviction.entries, eviction.bytes_left,
                               Indexer(backend, spool_dir=settings.spool_dir).spool_bytes(),
                               AccountService(backend.records, settings).purge_expired())
    log.info("maintenance: %s", report.as_dict())
    return report


def _ready(settings: Settings) -> SearchBackend:
    backend = open_backend(settings)
    backend.setup()
    return backend


DEMO_SUBSCRIBERS: list[dict[str, Any]] = [
    {"kind": "salon", "email": "fatima.tisserande@example.ma", "name": "Fatima", "language": "fr",
     "crafts": ["tapis", "textile"], "countries": ["europe", "MA"]},
    {"kind": "salon", "email": "youssef.potier@example.ma", "name": "يوسف", "language": "ar",
     "crafts": ["poterie", "zellige"], "countries": []},
    {"kind": "salon", "email": "amina.leather@example.ma", "name": "Amina", "language": "en",
     "crafts": ["cuir"], "countries": ["europe", "north-america"], "frequency": "weekly"},
    # An artisan without email: her alerts go by SMS and WhatsApp (the outbox notifier: var/outbox/channels).
    {"kind": "salon", "phone": "+212661000001", "name": "Khadija", "language": "ar",
     "crafts": ["tapis", "textile"], "countries": [], "channels": ["sms", "whatsapp"]},
    {"kind": "digest", "email": "strategie@example.ma", "name": "Équipe stratégie", "language": "fr"},
    {"kind": "digest", "email": "istratijiya@example.ma", "name": "فريق الاستراتيجية", "language": "ar"},
]


DEMO_PRICE_WATCH: dict[str, Any] = {"kind": "price", "email": "conseil.prix@example.ma", "name": "Conseil export",
                                    "language": "fr", "price_group": "tapis/rug", "threshold_pct": 5}


def _demo_now(today: date | None) -> datetime:
    return datetime.combine(today, time(12), tzinfo=timezone.utc) if today else datetime.now(timezone.utc)


def ensure_demo_price_watch(backend: SearchBackend) -> None:
    SubscriptionStore(backend).save(make_subscription(confirmed=True, **DEMO_PRICE_WATCH))


def ensure_demo_subscribers(backend: SearchBackend) -> None:
    store = SubscriptionStore(backend)
    for fields in DEMO_SUBSCRIBERS:
        store.save(make_subscription(confirmed=True, **fields))


@dataclass
class DemoSummary:
    documents: dict[str, int] = field(default_factory=dict)
    alerts_sent: int = 0
    digests_sent: int = 0
    digest_files: list[Path] = field(default_factory=list)
    outbox: Path | None = None
    text_messages: list[Path] = field(default_factory=list)
    """WhatsApp and SMS payloads written by the outbox notifier, beside the emails."""
    crawl_records: list[dict[str, Any]] = field(default_factory=list)
    traps: str = ""  # "3 deliberate traps handled: 500, timeout, oversized page"


def digest_files(settings: Settings, backend: SearchBackend, week: str) -> list[Path]:
    from alerts.delivery import DeliveryLog
    from alerts.mailers import outbox_file_name
    return [settings.outbox_dir / outbox_file_name(r["message_id"]) for r in DeliveryLog(backend).records("sent")
            if r.get("kind") == "digest" and r["key"].endswith(":" + week)]


def demo(settings: Settings, today: date | None = None, sites: "DemoSites | None" = None) -> DemoSummary:
    """Serve the bundled sites, crawl them, index, send alerts and the digest (outbox by default).

    With `sites` (started by the caller), the sites stay served after the crawl, on the ports the
    stored URLs point at: the UI's source links keep working until the caller closes them."""
    from demo.server import DemoSites
    from demo.traps import traps_hit, traps_logged_as_expected, traps_summary

    if sites is None:
        with DemoSites(slow_seconds=DEMO_SLOW_SECONDS) as own:
            return demo(settings, today, own)
    # Two price crawls stand for last week's: one the Saturday before it, one on its Thursday, with
    # prices moved in between (demo/sites/shop_data.py), so the digest of that week has price moves.
    last_week = last_full_week(_demo_now(today), settings.timezone)
    overrides = {"LOG_LEVEL": "WARNING", "DOWNLOAD_TIMEOUT": 2, "RETRY_TIMES": 0, "AUTOTHROTTLE_ENABLED": False}
    vars_ = dict(sites.base_urls)
    with traps_logged_as_expected(vars_):
        records = _crawl_in_child(settings, ["news", "fairs", "prices"], catalogue_vars=vars_,
                                  catalogue_path=DEMO_CATALOGUE, overrides={
                                      **overrides, "VEILLE_OBSERVED_AT": (last_week.start_at - timedelta(days=2)).isoformat()})
        sites.price_round = 1
        # The shops' pages say they are fresh: no HTTP cache. No slow page there: a loaded machine's timeout.
        second = {**overrides, "HTTPCACHE_ENABLED": False, "DOWNLOAD_TIMEOUT": 10,
                  "VEILLE_OBSERVED_AT": (last_week.start_at + timedelta(days=3)).isoformat()}
        records += _crawl_in_child(settings, ["prices"], catalogue_vars=vars_, catalogue_path=DEMO_CATALOGUE,
                                   overrides=second)
    traps = traps_hit(sites.hits())
    backend = _ready(settings)
    from spiders.source_store import SourceStore
    # The console shows (and runs) the demo's sources, at the ports the demo sites are served on now.
    SourceStore(backend.records).import_file(DEMO_CATALOGUE, vars_, replace=True)
    ensure_demo_price_watch(backend)
    ensure_demo_subscribers(backend)
    mailer = mailer_from_settings(settings)
    alert_run = alerts(settings, backend, mailer, today)
    digest_run = digest(settings, None, backend, mailer, today)  # the last full week, as scheduled
    week = digest_run.digest.week
    summary = DemoSummary(
        documents={k: backend.count(k) for k in ("news", "fair", "offer")},
        alerts_sent=alert_run.dispatch.sent, digests_sent=digest_run.dispatch.sent,
        digest_files=digest_files(settings, backend, week),
        outbox=settings.outbox_dir if settings.mailer == "outbox" else None,
        text_messages=sorted((settings.outbox_dir / "channels").glob("*.json")) if settings.notifier == "outbox" else [],
        crawl_records=records, traps=traps_summary(traps))
    backend.close()
    return summary
