"""Craft and market tagging read a text's chunks once; they must tag as reading its words one by one does."""
from __future__ import annotations

import random

from indexing.markets import COUNTRY_NAMES, tag_countries
from indexing.taxonomy import crafts, tag_crafts
from indexing.textnorm import token_variants, words


def reference_crafts(*texts: str | None) -> list[str]:
    """The definition: a synonym is a word, a word's prefix or a run of words of the texts, in order."""
    tokens = [t for text in texts if text for t in words(text)]
    joined = " " + " ".join(tokens) + " "
    found = set()
    for cid, craft in crafts().items():
        for synonym in craft.synonyms:
            prefix = synonym.endswith("*")
            wanted = words(synonym.rstrip("*"))
            if len(wanted) > 1:
                hit = (" " + " ".join(wanted) + ("" if prefix else " ")) in joined
            elif wanted:
                hit = any(v == wanted[0] or (prefix and v.startswith(wanted[0]))
                          for t in tokens for v in token_variants(t))
            else:
                hit = False
            if hit:
                found.add(cid)
    return [cid for cid in crafts() if cid in found]


def reference_countries(*texts: str | None, limit: int = 6) -> list[str]:
    single = {words(n)[0]: code for code, names in COUNTRY_NAMES.items() for n in names if len(words(n)) == 1}
    counts: dict[str, int] = {}
    for text in texts:
        if not text:
            continue
        tokens = words(text)
        for token in tokens:
            code = next((single[v] for v in token_variants(token) if v in single), None)
            if code:
                counts[code] = counts.get(code, 0) + 1
        joined = " " + " ".join(tokens) + " "
        for code, names in COUNTRY_NAMES.items():
            for name in names:
                if len(words(name)) > 1:
                    hits = joined.count(" " + " ".join(words(name)) + " ")
                    counts[code] = counts.get(code, 0) + hits if hits else counts.get(code, 0)
    ranked = sorted(((c, n) for c, n in counts.items() if n), key=lambda kv: (-kv[1], kv[0]))
    return [c for c, _ in ranked][:limit]


PIECES = ["Tapis", "tapis,", "(Maroc)", "maroc", "Marocaine.", "terre", "cuite", "Terre-cuite", "home", "linens",
          "mosaic", "tiles", "États-Unis", "etats", "unis", "New", "York", "Las", "Vegas", "زربية", "والمغرب",
          "الولايات", "المتحدة", "fer", "forgé", "beni", "ouarain", "Côte", "d'Ivoire", "Paris", "zellige", "the",
          "", " ", "\n", "—", "2024", "Burkina", "Faso"]


def test_tagging_by_chunks_matches_tagging_word_by_word() -> None:
    rnd = random.Random(11)
    for _ in range(1_000):
        title = " ".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 4)))
        text = " ".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 30)))
        assert tag_crafts(title, text) == reference_crafts(title, text), (title, text)
        assert tag_countries(title, text) == reference_countries(title, text), (title, text)


def test_a_phrase_may_run_from_the_title_into_the_text() -> None:
    assert "poterie" in tag_crafts("Les ateliers de terre", "cuite de Safi")
    assert "poterie" not in tag_crafts("Les ateliers de terre", None, "")


def test_repeated_names_count_once_each_and_adjacent_repeats_as_the_text_reads() -> None:
    assert tag_countries("Maroc, maroc et (MAROC) ; la France") == ["MA", "FR"]
    assert tag_countries("Paris Paris. États-Unis", "Maroc") == ["FR", "MA", "US"]
    # A name of several words is counted where it stands apart: "etats unis etats unis" reads once.
    assert tag_countries("etats unis etats unis espagne espagne") == ["ES", "US"]
