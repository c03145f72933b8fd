"""Dated exchange rates (EUR base): prices are compared in MAD and EUR."""
from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ET
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)
ECB_DAILY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"


class UnknownCurrency(LookupError):
    pass


@dataclass(frozen=True)
class RateTable:
    days: tuple[date, ...]
    rates: tuple[dict[str, Decimal], ...]

    @classmethod
    def load(cls, path: Path) -> "RateTable":
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        if raw.get("base") != "EUR":
            raise ValueError(f"{path}: rates must be EUR-based")
        items = sorted((date.fromisoformat(d), {k: Decimal(str(v)) for k, v in r.items()})
                       for d, r in raw["rates"].items())
        if not items:
            raise ValueError(f"{path}: no rates")
        return cls(tuple(d for d, _ in items), tuple(r for _, r in items))

    def on(self, day: date, currency: str) -> Decimal:
        """EUR -> currency rate published on `day` or the latest day before it."""
        index = max(bisect_right(self.days, day) - 1, 0)
        for rates in (self.rates[index], *reversed(self.rates[:index]), *self.rates[index + 1:]):
            if currency in rates:
                return rates[currency]
        raise UnknownCurrency(currency)

    def convert(self, amount: Decimal, currency: str, target: str, day: date) -> Decimal:
        if currency == target:
            return amount.quantize(Decimal("0.01"), ROUND_HALF_UP)
        eur = amount / self.on(day, currency)
        return (eur * self.on(day, target)).quantize(Decimal("0.01"), ROUND_HALF_UP)


@lru_cache(maxsize=4)
def rate_table(path: str) -> RateTable:
    return RateTable.load(Path(path))


def parse_ecb_daily(xml_bytes: bytes) -> tuple[date, dict[str, float]]:
    root = ET.fromstring(xml_bytes)
    day_node = next(n for n in root.iter() if n.tag.endswith("Cube") and "time" in n.attrib)
    rates = {n.attrib["currency"]: float(n.attrib["rate"]) for n in day_node if "currency" in n.attrib}
    return date.fromisoformat(day_node.attrib["time"]), rates


def update_from_ecb(path: Path, url: str = ECB_DAILY_URL, timeout: float = 20) -> date:
    """Append today's ECB rates to the rates file (keeping its MAD rate, which the ECB lacks)."""
    import urllib.request
    with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 - fixed https URL from config
        day, rates = parse_ecb_daily(resp.read())
    raw = json.loads(path.read_text(encoding="utf-8"))
    latest = raw["rates"][max(raw["rates"])]
    rates.setdefault("MAD", latest.get("MAD"))
    rates["EUR"] = 1
    raw["rates"][day.isoformat()] = rates
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    tmp.replace(path)
    rate_table.cache_clear()
    return day
