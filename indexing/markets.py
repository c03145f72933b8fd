"""Market tagging: country names in French, English, Arabic and Spanish to ISO 3166 codes."""
from __future__ import annotations

import re
from functools import lru_cache

from indexing.textnorm import words

COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "MA": ("maroc", "morocco", "marruecos", "المغرب", "marokko", "marocain", "marocaine", "moroccan"),
    "FR": ("france", "francia", "فرنسا", "frankreich", "paris"),
    "ES": ("espagne", "spain", "espana", "اسبانيا", "spanien", "madrid", "valencia", "barcelone", "barcelona"),
    "DE": ("allemagne", "germany", "alemania", "المانيا", "deutschland", "frankfurt", "francfort", "hannover", "hanovre", "munich", "munchen"),
    "IT": ("italie", "italy", "italia", "ايطاليا", "italien", "milan", "milano"),
    "US": ("etats unis", "united states", "usa", "estados unidos", "الولايات المتحدة", "new york", "las vegas"),
    "GB": ("royaume uni", "united kingdom", "uk", "reino unido", "بريطانيا", "london", "londres", "birmingham"),
    "BE": ("belgique", "belgium", "belgica", "بلجيكا", "bruxelles", "brussels"),
    "NL": ("pays bas", "netherlands", "paises bajos", "هولندا", "amsterdam"),
    "AE": ("emirats arabes unis", "united arab emirates", "uae", "dubai", "الامارات", "دبي"),
    "SA": ("arabie saoudite", "saudi arabia", "السعودية", "riyadh", "riyad"),
    "QA": ("qatar", "قطر", "doha"),
    "CN": ("chine", "china", "الصين", "canton", "guangzhou", "shanghai"),
    "JP": ("japon", "japan", "اليابان", "tokyo"),
    "CA": ("canada", "كندا", "montreal", "toronto"),
    "TN": ("tunisie", "tunisia", "تونس"),
    "SN": ("senegal", "السنغال", "dakar"),
    "CI": ("cote d ivoire", "ivory coast", "abidjan"),
    "TR": ("turquie", "turkey", "turkiye", "تركيا", "istanbul"),
    "PT": ("portugal", "البرتغال", "lisbonne", "lisbon"),
    "CH": ("suisse", "switzerland", "suiza", "سويسرا", "geneve", "zurich"),
    "BF": ("burkina faso", "ouagadougou"),
}


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for code, names in COUNTRY_NAMES.items():
        for name in names:
            lookup[" ".join(words(name))] = code
    alternatives = sorted(lookup, key=len, reverse=True)
    pattern = re.compile(r"(?<![0-9a-z\u0621-\u064a])(?:ال|و|ب)?(" + "|".join(re.escape(a) for a in alternatives) + r")(?![0-9a-z\u0621-\u064a])")
    return pattern, lookup


def tag_countries(*texts: str | None, limit: int = 6) -> list[str]:
    """Countries named in the texts, most mentioned first."""
    pattern, lookup = _pattern()
    counts: dict[str, int] = {}
    for text in texts:
        if not text:
            continue
        for match in pattern.finditer(" ".join(words(text))):
            code = lookup[match.group(1)]
            counts[code] = counts.get(code, 0) + 1
    return [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])][:limit]
