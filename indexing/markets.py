"""Market tagging: country names in French, English, Arabic and Spanish to ISO 3166 codes."""
from __future__ import annotations

from functools import lru_cache

from indexing.textnorm import CHUNK_WORDS, ChunkCache, chunk_set, chunks, folded_words, token_variants, words

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
def _lookup() -> tuple[dict[str, str], tuple[tuple[str, str, frozenset[str]], ...], frozenset[str]]:
    """(one-word name -> code, (several-word name, code, its words), every word of those names)."""
    single: dict[str, str] = {}
    multi: list[tuple[str, str, frozenset[str]]] = []
    for code, names in COUNTRY_NAMES.items():
        for name in names:
            tokens = words(name)
            if len(tokens) == 1:
                single[tokens[0]] = code
            else:
                multi.append((" ".join(tokens), code, frozenset(tokens)))
    return single, tuple(multi), frozenset().union(*(needed for *_, needed in multi))


def _token_country(token: str) -> str | None:
    single = _lookup()[0]
    for variant in token_variants(token):
        if code := single.get(variant):
            return code
    return None


class _ChunkCountries(ChunkCache["tuple[str, tuple[str, ...], frozenset[str]] | None"]):
    """chunk -> (the chunk, the country of each word naming one, its words that several-word names
    use); None when it has neither."""

    def compute(self, chunk: str) -> tuple[str, tuple[str, ...], frozenset[str]] | None:
        tokens = CHUNK_WORDS[chunk].split()
        codes = tuple(code for code in map(_token_country, tokens) if code)
        name_words = _lookup()[2].intersection(tokens)
        return (chunk, codes, name_words) if codes or name_words else None


_CHUNK_COUNTRIES = _ChunkCountries()


def tag_countries(*texts: str | None, limit: int = 6) -> list[str]:
    """Countries named in the texts, most mentioned first."""
    multi = _lookup()[1]
    counts: dict[str, int] = {}
    for text in texts:
        if not text:
            continue
        name_words: set[str] = set()
        for chunk, codes, words_of_names in filter(None, map(_CHUNK_COUNTRIES.__getitem__, chunk_set(text))):
            if codes:
                mentions = chunks(text).count(chunk)
                for code in codes:
                    counts[code] = counts.get(code, 0) + mentions
            name_words.update(words_of_names)
        joined = None
        for phrase, code, needed in multi:
            if needed <= name_words:
                joined = joined or " " + folded_words(text) + " "
                hits = joined.count(" " + phrase + " ")
                if hits:
                    counts[code] = counts.get(code, 0) + hits
    return [c for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]
