"""Translations of the reasons a query cannot run (codes of indexing.query_problems)."""
from __future__ import annotations

from typing import Final

QUERY_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "qerr_text_too_long": {
        "fr": "Le texte recherché fait {length} caractères ; raccourcissez-le à {limit} au plus.",
        "ar": "نص البحث من {length} حرفًا؛ اختصره إلى {limit} حرفًا أو أقل.",
        "en": "The search text is {length} characters long; shorten it to {limit} or fewer.",
    },
    "qerr_unknown_kind": {
        "fr": "Type inconnu « {value} » ; choisissez parmi {choices}.",
        "ar": "نوع غير معروف «{value}»؛ اختر من بين {choices}.",
        "en": "Unknown kind '{value}'; choose among {choices}.",
    },
    "qerr_unknown_sort": {
        "fr": "Tri inconnu « {value} » ; choisissez parmi {choices}.",
        "ar": "ترتيب غير معروف «{value}»؛ اختر من بين {choices}.",
        "en": "Unknown sort '{value}'; choose among {choices}.",
    },
    "qerr_unknown_currency": {
        "fr": "Les prix se filtrent en MAD ou en EUR uniquement.",
        "ar": "يمكن تصفية الأسعار بالدرهم (MAD) أو باليورو (EUR) فقط.",
        "en": "Prices can be filtered in MAD or EUR only.",
    },
    "qerr_page_range": {
        "fr": "La page doit être comprise entre 1 et {limit}.",
        "ar": "يجب أن يكون رقم الصفحة بين 1 و{limit}.",
        "en": "Page must be between 1 and {limit}.",
    },
    "qerr_per_page_range": {
        "fr": "Le nombre de résultats par page doit être compris entre 1 et {limit}.",
        "ar": "يجب أن يكون عدد النتائج في الصفحة بين 1 و{limit}.",
        "en": "Results per page must be between 1 and {limit}.",
    },
    "qerr_dates_reversed": {
        "fr": "La date de début est postérieure à la date de fin.",
        "ar": "تاريخ البداية بعد تاريخ النهاية.",
        "en": "The start date is after the end date.",
    },
    "qerr_prices_reversed": {
        "fr": "Le prix minimum dépasse le prix maximum.",
        "ar": "السعر الأدنى أعلى من السعر الأعلى.",
        "en": "The minimum price is above the maximum price.",
    },
    "qerr_not_a_date": {
        "fr": "{label} : « {value} » n'est pas une date ; utilisez le format AAAA-MM-JJ.",
        "ar": "{label}: «{value}» ليس تاريخًا؛ استعمل الصيغة YYYY-MM-DD.",
        "en": "{label}: '{value}' is not a date; use YYYY-MM-DD.",
    },
    "qerr_not_a_number": {
        "fr": "{label} : « {value} » n'est pas un nombre.",
        "ar": "{label}: «{value}» ليس رقمًا.",
        "en": "{label}: '{value}' is not a number.",
    },
    "qerr_not_positive": {
        "fr": "{label} : indiquez un nombre positif.",
        "ar": "{label}: أدخل رقمًا موجبًا.",
        "en": "{label}: must be a positive number.",
    },
    "qerr_not_whole": {
        "fr": "{label} : « {value} » n'est pas un nombre entier.",
        "ar": "{label}: «{value}» ليس عددًا صحيحًا.",
        "en": "{label}: '{value}' is not a whole number.",
    },
    "qerr_unknown_craft": {
        "fr": "Métier inconnu « {value} » ; choisissez parmi {choices}.",
        "ar": "حرفة غير معروفة «{value}»؛ اختر من بين {choices}.",
        "en": "Unknown craft '{value}'; choose among {choices}.",
    },
    "qerr_bad_country": {
        "fr": "Pays « {value} » : indiquez un code ISO à deux lettres, comme MA ou FR.",
        "ar": "البلد «{value}»: أدخل رمز ISO من حرفين مثل MA أو FR.",
        "en": "Country '{value}' must be a two-letter ISO code such as MA or FR.",
    },
    "qerr_bad_language": {
        "fr": "Langue « {value} » : indiquez un code à deux lettres, comme fr, ar ou en.",
        "ar": "اللغة «{value}»: أدخل رمزًا من حرفين مثل fr أو ar أو en.",
        "en": "Language '{value}' must be a two-letter code such as fr, ar or en.",
    },
    "qerr_result_window": {
        "fr": "Seuls les {limit} premiers résultats peuvent être parcourus ; ajoutez un filtre pour affiner la recherche.",
        "ar": "لا يمكن تصفح سوى أول {limit} نتيجة؛ أضف عامل تصفية لتضييق البحث.",
        "en": "Only the first {limit} results can be browsed; add a filter to narrow the search.",
    },
    "qerr_unknown_export": {
        "fr": "Format d'export inconnu « {value} » ; utilisez csv ou json.",
        "ar": "صيغة تصدير غير معروفة «{value}»؛ استعمل csv أو json.",
        "en": "Unknown export format '{value}'; use csv or json.",
    },
    # Field names, as the search form labels them.
    "qfield_from": {"fr": "Depuis le", "ar": "من تاريخ", "en": "From date"},
    "qfield_to": {"fr": "Jusqu'au", "ar": "إلى تاريخ", "en": "To date"},
    "qfield_price_min": {"fr": "Prix minimum", "ar": "أدنى سعر", "en": "Minimum price"},
    "qfield_price_max": {"fr": "Prix maximum", "ar": "أعلى سعر", "en": "Maximum price"},
    "qfield_page": {"fr": "Page", "ar": "الصفحة", "en": "Page"},
    "qfield_per_page": {"fr": "Résultats par page", "ar": "النتائج في كل صفحة", "en": "Results per page"},
}
