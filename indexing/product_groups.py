"""Comparable product groups: craft, product type and, for rugs, a size class by area (with price per m²).

The vocabulary is data (product_types.yaml). Assigned once, when an offer is indexed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from indexing.models import Offer
from indexing.textnorm import token_variants, words

TYPES_FILE = Path(__file__).with_name("product_types.yaml")
LANGUAGES = ("fr", "ar", "en", "es", "de")
# English and German name the product last ("leather pouf", "Berberteppich"); French, Spanish and
# Arabic name it first ("pouf en cuir", "بوف من الجلد"): the head noun decides between two types.
HEAD_FINAL = frozenset({"en", "de"})
# Size classes of rugs by area, in m²: (upper bound, class).
AREA_CLASSES: tuple[tuple[Decimal, str], ...] = (
    (Decimal("2"), "S"), (Decimal("4"), "M"), (Decimal("7"), "L"), (Decimal("1e9"), "XL"))
SIZE_CLASS_RANGES = {"S": "< 2 m²", "M": "2–4 m²", "L": "4–7 m²", "XL": "≥ 7 m²"}


@dataclass(frozen=True)
class ProductType:
    id: str
    labels: dict[str, str]
    craft: str | None
    sized_by_area: bool


@dataclass(frozen=True)
class _Vocabulary:
    exact: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]
    suffixes: tuple[tuple[str, str], ...]
    phrases: tuple[tuple[tuple[str, ...], str], ...]


@lru_cache(maxsize=1)
def product_types() -> dict[str, ProductType]:
    raw = yaml.safe_load(TYPES_FILE.read_text(encoding="utf-8"))
    return {tid: ProductType(tid, dict(entry["label"]), entry.get("craft"), entry.get("size") == "area")
            for tid, entry in raw.items()}


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    raw = yaml.safe_load(TYPES_FILE.read_text(encoding="utf-8"))
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    suffixes: list[tuple[str, str]] = []
    phrases: list[tuple[tuple[str, ...], str]] = []
    for tid, entry in raw.items():
        for lang in LANGUAGES:
            for synonym in entry["synonyms"].get(lang, []):
                synonym = str(synonym)
                tokens = tuple(words(synonym.strip("*")))
                if not tokens:
                    continue
                if len(tokens) > 1:
                    phrases.append((tokens, tid))
                elif synonym.startswith("*"):
                    suffixes.append((tokens[0], tid))
                elif synonym.endswith("*"):
                    prefixes.append((tokens[0], tid))
                else:
                    exact.setdefault(tokens[0], tid)
    # Longest affixes first: "sitzpouf" before "pouf".
    return _Vocabulary(exact, tuple(sorted(prefixes, key=lambda p: -len(p[0]))),
                       tuple(sorted(suffixes, key=lambda p: -len(p[0]))), tuple(phrases))


def _type_of_token(token: str) -> str | None:
    vocab = _vocabulary()
    for variant in token_variants(token):
        if variant in vocab.exact:
            return vocab.exact[variant]
        for prefix, tid in vocab.prefixes:
            if variant.startswith(prefix):
                return tid
        for suffix, tid in vocab.suffixes:
            if variant.endswith(suffix) and len(variant) > len(suffix):
                return tid
    return None


def product_type_of(text: str, language: str | None = None) -> str | None:
    """The product type a name names; with two, the head noun's (last in English and German, else first)."""
    tokens = words(text)
    found: list[tuple[int, str]] = []
    for index, token in enumerate(tokens):
        tid = _type_of_token(token)
        if tid:
            found.append((index, tid))
    for phrase, tid in _vocabulary().phrases:
        n = len(phrase)
        for index in range(len(tokens) - n + 1):
            if tuple(tokens[index:index + n]) == phrase:
                found.append((index, tid))
    if not found:
        return None
    found.sort()
    return found[-1][1] if (language or "") in HEAD_FINAL else found[0][1]


_NUMBER = r"(\d{1,4}(?:[.,]\d{1,2})?)"
_UNIT = r"(mm|cm|m|in|ft|سم|مم|م)?"
_DIMENSIONS = re.compile(
    rf"(?<![\d.,]){_NUMBER}\s*{_UNIT}\s*[x×X*]\s*{_NUMBER}\s*{_UNIT}(?!\s*[x×X*]\s*\d)(?![\d])", re.IGNORECASE)
_TO_METRES = {"mm": Decimal("0.001"), "cm": Decimal("0.01"), "m": Decimal("1"), "in": Decimal("0.0254"),
              "ft": Decimal("0.3048"), "سم": Decimal("0.01"), "مم": Decimal("0.001"), "م": Decimal("1")}


def _metres(number: str, unit: str | None) -> Decimal:
    value = Decimal(number.replace(",", "."))
    if unit:
        return value * _TO_METRES[unit.lower()]
    # No unit: rugs are a few metres long, so small numbers are metres and large ones centimetres.
    return value if value <= 10 else value * _TO_METRES["cm"]


def area_m2(text: str) -> Decimal | None:
    """The area of the first two-dimensional size in the text: '170 x 240 cm', '2 m x 3 m', '200×300'."""
    for match in _DIMENSIONS.finditer(text):
        first, unit1, second, unit2 = match.groups()
        unit = unit2 or unit1
        area = _metres(first, unit1 or unit) * _metres(second, unit)
        if Decimal("0.05") <= area <= Decimal("200"):
            return area.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return None


def size_class(area: Decimal) -> str:
    return next(label for bound, label in AREA_CLASSES if area < bound)


def group_fields(offer: Offer) -> dict[str, Any]:
    """product_type, size_class, area_m2 and price_per_m2_mad for an offer (None when unknown)."""
    tid = product_type_of(offer.name, offer.language) or product_type_of(offer.description or "", offer.language)
    fields: dict[str, Any] = {"product_type": tid, "size_class": None, "area_m2": None, "price_per_m2_mad": None}
    ptype = product_types().get(tid or "")
    if ptype and ptype.sized_by_area:
        area = area_m2(offer.name) or area_m2(offer.description or "")
        if area:
            fields.update(area_m2=area, size_class=size_class(area))
            if offer.price_mad is not None:
                fields["price_per_m2_mad"] = (offer.price_mad / area).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return fields


def with_group(offer: Offer) -> Offer:
    """The offer with its group fields; the same object when they are already right."""
    fields = group_fields(offer)
    if all(getattr(offer, key) == value for key, value in fields.items()):
        return offer
    return offer.model_copy(update=fields)


def group_key(offer: Offer) -> str | None:
    """craft/type/size: offers with one key are comparable; None when the type is unknown."""
    if not offer.product_type:
        return None
    ptype = product_types().get(offer.product_type)
    craft = offer.crafts[0] if offer.crafts else (ptype.craft if ptype else None)
    if ptype and ptype.craft and ptype.craft in offer.crafts:
        craft = ptype.craft
    return f"{craft or '-'}/{offer.product_type}/{offer.size_class or '-'}"


def type_label(type_id: str, language: str = "fr") -> str:
    ptype = product_types().get(type_id)
    if ptype is None:
        return type_id
    return ptype.labels.get(language) or ptype.labels["fr"]
