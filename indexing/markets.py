"""Market tagging: country names in French, English, Arabic and Spanish to ISO 3166 codes."""
from __future__ import annotations

from functools import lru_cache

from indexing.textnorm import token_variants, word_tuple, words

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
def _lookup() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    single: dict[str, str] = {}
    multi: list[tuple[str, str]] = []
    for code, names in COUNTRY_NAMES.items():
        for name in names:
            tokens = words(name)
            if len(tokens) == 1:
                single[tokens[0]] = code
            else:
                multi.append((" ".join(tokens), code))
    return single, tuple(multi)


def tag_countries(*texts: str | None, limit: int = 6) -> list[str]:
    """Countries named in the texts, most mentioned first."""
    single, multi = _lookup()
    counts: dict[str, int] = {}
    for text in texts:
        if not text:
            continue
        tokens = word_tuple(text)
        for token in set(tokens):
            for variant in token_variants(token):
                code = single.get(variant)
                if code:
                    counts[code] = counts.get(code, 0) + tokens.count(token)
                    break
        joined = " " + " ".join(tokens) + " "
        for phrase, code in multi:
            hits = joined.count(" " + phrase + " ")
            if hits:
                counts[code] = counts.get(code, 0) + hits
    return [c for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]
