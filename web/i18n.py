"""UI strings in French (default), Arabic and English, and how a request's language is chosen."""
from __future__ import annotations

from typing import Final

from brand import SITE_NAME
from locales import BABEL_LOCALES  # noqa: F401  (shared with the emails)
from web.i18n_access import ACCESS_MESSAGES
from web.i18n_bad_input import BAD_INPUT_MESSAGES
from web.i18n_channels import CHANNEL_MESSAGES
from web.i18n_console import CONSOLE_MESSAGES
from web.i18n_prices import PRICE_GROUP_MESSAGES
from web.i18n_queries import QUERY_MESSAGES
from web.i18n_trends import TREND_MESSAGES
from web.i18n_ux import UX_MESSAGES

LANGUAGES: Final = ("fr", "ar", "en")
DEFAULT_LANGUAGE: Final = "fr"
LANGUAGE_COOKIE: Final = "veille_lang"
RTL_LANGUAGES: Final = frozenset({"ar"})

# message id -> {language: text}; placeholders use str.format names.
CATALOG: Final[dict[str, dict[str, str]]] = {
    "site_name": dict(SITE_NAME),
    "tagline": {
        "fr": "Salons, prix des concurrents et actualités pour l'export de l'artisanat marocain",
        "ar": "المعارض وأسعار المنافسين والأخبار لتصدير الصناعة التقليدية المغربية",
        "en": "Trade fairs, competitor prices and news for Moroccan crafts exporters",
    },
    "skip_to_content": {"fr": "Aller au contenu", "ar": "انتقل إلى المحتوى", "en": "Skip to content"},
    "main_nav": {"fr": "Navigation principale", "ar": "التنقل الرئيسي", "en": "Main navigation"},
    "nav_search": {"fr": "Recherche", "ar": "البحث", "en": "Search"},
    "nav_fairs": {"fr": "Salons", "ar": "المعارض", "en": "Trade fairs"},
    "nav_prices": {"fr": "Prix", "ar": "الأسعار", "en": "Prices"},
    "nav_news": {"fr": "Actualités", "ar": "الأخبار", "en": "News"},
    "nav_subscribe": {"fr": "Alertes salons", "ar": "تنبيهات المعارض", "en": "Fair alerts"},
    "language_nav": {"fr": "Langue de l'interface", "ar": "لغة الواجهة", "en": "Interface language"},
    "footer_api": {"fr": "API JSON (OpenAPI)", "ar": "واجهة JSON البرمجية (OpenAPI)", "en": "JSON API (OpenAPI)"},
    "footer_health": {"fr": "État des collectes", "ar": "حالة الجمع", "en": "Crawl health"},
    "crawls_title": {"fr": "État des collectes", "ar": "حالة جمع البيانات", "en": "Crawl health"},
    "crawls_lead": {
        "fr": "La dernière collecte de chaque robot, les sources en échec, le planificateur et les envois d'e-mails.",
        "ar": "آخر عملية جمع لكل زاحف، والمصادر المتعثرة، والمجدول، وإرسال الرسائل.",
        "en": "Each spider's last crawl, failing sources, the scheduler and outgoing mail.",
    },
    "crawls_json": {"fr": "Version JSON :", "ar": "نسخة JSON:", "en": "JSON version:"},
    "crawls_scheduler": {"fr": "Planificateur", "ar": "المجدول", "en": "Scheduler"},
    "crawls_heartbeat": {"fr": "Actif ; dernier signal le {at}.", "ar": "يعمل؛ آخر إشارة في {at}.",
                         "en": "Running; last heartbeat {at}."},
    "crawls_heartbeat_stale": {
        "fr": "Aucun signal depuis le {at} : vérifiez que « veille schedule » tourne.",
        "ar": "لا إشارة منذ {at}: تحقق من أن «veille schedule» يعمل.",
        "en": "No heartbeat since {at}: check that `veille schedule` is running.",
    },
    "crawls_no_heartbeat": {
        "fr": "Le planificateur n'a jamais tourné ici ; lancez « veille schedule ».",
        "ar": "لم يعمل المجدول هنا بعد؛ شغّل «veille schedule».",
        "en": "The scheduler has never run here; start `veille schedule`.",
    },
    "crawls_last": {"fr": "Dernière collecte par robot", "ar": "آخر جمع لكل زاحف", "en": "Last crawl per spider"},
    "crawls_spider": {"fr": "Robot", "ar": "الزاحف", "en": "Spider"},
    "crawls_finished": {"fr": "Terminée le", "ar": "انتهى في", "en": "Finished"},
    "crawls_pages": {"fr": "Pages", "ar": "الصفحات", "en": "Pages"},
    "crawls_items": {"fr": "Éléments", "ar": "العناصر", "en": "Items"},
    "crawls_rejected": {"fr": "Écartés", "ar": "المستبعدة", "en": "Rejected"},
    "crawls_spooled": {"fr": "En attente (moteur indisponible)", "ar": "في الانتظار (المحرك غير متاح)",
                       "en": "Spooled (engine down)"},
    "crawls_index_failed": {"fr": "Refusés par le moteur", "ar": "رفضها المحرك", "en": "Refused by the engine"},
    "crawls_none": {"fr": "Aucune collecte enregistrée : lancez « veille crawl ».",
                    "ar": "لا توجد عمليات جمع مسجلة: شغّل «veille crawl».",
                    "en": "No crawl recorded yet: run `veille crawl`."},
    "crawls_failing": {"fr": "Sources en échec", "ar": "المصادر المتعثرة", "en": "Failing sources"},
    "crawls_no_failing": {"fr": "Aucune source en échec.", "ar": "لا توجد مصادر متعثرة.", "en": "No failing source."},
    "failure_errors_no_items": {"fr": "{errors} et aucun élément à la dernière collecte",
                                "ar": "{errors} ولا عناصر في آخر عملية جمع",
                                "en": "{errors} and no items in the last crawl"},
    "crawls_partial": {"fr": "Collectes partielles", "ar": "عمليات جمع جزئية", "en": "Partial crawls"},
    "crawls_partial_lead": {"fr": "La source répond et donne des éléments, mais certaines pages ont échoué.",
                            "ar": "المصدر يستجيب ويعطي عناصر، لكن بعض الصفحات تعثرت.",
                            "en": "The source answers and gives items, but some pages failed."},
    "crawls_no_partial": {"fr": "Aucune collecte partielle.", "ar": "لا توجد عمليات جمع جزئية.",
                          "en": "No partial crawl."},
    "partial_row": {"fr": "{pages} sur {total}, {items} à la dernière collecte",
                    "ar": "{pages} من أصل {total}، {items} في آخر عملية جمع",
                    "en": "{pages} of {total}, {items} in the last crawl"},
    "failure_no_response": {"fr": "aucune réponse à la dernière collecte", "ar": "لا استجابة في آخر عملية جمع",
                            "en": "no response in the last crawl"},
    "crawls_jobs": {"fr": "Tâches planifiées", "ar": "المهام المجدولة", "en": "Scheduled jobs"},
    "crawls_job": {"fr": "Tâche", "ar": "المهمة", "en": "Job"},
    "crawls_started": {"fr": "Lancée le", "ar": "بدأت في", "en": "Started"},
    "crawls_status": {"fr": "État", "ar": "الحالة", "en": "Status"},
    "crawls_no_jobs": {"fr": "Aucune tâche planifiée n'a encore tourné.", "ar": "لم تعمل أي مهمة مجدولة بعد.",
                       "en": "No scheduled job has run yet."},
    "crawls_deliveries": {"fr": "Envois d'e-mails", "ar": "إرسال الرسائل", "en": "Outgoing mail"},
    "delivery_queued": {"fr": "en file", "ar": "في الطابور", "en": "queued"},
    "delivery_retry": {"fr": "à réessayer", "ar": "إعادة المحاولة", "en": "to retry"},
    "delivery_sent": {"fr": "envoyés", "ar": "أُرسلت", "en": "sent"},
    "delivery_failed": {"fr": "en échec", "ar": "فشلت", "en": "failed"},
    "crawls_no_deliveries": {"fr": "Aucun e-mail envoyé pour l'instant.", "ar": "لم تُرسل أي رسالة بعد.",
                             "en": "No mail sent yet."},
    "footer_note": {
        "fr": "Données collectées sur des sites publics ; vérifiez toujours la source avant de décider.",
        "ar": "بيانات مجمعة من مواقع عامة؛ تحقق دائمًا من المصدر قبل اتخاذ القرار.",
        "en": "Data collected from public websites; always check the source before deciding.",
    },
    # search form ---------------------------------------------------------------------------
    "search_title": {"fr": "Rechercher", "ar": "البحث", "en": "Search"},
    "search_label": {"fr": "Mots recherchés", "ar": "كلمات البحث", "en": "Search words"},
    "search_hint": {
        "fr": "Ex. : tapis berbère, « salon de Francfort », cérami*",
        "ar": "مثال: زربية أمازيغية، «معرض فرانكفورت»، خزف",
        "en": "E.g. berber rug, \"Frankfurt fair\", cerami*",
    },
    "search_button": {"fr": "Rechercher", "ar": "ابحث", "en": "Search"},
    "filters": {"fr": "Filtres", "ar": "عوامل التصفية", "en": "Filters"},
    "refine": {"fr": "Affiner", "ar": "تدقيق النتائج", "en": "Refine"},
    "date_from": {"fr": "Depuis le", "ar": "من تاريخ", "en": "From"},
    "date_to": {"fr": "Jusqu'au", "ar": "إلى تاريخ", "en": "To"},
    "date_range": {"fr": "Période", "ar": "الفترة", "en": "Date range"},
    "price_range": {"fr": "Fourchette de prix", "ar": "نطاق السعر", "en": "Price range"},
    "price_min": {"fr": "Prix minimum", "ar": "أدنى سعر", "en": "Minimum price"},
    "price_max": {"fr": "Prix maximum", "ar": "أعلى سعر", "en": "Maximum price"},
    "currency": {"fr": "Devise", "ar": "العملة", "en": "Currency"},
    "sort": {"fr": "Trier par", "ar": "الترتيب حسب", "en": "Sort by"},
    "sort_relevance": {"fr": "Pertinence", "ar": "الأكثر صلة", "en": "Relevance"},
    "sort_date": {"fr": "Date (récent d'abord)", "ar": "التاريخ (الأحدث أولًا)", "en": "Date (newest first)"},
    "sort_-date": {"fr": "Date (ancien d'abord)", "ar": "التاريخ (الأقدم أولًا)", "en": "Date (oldest first)"},
    "sort_price": {"fr": "Prix croissant", "ar": "السعر تصاعديًا", "en": "Price (lowest first)"},
    "sort_-price": {"fr": "Prix décroissant", "ar": "السعر تنازليًا", "en": "Price (highest first)"},
    "apply": {"fr": "Appliquer", "ar": "تطبيق", "en": "Apply"},
    "clear_filters": {"fr": "Effacer tous les filtres", "ar": "مسح كل عوامل التصفية", "en": "Clear all filters"},
    "active_filters": {"fr": "Filtres actifs", "ar": "عوامل التصفية النشطة", "en": "Active filters"},
    "remove_filter": {"fr": "Retirer le filtre : {label}", "ar": "إزالة عامل التصفية: {label}", "en": "Remove filter: {label}"},
    "label_colon": {"fr": " :", "ar": ":", "en": ":"},
    "list_separator": {"fr": ", ", "ar": "، ", "en": ", "},
    "filter_label": {"fr": "{name} : {value}", "ar": "{name}: {value}", "en": "{name}: {value}"},
    "facet_kind": {"fr": "Type", "ar": "النوع", "en": "Type"},
    "facet_crafts": {"fr": "Métier", "ar": "الحرفة", "en": "Craft"},
    "facet_countries": {"fr": "Pays", "ar": "البلد", "en": "Country"},
    "facet_source": {"fr": "Source", "ar": "المصدر", "en": "Source"},
    "facet_language": {"fr": "Langue du document", "ar": "لغة الوثيقة", "en": "Document language"},
    "facet_selected": {"fr": "(sélectionné)", "ar": "(محدد)", "en": "(selected)"},
    "kind_news": {"fr": "Actualité", "ar": "خبر", "en": "News"},
    "kind_fair": {"fr": "Salon", "ar": "معرض", "en": "Trade fair"},
    "kind_offer": {"fr": "Offre", "ar": "منتج", "en": "Offer"},
    "results_count": {"fr": "Résultats : {count}", "ar": "النتائج: {count}", "en": "Results: {count}"},
    "results_page": {"fr": "page {page} sur {pages}", "ar": "الصفحة {page} من {pages}", "en": "page {page} of {pages}"},
    "results_heading": {"fr": "Résultats", "ar": "النتائج", "en": "Results"},
    "no_results": {"fr": "Aucun résultat.", "ar": "لا توجد نتائج.", "en": "No results."},
    "no_results_next": {
        "fr": "Essayez moins de mots, retirez un filtre ou élargissez la période.",
        "ar": "جرّب كلمات أقل، أو أزل أحد عوامل التصفية، أو وسّع الفترة.",
        "en": "Try fewer words, remove a filter or widen the date range.",
    },
    "page_beyond": {
        "fr": "Cette page est au-delà des résultats ; revenez à la première page.",
        "ar": "هذه الصفحة خارج نطاق النتائج؛ عد إلى الصفحة الأولى.",
        "en": "This page is past the last result; go back to the first page.",
    },
    "first_page": {"fr": "Première page", "ar": "الصفحة الأولى", "en": "First page"},
    "input_error_title": {
        "fr": "Cette recherche ne peut pas être exécutée",
        "ar": "لا يمكن تنفيذ هذا البحث",
        "en": "This search cannot be run",
    },
    "input_error_next": {
        "fr": "Corrigez la saisie dans le formulaire puis relancez la recherche.",
        "ar": "صحّح المدخلات في النموذج ثم أعد البحث.",
        "en": "Correct the input in the form, then search again.",
    },
    "pagination": {"fr": "Pagination", "ar": "ترقيم الصفحات", "en": "Pagination"},
    "previous": {"fr": "Page précédente", "ar": "الصفحة السابقة", "en": "Previous page"},
    "next": {"fr": "Page suivante", "ar": "الصفحة التالية", "en": "Next page"},
    "page_n": {"fr": "Page {page}", "ar": "الصفحة {page}", "en": "Page {page}"},
    "exports": {"fr": "Exporter ces résultats", "ar": "تصدير هذه النتائج", "en": "Export these results"},
    "export_csv": {"fr": "CSV (tableur)", "ar": "CSV (جدول بيانات)", "en": "CSV (spreadsheet)"},
    "export_json": {"fr": "JSON", "ar": "JSON", "en": "JSON"},
    "view_source": {"fr": "Source d'origine", "ar": "المصدر الأصلي", "en": "Original source"},
    "details": {"fr": "Détails", "ar": "التفاصيل", "en": "Details"},
    "unlinked_source": {
        "fr": "lien d'origine non affiché (adresse non web)",
        "ar": "الرابط الأصلي غير معروض (عنوان غير ويب)",
        "en": "original link not shown (not a web address)",
    },
    # saved searches -------------------------------------------------------------------------
    "save_search": {"fr": "Enregistrer cette recherche", "ar": "حفظ هذا البحث", "en": "Save this search"},
    "save_search_help": {
        "fr": "Recevez par e-mail les nouveaux résultats. Vous confirmerez depuis le lien envoyé.",
        "ar": "تلقَّ النتائج الجديدة عبر البريد الإلكتروني. ستؤكد من خلال الرابط المرسل.",
        "en": "Get new results by email. You will confirm from the link we send.",
    },
    "save_search_name": {"fr": "Nom de la recherche", "ar": "اسم البحث", "en": "Search name"},
    "save_search_button": {"fr": "Enregistrer et créer l'alerte", "ar": "حفظ وإنشاء التنبيه", "en": "Save and create the alert"},
    "saved_search_title": {"fr": "Recherche enregistrée", "ar": "تم حفظ البحث", "en": "Search saved"},
    "run_saved_search": {"fr": "Lancer la recherche enregistrée", "ar": "تشغيل البحث المحفوظ", "en": "Run the saved search"},
    # subscriptions --------------------------------------------------------------------------
    "subscribe_title": {"fr": "Alertes salons pour artisans", "ar": "تنبيهات المعارض للحرفيين", "en": "Trade fair alerts for artisans"},
    "subscribe_intro": {
        "fr": "Recevez par e-mail les salons qui correspondent à vos métiers et à vos marchés, assez tôt pour vous inscrire.",
        "ar": "تلقَّ عبر البريد الإلكتروني المعارض التي تناسب حرفك وأسواقك، في وقت يسمح لك بالتسجيل.",
        "en": "Get the trade fairs that match your crafts and markets by email, early enough to register.",
    },
    "email": {"fr": "Adresse e-mail", "ar": "البريد الإلكتروني", "en": "Email address"},
    "email_hint": {"fr": "Obligatoire. Ex. : atelier@exemple.ma", "ar": "إلزامي. مثال: atelier@exemple.ma", "en": "Required. E.g. workshop@example.ma"},
    "name": {"fr": "Votre nom ou celui de l'atelier", "ar": "اسمك أو اسم الورشة", "en": "Your name or your workshop's"},
    "mail_language": {"fr": "Langue des e-mails", "ar": "لغة الرسائل", "en": "Email language"},
    "crafts_legend": {"fr": "Vos métiers", "ar": "حرفك", "en": "Your crafts"},
    "crafts_hint": {"fr": "Aucun coché : tous les métiers.", "ar": "إن لم تحدد شيئًا: كل الحرف.", "en": "None ticked: every craft."},
    "countries_legend": {"fr": "Pays ou régions visés", "ar": "البلدان أو المناطق المستهدفة", "en": "Target countries or regions"},
    "countries_hint": {"fr": "Aucun coché : le monde entier.", "ar": "إن لم تحدد شيئًا: العالم كله.", "en": "None ticked: the whole world."},
    "regions": {"fr": "Régions", "ar": "المناطق", "en": "Regions"},
    "region_europe": {"fr": "Europe", "ar": "أوروبا", "en": "Europe"},
    "region_gulf": {"fr": "Pays du Golfe", "ar": "دول الخليج", "en": "Gulf countries"},
    "region_north-america": {"fr": "Amérique du Nord", "ar": "أمريكا الشمالية", "en": "North America"},
    "region_africa": {"fr": "Afrique", "ar": "أفريقيا", "en": "Africa"},
    "region_asia": {"fr": "Asie", "ar": "آسيا", "en": "Asia"},
    "countries": {"fr": "Pays", "ar": "البلدان", "en": "Countries"},
    "window_legend": {"fr": "Quels salons signaler", "ar": "أي المعارض نُعلمك بها", "en": "Which fairs to tell you about"},
    "window_min": {"fr": "Salons qui commencent dans (jours, au moins)", "ar": "المعارض التي تبدأ بعد (أيام، على الأقل)",
                   "en": "Fairs starting in (days, at least)"},
    "window_max": {"fr": "à (jours, au plus)", "ar": "إلى (أيام، على الأكثر)", "en": "to (days, at most)"},
    "window_hint": {
        "fr": "Ex. : salons qui commencent dans 30 à 270 jours.",
        "ar": "مثال: المعارض التي تبدأ بعد 30 إلى 270 يومًا.",
        "en": "E.g. fairs starting in 30 to 270 days.",
    },
    "frequency": {"fr": "Fréquence des e-mails", "ar": "وتيرة الرسائل", "en": "Email frequency"},
    "frequency_immediate": {"fr": "Dès qu'un salon est trouvé", "ar": "فور العثور على معرض", "en": "As soon as a fair is found"},
    "frequency_daily": {"fr": "Un résumé par jour", "ar": "ملخص يومي", "en": "A daily summary"},
    "frequency_weekly": {"fr": "Un résumé par semaine", "ar": "ملخص أسبوعي", "en": "A weekly summary"},
    "subscribe_button": {"fr": "M'abonner", "ar": "اشترك", "en": "Subscribe"},
    "form_errors": {
        "fr": "Le formulaire contient des erreurs ; corrigez les champs signalés.",
        "ar": "يحتوي النموذج على أخطاء؛ صحّح الحقول المشار إليها.",
        "en": "The form has errors; correct the fields marked below.",
    },
    "check_email_title": {"fr": "Vérifiez votre boîte e-mail", "ar": "تحقق من بريدك الإلكتروني", "en": "Check your email"},
    "check_email": {
        "fr": "Nous avons envoyé un lien de confirmation à {email}. Rien ne sera envoyé avant votre confirmation.",
        "ar": "أرسلنا رابط تأكيد إلى {email}. لن يُرسل أي شيء قبل تأكيدك.",
        "en": "We sent a confirmation link to {email}. Nothing will be sent before you confirm.",
    },
    "mail_failed": {
        "fr": "Votre demande est enregistrée mais l'e-mail de confirmation n'a pas pu partir. Réessayez dans quelques minutes.",
        "ar": "تم تسجيل طلبك لكن تعذر إرسال رسالة التأكيد. أعد المحاولة بعد دقائق.",
        "en": "Your request is saved but the confirmation email could not be sent. Try again in a few minutes.",
    },
    "confirm_title": {"fr": "Confirmer l'abonnement", "ar": "تأكيد الاشتراك", "en": "Confirm the subscription"},
    "confirm_text": {
        "fr": "Confirmez que vous souhaitez recevoir ces e-mails à {email}.",
        "ar": "أكّد أنك تريد تلقي هذه الرسائل على {email}.",
        "en": "Confirm that you want these emails at {email}.",
    },
    "confirm_button": {"fr": "Oui, je confirme", "ar": "نعم، أؤكد", "en": "Yes, I confirm"},
    "confirmed_title": {"fr": "Abonnement confirmé", "ar": "تم تأكيد الاشتراك", "en": "Subscription confirmed"},
    "confirmed_text": {
        "fr": "C'est fait. Chaque e-mail contient un lien pour modifier vos préférences ou vous désabonner.",
        "ar": "تم ذلك. تحتوي كل رسالة على رابط لتعديل تفضيلاتك أو إلغاء الاشتراك.",
        "en": "Done. Every email has a link to change your preferences or unsubscribe.",
    },
    "unsubscribe_title": {"fr": "Se désabonner", "ar": "إلغاء الاشتراك", "en": "Unsubscribe"},
    "unsubscribe_text": {
        "fr": "Pour ne plus recevoir d'e-mails pour : {what}, confirmez avec le bouton ci-dessous.",
        "ar": "لإيقاف الرسائل بشأن: {what}، أكّد بالزر أدناه.",
        "en": "To stop the emails for: {what}, confirm with the button below.",
    },
    "unsubscribe_button": {"fr": "Me désabonner", "ar": "ألغِ اشتراكي", "en": "Unsubscribe me"},
    "unsubscribed_title": {"fr": "Vous êtes désabonné(e)", "ar": "تم إلغاء اشتراكك", "en": "You are unsubscribed"},
    "unsubscribed_text": {
        "fr": "Plus aucun e-mail ne sera envoyé pour cet abonnement. Vous pouvez vous réabonner à tout moment.",
        "ar": "لن تُرسل أي رسالة أخرى لهذا الاشتراك. يمكنك الاشتراك مجددًا في أي وقت.",
        "en": "No more emails will be sent for this subscription. You can subscribe again at any time.",
    },
    "preferences_title": {"fr": "Mes préférences", "ar": "تفضيلاتي", "en": "My preferences"},
    "preferences_button": {"fr": "Enregistrer mes préférences", "ar": "حفظ تفضيلاتي", "en": "Save my preferences"},
    "preferences_saved": {"fr": "Préférences enregistrées.", "ar": "تم حفظ التفضيلات.", "en": "Preferences saved."},
    "preferences_link": {"fr": "Modifier mes préférences", "ar": "تعديل تفضيلاتي", "en": "Change my preferences"},
    "salon_alert_label": {"fr": "alertes salons", "ar": "تنبيهات المعارض", "en": "trade fair alerts"},
    "token_invalid_title": {"fr": "Lien non valide", "ar": "رابط غير صالح", "en": "Invalid link"},
    "token_invalid": {
        "fr": "Ce lien n'est pas valide ou a été modifié. Utilisez le lien complet reçu par e-mail, ou abonnez-vous à nouveau.",
        "ar": "هذا الرابط غير صالح أو تم تعديله. استخدم الرابط الكامل الذي وصلك بالبريد، أو اشترك من جديد.",
        "en": "This link is not valid or was altered. Use the full link from the email, or subscribe again.",
    },
    "subscription_missing_title": {"fr": "Abonnement introuvable", "ar": "الاشتراك غير موجود", "en": "Subscription not found"},
    "subscription_missing": {
        "fr": "Cet abonnement n'existe plus (peut-être déjà supprimé). Vous pouvez vous abonner à nouveau.",
        "ar": "هذا الاشتراك لم يعد موجودًا (ربما حُذف من قبل). يمكنك الاشتراك من جديد.",
        "en": "This subscription no longer exists (it may already be removed). You can subscribe again.",
    },
    "subscribe_again": {"fr": "S'abonner à nouveau", "ar": "الاشتراك من جديد", "en": "Subscribe again"},
    "status_confirmed": {"fr": "Abonnement actif.", "ar": "الاشتراك نشط.", "en": "Subscription active."},
    "status_pending": {"fr": "En attente de confirmation.", "ar": "في انتظار التأكيد.", "en": "Waiting for confirmation."},
    # form validation ------------------------------------------------------------------------
    "err_email_required": {"fr": "Indiquez votre adresse e-mail.", "ar": "أدخل بريدك الإلكتروني.", "en": "Enter your email address."},
    "err_email_invalid": {
        "fr": "Cette adresse e-mail n'est pas valide (ex. : nom@exemple.ma).",
        "ar": "عنوان البريد هذا غير صالح (مثال: name@example.ma).",
        "en": "This email address is not valid (e.g. name@example.ma).",
    },
    "err_too_long": {"fr": "{max} caractères au maximum.", "ar": "{max} حرفًا كحد أقصى.", "en": "{max} characters at most."},
    "err_required": {"fr": "Ce champ est obligatoire.", "ar": "هذا الحقل إلزامي.", "en": "This field is required."},
    "err_choice": {"fr": "Choisissez une valeur de la liste.", "ar": "اختر قيمة من القائمة.", "en": "Choose a value from the list."},
    "err_whole_number": {
        "fr": "Entrez un nombre entier entre {low} et {high}.",
        "ar": "أدخل عددًا صحيحًا بين {low} و{high}.",
        "en": "Enter a whole number between {low} and {high}.",
    },
    "err_window_order": {
        "fr": "Le délai « au plus tôt » doit être plus petit que le délai « au plus tard ».",
        "ar": "يجب أن يكون «أقرب موعد» أصغر من «أبعد موعد».",
        "en": "The earliest delay must be smaller than the latest delay.",
    },
    "err_query_invalid": {
        "fr": "La recherche à enregistrer n'est pas valide : {message}",
        "ar": "البحث المراد حفظه غير صالح: {message}",
        "en": "The search to save is not valid: {message}",
    },
    "err_csrf_title": {"fr": "Formulaire expiré", "ar": "انتهت صلاحية النموذج", "en": "Form expired"},
    "err_csrf": {
        "fr": "Ce formulaire a expiré ou ne vient pas de ce site. Rechargez la page puis renvoyez-le (les cookies doivent être activés).",
        "ar": "انتهت صلاحية هذا النموذج أو أنه لم يأتِ من هذا الموقع. أعد تحميل الصفحة ثم أرسله مجددًا (يجب تفعيل ملفات تعريف الارتباط).",
        "en": "This form expired or does not come from this site. Reload the page and send it again (cookies must be enabled).",
    },
    # fairs ------------------------------------------------------------------------------------
    "fairs_title": {"fr": "Calendrier des salons", "ar": "رزنامة المعارض", "en": "Trade fair calendar"},
    "fairs_intro": {
        "fr": "Les salons à venir, par mois. Filtrez par métier et par pays, puis ajoutez-les à votre agenda.",
        "ar": "المعارض القادمة حسب الشهر. صفِّ حسب الحرفة والبلد ثم أضفها إلى رزنامتك.",
        "en": "Upcoming fairs by month. Filter by craft and country, then add them to your calendar.",
    },
    "all_crafts": {"fr": "Tous les métiers", "ar": "كل الحرف", "en": "All crafts"},
    "all_countries": {"fr": "Tous les pays", "ar": "كل البلدان", "en": "All countries"},
    "filter_button": {"fr": "Filtrer", "ar": "تصفية", "en": "Filter"},
    "ics_download": {"fr": "Ajouter ces salons à mon agenda", "ar": "أضف هذه المعارض إلى رزنامتي", "en": "Add these fairs to my calendar"},
    "fair_dates": {"fr": "Dates", "ar": "التواريخ", "en": "Dates"},
    "fair_place": {"fr": "Lieu", "ar": "المكان", "en": "Place"},
    "fair_organizer": {"fr": "Organisateur", "ar": "المنظم", "en": "Organizer"},
    "fair_deadline": {"fr": "Inscription avant le", "ar": "التسجيل قبل", "en": "Register before"},
    "fair_website": {"fr": "Site officiel", "ar": "الموقع الرسمي", "en": "Official website"},
    "fair_edition": {"fr": "Édition", "ar": "الدورة", "en": "Edition"},
    "fair_edition_n": {"fr": "{n}e édition", "ar": "الدورة {n}", "en": "Edition {n}"},
    "fair_status": {"fr": "Statut", "ar": "الحالة", "en": "Status"},
    "fair_status_scheduled": {"fr": "Prévu", "ar": "مبرمج", "en": "Scheduled"},
    "fair_status_postponed": {"fr": "Reporté", "ar": "مؤجل", "en": "Postponed"},
    "fair_status_rescheduled": {"fr": "Nouvelles dates", "ar": "مواعيد جديدة", "en": "Rescheduled"},
    "fair_status_cancelled": {"fr": "Annulé", "ar": "ملغى", "en": "Cancelled"},
    "fair_status_online": {"fr": "En ligne", "ar": "عن بعد", "en": "Online"},
    "fair_year_guessed": {
        "fr": "Année déduite de la date de la page source",
        "ar": "السنة مستنتجة من تاريخ الصفحة المصدر",
        "en": "Year inferred from the source page's date",
    },
    "fair_sources": {"fr": "Annoncé par", "ar": "أعلن عنه", "en": "Announced by"},
    "no_fairs": {"fr": "Aucun salon à venir pour ces filtres.", "ar": "لا توجد معارض قادمة لهذه الاختيارات.", "en": "No upcoming fairs for these filters."},
    "no_fairs_next": {
        "fr": "Choisissez « Tous les pays » ou un autre métier, ou abonnez-vous pour être prévenu des prochains salons.",
        "ar": "اختر «كل البلدان» أو حرفة أخرى، أو اشترك ليتم إعلامك بالمعارض القادمة.",
        "en": "Choose \"All countries\" or another craft, or subscribe to hear about the next fairs.",
    },
    "fair_changed": {"fr": "Dates ou lieu modifiés le {date}", "ar": "تم تعديل التواريخ أو المكان في {date}", "en": "Dates or place changed on {date}"},
    "back_to_fairs": {"fr": "Retour au calendrier", "ar": "العودة إلى الرزنامة", "en": "Back to the calendar"},
    # prices -----------------------------------------------------------------------------------
    "prices_title": {"fr": "Comparateur de prix", "ar": "مقارنة الأسعار", "en": "Price comparison"},
    "prices_intro": {
        "fr": "Un type de produit chez les boutiques concurrentes, prix convertis en dirhams et en euros.",
        "ar": "نوع واحد من المنتجات لدى المتاجر المنافسة، بالأسعار المحوّلة إلى الدرهم واليورو.",
        "en": "One product type across competing shops, prices converted to dirhams and euros.",
    },
    "product_label": {"fr": "Produit", "ar": "المنتج", "en": "Product"},
    "product_hint": {"fr": "Ex. : pouf en cuir, tajine, tapis beni ouarain", "ar": "مثال: بوف جلدي، طاجين، زربية", "en": "E.g. leather pouf, tagine, beni ouarain rug"},
    "by_shop": {"fr": "Par boutique", "ar": "حسب المتجر", "en": "By shop"},
    "by_shop_caption": {
        "fr": "Prix médian par boutique, en {currency} (sur {count} offres)",
        "ar": "السعر الوسيط لكل متجر بـ{currency} (من {count} منتجًا)",
        "en": "Median price per shop in {currency} (from {count} offers)",
    },
    "shop": {"fr": "Boutique", "ar": "المتجر", "en": "Shop"},
    "offers": {"fr": "Offres", "ar": "المنتجات", "en": "Offers"},
    "offer": {"fr": "Offre", "ar": "المنتج", "en": "Offer"},
    "minimum": {"fr": "Minimum", "ar": "الأدنى", "en": "Minimum"},
    "median": {"fr": "Médiane", "ar": "الوسيط", "en": "Median"},
    "maximum": {"fr": "Maximum", "ar": "الأعلى", "en": "Maximum"},
    "price_shown": {"fr": "Prix affiché", "ar": "السعر المعروض", "en": "Listed price"},
    "price_in": {"fr": "Prix en {currency}", "ar": "السعر بـ{currency}", "en": "Price in {currency}"},
    "observed_on": {"fr": "Relevé le", "ar": "تاريخ الرصد", "en": "Observed on"},
    "availability": {"fr": "Disponibilité", "ar": "التوفر", "en": "Availability"},
    "availability_InStock": {"fr": "En stock", "ar": "متوفر", "en": "In stock"},
    "availability_OutOfStock": {"fr": "En rupture de stock", "ar": "غير متوفر", "en": "Out of stock"},
    "no_offers": {"fr": "Aucune offre trouvée.", "ar": "لم يتم العثور على أي منتج.", "en": "No offers found."},
    "no_offers_next": {
        "fr": "Essayez un nom de produit plus général (ex. « pouf ») ou retirez le filtre de prix.",
        "ar": "جرّب اسم منتج أعم (مثل «بوف») أو أزل عامل تصفية السعر.",
        "en": "Try a more general product name (e.g. \"pouf\") or remove the price filter.",
    },
    "not_converted": {"fr": "non converti", "ar": "غير محوّل", "en": "not converted"},
    "price_history": {"fr": "Historique des prix", "ar": "تاريخ الأسعار", "en": "Price history"},
    "chart_title": {
        "fr": "Évolution du prix de {name} en {currency}",
        "ar": "تطور سعر {name} بـ{currency}",
        "en": "Price of {name} over time in {currency}",
    },
    "no_history": {
        "fr": "Un seul relevé pour l'instant : la courbe apparaîtra après le prochain passage du robot.",
        "ar": "رصد واحد حتى الآن: سيظهر المنحنى بعد المرور التالي للروبوت.",
        "en": "Only one observation so far: the chart appears after the crawler's next visit.",
    },
    "history_table": {"fr": "Relevés de prix", "ar": "قراءات الأسعار", "en": "Price observations"},
    "back_to_prices": {"fr": "Retour au comparateur", "ar": "العودة إلى مقارنة الأسعار", "en": "Back to price comparison"},
    "brand": {"fr": "Marque", "ar": "العلامة", "en": "Brand"},
    "description": {"fr": "Description", "ar": "الوصف", "en": "Description"},
    "compare_similar": {"fr": "Comparer avec des produits similaires", "ar": "قارن مع منتجات مماثلة", "en": "Compare with similar products"},
    # news -------------------------------------------------------------------------------------
    "news_title": {"fr": "Actualités du marché", "ar": "أخبار السوق", "en": "Market news"},
    "news_intro": {
        "fr": "Ce que dit la presse sur les métiers et les marchés, en français, arabe et anglais.",
        "ar": "ما تقوله الصحافة عن الحرف والأسواق، بالفرنسية والعربية والإنجليزية.",
        "en": "What the press says about crafts and markets, in French, Arabic and English.",
    },
    "published_on": {"fr": "Publié le", "ar": "نُشر في", "en": "Published on"},
    "author": {"fr": "Auteur", "ar": "الكاتب", "en": "Author"},
    "source": {"fr": "Source", "ar": "المصدر", "en": "Source"},
    "read_article": {"fr": "Lire l'article", "ar": "اقرأ المقال", "en": "Read the article"},
    "read_original": {"fr": "Lire l'article sur le site d'origine", "ar": "اقرأ المقال على الموقع الأصلي", "en": "Read the article on the original site"},
    "back_to_news": {"fr": "Retour aux actualités", "ar": "العودة إلى الأخبار", "en": "Back to the news"},
    "no_news": {"fr": "Aucun article trouvé.", "ar": "لم يتم العثور على أي مقال.", "en": "No articles found."},
    "no_news_next": {
        "fr": "Retirez un filtre ou cherchez un autre mot ; les actualités sont collectées chaque jour.",
        "ar": "أزل عامل تصفية أو ابحث عن كلمة أخرى؛ تُجمع الأخبار كل يوم.",
        "en": "Remove a filter or search for another word; news is collected every day.",
    },
    "crafts": {"fr": "Métiers", "ar": "الحرف", "en": "Crafts"},
    "markets": {"fr": "Marchés", "ar": "الأسواق", "en": "Markets"},
    # errors -------------------------------------------------------------------------------------
    "not_found_title": {"fr": "Page introuvable", "ar": "الصفحة غير موجودة", "en": "Page not found"},
    "not_found": {
        "fr": "Cette page n'existe pas ou le document a été retiré. Lancez une recherche pour le retrouver.",
        "ar": "هذه الصفحة غير موجودة أو أُزيلت الوثيقة. ابحث للعثور عليها.",
        "en": "This page does not exist or the document was removed. Search to find it again.",
    },
    "go_back": {"fr": "Revenir au formulaire", "ar": "العودة إلى النموذج", "en": "Back to the form"},
    "go_search": {"fr": "Aller à la recherche", "ar": "الذهاب إلى البحث", "en": "Go to search"},
    "server_error_title": {"fr": "Erreur interne", "ar": "خطأ داخلي", "en": "Internal error"},
    "server_error": {
        "fr": "Une erreur inattendue s'est produite. Réessayez ; si elle persiste, signalez l'adresse de la page.",
        "ar": "حدث خطأ غير متوقع. أعد المحاولة؛ وإن استمر فأبلغ عن عنوان الصفحة.",
        "en": "An unexpected error happened. Try again; if it persists, report the page address.",
    },
    "unavailable_title": {"fr": "Service momentanément indisponible", "ar": "الخدمة غير متاحة مؤقتًا", "en": "Service temporarily unavailable"},
    "unavailable": {
        "fr": "Le moteur de recherche ne répond pas. Réessayez dans quelques minutes.",
        "ar": "محرك البحث لا يستجيب. أعد المحاولة بعد بضع دقائق.",
        "en": "The search engine is not answering. Try again in a few minutes.",
    },
    "bad_request_title": {"fr": "Requête invalide", "ar": "طلب غير صالح", "en": "Bad request"},
}


