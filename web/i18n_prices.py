"""UI strings of the like-for-like price comparison and the price index per craft."""
from __future__ import annotations

from typing import Final

PRICE_GROUP_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "groups_title": {"fr": "Comparaison à produit égal", "ar": "مقارنة بين منتجات متماثلة", "en": "Like-for-like comparison"},
    "groups_intro": {
        "fr": "Chaque tableau compare les boutiques sur un même type de produit et une même taille ; les tapis se comparent au m².",
        "ar": "يقارن كل جدول بين المتاجر في نوع المنتج نفسه والحجم نفسه؛ تقارن الزرابي بسعر المتر المربع.",
        "en": "Each table compares shops on one product type and size; rugs are compared per m².",
    },
    "group_size": {"fr": "taille {size} ({range})", "ar": "الحجم {size} ({range})", "en": "size {size} ({range})"},
    "group_per_m2": {"fr": "prix au m²", "ar": "السعر للمتر المربع", "en": "price per m²"},
    "group_median": {"fr": "Médiane du groupe", "ar": "وسيط المجموعة", "en": "Group median"},
    "group_index": {"fr": "Indice", "ar": "المؤشر", "en": "Index"},
    "index_title": {"fr": "Indice de prix par métier", "ar": "مؤشر الأسعار حسب الحرفة", "en": "Price index per craft"},
    "index_intro": {
        "fr": "100 = la médiane du marché dans chaque groupe de produits ; 120 = 20 % plus cher à produit égal.",
        "ar": "100 = وسيط السوق في كل مجموعة منتجات؛ 120 = أغلى بنسبة 20 % لمنتج مماثل.",
        "en": "100 = the market median in each product group; 120 = 20 % dearer for the same product.",
    },
    "index_groups": {"fr": "Groupes comparés", "ar": "المجموعات المقارنة", "en": "Groups compared"},
}
