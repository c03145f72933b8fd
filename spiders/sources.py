"""The source catalogue (sources.yaml): adding a feed, fair calendar or shop needs no Python."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit

import yaml

KINDS = ("news", "fair", "shop")
SPIDER_FOR_KIND = {"news": "news", "fair": "fairs", "shop": "prices"}
_ALLOWED = {
    "id", "kind", "name", "display_name", "feeds", "ical", "sitemaps", "listings", "start_urls", "selectors", "language",
    "country", "crafts", "schedule", "enabled", "crawlable", "note", "max_pages", "max_depth", "allowed_domains",
    "discover",
}
_LISTING_KEYS = {"url", "link_pattern", "link_selector", "next_selector", "max_pages"}
_SELECTOR_KEYS = {"title", "body", "date", "author", "name", "price", "old_price", "currency", "availability",
                  "sku", "brand", "fair_block", "start_date", "end_date", "city", "venue"}
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{1,62}$")
_EVERY = re.compile(r"^every (\d+)(m|h|d)$")
DISPLAY_NAME_MAX = 60


class CatalogueError(ValueError):
    """A bad catalogue entry; the message names the source and the key."""


@dataclass(frozen=True)
class Listing:
    url: str
    link_pattern: str | None = None
    link_selector: str | None = None
    next_selector: str | None = None
    max_pages: int = 20


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    name: str
    feeds: tuple[str, ...] = ()
    ical: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()
    start_urls: tuple[str, ...] = ()
    selectors: Mapping[str, str] = field(default_factory=dict)
    language: str | None = None
    country: str | None = None
    crafts: tuple[str, ...] = ()
    schedule: str | None = None
    enabled: bool = True
    crawlable: bool = True
    note: str | None = None
    max_pages: int = 500
    max_depth: int = 4
    allowed_domains: tuple[str, ...] = ()
    discover: bool = False
    display_name: str = ""  # what readers see (pages, mails, offers' shop); defaults to `name`

    @property
    def spider(self) -> str:
        return SPIDER_FOR_KIND[self.kind]

    def entry_urls(self) -> list[str]:
        return [*self.feeds, *self.ical, *self.sitemaps, *(l.url for l in self.listings), *self.start_urls]

    def domains(self) -> set[str]:
        hosts = {urlsplit(u).hostname or "" for u in self.entry_urls()}
        return {h for h in hosts | set(self.allowed_domains) if h}


def _url(source_id: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise CatalogueError(f"source {source_id!r}, key {key!r}: expected a URL string, got {value!r}")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CatalogueError(f"source {source_id!r}, key {key!r}: bad URL {value!r} (http or https only)")
    return value


def _urls(source_id: str, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise CatalogueError(f"source {source_id!r}, key {key!r}: expected a list of URLs")
    return tuple(_url(source_id, key, v) for v in value)


def validate_schedule(source_id: str, value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if _EVERY.match(text):
        return text
    try:
        from apscheduler.triggers.cron import CronTrigger
        CronTrigger.from_crontab(text)
    except (ValueError, TypeError) as exc:
        raise CatalogueError(f"source {source_id!r}, key 'schedule': bad schedule {text!r} "
                             f"(use a crontab like '0 6 * * *' or 'every 6h'): {exc}") from None
    return text


def _display_name(source_id: str, value: Any, fallback: str) -> str:
    if value is None:
        return fallback
    if not isinstance(value, str) or not value.strip() or "\n" in value or len(value.strip()) > DISPLAY_NAME_MAX:
        raise CatalogueError(f"source {source_id!r}, key 'display_name': expected one line of 1 to {DISPLAY_NAME_MAX} "
                             f"characters, got {value!r}")
    return value.strip()


def _int(source_id: str, key: str, value: Any, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise CatalogueError(f"source {source_id!r}, key {key!r}: expected an integer in {low}..{high}, got {value!r}")
    return value


def parse_source(raw: Any, position: int) -> Source:
    if not isinstance(raw, dict):
        raise CatalogueError(f"source #{position}: expected a mapping")
    sid = raw.get("id")
    if not isinstance(sid, str) or not _ID.match(sid):
        raise CatalogueError(f"source #{position}, key 'id': expected a lowercase id like 'artisanat-info', got {sid!r}")
    unknown = set(raw) - _ALLOWED
    if unknown:
        raise CatalogueError(f"source {sid!r}: unknown key(s) {', '.join(sorted(unknown))}")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise CatalogueError(f"source {sid!r}, key 'kind': expected one of {', '.join(KINDS)}, got {kind!r}")
    listings = []
    for item in raw.get("listings") or []:
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict):
            raise CatalogueError(f"source {sid!r}, key 'listings': each listing is a URL or a mapping")
        bad = set(item) - _LISTING_KEYS
        if bad:
            raise CatalogueError(f"source {sid!r}, key 'listings': unknown key(s) {', '.join(sorted(bad))}")
        pattern = item.get("link_pattern")
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise CatalogueError(f"source {sid!r}, key 'listings.link_pattern': bad regex {pattern!r}: {exc}") from None
        listings.append(Listing(url=_url(sid, "listings.url", item.get("url")), link_pattern=pattern,
                                link_selector=item.get("link_selector"), next_selector=item.get("next_selector"),
                                max_pages=_int(sid, "listings.max_pages", item.get("max_pages", 20), 1, 1000)))
    selectors = raw.get("selectors") or {}
    if not isinstance(selectors, dict) or set(selectors) - _SELECTOR_KEYS:
        bad = set(selectors) - _SELECTOR_KEYS if isinstance(selectors, dict) else {"<not a mapping>"}
        raise CatalogueError(f"source {sid!r}, key 'selectors': unknown field(s) {', '.join(sorted(bad))}")
    language = raw.get("language")
    if language is not None and not re.fullmatch(r"[a-z]{2}", str(language)):
        raise CatalogueError(f"source {sid!r}, key 'language': expected an ISO 639-1 code, got {language!r}")
    country = raw.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", str(country)):
        raise CatalogueError(f"source {sid!r}, key 'country': expected an ISO 3166 alpha-2 code like MA, got {country!r}")
    from indexing.taxonomy import crafts as taxonomy
    crafts = tuple(raw.get("crafts") or ())
    for craft in crafts:
        if craft not in taxonomy():
            raise CatalogueError(f"source {sid!r}, key 'crafts': unknown craft {craft!r}")
    source = Source(
        id=sid, kind=kind, name=str(raw.get("name") or sid),
        feeds=_urls(sid, "feeds", raw.get("feeds")), ical=_urls(sid, "ical", raw.get("ical")),
        sitemaps=_urls(sid, "sitemaps", raw.get("sitemaps")), listings=tuple(listings),
        start_urls=_urls(sid, "start_urls", raw.get("start_urls")), selectors=dict(selectors),
        language=language, country=country, crafts=crafts,
        schedule=validate_schedule(sid, raw.get("schedule")),
        enabled=bool(raw.get("enabled", True)), crawlable=bool(raw.get("crawlable", True)), note=raw.get("note"),
        max_pages=_int(sid, "max_pages", raw.get("max_pages", 500), 1, 100_000),
        max_depth=_int(sid, "max_depth", raw.get("max_depth", 4), 1, 20),
        allowed_domains=tuple(raw.get("allowed_domains") or ()),
        discover=bool(raw.get("discover", False)),
        display_name=_display_name(sid, raw.get("display_name"), str(raw.get("name") or sid)),
    )
    if not source.entry_urls():
        raise CatalogueError(f"source {sid!r}: give at least one of feeds, ical, sitemaps, listings or start_urls")
    return source


def load_catalogue(path: Path, variables: Mapping[str, str] | None = None) -> list[Source]:
    """Load and validate; `${name}` placeholders are filled from `variables` (the demo's ports)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogueError(f"cannot read source catalogue {path}: {exc}") from None
    if variables:
        text = Template(text).safe_substitute(variables)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), list):
        raise CatalogueError(f"{path}: expected a top-level 'sources:' list")
    sources = [parse_source(item, i) for i, item in enumerate(raw["sources"], 1)]
    seen: set[str] = set()
    for s in sources:
        if s.id in seen:
            raise CatalogueError(f"source {s.id!r}: duplicate id")
        seen.add(s.id)
    return sources


