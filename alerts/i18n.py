"""Strings of the emails in French, Arabic and English."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_interval
from babel.numbers import format_currency, format_decimal

from locales import BABEL_LOCALES, babel_locale

STRINGS: dict[str, dict[str, str]] = {
    "fr": {
        "dir": "ltr",
        "alert_subject": "Salon : {name} ({dates})",
        "alert_subject_many": "{count} pour vos métiers",
        "alert_intro": "Bonjour {name}, voici un salon qui correspond à vos métiers et à vos marchés.",
        "alert_intro_many": "Bonjour {name}, voici les salons qui correspondent à vos métiers et à vos marchés.",
        "reason_new": "Nouveau salon",
        "reason_changed": "Dates ou lieu modifiés",
        "reason_deadline": "Rappel : date limite d'inscription proche",
        "reason_start": "Rappel : le salon commence bientôt",
        "dates": "Dates",
        "place": "Lieu",
        "status": "Statut",
        "status_postponed": "Reporté",
        "status_rescheduled": "Nouvelles dates",
        "status_cancelled": "Annulé",
        "status_online": "En ligne",
        "website": "Site officiel",
        "organizer": "Organisateur",
        "deadline": "Date limite d'inscription",
        "crafts": "Métiers",
        "colon": " :",
        "source_errors": "{errors}, {items}",
        "list_separator": ", ",
        "source": "Source",
        "more": "Voir la fiche",
        "ics_note": "Le fichier .ics joint ajoute le salon à votre agenda.",
        "ics_note_many": "Le fichier .ics joint ajoute ces {count} salons à votre agenda.",
        "unsubscribe": "Se désabonner",
        "preferences": "Modifier mes préférences",
        "footer": "Vous recevez ce message car vous êtes abonné(e) aux alertes salons de veille.",
        "confirm_subject": "Confirmez votre abonnement aux alertes salons",
        "confirm_body": "Bonjour {name}, confirmez votre abonnement en ouvrant ce lien :",
        "confirm_ignore": "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
        "manage_subject": "Votre alerte existe déjà",
        "manage_body": "Bonjour {name}, cette alerte est déjà active. Pour la modifier, ouvrez vos préférences :",
        "digest_subject": "Veille stratégique – {week}",
        "digest_title": "Synthèse hebdomadaire – {week}",
        "top_news": "Actualités à retenir",
        "price_moves": "Mouvements de prix (semaine sur semaine)",
        "rises": "Plus fortes hausses",
        "falls": "Plus fortes baisses",
        "upcoming": "Salons des 90 prochains jours",
        "new_fairs": "Nouveaux salons cette semaine",
        "health": "Couverture et santé de la collecte",
        "failing": "Sources en échec",
        "items_per_source": "Éléments par source",
        "none": "Rien à signaler cette semaine.",
        "chart_alt": "Graphique des variations de prix",
        "no_failures": "Aucune source en échec.",
        "jobs": "Tâches planifiées (exécutions, échecs, éléments)",
        "story_reports": "Même information",
    },
    "en": {
        "dir": "ltr",
        "alert_subject": "Trade fair: {name} ({dates})",
        "alert_subject_many": "{count} for your crafts",
        "alert_intro": "Hello {name}, here is a trade fair that matches your crafts and markets.",
        "alert_intro_many": "Hello {name}, here are the trade fairs that match your crafts and markets.",
        "reason_new": "New fair",
        "reason_changed": "Dates or venue changed",
        "reason_deadline": "Reminder: the registration deadline is near",
        "reason_start": "Reminder: the fair starts soon",
        "dates": "Dates",
        "place": "Place",
        "status": "Status",
        "status_postponed": "Postponed",
        "status_rescheduled": "Rescheduled",
        "status_cancelled": "Cancelled",
        "status_online": "Online",
        "website": "Official website",
        "organizer": "Organizer",
        "deadline": "Registration deadline",
        "crafts": "Crafts",
        "colon": ":",
        "source_errors": "{errors}, {items}",
        "list_separator": ", ",
        "source": "Source",
        "more": "See the fair",
        "ics_note": "The attached .ics file adds the fair to your calendar.",
        "ics_note_many": "The attached .ics file adds these {count} fairs to your calendar.",
        "unsubscribe": "Unsubscribe",
        "preferences": "Change my preferences",
        "footer": "You receive this message because you subscribed to veille's trade-fair alerts.",
        "confirm_subject": "Confirm your trade-fair alert subscription",
        "confirm_body": "Hello {name}, confirm your subscription by opening this link:",
        "confirm_ignore": "If you did not ask for this, ignore this message.",
        "manage_subject": "Your alert already exists",
        "manage_body": "Hello {name}, this alert is already active. To change it, open your preferences:",
        "digest_subject": "Market intelligence – {week}",
        "digest_title": "Weekly digest – {week}",
        "top_news": "Top news",
        "price_moves": "Price movements (week over week)",
        "rises": "Biggest rises",
        "falls": "Biggest falls",
        "upcoming": "Fairs in the next 90 days",
        "new_fairs": "New fairs this week",
        "health": "Coverage and crawl health",
        "failing": "Failing sources",
        "items_per_source": "Items per source",
        "none": "Nothing to report this week.",
        "chart_alt": "Chart of price changes",
        "no_failures": "No failing source.",
        "jobs": "Scheduled jobs (runs, failures, items)",
        "story_reports": "Same story",
    },
    "ar": {
        "dir": "rtl",
        "alert_subject": "معرض: {name} ({dates})",
        "alert_subject_many": "{count} تهم حرفتكم",
        "alert_intro": "مرحبا {name}، إليكم معرضا يناسب حرفتكم وأسواقكم.",
        "alert_intro_many": "مرحبا {name}، إليكم المعارض التي تناسب حرفتكم وأسواقكم.",
        "reason_new": "معرض جديد",
        "reason_changed": "تغيير في التواريخ أو المكان",
        "reason_deadline": "تذكير: آخر أجل للتسجيل يقترب",
        "reason_start": "تذكير: المعرض يبدأ قريبا",
        "dates": "التواريخ",
        "place": "المكان",
        "status": "الحالة",
        "status_postponed": "مؤجل",
        "status_rescheduled": "مواعيد جديدة",
        "status_cancelled": "ملغى",
        "status_online": "عن بعد",
        "website": "الموقع الرسمي",
        "organizer": "المنظم",
        "deadline": "آخر أجل للتسجيل",
        "crafts": "الحرف",
        "colon": ":",
        "source_errors": "{errors}، {items}",
        "list_separator": "، ",
        "source": "المصدر",
        "more": "تفاصيل المعرض",
        "ics_note": "الملف المرفق ‎.ics‎ يضيف المعرض إلى مفكرتكم.",
        "ics_note_many": "الملف المرفق ‎.ics‎ يضيف هذه المعارض ({count}) إلى مفكرتكم.",
        "unsubscribe": "إلغاء الاشتراك",
        "preferences": "تعديل تفضيلاتي",
        "footer": "تتوصلون بهذه الرسالة لأنكم مشتركون في تنبيهات المعارض.",
        "confirm_subject": "أكدوا اشتراككم في تنبيهات المعارض",
        "confirm_body": "مرحبا {name}، أكدوا اشتراككم بفتح هذا الرابط:",
        "confirm_ignore": "إذا لم تطلبوا ذلك، تجاهلوا هذه الرسالة.",
        "manage_subject": "تنبيهكم موجود مسبقا",
        "manage_body": "مرحبا {name}، هذا التنبيه مفعل مسبقا. لتعديله افتحوا تفضيلاتكم:",
        "digest_subject": "اليقظة الاستراتيجية – {week}",
        "digest_title": "الملخص الأسبوعي – {week}",
        "top_news": "أهم الأخبار",
        "price_moves": "تطور الأسعار (مقارنة بالأسبوع الماضي)",
        "rises": "أكبر الارتفاعات",
        "falls": "أكبر الانخفاضات",
        "upcoming": "المعارض خلال 90 يوما القادمة",
        "new_fairs": "معارض جديدة هذا الأسبوع",
        "health": "التغطية وحالة جمع البيانات",
        "failing": "مصادر متعثرة",
        "items_per_source": "العناصر حسب المصدر",
        "none": "لا شيء يذكر هذا الأسبوع.",
        "chart_alt": "رسم بياني لتغير الأسعار",
        "no_failures": "لا يوجد مصدر متعثر.",
        "jobs": "المهام المجدولة (التشغيلات، الإخفاقات، العناصر)",
        "story_reports": "الخبر نفسه",
    },
}


def strings(language: str) -> dict[str, str]:
    return STRINGS.get(language, STRINGS["fr"])


LOCALES = BABEL_LOCALES  # the web pages' locales too (locales.py)


def format_day(value: date | None, language: str) -> str:
    if value is None:
        return ""
    return format_date(value, format="long", locale=babel_locale(language))


def format_range(start: date, end: date | None, language: str) -> str:
    """'18–21 avr. 2027', '28 Apr – 1 May 2027': the web pages' interval format (CLDR)."""
    if end is None or end == start:
        return format_day(start, language)
    return format_interval(start, end, skeleton="yMMMd", locale=babel_locale(language))


