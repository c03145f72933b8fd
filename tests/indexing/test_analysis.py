"""Text analysis: folding, tokenizing and the indexed terms both engines share."""
from __future__ import annotations

import random
import re

import pytest

from indexing.analysis import CRAFT_TOKEN_PREFIX, index_terms, phrase_terms, query_term_alternatives
from indexing.textnorm import CHUNK_CACHE_LIMIT, CHUNK_WORDS, fold, words

REFERENCE_WORD = re.compile(r"[0-9a-z\u0621-\u064a]+")

# Characters where a chunked tokenizer could go wrong: decomposed accents, compatibility forms
# that expand to several characters (some to a space), Arabic marks and tatweel, odd whitespace.
TRICKY = [
    "e\u0301te\u0301", "Céramique", "ŒUVRE", "Straße", "ﬁnition", "½", "¨a", "´e", "⑴", "Ⅻ", "ｆｕｌｌ",
    "الزَّرْبِيَّة", "أحمد", "إناء", "مدرسة", "مـــغـــرب", "ى", "\u00a0", "\u2009", "\u3000", "\u1680",
    "\x1c", "\u2028", "l'atelier", "tapis-berbère", "ΑΣ", "İstanbul", "ǅ", "٣٤", "x²", "_", "a\u0300\u0316",
]


def reference_words(text: str) -> list[str]:
    return REFERENCE_WORD.findall(fold(text))


@pytest.mark.parametrize("text", TRICKY)
def test_tokens_of_a_tricky_piece_match_folding_the_whole_text(text: str) -> None:
    assert words(text) == reference_words(text)


def test_tokens_match_the_whole_text_definition_on_random_mixtures() -> None:
    rnd = random.Random(7)
    alphabet = TRICKY + [" ", "  ", "\n", "\t", ",", ".", "(", ")", "Tapis", "zellige", "زربية", "3"]
    for _ in range(2_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert words(text) == reference_words(text), repr(text)


def test_folding_handles_accents_arabic_forms_and_tashkeel() -> None:
    assert words("Céramique ŒUVRE") == ["ceramique", "oeuvre"]
    assert words("الزَّرْبِيَّة أحمد مدرسة") == ["الزربيه", "احمد", "مدرسه"]
    assert words("مـــغـــرب") == ["مغرب"]


def test_index_terms_stem_drop_stopwords_and_tag_crafts() -> None:
    terms = index_terms("Les tapis berbères de Marrakech", ["rugs"]).split()
    assert "les" not in terms and "de" not in terms
    assert "tapis" in terms and "marrakech" in terms
    assert terms[-1] == f"{CRAFT_TOKEN_PREFIX}rugs"
    assert index_terms("", ["rugs"]) == f"{CRAFT_TOKEN_PREFIX}rugs"
    assert index_terms(None) == ""


def test_accent_folding_and_stemming_meet_in_the_same_term() -> None:
    assert set(query_term_alternatives("ceramique")) & set(index_terms("céramiques").split())
    assert set(query_term_alternatives("poteries")) & set(index_terms("Poterie").split())


def test_phrase_terms_are_the_folded_words_in_order() -> None:
    assert phrase_terms("Tapis  Berbère,\n(Fès)") == "tapis berbere fes"
    assert phrase_terms("... ---") == ""


def test_a_flood_of_new_words_does_not_grow_the_cache_without_bound() -> None:
    before = len(CHUNK_WORDS)
    text = " ".join(f"w{i}x" for i in range(CHUNK_CACHE_LIMIT - before + 1_000))
    try:
        assert len(words(text)) == CHUNK_CACHE_LIMIT - before + 1_000
        assert len(CHUNK_WORDS) <= CHUNK_CACHE_LIMIT
    finally:
        CHUNK_WORDS.clear()  # a cache: later tests must not run with it full


def test_highlights_mark_the_craft_a_synonym_found() -> None:
    from indexing.highlight import highlight
    from indexing.query import parse_text
    marked = highlight("Tapis berbère et zerbia de Taznakht ; الزرابي المغربية", parse_text("rug"))
    assert marked.count("<mark>") == 3 and "<mark>berbère" not in marked
    assert highlight("تعاونيات نسائية لتسويق الزرابي", parse_text("زربية")).endswith("<mark>الزرابي</mark>")
    assert "<mark>" not in highlight("Poterie de Safi", parse_text("tapis"))


def test_the_c_stemmers_give_the_stems_of_the_python_ones() -> None:
    """PyStemmer (C) stands in for snowballstemmer's Python classes: indexed terms must not change."""
    import Stemmer
    from snowballstemmer.arabic_stemmer import ArabicStemmer
    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.french_stemmer import FrenchStemmer

    from demo.bigsite import _sentence_pool
    from indexing.analysis import _ARABIC_STEMMER, _LATIN_STEMMERS
    from indexing.taxonomy import crafts

    assert all(isinstance(s, Stemmer.Stemmer) for s in (*_LATIN_STEMMERS, _ARABIC_STEMMER))
    vocabulary = {w for sentence in _sentence_pool(random.Random(3), 600) for w in words(sentence)}
    vocabulary |= {w for craft in crafts().values() for s in craft.synonyms for w in words(s.rstrip("*"))}
    vocabulary |= {w for piece in TRICKY for w in words(piece)}
    vocabulary |= {w + suffix for w in list(vocabulary)[:400] for suffix in ("s", "ement", "ations", "ing", "ed", "ية", "ات")}
    for language, python in (("french", FrenchStemmer()), ("english", EnglishStemmer()), ("arabic", ArabicStemmer())):
        c = Stemmer.Stemmer(language)
        assert [c.stemWord(w) for w in sorted(vocabulary)] == [python.stemWord(w) for w in sorted(vocabulary)], language
