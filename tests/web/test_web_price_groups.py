"""Like-for-like prices on the page and in the API: shops compared within a group, an index per craft."""
from __future__ import annotations

import httpx
from bs4 import BeautifulSoup


def page(response: httpx.Response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:500]
    return BeautifulSoup(response.text, "html.parser")


def test_price_page_compares_shops_within_groups(client: httpx.Client) -> None:
    soup = page(client.get("/prices", params={"craft": "tapis"}))
    groups = {t["data-group"]: t for t in soup.select("table.price-group")}
    # 200x300 (6 m²) and 150x200 (3 m²) rugs fall in different size classes; the one without a size alone.
    assert set(groups) == {"tapis/rug/L", "tapis/rug/M", "tapis/rug/-"}
    assert "prix au m²" in groups["tapis/rug/L"].caption.get_text()
    assert [th.get_text(strip=True) for th in groups["tapis/rug/L"].select("tbody th")] == ["Atelier Atlas"]
    assert soup.select_one(".craft-index") is not None


def test_price_index_per_craft_on_a_shared_group(client: httpx.Client) -> None:
    soup = page(client.get("/prices", params={"craft": "cuir", "lang": "en"}))
    pouf = soup.select_one('table.price-group[data-group="cuir/pouf/-"]')
    rows = {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")] for tr in pouf.select("tbody tr")}
    assert set(rows) == {"Atelier Atlas", "Souk Design"}
    index = soup.select_one(".craft-index table")
    assert index.caption.get_text(strip=True) == "Leather"
    values = {tr.th.get_text(strip=True): float(tr.td.get_text(strip=True)) for tr in index.select("tbody tr")}
    assert values["Atelier Atlas"] < 100 < values["Souk Design"]  # 650 MAD against 79 EUR (838.98 MAD)


def test_api_prices_groups_and_indices(client: httpx.Client) -> None:
    data = client.get("/api/prices").json()
    keys = [g["key"] for g in data["groups"]]
    assert len(keys) == len(set(keys)) and "cuir/pouf/-" in keys and "poterie/tajine/-" in keys
    pouf = next(g for g in data["groups"] if g["key"] == "cuir/pouf/-")
    assert pouf["offers"] == 2 and not pouf["per_m2"] and float(pouf["median"]) == (650 + 838.98) / 2
    rugs = next(g for g in data["groups"] if g["key"] == "tapis/rug/L")
    assert rugs["per_m2"] and rugs["size_class"] == "L" and float(rugs["median"]) == 750.0  # 4500 MAD / 6 m²
    assert {c["craft"] for c in data["indices"]} >= {"cuir", "tapis"}
    assert client.get("/api/prices", params={"currency": "EUR", "craft": "cuir"}).json()["currency"] == "EUR"