SCHEDULE_KEYS = ("crawl-news", "crawl-fairs", "crawl-prices", "alerts", "digest")


def load_schedules(path: Path) -> dict[str, str]:
    """The optional top-level `schedules:` mapping of the catalogue (job name -> crontab or 'every 6h')."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"cannot read schedules from {path}: {exc}") from None
    schedules = raw.get("schedules") or {} if isinstance(raw, dict) else {}
    if not isinstance(schedules, dict):
        raise CatalogueError(f"{path}: 'schedules' must be a mapping of job name to schedule")
    unknown = set(schedules) - set(SCHEDULE_KEYS)
    if unknown:
        raise CatalogueError(f"{path}: unknown job(s) in 'schedules': {', '.join(sorted(unknown))} "
                             f"(choose among {', '.join(SCHEDULE_KEYS)})")
    return {name: validate_schedule(f"schedules.{name}", value) or "" for name, value in schedules.items()}


def display_names(paths: Iterable[Path]) -> dict[str, str]:
    """Source id -> display name from catalogues, read leniently: a page must still render with a broken one."""
    names: dict[str, str] = {}
    for path in paths:
        try:
            raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            continue
        for item in raw.get("sources") or [] if isinstance(raw, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                name = item.get("display_name") or item.get("name")
                if isinstance(name, str) and name.strip():
                    names.setdefault(item["id"], name.strip())
    return names
