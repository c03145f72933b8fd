"""`veille`: the command line of export advisors and operators."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Sequence

import cli_accounts
import cli_sources
from config import ConfigError, Settings, load_settings

log = logging.getLogger("veille")
# Re-exported: the bench and outside scorers call them through `cli`.
from cli_extract import cmd_extract, cmd_stories, extract_one, read_page, stories_of_records  # noqa: E402,F401


def setup_logging(settings: Settings, verbose: bool = False) -> None:
    from logs import configure_logging
    configure_logging(json_lines=settings.log_json, level=logging.DEBUG if verbose else logging.INFO)


def cmd_maintenance(args: argparse.Namespace, settings: Settings) -> int:
    import jobs
    report = jobs.maintenance(settings)
    print(f"news deleted: {report.news_deleted} (older than {settings.keep_news_months} months; 0 = kept)")
    print(f"price observations thinned: {report.observations_deleted} (older than {settings.thin_prices_after_days} days)")
    print(f"delivery records compacted: {report.deliveries_compacted} (older than {settings.keep_deliveries_months} months)")
    print(f"HTTP cache: {report.cache_entries_evicted} entries evicted, {report.cache_bytes_left / 1e6:.1f} MB left "
          f"(cap {settings.http_cache_max_mb} MB)")
    print(f"outage spool: {report.spool_bytes / 1e6:.1f} MB (cap {settings.spool_max_mb} MB)")
    return 0


# search ----------------------------------------------------------------------------------
def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from indexing.backends import open_backend
    from indexing.query import QueryError, query_from_params
    params = {"q": args.query, "kind": args.kind, "craft": args.craft, "country": args.country, "source": args.source,
              "lang": args.lang, "from": args.date_from, "to": args.date_to, "price_min": args.price_min,
              "price_max": args.price_max, "currency": args.currency,
              "sort": args.sort or ("relevance" if args.query else "date"), "page": args.page,
              "per_page": args.per_page}
    try:
        query = query_from_params({k: v for k, v in params.items() if v is not None})
    except QueryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    backend = open_backend(settings)
    backend.setup()
    result = backend.search(query)
    from cli_tables import print_search, write_json, write_json_lines
    hits = [{"id": h.id, "kind": h.kind, "score": h.score, **h.document} for h in result.hits]
    if args.pretty:
        write_json({"total": result.total, "page": query.page, "facets": result.facets, "hits": hits}, pretty=True)
    elif args.json:
        write_json_lines(hits)
        print(f"{result.total:,} result(s), page {query.page}", file=sys.stderr)
    else:
        from web.source_names import catalogue_names
        print_search(result, query.page, catalogue_names(settings))
    return 0


# crawl -------------------------------------------------------------------------------------
def cmd_crawl(args: argparse.Namespace, settings: Settings) -> int:
    from spiders.runner import SPIDERS
    from spiders.sources import CatalogueError
    import jobs
    names = list(SPIDERS) if args.all else [args.spider]
    if not args.all and args.spider not in SPIDERS:
        print(f"error: unknown spider {args.spider!r}; choose among {', '.join(SPIDERS)} or --all", file=sys.stderr)
        return 2
    try:
        records = jobs.crawl(settings, names, catalogue_vars=json.loads(args.vars) if args.vars else None,
                             catalogue_path=Path(args.catalogue) if args.catalogue else None,
                             progress=sys.stdout.isatty() and not args.no_progress)
    except CatalogueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for r in records:
        print(f"{r.get('spider')}: {r.get('pages', 0)} pages, {r.get('items', 0)} items, "
              f"{r.get('indexed', {})}, rejected {r.get('rejected', 0)}, skipped {r.get('skipped', {})}")
    return 0


# alerts and digest -----------------------------------------------------------------------------
def cmd_alerts(args: argparse.Namespace, settings: Settings) -> int:
    import jobs
    from alerts.delivery import DeliveryLog
    from indexing.backends import open_backend
    if args.action == "webhooks":
        from alerts.replies import TEXT_CHANNELS, reply_token
        for channel in TEXT_CHANNELS:
            print(f"{channel} replies: {settings.base_url}/webhooks/replies/{channel}?token="
                  f"{reply_token(settings.secret_key, channel)}")
        return 0
    if args.action == "status":
        backend = open_backend(settings)
        backend.setup()
        log_ = DeliveryLog(backend)
        counts = log_.status_counts()
        print("deliveries: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        for record in log_.records("failed", limit=50) + log_.records("retry", limit=50):
            print(f"  {record['status']}: {record.get('channel') or 'email'} {record['recipient']} "
                  f"{record['subject'][:60]!r} after {record['attempts']} "
                  f"attempt(s): {record.get('error')}")
        return 1 if counts.get("failed") else 0
    today = date.fromisoformat(args.today) if args.today else None
    run = jobs.alerts(settings, today=today)
    print(f"{run.matches} match(es), {run.queued} message(s) queued, {run.dispatch.sent} sent, "
          f"{run.dispatch.deferred} deferred, {run.dispatch.failed} failed")
    return 0


def cmd_digest(args: argparse.Namespace, settings: Settings) -> int:
    import jobs
    from alerts.digest import BadWeek, build_digest, price_chart_png
    from alerts.messages import render_digest_html
    from alerts.service import digest_week
    from indexing.backends import open_backend
    try:
        period = digest_week(settings, args.week)
        week = period.label
        if args.dry_run:
            import base64
            backend = open_backend(settings)
            backend.setup()
            digest = build_digest(backend, period)
            chart = price_chart_png(digest)
            src = "data:image/png;base64," + base64.b64encode(chart).decode() if chart else None
            html = render_digest_html(digest, args.lang, settings, src)
            out = Path(args.out) if args.out else settings.var_dir / f"digest-{week}-{args.lang}.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(html, encoding="utf-8")
            print(f"digest {week} rendered (not sent): {out} — {len(digest.top_news)} news, "
                  f"{len(digest.rises) + len(digest.falls)} price moves, {len(digest.upcoming)} upcoming fairs")
            return 0
        run = jobs.digest(settings, week)
    except BadWeek as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"digest {week}: {run.queued} queued, {run.dispatch.sent} sent, {run.dispatch.deferred} deferred, "
          f"{run.dispatch.failed} failed")
    return 0


# subscriptions ------------------------------------------------------------------------------------
def cmd_subscribe(args: argparse.Namespace, settings: Settings) -> int:
    from alerts.phones import InvalidPhone, normalize_phone
    from alerts.subscriptions import InvalidSubscription, SubscriptionStore, make_subscription
    from indexing.backends import open_backend
    try:
        price = {"price_group": args.group or "", "shop": args.shop or "", "offer_id": args.offer or "",
                 "threshold_pct": args.threshold} if args.kind == "price" else {}
        contact = {"email": args.email or "", "phone": normalize_phone(args.phone, settings.phone_region)
                   if args.phone else "", "chat": args.chat or ""}
        if args.channel:
            contact["channels"] = args.channel
        sub = make_subscription(kind=args.kind, **contact, name=args.name or "", language=args.lang,
                                crafts=args.craft or [], countries=args.country or [],
                                window_min_days=args.window_min, window_max_days=args.window_max,
                                frequency=args.frequency, confirmed=True, **price)
    except (InvalidSubscription, InvalidPhone) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    backend = open_backend(settings)
    backend.setup()
    sub, fresh = SubscriptionStore(backend).save_changes(sub)
    by = f" by {', '.join(sub.channels)}" if sub.channels != ["email"] else ""
    print(f"subscribed {sub.address} ({sub.kind}){by} as {sub.id}")
    from alerts.channel_confirmation import report_channel_confirmations
    return report_channel_confirmations(settings, sub, fresh)


def cmd_subscriptions(args: argparse.Namespace, settings: Settings) -> int:
    from alerts.subscriptions import SubscriptionStore
    from indexing.backends import open_backend
    backend = open_backend(settings)
    backend.setup()
    store = SubscriptionStore(backend)
    if args.action == "remove":
        if not store.remove(args.id):
            print(f"error: no subscription {args.id!r}", file=sys.stderr)
            return 1
        print(f"removed {args.id}")
        return 0
    subs = store.list()
    from cli_tables import print_subscriptions, write_json_lines
    if args.json:
        write_json_lines({"id": sub.id, **sub.model_dump(mode="json")} for sub in subs)
    else:
        print_subscriptions(subs)
    return 0


# demo, serve, schedule ------------------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    import jobs
    from demo.server import DemoSites
    # The sites outlive the crawl while the UI runs: the stored source URLs point at their ports.
    with DemoSites(slow_seconds=jobs.DEMO_SLOW_SECONDS) as sites:
        summary = jobs.demo(settings, sites=sites)
        print("\n== veille demo ==")
        print("documents: " + ", ".join(f"{k} {v}" for k, v in summary.documents.items()))
        if summary.traps:
            print(f"{summary.traps} (the demo sites' test pages; see demo/README.md)")
        print(f"salon alerts sent: {summary.alerts_sent}")
        print(f"digests sent: {summary.digests_sent}")
        for path in summary.digest_files:
            print(f"digest: {path}")
        if summary.outbox:
            print(f"outbox: {summary.outbox}")
        for path in summary.text_messages:
            print(f"text message ({path.name.split('-', 1)[0]}): {path}")
        settings, login = cli_accounts.demo_access(settings)
        print(login, flush=True)
        if args.serve:
            from web.server import serve
            print("demo sites (the sources' links): " + ", ".join(f"{url}/" for url in sites.base_urls.values()))
            print(f"UI: http://{args.host}:{args.port}  (Ctrl-C to stop)")
            serve(settings, host=args.host, port=args.port)
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from web.server import serve
    serve(settings, host=args.host, port=args.port)
    return 0


def cmd_schedule(args: argparse.Namespace, settings: Settings) -> int:
    import scheduler
    return scheduler.run_daemon(settings)


def cmd_jobs(args: argparse.Namespace, settings: Settings) -> int:
    import scheduler
    if args.action == "list":
        return scheduler.print_jobs(settings)
    return scheduler.run_job_now(settings, args.name)


def cmd_reindex(args: argparse.Namespace, settings: Settings) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from indexing.backends import open_backend
    from indexing.reindex import reindex
    backend = open_backend(settings)
    backend.setup()
    total = backend.count()
    with Progress(BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), disable=not sys.stdout.isatty()) as bar:
        task = bar.add_task("reindex", total=total)
        message = reindex(settings, progress=lambda done: bar.update(task, completed=min(done, total)))
        bar.update(task, completed=total)
    print(message)
    return 0


def cmd_rates(args: argparse.Namespace, settings: Settings) -> int:
    from indexing.rates import update_from_ecb
    day = update_from_ecb(settings.rates_file)
    print(f"rates updated for {day}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="veille", description="Market intelligence for Moroccan crafts exporters.")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="crawl the bundled sites, index, send alerts and the digest, serve the UI")
    p.add_argument("--no-serve", dest="serve", action="store_false")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("crawl", help="run a spider (news, fairs, prices) or --all")
    p.add_argument("spider", nargs="?")
    p.add_argument("--all", action="store_true")
    p.add_argument("--catalogue", help="source catalogue file (default: VEILLE_SOURCES)")
    p.add_argument("--vars", help="JSON object of ${name} values for the catalogue")
    p.add_argument("--no-progress", action="store_true", help="no live progress display")
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("search", help="search fairs, offers and news")
    p.add_argument("query", nargs="?", default="")
    p.add_argument("--kind", choices=["news", "fair", "offer"])
    p.add_argument("--craft")
    p.add_argument("--country")
    p.add_argument("--source")
    p.add_argument("--lang")
    p.add_argument("--from", dest="date_from")
    p.add_argument("--to", dest="date_to")
    p.add_argument("--price-min")
    p.add_argument("--price-max")
    p.add_argument("--currency", choices=["MAD", "EUR"])
    p.add_argument("--sort", choices=["relevance", "date", "-date", "price", "-price"])
    p.add_argument("--page")
    p.add_argument("--per-page")
    p.add_argument("--json", action="store_true", help="one JSON object per hit and line (JSON Lines)")
    p.add_argument("--pretty", action="store_true", help="one indented JSON object: total, facets and hits")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("maintenance", help="apply the retention rules and the HTTP cache cap now")
    p.set_defaults(func=cmd_maintenance)

    p = sub.add_parser("extract", help="extract items from saved HTML files (JSON Lines)")
    p.add_argument("kind", choices=["news", "offer", "fair"])
    p.add_argument("files", nargs="+")
    p.add_argument("--url")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("stories", help="group a JSON list of articles into stories (JSON Lines)")
    p.add_argument("file", help="JSON list of {id, url, language, title, published, text}")
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("digest", help="build and send the weekly digest")
    p.add_argument("--week", help="ISO week such as 2026-W48 (default: the last full week, Monday to Sunday)")
    p.add_argument("--dry-run", action="store_true", help="render to an HTML file without sending")
    p.add_argument("--lang", default="fr", choices=["fr", "ar", "en"])
    p.add_argument("--out")
    p.set_defaults(func=cmd_digest)

    p = sub.add_parser("alerts", help="send due salon alerts, or show delivery status")
    p.add_argument("action", nargs="?", default="run", choices=["run", "status", "webhooks"])
    p.add_argument("--today", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_alerts)

    p = sub.add_parser("subscribe", help="add a subscription (confirmed)")
    p.add_argument("--kind", default="salon", choices=["salon", "search", "digest", "price"])
    p.add_argument("--email", help="required unless --phone (or --chat) is given")
    p.add_argument("--phone", help="salon, price and digest alerts: a mobile number, 06… / 07… or +country code (VEILLE_PHONE_REGION)")
    p.add_argument("--chat", help="a Telegram chat id or @name (channel telegram)")
    p.add_argument("--channel", action="append", choices=["email", "whatsapp", "sms", "telegram", "apprise"],
                   help="repeat for several (default: email, or sms for a phone alone)")
    p.add_argument("--name")
    p.add_argument("--lang", default="fr", choices=["fr", "ar", "en"])
    p.add_argument("--craft", action="append")
    p.add_argument("--country", action="append")
    p.add_argument("--window-min", type=int, default=30)
    p.add_argument("--window-max", type=int, default=270)
    p.add_argument("--frequency", default="immediate", choices=["immediate", "daily", "weekly"])
    p.add_argument("--group", help="price alerts: a product group such as tapis/rug/L (or a prefix: tapis/rug)")
    p.add_argument("--shop", help="price alerts: a shop name or source id")
    p.add_argument("--offer", help="price alerts: an offer id")
    p.add_argument("--threshold", type=float, default=10.0, help="price alerts: the change in %% that fires (default 10)")
    p.set_defaults(func=cmd_subscribe)

    p = sub.add_parser("subscriptions", help="list or remove subscriptions")
    p.add_argument("action", choices=["list", "remove"])
    p.add_argument("id", nargs="?")
    p.add_argument("--json", action="store_true", help="one JSON object per subscription and line")
    p.set_defaults(func=cmd_subscriptions)

    p = sub.add_parser("serve", help="serve the web UI and JSON API")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("schedule", help="run the scheduler daemon")
    p.set_defaults(func=cmd_schedule)

    p = sub.add_parser("jobs", help="list scheduled jobs or run one now")
    p.add_argument("action", choices=["list", "run"])
    p.add_argument("name", nargs="?")
    p.set_defaults(func=cmd_jobs)

    p = sub.add_parser("reindex", help="rebuild the Elasticsearch index behind its alias, with no downtime")
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser("rates", help="refresh exchange rates from the ECB")
    p.add_argument("action", choices=["update"])
    p.set_defaults(func=cmd_rates)
    cli_accounts.register(sub)  # users, tokens
    cli_sources.add_sources_parser(sub)  # sources check|import|export|list
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings, args.verbose)
    try:
        return int(args.func(args, settings) or 0)
    except BrokenPipeError:  # `veille search --json | head`: the reader has what it wanted
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
