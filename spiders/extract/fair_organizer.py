"""Who organises a fair, as the text says it: "organisé par …", "veranstaltet von …", "تنظم غرفة …"."""
from __future__ import annotations

import re

_ORGANIZER = re.compile(
    r"(?:organi[sz]ed by|organis[ée]e?s? (?:pour la \S+ fois )?par|à l['’]initiative (?:de l['’]|des|d[eu]|d['’])"
    r"|organizad[ao]s? (?:em parceria )?(?:por|pel[ao])|organizzat[ao] da|veranstaltet von"
    r"|veranstalter(?::|\s+(?=(?-i:[A-ZÄÖÜ])))|ausgerichtet von|hosted by|تنظمه|تنظمها|ينظمه|ينظمها|من تنظيم|بتنظيم من|المنظم من طرف"
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
    # "organisée par la commune aura lieu du …": the sentence's own verb follows the organiser
    r"|\s+(?:aura|auront|se|sera|seront|will|takes|tendr[áa]|findet|si|ouvre|opens|runs|returns|revient|torna|vuelve)\s.*$"
    r"|\s+و?(?:بشراكة|بتنسيق|بتعاون|بدعم|تحت|بمشاركة|بمناسبة|في|خلال|وذلك|إلى|الى|تزامنا|بالتزامن|تزامن)(?:\s.*)?$"
    # "… وميدلت من 2 إلى 5 يوليوز": the dates follow
    r"|\s+(?:من|ما\s+بين|بين)\s+\d.*$"
    # "organise par le biais de la Maison de l'artisan la Semaine de la poterie": the fair follows its organiser
    r"|\s+(?:la|le|les|l['’]|the|el|il|lo|die|der|das)\s*(?:\d+\S*\s+)?(?:semaine|salon|foire|festival|fair|show|feria"
    r"|fiera|mostra|journees|journées|rencontres|exposition|expo|messe|markt|mercado|mercato|edition|édition|edizione|edicion"
    r"|edición)\b.*$"
    # "تنظم غرفة … المعرض الجهوي …": the fair itself follows its organiser
    r"|\s+(?:ال)?(?:معرض|صالون|مهرجان|ملتقى|أسبوع|أيام|سوق|دورة)(?:\s.*)?$",
    re.IGNORECASE,
)