def week_in_words(start: date, last_day: date, language: str) -> str:
    """'semaine du 23 au 29 novembre 2026', 'week of 30 November to 6 December 2026' (CLDR month names)."""
    locale = babel_locale(language)
    if start.year != last_day.year:
        first = format_date(start, "d MMMM y", locale=locale)
    elif start.month != last_day.month:
        first = format_date(start, "d MMMM", locale=locale)
    else:
        first = format_date(start, "d", locale=locale)
    last = format_date(last_day, "d MMMM y", locale=locale)
    return WEEK_PHRASES.get(language, WEEK_PHRASES["fr"]).format(start=first, end=last)


WEEK_PHRASES = {"fr": "semaine du {start} au {end}", "en": "week of {start} to {end}", "ar": "الأسبوع من {start} إلى {end}"}


def format_money(amount: Decimal | float | None, currency: str | None, language: str) -> str:
    if amount is None or not currency:
        return ""
    return format_currency(Decimal(str(amount)), currency, locale=babel_locale(language))


def format_number(value: float | Decimal | int, language: str) -> str:
    return format_decimal(round(float(value), 1), locale=babel_locale(language))


def country_name(code: str | None, language: str) -> str:
    if not code:
        return ""
    return Locale.parse(babel_locale(language)).territories.get(code.upper(), code.upper())


def _merge_more() -> None:
    from alerts.strings_more import MORE_STRINGS
    for language, texts in MORE_STRINGS.items():
        STRINGS[language].update(texts)


_merge_more()
