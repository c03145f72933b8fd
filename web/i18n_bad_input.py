"""Translations of the crawl health page's bad-input table (skipped links, rejected values, skipped
records) and of the plausibility reason codes (indexing.plausibility)."""
from __future__ import annotations

from typing import Final

BAD_INPUT_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "crawls_bad_input": {"fr": "Entrées écartées par source", "ar": "المدخلات المستبعدة حسب المصدر",
                         "en": "Bad input per source"},
    "crawls_bad_input_lead": {
        "fr": "Ce qui a été laissé de côté sans coûter le reste : liens mal formés, valeurs impossibles "
              "(jamais corrigées), enregistrements illisibles.",
        "ar": "ما تُرك جانبًا دون أن يضيع الباقي: روابط معيبة، قيم مستحيلة (لا تُصحَّح أبدًا)، سجلات غير صالحة.",
        "en": "What was left out without costing the rest: malformed links, impossible values (never "
              "repaired), unreadable records.",
    },
    "crawls_source": {"fr": "Source", "ar": "المصدر", "en": "Source"},
    "crawls_skipped_links": {"fr": "Liens ignorés", "ar": "روابط متجاهلة", "en": "Skipped links"},
    "crawls_rejected_values": {"fr": "Valeurs rejetées", "ar": "قيم مرفوضة", "en": "Rejected values"},
    "crawls_skipped_records": {"fr": "Enregistrements ignorés", "ar": "سجلات متجاهلة", "en": "Skipped records"},
    "crawls_no_bad_input": {"fr": "Aucune entrée écartée.", "ar": "لم تُستبعد أي مدخلات.", "en": "No bad input."},
    "reason_price-negative": {"fr": "prix négatif", "ar": "سعر سالب", "en": "negative price"},
    "reason_price-too-large": {"fr": "prix démesuré", "ar": "سعر مفرط", "en": "price too large"},
    "reason_price-not-finite": {"fr": "prix non numérique", "ar": "سعر غير عددي", "en": "price not a number"},
    "reason_year-too-early": {"fr": "année trop ancienne", "ar": "سنة قديمة جدًا", "en": "year too early"},
    "reason_year-too-late": {"fr": "année trop lointaine", "ar": "سنة بعيدة جدًا", "en": "year too far ahead"},
    "reason_duration-negative": {"fr": "fin avant le début", "ar": "النهاية قبل البداية", "en": "ends before it starts"},
    "reason_duration-too-long": {"fr": "durée trop longue", "ar": "مدة طويلة جدًا", "en": "lasts too long"},
    "reason_date-too-early": {"fr": "date trop ancienne", "ar": "تاريخ قديم جدًا", "en": "date too early"},
    "reason_date-in-future": {"fr": "date dans le futur", "ar": "تاريخ في المستقبل", "en": "date in the future"},
    "reason_currency-unknown": {"fr": "devise inconnue", "ar": "عملة غير معروفة", "en": "unknown currency"},
}
