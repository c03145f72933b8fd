"""UI strings of signing in and out, roles and refusals."""
from __future__ import annotations

from typing import Final

ACCESS_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "forbidden_title": {"fr": "Accès refusé", "ar": "الدخول مرفوض", "en": "Access denied"},
    "forbidden": {"fr": "Cette page demande le rôle « {role} ».", "ar": "تتطلب هذه الصفحة دور «{role}».",
                  "en": "This page needs the “{role}” role."},
    "role_anonymous": {"fr": "visiteur", "ar": "زائر", "en": "visitor"},
    "role_advisor": {"fr": "conseiller", "ar": "مستشار", "en": "advisor"},
    "role_admin": {"fr": "administrateur", "ar": "مسؤول", "en": "administrator"},
    "login_title": {"fr": "Connexion", "ar": "تسجيل الدخول", "en": "Sign in"},
    "login_lead": {"fr": "Connectez-vous avec le compte que l'administrateur vous a créé.",
                   "ar": "سجّلوا الدخول بالحساب الذي أنشأه لكم المسؤول.",
                   "en": "Sign in with the account your administrator created for you."},
    "login_username": {"fr": "Nom d'utilisateur", "ar": "اسم المستخدم", "en": "User name"},
    "login_password": {"fr": "Mot de passe", "ar": "كلمة المرور", "en": "Password"},
    "login_submit": {"fr": "Se connecter", "ar": "دخول", "en": "Sign in"},
    "login_failed": {"fr": "Nom d'utilisateur ou mot de passe incorrect.", "ar": "اسم المستخدم أو كلمة المرور غير صحيحة.",
                     "en": "Wrong user name or password."},
    "login_too_many": {"fr": "Trop d'essais manqués ; réessayez dans un quart d'heure.",
                       "ar": "محاولات فاشلة كثيرة؛ أعيدوا المحاولة بعد ربع ساعة.",
                       "en": "Too many failed attempts; try again in a quarter of an hour."},
    "logout": {"fr": "Se déconnecter", "ar": "تسجيل الخروج", "en": "Sign out"},
    "logged_out": {"fr": "Vous êtes déconnecté.", "ar": "تم تسجيل خروجكم.", "en": "You are signed out."},
    "signed_in_as": {"fr": "{user} ({role})", "ar": "{user} ({role})", "en": "{user} ({role})"},
    "account_nav": {"fr": "Compte", "ar": "الحساب", "en": "Account"},
}
