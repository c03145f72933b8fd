"""Embedded structured data (JSON-LD, microdata, RDFa) as plain schema.org-shaped dicts."""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree, html

Thing = dict[str, Any]

_LOG = logging.getLogger(__name__)
_JSONLD_XPATH = etree.XPath('//script[contains(translate(@type, "JSONLD", "jsonld"), "ld+json")]')
_HAS_ITEMSCOPE = etree.XPath("boolean(//*[@itemscope])")
_HAS_TYPEOF = etree.XPath("boolean(//*[@typeof])")
_SCHEMA_PREFIX = re.compile(r"^https?://(?:www\.)?schema\.org/", re.IGNORECASE)
_JSON_CLEANUP = re.compile(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def type_names(thing: Thing) -> set[str]:
    """Short schema.org type names of a thing: {'Product'} for 'http://schema.org/Product'."""
    raw = thing.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {_SCHEMA_PREFIX.sub("", str(v)).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for v in values if v}


def walk(things: Iterable[Any]) -> Iterator[Thing]:
    """Every dict nested anywhere in the items, parents before children."""
    stack = list(things)[::-1]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.extend(list(node.values())[::-1])
        elif isinstance(node, list):
            stack.extend(node[::-1])


def find_typed(things: Iterable[Any], wanted: Iterable[str]) -> list[Thing]:
    wanted_set = set(wanted)
    return [thing for thing in walk(things) if type_names(thing) & wanted_set]


def jsonld_items(tree: html.HtmlElement) -> list[Any]:
    items: list[Any] = []
    for script in _JSONLD_XPATH(tree):
        data = _loads_lenient(script.text or "")
        if data is None:
            continue
        items.extend(data if isinstance(data, list) else [data])
    return items


def _loads_lenient(raw: str) -> Any:
    text = _JSON_CLEANUP.sub("", raw.strip())
    if not text:
        return None
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    # Hand-written JSON-LD often has trailing commas or raw control characters.
    repaired = _TRAILING_COMMA.sub(r"\1", _CONTROL_CHARS.sub(" ", text))
    try:
        return json.loads(repaired, strict=False)
    except ValueError:
        return None


def microdata_items(tree: html.HtmlElement, url: str | None) -> list[Thing]:
    if not _HAS_ITEMSCOPE(tree):
        return []
    from extruct.w3cmicrodata import MicrodataExtractor

    try:
        raw = MicrodataExtractor().extract_items(tree, url)
    except Exception:  # extruct raises many kinds on broken markup; microdata is optional
        _LOG.debug("microdata extraction failed", exc_info=True)
        return []
    return [_from_microdata(item) for item in raw]


def _from_microdata(value: Any) -> Any:
    if isinstance(value, list):
        return [_from_microdata(v) for v in value]
    if not isinstance(value, dict) or "properties" not in value:
        return value
    thing: Thing = {"@type": value.get("type")}
    for key, prop in value["properties"].items():
        thing[key] = _from_microdata(prop)
    if "value" in value and "name" not in thing:
        thing["@value"] = value["value"]
    return thing


def rdfa_items(tree: html.HtmlElement, url: str | None) -> list[Thing]:
    if not _HAS_TYPEOF(tree):
        return []
    from extruct.rdfa import RDFaExtractor

    try:
        nodes = RDFaExtractor().extract_items(tree, base_url=url or "")
    except Exception:  # pyRdfa fails on odd markup; RDFa is a last resort
        _LOG.debug("RDFa extraction failed", exc_info=True)
        return []
    return _from_expanded_rdfa(nodes)


def _from_expanded_rdfa(nodes: list[Thing]) -> list[Thing]:
    by_id = {n.get("@id"): n for n in nodes if isinstance(n, dict)}
    seen: set[str] = set()

    def convert(node: Thing, depth: int) -> Thing:
        thing: Thing = {"@type": [str(t) for t in node.get("@type", [])]}
        for key, values in node.items():
            if key.startswith("@"):
                continue
            name = _SCHEMA_PREFIX.sub("", key).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            converted = []
            for v in values if isinstance(values, list) else [values]:
                if isinstance(v, dict) and "@value" in v:
                    converted.append(v["@value"])
                elif isinstance(v, dict) and "@id" in v:
                    target = by_id.get(v["@id"])
                    if target is not None and "@type" in target and depth < 4:
                        seen.add(v["@id"])
                        converted.append(convert(target, depth + 1))
                    else:
                        converted.append(v["@id"])
            thing[name] = converted[0] if len(converted) == 1 else converted
        return thing

    typed = [n for n in nodes if isinstance(n, dict) and n.get("@type")]
    converted = [convert(n, 0) for n in typed]
    return [t for n, t in zip(typed, converted) if n.get("@id") not in seen]


def meta_properties(tree: html.HtmlElement) -> dict[str, str]:
    """First non-empty content of every <meta name|property|itemprop>, keys lowercased."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content.strip())
    return found


def first_text(value: Any) -> str | None:
    """A plain string out of a schema.org value that may be a list, a dict with name/@value, a number."""
    if isinstance(value, list):
        for v in value:
            text = first_text(v)
            if text:
                return text
        return None
    if isinstance(value, dict):
        for key in ("name", "@value", "value", "@id", "url"):
            if key in value:
                return first_text(value[key])
        return None
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None
