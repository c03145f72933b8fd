"""Product groups: type by head noun in five languages, sizes from dimensions, price per m², group keys."""
from __future__ import annotations

from decimal import Decimal

import pytest

from indexing.models import Offer
from indexing.price_compare import compare_groups, craft_indices
from indexing.product_groups import area_m2, group_key, product_type_of, size_class, with_group


@pytest.mark.parametrize("name, language, expected", [
    ("Tapis berbère en laine", "fr", "rug"),
    ("Pouf en cuir brodé", "fr", "pouf"),
    ("Leather pouf, hand stitched", "en", "pouf"),
    ("Savon noir à l'huile d'olive", "fr", "soap"),  # head first in French
    ("Olive oil soap bar", "en", "soap"),  # head last in English
    ("Handgeknüpfter Berberteppich", "de", "rug"),  # a German compound ends with its head
    ("زربية من الصوف", "ar", "rug"),
    ("وبالطاجين الفخاري", "ar", "tajine"),  # proclitics stripped
    ("Lámpara de latón", "es", "lamp"),
    ("Something else entirely", "en", None),
])
def test_product_type_by_head_noun(name: str, language: str, expected: str | None) -> None:
    assert product_type_of(name, language) == expected


@pytest.mark.parametrize("text, area", [
    ("Kilim 170 x 240 cm", Decimal("4.08")),
    ("Rug 2 m x 3 m", Decimal("6.00")),
    ("Tapis 200×300", Decimal("6.00")),
    ("1,70 x 2,40 m", Decimal("4.08")),
    ("زربية 160 × 230 سم", Decimal("3.68")),
    ("Box 22 x 14 x 9 cm", None),  # three dimensions: a volume, not a floor area
    ("Huile 100 ml", None),
])
def test_area_from_dimensions(text: str, area: Decimal | None) -> None:
    assert area_m2(text) == area


def test_size_classes() -> None:
    assert [size_class(Decimal(a)) for a in ("1.2", "3.6", "6", "9")] == ["S", "M", "L", "XL"]


def _offer(name: str, shop: str, mad: str, crafts: list[str], language: str = "fr") -> Offer:
    return with_group(Offer(url=f"https://{shop.lower()}.example/{abs(hash(name))}", source=shop.lower(), shop=shop,
                            name=name, price=Decimal(mad), currency="MAD", price_mad=Decimal(mad),
                            price_eur=(Decimal(mad) / 10).quantize(Decimal("0.01")), crafts=crafts, language=language))


def test_rug_group_carries_area_and_price_per_m2() -> None:
    rug = _offer("Tapis Beni Ouarain 200 x 300 cm", "Atlas", "6000", ["tapis"])
    assert (rug.product_type, rug.size_class, rug.area_m2, rug.price_per_m2_mad) == ("rug", "L", Decimal("6.00"), Decimal("1000.00"))
    assert group_key(rug) == "tapis/rug/L"
    oil = _offer("Huile d'argan 100 ml", "Atlas", "180", ["cosmetiques"])
    assert group_key(oil) == "cosmetiques/oil/-" and oil.area_m2 is None


def test_medians_never_mix_groups_and_the_index_compares_like_with_like() -> None:
    offers = [
        _offer("Tapis 200 x 300 cm", "Atlas", "6000", ["tapis"]),    # 1000 MAD/m²
        _offer("Tapis 190 x 290 cm", "Souk", "8265", ["tapis"]),     # 1500 MAD/m² (5.51 m²)
        _offer("Tapis 150 x 240 cm", "Atlas", "3600", ["tapis"]),    # M: 1000 MAD/m²
        _offer("Tapis 140 x 200 cm", "Souk", "4200", ["tapis"]),     # M: 1500 MAD/m²
        _offer("Huile d'argan 100 ml", "Atlas", "180", ["cosmetiques"]),
        _offer("Huile d'argan bio 100 ml", "Souk", "200", ["cosmetiques"]),
    ]
    groups = {g.key: g for g in compare_groups(offers)}
    assert set(groups) == {"tapis/rug/L", "tapis/rug/M", "cosmetiques/oil/-"}
    assert groups["tapis/rug/L"].per_m2 and groups["tapis/rug/L"].median == Decimal("1250.00")
    assert groups["cosmetiques/oil/-"].median == Decimal("190")
    indices = {c.craft: {s.shop: s.index for s in c.shops} for c in craft_indices(groups.values())}
    assert indices["tapis"] == {"Atlas": 80.0, "Souk": 120.0}
    assert indices["cosmetiques"]["Atlas"] == pytest.approx(94.7, abs=0.1)
