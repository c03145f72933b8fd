"""UI strings of the compact search bar, the fair calendar's countdowns and the per-fair actions."""
from __future__ import annotations

from typing import Final

UX_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "advanced_filters": {"fr": "Filtres avancés (dates, prix)", "ar": "تصفية متقدمة (التواريخ، الأسعار)",
                         "en": "Advanced filters (dates, prices)"},
    "in_days_0": {"fr": "aujourd'hui", "ar": "اليوم", "en": "today"},
    "in_days_1": {"fr": "demain", "ar": "غدًا", "en": "tomorrow"},
    "in_days_2": {"fr": "dans 2 jours", "ar": "بعد يومين", "en": "in 2 days"},
    "in_days_few": {"fr": "dans {n} jours", "ar": "بعد {n} أيام", "en": "in {n} days"},  # Arabic 3–10
    "in_days_n": {"fr": "dans {n} jours", "ar": "بعد {n} يومًا", "en": "in {n} days"},
    "days_ago": {"fr": "passée", "ar": "انقضى", "en": "passed"},
    "fair_starts": {"fr": "Début", "ar": "البداية", "en": "Starts"},
    "fair_alert_me": {"fr": "M'alerter pour ce type de salon", "ar": "نبهني إلى معارض مماثلة", "en": "Alert me to fairs like this"},
    "fair_ics_one": {"fr": "Ajouter à l'agenda", "ar": "أضف إلى الرزنامة", "en": "Add to calendar"},
    "fair_news": {"fr": "Actualités qui citent ce salon", "ar": "أخبار تذكر هذا المعرض", "en": "News mentioning this fair"},
    "fair_no_news": {"fr": "Aucune actualité ne cite encore ce salon.", "ar": "لا توجد أخبار تذكر هذا المعرض بعد.",
                     "en": "No news mentions this fair yet."},
    "fair_on_calendar": {"fr": "Voir dans le calendrier", "ar": "عرض في رزنامة المعارض", "en": "See in the calendar"},
}
