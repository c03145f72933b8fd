"""What a source check found, in words (fr, ar, en), and what to change: shared by the CLI and the console."""
from __future__ import annotations

from typing import Any

# code -> language -> (what is wrong, what to change); placeholders are the problem's params.
ADVICE: dict[str, dict[str, tuple[str, str]]] = {
    "not_crawlable": {
        "fr": ("La source est marquée « crawlable: false ».", "Retirez « crawlable: false » quand le site peut être collecté."),
        "ar": ("المصدر معلَّم بـ «crawlable: false».", "احذف «crawlable: false» عندما يصبح جمع الموقع ممكنًا."),
        "en": ("The source is marked `crawlable: false`.", "Remove `crawlable: false` once the site may be crawled."),
    },
    "unreachable": {
        "fr": ("{url} ne répond pas ({error}).", "Vérifiez l'adresse ({role}) dans un navigateur : nom de domaine, https, pare-feu."),
        "ar": ("{url} لا يستجيب ({error}).", "تحقق من العنوان ({role}) في متصفح: اسم النطاق، https، جدار الحماية."),
        "en": ("{url} does not answer ({error}).", "Check the address ({role}) in a browser: domain name, https, firewall."),
    },
    "http_error": {
        "fr": ("{url} répond HTTP {status}.", "Corrigez l'adresse ({role}) : la page a sans doute changé d'URL."),
        "ar": ("{url} يجيب HTTP {status}.", "صحّح العنوان ({role}): غالبًا تغيّر رابط الصفحة."),
        "en": ("{url} answers HTTP {status}.", "Fix the address ({role}): the page has probably moved."),
    },
    "robots_disallow": {
        "fr": ("robots.txt interdit {url} au robot de veille.",
               "Choisissez une page autorisée (flux RSS, plan du site) ou demandez l'accord du site ; sinon « crawlable: false »."),
        "ar": ("ملف robots.txt يمنع {url} عن زاحف المنصة.",
               "اختر صفحة مسموحًا بها (خلاصة RSS، خريطة الموقع) أو اطلب إذن الموقع؛ وإلا «crawlable: false»."),
        "en": ("robots.txt forbids {url} to veille's crawler.",
               "Choose an allowed page (RSS feed, sitemap) or ask the site; otherwise set `crawlable: false`."),
    },
    "no_links": {
        "fr": ("Aucun lien vers une page détail trouvé sur {url} ({role}).",
               "Vérifiez link_pattern « {link_pattern} » (ou link_selector) sur les adresses réelles des pages détail."),
        "ar": ("لم يُعثر على أي رابط لصفحة تفاصيل في {url} ({role}).",
               "تحقق من link_pattern «{link_pattern}» (أو link_selector) على العناوين الفعلية لصفحات التفاصيل."),
        "en": ("No link to a detail page found on {url} ({role}).",
               "Check link_pattern `{link_pattern}` (or link_selector) against the real addresses of the detail pages."),
    },
    "sample_errors": {
        "fr": ("{failed} page(s) sur {sampled} échantillonnées ont échoué, dont {first} ({error}).",
               "Ces liens sont morts ou interdits : resserrez link_pattern pour ne suivre que les pages détail."),
        "ar": ("فشلت {failed} صفحة من {sampled} في العينة، منها {first} ({error}).",
               "هذه الروابط معطلة أو ممنوعة: ضيّق link_pattern لتتبع صفحات التفاصيل فقط."),
        "en": ("{failed} of {sampled} sampled page(s) failed, such as {first} ({error}).",
               "Those links are dead or forbidden: narrow link_pattern to follow detail pages only."),
    },
    "no_items": {
        "fr": ("Aucun élément extrait des {sampled} page(s) échantillonnées ({reasons}).",
               "Les pages suivies ne sont pas des pages {kind} : ajustez link_pattern, ou ajoutez des « selectors »."),
        "ar": ("لم يُستخرج أي عنصر من {sampled} صفحة في العينة ({reasons}).",
               "الصفحات المتتبعة ليست صفحات {kind}: عدّل link_pattern أو أضف «selectors»."),
        "en": ("No item extracted from the {sampled} sampled page(s) ({reasons}).",
               "The pages followed are not {kind} pages: adjust link_pattern, or add `selectors`."),
    },
    "low_confidence": {
        "fr": ("Extraction incomplète (confiance {confidence}) : il manque {missing}.",
               "Ajoutez des « selectors » pour ces champs, ou suivez des pages plus complètes."),
        "ar": ("استخراج ناقص (الثقة {confidence}): ينقص {missing}.",
               "أضف «selectors» لهذه الحقول، أو تتبّع صفحات أكمل."),
        "en": ("Incomplete extraction (confidence {confidence}): {missing} missing.",
               "Add `selectors` for those fields, or follow fuller pages."),
    },
}


def advice(code: str, params: dict[str, Any], language: str) -> tuple[str, str]:
    """(what is wrong, what to change) in `language` (fr, ar or en; English otherwise)."""
    texts = ADVICE[code].get(language) or ADVICE[code]["en"]
    values = {k: ("" if v is None else v) for k, v in params.items()}

    class Blank(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return ""

    return texts[0].format_map(Blank(values)), texts[1].format_map(Blank(values))
