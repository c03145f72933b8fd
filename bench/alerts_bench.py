"""Alert matching and delivery at scale: 10,000 and 100,000 subscriptions against 2,000 new items; 10,000 and
100,000 personalised digests rendered, logged and sent to a local SMTP server."""
from __future__ import annotations

import multiprocessing
import random
import resource
import socket
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

CRAFTS = ["tapis", "poterie", "zellige", "cuir", "bois", "textile", "bijoux", "dinanderie", "vannerie", "verre"]
COUNTRIES = ["MA", "FR", "DE", "ES", "IT", "US", "GB", "AE", "BE", "NL"]
TODAY = date(2026, 11, 29)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM belongs to the current memory map, so unlike ru_maxrss it does not
    inherit the high-water mark of the parent a spawned process was forked from before its exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def rss_anon_mb() -> float:
    """This process's resident memory now, less the pages of mapped files (the SQLite file is
    memory-mapped: the pages a run reads through count in its RSS, but they are the kernel's page cache)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def make_world(n_subs: int, n_fairs: int, seed: int = 7) -> tuple[list[Any], list[Any]]:
    from alerts.subscriptions import make_subscription
    from indexing.models import TradeFair
    rnd = random.Random(seed)
    subs = [make_subscription(kind="salon", email=f"artisan{i}@example.ma", language=rnd.choice(["fr", "ar", "en"]),
                              crafts=rnd.sample(CRAFTS, rnd.randint(1, 2)),
                              countries=rnd.sample(COUNTRIES, rnd.randint(0, 3)), confirmed=True)
            for i in range(n_subs)]
    fairs = [TradeFair(url=f"https://fairs.example.org/f{i}", source="bench", name=f"Salon {i} de l'artisanat",
                       start_date=TODAY + timedelta(days=rnd.randint(1, 400)), city="Paris",
                       country=rnd.choice(COUNTRIES), crafts=rnd.sample(CRAFTS, rnd.randint(1, 3)))
             for i in range(n_fairs)]
    return subs, fairs


def bench_matching(results: dict[str, Any], n_subs: int = 10_000, n_items: int = 2_000, suffix: str = "") -> None:
    from alerts.matching import match_count, salon_matches
    subs, fairs = make_world(n_subs, n_items)
    started = time.perf_counter()
    matches = salon_matches(subs, fairs, TODAY)
    results[f"match_seconds{suffix}"] = round(time.perf_counter() - started, 2)
    results[f"match_pairs{suffix}"] = match_count(matches)


def bench_delivery(results: dict[str, Any], n: int = 10_000, suffix: str = "") -> None:
    from alerts.delivery import DeliveryLog
    from alerts.digest import Digest
    from alerts.mailers import SmtpMailer
    from alerts.digest_mail import DigestMail
    from alerts.subscriptions import make_subscription
    from alerts.tokens import TokenSigner
    from bench.smtp_sink import SmtpSink
    from config import load_settings
    from indexing.backends.sqlite import SqliteBackend

    port = _free_port()
    with SmtpSink(port) as sink, tempfile.TemporaryDirectory() as tmp:
        settings = load_settings({"VEILLE_VAR_DIR": tmp})
        backend = SqliteBackend(Path(tmp) / "bench.db")
        backend.setup()
        log = DeliveryLog(backend)
        signer = TokenSigner(settings.secret_key)
        digest = Digest("2026-W48", TODAY - timedelta(days=6), TODAY + timedelta(days=1))
        mail = DigestMail(digest, settings, signer, None)
        started = time.perf_counter()
        for i in log.queueing(range(n)):
            sub = make_subscription(kind="digest", email=f"reader{i}@example.ma", name=f"Lecteur {i}",
                                    language=("fr", "ar", "en")[i % 3], confirmed=True)
            key = f"digest:{sub.email}:2026-W48"
            log.enqueue(key, "digest", sub.email, lambda sub=sub, key=key: mail.message(sub, key))
        mailer = SmtpMailer("127.0.0.1", port)
        report = log.dispatch(mailer)
        mailer.close()
        elapsed = time.perf_counter() - started
        results[f"delivery_msgs_per_s{suffix}"] = round(report.sent / elapsed, 1)
        results["digest_peak_rss_mb" if not suffix else f"delivery_peak_rss_mb{suffix}"] = peak_rss_mb()
        results[f"delivery_rss_anon_mb{suffix}"] = rss_anon_mb()
    results[f"delivery_messages{suffix}"] = sink.received
    results[f"delivery_smtp_server_cpu_s{suffix}"] = sink.cpu_seconds


def delivery_figures(n: int, suffix: str) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    bench_delivery(figures, n, suffix)
    return figures


def run(results: dict[str, Any]) -> None:
    bench_matching(results)
    bench_matching(results, 100_000, suffix="_100k")
    # A fresh process each: its peak RSS is that run's alone, not the benchmarks that ran before it.
    for n, suffix in ((10_000, ""), (100_000, "_100k")):
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            results.update(pool.apply(delivery_figures, (n, suffix)))


if __name__ == "__main__":
    out: dict[str, Any] = {}
    run(out)
    print(out)
