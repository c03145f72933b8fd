"""Messages of the phone number and channel fields of the salon alert form."""
from __future__ import annotations

CHANNEL_MESSAGES: dict[str, dict[str, str]] = {
    "phone": {"fr": "Téléphone mobile", "ar": "الهاتف المحمول", "en": "Mobile phone"},
    "phone_hint": {"fr": "Pour les alertes par SMS ou WhatsApp. Ex. : 06 12 34 56 78 ou +33 6 12 34 56 78",
                   "ar": "لتلقي التنبيهات عبر SMS أو واتساب. مثال: 06 12 34 56 78 أو ‎+33 6 12 34 56 78",
                   "en": "For alerts by SMS or WhatsApp. E.g. 06 12 34 56 78 or +33 6 12 34 56 78"},
    "email_or_phone_hint": {"fr": "Une adresse e-mail, un téléphone mobile, ou les deux.",
                            "ar": "بريد إلكتروني أو هاتف محمول أو كلاهما.",
                            "en": "An email address, a mobile phone, or both."},
    "channels_legend": {"fr": "Recevoir les alertes par", "ar": "استلام التنبيهات عبر", "en": "Receive alerts by"},
    "channel_email": {"fr": "E-mail", "ar": "البريد الإلكتروني", "en": "Email"},
    "channel_sms": {"fr": "SMS", "ar": "رسالة SMS", "en": "SMS"},
    "channel_whatsapp": {"fr": "WhatsApp", "ar": "واتساب", "en": "WhatsApp"},
    "err_phone_invalid": {"fr": "Ce numéro n'est pas un mobile valide (06…, 07… ou +indicatif).",
                          "ar": "هذا الرقم ليس رقم هاتف محمول صالحاً (06… أو 07… أو +رمز البلد).",
                          "en": "This is not a valid mobile number (06…, 07… or +country code)."},
    "err_phone_required": {"fr": "Indiquez un téléphone mobile pour le SMS ou WhatsApp.",
                           "ar": "أدخل رقم هاتف محمول لرسائل SMS أو واتساب.",
                           "en": "Enter a mobile phone for SMS or WhatsApp."},
    "err_channel_required": {"fr": "Choisissez au moins un moyen de recevoir les alertes.",
                             "ar": "اختر وسيلة واحدة على الأقل لاستلام التنبيهات.",
                             "en": "Choose at least one way to receive alerts."},
    "check_phone_title": {"fr": "Confirmez sur votre téléphone", "ar": "أكّد على هاتفك", "en": "Confirm on your phone"},
    "check_phone": {"fr": "Nous avons envoyé un lien de confirmation au {phone}. Rien ne sera envoyé avant votre confirmation.",
                    "ar": "أرسلنا رابط تأكيد إلى ‎{phone}‎. لن يُرسل أي شيء قبل تأكيدك.",
                    "en": "We sent a confirmation link to {phone}. Nothing will be sent before you confirm."},
}
