"""The console's source form: a catalogue entry as form fields and back, validated by the catalogue's own rules,
each error placed next to its field."""
from __future__ import annotations

import re
from typing import Any, Mapping

from spiders.sources import CatalogueError, Source, parse_source

TEXT_FIELDS = ("id", "kind", "name", "display_name", "language", "country", "schedule", "note", "max_pages", "max_depth")
URL_LISTS = ("feeds", "ical", "sitemaps", "start_urls", "allowed_domains")
FLAGS = ("enabled", "discover", "crawlable")
FORM_FIELDS = (*TEXT_FIELDS, *URL_LISTS, "listings", "selectors", "crafts", *FLAGS)
LISTING_PARTS = ("url", "link_pattern", "next_selector", "link_selector", "max_pages")
_KEY = re.compile(r"key '([\w.]+)'")
MAX_FIELD_CHARS = 20_000


def empty_form() -> dict[str, Any]:
    return {**{name: "" for name in FORM_FIELDS}, "kind": "news", "enabled": True, "crawlable": True, "discover": False}


def form_of(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A stored catalogue entry as the form shows it."""
    form = empty_form()
    for name in TEXT_FIELDS:
        form[name] = "" if raw.get(name) is None else str(raw[name])
    for name in URL_LISTS:
        form[name] = "\n".join(raw.get(name) or [])
    form["crafts"] = ", ".join(raw.get("crafts") or [])
    form["selectors"] = "\n".join(f"{k}: {v}" for k, v in (raw.get("selectors") or {}).items())
    lines = []
    for listing in raw.get("listings") or []:
        listing = {"url": listing} if isinstance(listing, str) else listing
        parts = [str(listing.get(p) or "") for p in LISTING_PARTS]
        while parts and not parts[-1]:
            parts.pop()
        lines.append(" | ".join(parts))
    form["listings"] = "\n".join(lines)
    for name in FLAGS:
        form[name] = bool(raw.get(name, name != "discover"))
    return form


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.replace("\r\n", "\n").split("\n") if line.strip()]


def raw_of(form: Mapping[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    """The catalogue entry a submitted form describes; a value that cannot even be read lands in `errors`."""
    raw: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        value = str(form.get(name) or "").strip()
        if not value:
            continue
        if name in ("max_pages", "max_depth"):
            if not value.isdigit():
                errors[name] = f"key {name!r}: expected a whole number, got {value[:40]!r}"
                continue
            raw[name] = int(value)
        else:
            raw[name] = value
    for name in URL_LISTS:
        if values := _lines(str(form.get(name) or "")):
            raw[name] = values
    if crafts := [c.strip() for c in str(form.get("crafts") or "").split(",") if c.strip()]:
        raw["crafts"] = crafts
    selectors: dict[str, str] = {}
    for line in _lines(str(form.get("selectors") or "")):
        field, sep, css = line.partition(":")
        if not sep or not css.strip():
            errors["selectors"] = f"key 'selectors': write one 'field: css selector' a line, got {line[:60]!r}"
            break
        selectors[field.strip()] = css.strip()
    if selectors:
        raw["selectors"] = selectors
    listings = []
    for line in _lines(str(form.get("listings") or "")):
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) > len(LISTING_PARTS):
            errors["listings"] = f"key 'listings': at most {len(LISTING_PARTS)} parts a line, got {line[:60]!r}"
            break
        listing: dict[str, Any] = {k: v for k, v in zip(LISTING_PARTS, parts) if v}
        if "max_pages" in listing:
            if not str(listing["max_pages"]).isdigit():
                errors["listings"] = f"key 'listings.max_pages': expected a whole number, got {listing['max_pages']!r}"
                break
            listing["max_pages"] = int(listing["max_pages"])
        listings.append(listing)
    if listings:
        raw["listings"] = listings
    for name in FLAGS:
        raw[name] = bool(form.get(name))
    return raw


def field_of(message: str) -> str:
    """The form field a catalogue error names ('listings.link_pattern' is the listings field)."""
    match = _KEY.search(message)
    key = match.group(1).split(".")[0] if match else "form"
    return key if key in FORM_FIELDS else "form"


def read_form(form: Mapping[str, Any]) -> dict[str, str]:
    """The submitted values, bounded, with checkboxes as booleans."""
    values: dict[str, Any] = {}
    for name in FORM_FIELDS:
        value = form.get(name)
        values[name] = (value is not None) if name in FLAGS else str(value or "")[:MAX_FIELD_CHARS]
    return values


def validate(form: Mapping[str, Any], source_id: str | None = None) -> tuple[Source | None, dict[str, Any], dict[str, str]]:
    """(source, raw entry, errors by field); an edit keeps its id whatever the form says."""
    errors: dict[str, str] = {}
    raw = raw_of(form, errors)
    if source_id is not None:
        raw["id"] = source_id
    if errors:
        return None, raw, errors
    # The catalogue stops at its first bad key: leave that key out and validate again, so that every bad field
    # gets its message at once.
    trial = dict(raw)
    for _ in range(len(FORM_FIELDS)):
        try:
            source = parse_source(trial, 1)
        except CatalogueError as exc:
            field = field_of(str(exc))
            if field in errors or field == "form" or field not in trial:
                if not errors:
                    errors[field] = str(exc)
                break
            errors[field] = str(exc)
            trial.pop(field)
        else:
            return (source, raw, {}) if not errors else (None, raw, errors)
    return None, raw, errors
