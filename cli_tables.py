"""What `veille search`, `veille subscriptions list` and `veille jobs list` print for a person at a terminal.

Every line fits the terminal (80 columns and up): long cells are cut with an ellipsis, never wrapped.
"""
from __future__ import annotations

import json
import shutil
import sys
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, TextIO

from rich import box
from rich.console import Console
from rich.table import Table

WIDE = 110  # from this width the EUR column is shown as well


def json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def write_json(obj: Any, pretty: bool = False, out: TextIO | None = None) -> None:
    text = json.dumps(obj, ensure_ascii=False, default=json_default, indent=2 if pretty else None)
    (out or sys.stdout).write(text + "\n")


def write_json_lines(objects: Iterable[Any], out: TextIO | None = None) -> None:
    for obj in objects:
        write_json(obj, out=out)


def terminal_width() -> int:
    return max(60, shutil.get_terminal_size((80, 24)).columns)


def console(width: int | None = None) -> Console:
    # soft_wrap off and a fixed width: redirected output stays the same table as on screen
    return Console(width=width or terminal_width(), highlight=False)


def amount(value: Any) -> str:
    """Thousands separators and two decimals, as a terminal reader in any locale reads them (9,576.40)."""
    if value in (None, ""):
        return ""
    try:
        return f"{Decimal(str(value)):,.2f}"
    except InvalidOperation:
        return str(value)


def search_table(result: Any, page: int, width: int, names: dict[str, str] | None = None) -> Table:
    names = names or {}
    table = Table(title=f"{result.total:,} result(s) — page {page}", box=box.SIMPLE_HEAD, pad_edge=False,
                  expand=True, title_justify="left", padding=0)
    table.add_column("kind", no_wrap=True, width=5)
    table.add_column("date", no_wrap=True, width=10)
    table.add_column("title", no_wrap=True, overflow="ellipsis", ratio=1, min_width=20)
    table.add_column("where / shop", no_wrap=True, overflow="ellipsis", max_width=12 if width < WIDE else 20)
    table.add_column("MAD", no_wrap=True, justify="right")
    wide = width >= WIDE
    if wide:
        table.add_column("EUR", no_wrap=True, justify="right")
    table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=12 if not wide else 24)
    for hit in result.hits:
        d = hit.document
        when = d.get("published_at") or d.get("start_date") or d.get("observed_at") or ""
        row = [hit.kind, str(when)[:10], " ".join(str(d.get("title") or d.get("name") or "").split()),
               d.get("city") or d.get("shop") or "", amount(d.get("price_mad"))]
        if wide:
            row.append(amount(d.get("price_eur")))
        row.append(names.get(d.get("source") or "", d.get("source") or ""))
        table.add_row(*row)
    return table


def print_search(result: Any, page: int, names: dict[str, str], width: int | None = None) -> None:
    width = width or terminal_width()
    out = console(width)
    out.print(search_table(result, page, width, names))
    for facet, counts in result.facets.items():
        if counts:
            shown = (names.get(k, k) if facet == "source" else k for k in counts)
            line = f"{facet}: " + ", ".join(f"{k} ({v:,})" for k, v in zip(shown, list(counts.values())[:10]))
            out.print(line, overflow="ellipsis", no_wrap=True, markup=False)


def subscription_lines(sub: Any) -> list[str]:
    """Two lines a subscription: who and what kind, then what it sends and when (nothing is cut)."""
    state = "confirmed" if sub.confirmed else "not confirmed"
    head = f"{sub.id}  {sub.address}  {sub.kind} · {sub.language} · {state}"
    if sub.kind == "digest":
        detail = "weekly digest, Monday morning"
    elif sub.kind == "search":
        query = sub.title or "&".join(f"{k}={v}" for k, v in sub.query.items())
        detail = f"saved search {query!r} · {sub.frequency}"
    else:
        parts = [f"crafts: {', '.join(sub.crafts) or 'all'}", f"countries: {', '.join(sub.countries) or 'all'}",
                 f"fairs starting in {sub.window_min_days} to {sub.window_max_days} days", sub.frequency]
        detail = " · ".join(parts)
    if sub.channels != ["email"]:
        detail += " · by " + ", ".join(
            (f"{c} {sub.address_of(c)}" if c in ("sms", "whatsapp", "telegram") else c)
            + (" (waiting for confirmation)" if c in sub.pending_channels else "") for c in sub.channels)
    return [head, "    " + detail]


def print_subscriptions(subs: list[Any]) -> None:
    print(f"{len(subs)} subscription(s)")
    for sub in subs:
        print("\n".join(subscription_lines(sub)))


def run_time(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M %Z") if moment else "never"
