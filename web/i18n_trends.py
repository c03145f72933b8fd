"""UI strings of the trends page."""
from __future__ import annotations

from typing import Final

TREND_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "nav_trends": {"fr": "Tendances", "ar": "التوجهات", "en": "Trends"},
    "trends_title": {"fr": "Tendances des métiers et des marchés", "ar": "توجهات الحرف والأسواق", "en": "Craft and market trends"},
    "trends_lead": {
        "fr": "Mentions dans l'actualité pendant la {week}, comparées à la moyenne des 4 semaines précédentes.",
        "ar": "الإشارات في الأخبار خلال {week}، مقارنة بمعدل الأسابيع الأربعة السابقة.",
        "en": "News mentions in the {week}, against the average of the 4 weeks before.",
    },
    "trends_rising": {"fr": "En hausse", "ar": "في ارتفاع", "en": "Rising"},
    "trends_chart": {"fr": "Mentions cette semaine, en hausse", "ar": "الإشارات المتزايدة هذا الأسبوع",
                     "en": "Rising mentions this week"},
    "trends_crafts": {"fr": "Métiers", "ar": "الحرف", "en": "Crafts"},
    "trends_markets": {"fr": "Marchés", "ar": "الأسواق", "en": "Markets"},
    "trends_name": {"fr": "Nom", "ar": "الاسم", "en": "Name"},
    "trends_week": {"fr": "Cette semaine", "ar": "هذا الأسبوع", "en": "This week"},
    "trends_average": {"fr": "Moyenne des 4 semaines", "ar": "معدل 4 أسابيع", "en": "4-week average"},
    "trends_change": {"fr": "Écart", "ar": "الفرق", "en": "Change"},
    "trends_none": {"fr": "Aucune mention sur la période.", "ar": "لا توجد إشارات في هذه الفترة.",
                    "en": "No mentions in this period."},
    "trends_previous": {"fr": "Semaine précédente", "ar": "الأسبوع السابق", "en": "Previous week"},
    "trends_next": {"fr": "Semaine suivante", "ar": "الأسبوع التالي", "en": "Next week"},
    "trends_bad_week": {"fr": "Semaine invalide : écrivez-la comme 2026-W48.", "ar": "أسبوع غير صالح: اكتبوه مثل 2026-W48.",
                        "en": "Bad week: write it like 2026-W48."},
}
