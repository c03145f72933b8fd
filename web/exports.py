"""CSV and JSON downloads of a result list; CSV cells cannot start a spreadsheet formula."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from typing import Any

from starlette.responses import Response

from indexing.backends.base import SearchBackend
from indexing.query import Hit, QueryError, SearchQuery
from indexing.record_guard import valid_document
from indexing.query_problems import Problem, shown

EXPORT_FORMATS = ("csv", "json")
EXPORT_MAX_ROWS = 5_000
EXPORT_BATCH = 100
CSV_COLUMNS = (
    "id", "kind", "title", "date", "source", "url", "language", "crafts", "countries",
    "start_date", "end_date", "city", "venue", "shop", "price", "currency", "price_mad", "price_eur", "availability",
)
# OWASP "CSV injection": these first characters make Excel/LibreOffice evaluate a cell.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def export_format(raw: str | None) -> str | None:
    if raw in (None, "", "html"):
        return None
    if raw not in EXPORT_FORMATS:
        raise QueryError(Problem("unknown_export", {"value": shown(raw, 20)}, "format"))
    return raw


def safe_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def all_hits(backend: SearchBackend, query: SearchQuery, limit: int = EXPORT_MAX_ROWS) -> tuple[int, list[Hit]]:
    """Every hit of the query (up to `limit`), whatever page the reader is on."""
    batch = replace(query, page=1, per_page=EXPORT_BATCH, with_facets=False)
    hits: list[Hit] = []
    total = 0
    while len(hits) < limit:
        result = backend.search(batch)
        total = result.total
        hits.extend(result.hits)
        if len(result.hits) < EXPORT_BATCH or len(hits) >= total:
            break
        batch = batch.with_page(batch.page + 1)
    return total, hits[:limit]


def export_row(hit: Hit) -> dict[str, Any]:
    doc = hit.document
    return {
        "id": hit.id,
        "kind": hit.kind,
        "title": doc.get("title") or doc.get("name"),
        "date": doc.get("published_at") or doc.get("start_date") or doc.get("observed_at") or doc.get("first_seen"),
        "source": doc.get("source"),
        "url": doc.get("url"),
        "language": doc.get("language"),
        "crafts": doc.get("crafts") or [],
        "countries": doc.get("countries") or [],
        "start_date": doc.get("start_date"),
        "end_date": doc.get("end_date"),
        "city": doc.get("city"),
        "venue": doc.get("venue"),
        "shop": doc.get("shop"),
        "price": doc.get("price"),
        "currency": doc.get("currency"),
        "price_mad": doc.get("price_mad"),
        "price_eur": doc.get("price_eur"),
        "availability": doc.get("availability"),
    }


def csv_text(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(row.get(column)) for column in CSV_COLUMNS])
    return out.getvalue()


def attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}


def export_response(fmt: str, backend: SearchBackend, query: SearchQuery, name: str) -> Response:
    total, found = all_hits(backend, query)
    # A stored record that is no longer a valid document is skipped (and counted), as on the pages.
    hits = [hit for hit in found if valid_document(hit.kind, hit.document, f"export.{name}", backend) is not None]
    rows = [export_row(hit) for hit in hits]
    filename = f"veille-{name}-{date.today().isoformat()}.{fmt}"
    if fmt == "csv":
        # The BOM lets Excel open Arabic and accented text as UTF-8.
        return Response("\ufeff" + csv_text(rows), media_type="text/csv; charset=utf-8", headers=attachment(filename))
    body = {"total": total, "exported": len(rows), "results": [{"id": h.id, "kind": h.kind, **h.document} for h in hits]}
    return Response(json.dumps(body, ensure_ascii=False, indent=1), media_type="application/json",
                    headers=attachment(filename))


