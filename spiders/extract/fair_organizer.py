"""Who organises a fair, as the text says it: "organisé par …", "veranstaltet von …", "تنظم غرفة …"."""
from __future__ import annotations

import re

_ORGANIZER = re.compile(
    r"(?:organi[sz]ed by|organis[ée]e? par|à l'initiative d[eu]|organizado por|organizzat[ao] da|veranstaltet von"
    r"|veranstalter[:\s]|ausgerichtet von|hosted by|تنظمه|تنظمها|ينظمه|ينظمها|من تنظيم|بتنظيم من|المنظم من طرف"
    r"|المنظمة من طرف|المنظم من قبل|المنظمة من قبل|من طرف"
    # "تنظم غرفة الصناعة التقليدية …", "نظمت جمعية …": the verb comes first, then the institution
    r"|(?<![^\W\d_])(?:تنظم|ينظم|نظمت|نظم)(?=\s+(?:ال)?(?:غرفة|ديوان|وزارة|جمعية|مديرية|مجلس|جماعة|عمالة|ولاية|مندوبية|فدرالية|جامعة|دار)))"
    r"\s*([^.,;\n()،]{3,80})",
    re.IGNORECASE,
)
# Where an organiser's name ends: a partner, a sponsor or a clause follows.
_ORGANIZER_END = re.compile(
    r"\s+(?:en partenariat|in partnership|in collaboration|en collaboration|avec|with|with the|sous|under|pour|for|qui|which"
    r"|in|at|à|au|from|du|le|on|con|en|el|bei|im|am|vom|بشراكة|بتنسيق|بتعاون|بدعم|تحت|بمشاركة|بمناسبة|في|خلال|ب)\b.*$"
    r"|\s+(?:بشراكة|بتنسيق|بتعاون|بدعم|تحت|بمشاركة|بمناسبة|في|خلال|وذلك|إلى|الى)(?:\s.*)?$"
    # "تنظم غرفة … المعرض الجهوي …": the fair itself follows its organiser
    r"|\s+(?:ال)?(?:معرض|صالون|مهرجان|ملتقى|أسبوع|أيام|سوق|دورة)(?:\s.*)?$",
    re.IGNORECASE,
)


def fair_organizer(description: str | None, text: str | None) -> str | None:
    """Named in the fair's own sentence, else anywhere in a text that announces it."""
    match = _ORGANIZER.search(description or "") or _ORGANIZER.search(text or "")
    if not match:
        return None
    name = _ORGANIZER_END.sub("", match.group(1).strip()).strip(" -–:٬")
    name = re.sub(r"^[^\W\d_]\s+", "", name)  # a letter left of a glued pronoun: "ا غرفة …"
    return name if len(name) >= 3 else None