_THROUGH = re.compile(r"^(?:le\s+biais\s+(?:de\s+|du\s+|des\s+|d['’])|l['’]interm[ée]diaire\s+(?:de\s+|du\s+|des\s+|d['’])"
                      r"|way\s+of\s+|means\s+of\s+|medio\s+de\s+)", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:(?:[Ll]a|[Ll]e|[Ee]l|[Ii]l|[Ll]o|[Tt]he|[Dd]er|[Dd]ie|[Dd]as|[Dd]em)\s+|[Ll]['’])(?=[A-ZÀ-Ý])")
# Companies whose trade is organising fairs: named in a text about a fair, they are its organiser.
_ORGANISING_COMPANIES = re.compile(
    r"(?<![\w-])(?:Messe Frankfurt|Deutsche Messe|Messe M(?:ü|ue)nchen|Koelnmesse|Messe D(?:ü|ue)sseldorf|Messe Berlin"
    r"|N(?:ü|ue)rnbergMesse|Messe Stuttgart|Hamburg Messe(?: und Congress)?|Leipziger Messe|Messe Wien"
    r"|GHM(?: Gesellschaft f(?:ü|ue)r Handwerksmessen(?: mbH)?)?|Gesellschaft f(?:ü|ue)r Handwerksmessen(?: \(GHM\))?"
    r"|IFEMA(?: MADRID| Madrid)?|Fira (?:de )?Barcelona|Feria (?:de )?Valencia|Fiera Milano|Firenze Fiera|BolognaFiere"
    r"|Veronafiere|Italian Exhibition Group|Comexposium|Reed Exhibitions|RX Global|Informa Markets|Hyve(?: Group(?: plc)?)?"
    r"|Clarion Events|dmg events|Emerald Expositions|High Point Market Authority|HKTDC|Hong Kong Trade Development Council"
    r"|Ateliers d'Art de France|Artesan(?:í|i)as de Colombia|Corferias|Tarsus Group|ITE Group"
    r"|OFEC|Office des Foires et (?:des )?Expositions de Casablanca)(?![\w-])"
)


# "أعلن الديوان الوطني للصناعات التقليدية عن تنظيم …": the institution that announces it organises it.
_ANNOUNCES_ORGANISING = re.compile(r"(?<![^\W\d_])(?:أعلن|أعلنت)\s+([^.,;\n()،]{3,80}?)\s*،?\s*عن\s+(?:تنظيم|تنظيمها|تنظيمه)")


def fair_organizer(description: str | None, text: str | None) -> str | None:
    """Named in the fair's own sentence, else anywhere in a text that announces it, else a company that
    organises fairs for a living named in the text."""
    match = _search(_ORGANIZER, description, text) or _search(_ANNOUNCES_ORGANISING, description, text)
    if not match:
        company = _organising_company(description) or _organising_company(text)
        if company:
            return company
        role = _search(_ROLE_THEN_NAME, description, text)
        if role:
            return role.group(1)
        institution = _search(_INSTITUTION, description, text)
        return (institution.group(1) or institution.group(2)).strip() if institution else None
    # "organise par le biais de la Maison de l'artisan": through that body, which runs it.
    name = _ORGANIZER_END.sub("", _THROUGH.sub("", match.group(1).strip())).strip(" -–:٬")
    if match.group(0)[:12].lower().startswith("veranstalter") and not match.group(0).rstrip().endswith(":"):
        return _german_name(name, match)
    name = re.sub(r"^[^\W\d_]\s+", "", name)  # a letter left of a glued pronoun: "ا غرفة …"
    name = _LEADING_ARTICLE.sub("", name)  # "organisé par la Chambre d'artisanat": the Chambre
    return name if len(name) >= 3 else None


# German nouns are capitalised: after "Veranstalter" a name is capitalised words up to a lower-case one, and
# "die Veranstalter Eintrittsgeld kassieren" (plural) names no one.
_GERMAN_NAME_LINKS = frozenset({"und", "für", "fur", "von", "der", "des", "e.", "v.", "e.v.", "&", "-"})
_GERMAN_ORGANISATIONS = re.compile(r"\b(?:GmbH|AG|e\.\s?V\.|KG|Verein|Messe|Stadt|Gemeinde|Verband|Kulturhof|Markt\w*)\b")


def _german_name(words: str, match: re.Match[str]) -> str | None:
    if match.string[max(0, match.start() - 5):match.start()].lower().endswith("die "):
        return None
    kept: list[str] = []
    for word in words.split():
        if word[0].islower() and word.lower() not in _GERMAN_NAME_LINKS:
            break
        kept.append(word)
    while kept and kept[-1].lower() in _GERMAN_NAME_LINKS:
        kept.pop()
    name = " ".join(kept)
    if len(kept) >= 2 or _GERMAN_ORGANISATIONS.search(name):
        return name
    return None


# "Foto: GHM", "© Messe Frankfurt / Pietro Sutera": the company took the picture, it is not named as organiser.
_CREDIT_BEFORE = re.compile(r"(?:\b(?:fotos?|photos?|bild|image|cr[ée]dits?|quelle|source|fuente|fonte)\s*:|©|\(c\))\s*$",
                            re.IGNORECASE)
_CREDIT_LOOKBEHIND = 16


def _organising_company(text: str | None) -> str | None:
    if not text:
        return None
    for company in _ORGANISING_COMPANIES.finditer(text):
        if not _CREDIT_BEFORE.search(text[max(0, company.start() - _CREDIT_LOOKBEHIND):company.start()]):
            return company.group(0)
    return None


# "Promoting the fair was a key consideration for Index organiser dmg this year": the organiser named by its role.
_ROLE_THEN_NAME = re.compile(
    r"\b(?:organi[sz]er|organisateur|organizador|organizzatore)\s+(?!of\b|de\b|du\b|del\b|di\b)"
    # "the organizer and the participants believe": a word of the sentence, no name
    r"(?!(?:and|or|the|a|an|has|have|had|is|was|were|are|will|would|can|could|said|says|also|in|to|for|with|who"
    r"|which|that|et|y|e|und|est|es|ha|hat|ist)\b)"
    r"((?:[A-Za-z][\w&.\-]*)(?:\s+[A-Z][\w&.\-]*){0,4})"
)
# Public bodies that hold the fairs of their town or region, named in a text that gives no organiser cue.
_INSTITUTION = re.compile(
    r"(?<![\w-])((?:Ayuntamiento|Cabildo(?:\s+Insular)?|Diputaci[óo]n(?:\s+Provincial)?|Chambre\s+d['’]artisanat"
    r"|Chambre\s+r[ée]gionale\s+d['’]artisanat|Maison\s+de\s+l['’]Artisan|Office\s+national\s+de\s+l['’]artisanat"
    r"|Camera\s+di\s+Commercio|Handwerkskammer)"
    r"(?:\s+(?:de\s+la\s+r[ée]gion\s+|de\s+la\s+|de\s+|del\s+|di\s+|della\s+|des\s+|du\s+|d['’]|für\s+)"
    r"[A-ZÀ-Ý][\w'’\-]*(?:[\s\-]+(?:de\s+)?[A-ZÀ-Ý][\w'’\-]*){0,3})?)"
    r"|((?:ال)?غرفة\s+(?:ال)?صناعة\s+التقليدية(?:\s+(?!خياما|بتنظيم|من\b|في\s+إطار)[^\s،,.\n]+){0,4})"
)


def _search(pattern: re.Pattern[str], description: str | None, text: str | None) -> re.Match[str] | None:
    """The fair's own sentence first, then the whole text."""
    return pattern.search(description or "") or pattern.search(text or "")
