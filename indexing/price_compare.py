"""Like-for-like price comparison: shops within one product group, and a price index per craft.

Medians never mix groups. A shop's craft index is the geometric mean, over the groups it sells in,
of its median divided by the group's median, times 100 (100 = the market's median in every group).
Rug groups compare the price per m², so a 2 x 3 m rug is not "dearer" than a 1.5 x 2.4 m one.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from indexing.models import Offer
from indexing.product_groups import group_key


@dataclass(frozen=True)
class ShopInGroup:
    shop: str
    offers: int
    median: Decimal
    index: float  # 100 = the group's median


@dataclass(frozen=True)
class GroupComparison:
    key: str
    craft: str | None
    product_type: str
    size_class: str | None
    per_m2: bool
    offers: int
    median: Decimal
    shops: list[ShopInGroup]


@dataclass(frozen=True)
class ShopIndex:
    shop: str
    index: float
    groups: int


@dataclass(frozen=True)
class CraftIndex:
    craft: str
    groups: int
    shops: list[ShopIndex]


def comparable_price(offer: Offer, currency: str, per_m2: bool) -> Decimal | None:
    price = offer.price_mad if currency == "MAD" else offer.price_eur
    if price is None:
        return None
    if per_m2:
        if not offer.area_m2:
            return None
        return (price / offer.area_m2).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return price


def compare_groups(offers: Iterable[Offer], currency: str = "MAD") -> list[GroupComparison]:
    """One comparison per group with a price, most offers first; offers of unknown type are left out."""
    by_group: dict[str, list[Offer]] = {}
    for offer in offers:
        key = group_key(offer)
        if key is not None:
            by_group.setdefault(key, []).append(offer)
    result = []
    for key, members in by_group.items():
        craft, ptype, size = key.split("/")
        per_m2 = size != "-"
        prices: dict[str, list[Decimal]] = {}
        for offer in members:
            price = comparable_price(offer, currency, per_m2)
            if price is not None:
                prices.setdefault(offer.shop, []).append(price)
        every = [p for values in prices.values() for p in values]
        if not every:
            continue
        median = Decimal(statistics.median(every))
        shops = [ShopInGroup(shop, len(values), Decimal(statistics.median(values)),
                             float(Decimal(statistics.median(values)) / median * 100) if median else 100.0)
                 for shop, values in prices.items()]
        shops.sort(key=lambda s: (s.median, s.shop))
        result.append(GroupComparison(key, None if craft == "-" else craft, ptype, None if size == "-" else size,
                                      per_m2, len(every), median, shops))
    result.sort(key=lambda g: (-g.offers, g.key))
    return result


def craft_indices(groups: Iterable[GroupComparison]) -> list[CraftIndex]:
    """Per craft, each shop's geometric-mean index over the groups it shares with the market."""
    logs: dict[str, dict[str, list[float]]] = {}
    group_counts: dict[str, int] = {}
    for group in groups:
        if group.craft is None:
            continue
        group_counts[group.craft] = group_counts.get(group.craft, 0) + 1
        for shop in group.shops:
            if shop.index > 0:
                logs.setdefault(group.craft, {}).setdefault(shop.shop, []).append(math.log(shop.index / 100))
    result = []
    for craft, shops in logs.items():
        rows = [ShopIndex(shop, round(100 * math.exp(sum(v) / len(v)), 1), len(v)) for shop, v in shops.items()]
        rows.sort(key=lambda r: (r.index, r.shop))
        result.append(CraftIndex(craft, group_counts[craft], rows))
    result.sort(key=lambda c: (-c.groups, c.craft))
    return result
