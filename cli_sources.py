"""`veille sources check|import|export|list`: the catalogue of the backend, and a live diagnosis of its sources."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from config import Settings

LABELS = {
    "fr": {"ok": "OK", "fail": "À CORRIGER", "robots": "robots.txt", "found": "trouvé", "missing": "absent (tout est permis)",
           "links": "liens", "records": "enregistrements", "items": "éléments extraits", "confidence": "confiance",
           "change": "à changer", "forbidden": "interdit par robots.txt", "none": "aucun"},
    "en": {"ok": "OK", "fail": "NEEDS A FIX", "robots": "robots.txt", "found": "found", "missing": "missing (all allowed)",
           "links": "links", "records": "records", "items": "items extracted", "confidence": "confidence",
           "change": "change", "forbidden": "forbidden by robots.txt", "none": "none"},
}


def add_sources_parser(sub: Any) -> None:
    p = sub.add_parser("sources", help="the source catalogue: check sources live, import or export it")
    p.add_argument("action", choices=["check", "import", "export", "list"])
    p.add_argument("args", nargs="*", help="check: source ids (default: all enabled); import: the YAML file")
    p.add_argument("--json", action="store_true", help="check: one JSON object per source and line")
    p.add_argument("--lang", default="en", choices=["fr", "en"], help="check: language of the report")
    p.add_argument("--sample", type=int, default=5, help="check: detail pages fetched per source (default 5)")
    p.add_argument("--catalogue", help="check: a catalogue file instead of the backend's catalogue")
    p.add_argument("--vars", help="JSON object of ${name} values for the file")
    p.add_argument("--replace", action="store_true", help="import: remove the stored sources the file does not name")
    p.add_argument("--out", help="export: write to this file (default: standard output)")
    p.set_defaults(func=cmd_sources)


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    from indexing.backends import open_backend
    from spiders.catalogue import source_store
    from spiders.sources import CatalogueError
    backend = open_backend(settings)
    backend.setup()
    try:
        if args.action == "import":
            if len(args.args) != 1:
                print("error: give the catalogue file to import: veille sources import sources.yaml", file=sys.stderr)
                return 2
            from spiders.source_store import SourceStore
            report = SourceStore(backend.records).import_file(Path(args.args[0]), _vars(args), replace=args.replace)
            print(f"imported {args.args[0]}: {len(report.added)} added, {len(report.updated)} updated, "
                  f"{len(report.removed)} removed" + (f" ({', '.join(report.removed)})" if report.removed else ""))
            return 0
        store = source_store(settings, backend)
        if args.action == "export":
            text = store.export_yaml()
            if args.out:
                Path(args.out).write_text(text, encoding="utf-8")
                print(f"exported {len(store.all())} source(s) to {args.out}")
            else:
                sys.stdout.write(text)
            return 0
        if args.action == "list":
            for source in store.all():
                state = "enabled" if source.enabled else "disabled"
                print(f"{source.id}\t{source.kind}\t{state}\t{source.display_name}")
            return 0
        from spiders.sources import load_catalogue
        catalogue = load_catalogue(Path(args.catalogue), _vars(args)) if args.catalogue else store.all()
        return check_sources(settings, catalogue, args)
    except CatalogueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        backend.close()


def _vars(args: argparse.Namespace) -> dict[str, str] | None:
    return json.loads(args.vars) if args.vars else None


def check_sources(settings: Settings, catalogue: list[Any], args: argparse.Namespace) -> int:
    from spiders.polite_fetch import PoliteFetcher
    from spiders.source_check import SourceChecker
    by_id = {s.id: s for s in catalogue}
    unknown = [i for i in args.args if i not in by_id]
    if unknown:
        print(f"error: unknown source(s) {', '.join(unknown)}; choose among {', '.join(by_id)}", file=sys.stderr)
        return 2
    chosen = [by_id[i] for i in args.args] if args.args else [s for s in catalogue if s.enabled]
    failed = 0
    with PoliteFetcher(settings.user_agent) as fetcher:
        checker = SourceChecker(fetcher, str(settings.rates_file), sample=max(1, min(args.sample, 50)))
        for source in chosen:
            report = checker.check(source)
            failed += not report.ok
            if args.json:
                print(json.dumps(report.as_dict(), ensure_ascii=False, default=str), flush=True)
            else:
                print(human_report(report, args.lang), flush=True)
    return 1 if failed else 0


def human_report(report: Any, language: str) -> str:
    from spiders.source_advice import advice
    t = LABELS.get(language, LABELS["en"])
    lines = [f"{report.source_id} ({report.kind}, {report.name}): {t['ok'] if report.ok else t['fail']}"]
    for robots in report.robots:
        state = t["found"] if robots["found"] else t["missing"]
        lines.append(f"  {t['robots']} {robots['url']}: {state}" + (f" — {robots['error']}" if robots["error"] else ""))
    for page in report.pages:
        status = t["forbidden"] if not page.robots_allowed else (page.status or page.error)
        counts = f", {page.links} {t['links']}" if page.role != "sample" else ""
        counts += f", {page.records} {t['records']}" if page.records else ""
        lines.append(f"  {page.role:8} {page.url}: {status} in {page.elapsed_ms} ms{counts}")
    confidence = f", {t['confidence']} {report.confidence:.2f}" if report.confidence is not None else ""
    lines.append(f"  {t['items']}: {len(report.items)}{confidence}")
    for item in report.items[:10]:
        details = "; ".join(f"{k}: {v}" for k, v in item.details.items() if k not in ("title", "name"))
        lines.append(f"    - {item.title[:80]} [{item.confidence:.2f}] {details[:140]}")
    for problem in report.problems:
        wrong, change = advice(problem.code, problem.params, language)
        lines.append(f"  ! {wrong}")
        lines.append(f"    {t['change']}: {change}")
    return "\n".join(lines)