CATALOG.update(QUERY_MESSAGES)
CATALOG.update(BAD_INPUT_MESSAGES)
CATALOG.update(UX_MESSAGES)
CATALOG.update(PRICE_GROUP_MESSAGES)
CATALOG.update(TREND_MESSAGES)
CATALOG.update(CHANNEL_MESSAGES)
CATALOG.update(ACCESS_MESSAGES)
CATALOG.update(CONSOLE_MESSAGES)


def missing_translations() -> list[str]:
    """Message ids missing a translation (empty when the catalog is complete)."""
    return [key for key, texts in CATALOG.items() if any(not texts.get(lang) for lang in LANGUAGES)]


def choose_language(query_value: str | None, cookie_value: str | None) -> str:
    """The explicit `?lang=` wins, then the remembered cookie, then French."""
    for candidate in (query_value, cookie_value):
        if candidate and candidate.lower() in LANGUAGES:
            return candidate.lower()
    return DEFAULT_LANGUAGE


class Translator:
    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE

    @property
    def direction(self) -> str:
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"

    @property
    def babel_locale(self) -> str:
        return BABEL_LOCALES[self.language]

    def get(self, key: str, default: str, **values: object) -> str:
        """The translation of `key`, or `default` for a key the catalog does not have (data-driven keys)."""
        return self(key, **values) if key in CATALOG else default

    def __call__(self, key: str, **values: object) -> str:
        texts = CATALOG[key]  # a KeyError here is a programming error: tests render every page
        text = texts[self.language]
        return text.format(**values) if values else text
