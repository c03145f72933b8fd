"""Arabic fair names: a head ("معرض", "المعرض", "صالون", "مهرجان" …) and the words that go on to name it."""
from __future__ import annotations

from spiders.extract.fair_tokens import Token, is_arabic_head, same_line
from spiders.extract.fair_vocab import city_by_name

_ARABIC_NAME_STARTS = ("ال", "لل", "ل")
_ARABIC_ADJECTIVES = frozenset({"دولي", "وطني", "جهوي", "إقليمي", "دولية", "وطنية", "جهوية", "إقليمية", "محلي"})
_DEFINITE_ADJECTIVES = frozenset("ال" + a for a in _ARABIC_ADJECTIVES)
# Sectors a name may name after 'في' (in): "صالون الابتكار في الصناعات التقليدية".
_ARABIC_SECTORS = frozenset({
    "الصناعة", "الصناعات", "الحرف", "الفنون", "التصميم", "الديكور", "الزربية", "الخزف", "الفخار", "النسيج",
})
_MAX_ARABIC_TOKENS = 14
_ARABIC_STOPS = frozenset({
    "في", "من", "خلال", "الذي", "التي", "والذي", "والتي", "وذلك", "على", "إلى", "الى", "ما", "بين", "حيث",
    "يوم", "عن", "مع", "تحت", "بمدينة", "بمشاركة", "هذا", "هذه", "وهو", "وهي", "الذى", "ضمن", "قد", "لقد",
    "أن", "ان", "إن", "منذ", "بعد", "قبل", "حتى", "أمس", "اليوم", "غدا", "يومي", "أيام", "بحضور", "المنظم",
    "المنظمة", "والمنظم", "ينظم", "تنظم", "بمقر", "بفضاء", "بساحة", "بقصر", "بالرباط", "بمراكش", "بالدار",
    # "المعرض الجهوي … المنعقد": taking place, scheduled: the sentence goes on after the name
    "المنعقد", "المنعقدة", "المقرر", "المقررة",
})


def arabic_name(tokens: list[Token], start: int, text: str) -> tuple[int, int] | None:
    if start + 1 >= len(tokens):
        return None
    following = tokens[start + 1].text
    # "مهرجان تونس للخزف", "معرض الرياض للكتاب": a city's name may follow the head.
    city_first = city_by_name(following) is not None and start + 2 < len(tokens) \
        and tokens[start + 2].text.startswith(("لل", "ال"))
    # "معرض ديارنا للحرف اليدوية", "مهرجان قطر الدولي للحرف": a proper word, then "for the …" or "the international".
    city_first = city_first or (
        start + 2 < len(tokens) and tokens[start + 1].is_arabic and following not in _ARABIC_STOPS
        and (tokens[start + 2].text.startswith("لل") or tokens[start + 2].text in _DEFINITE_ADJECTIVES)
        and same_line(text, tokens[start], tokens[start + 2]))
    # "معرض أمبيانتي بفرانكفورت", "معرض ديكوريا من 7 إلى 11 فبراير": a foreign name, then its city or its dates.
    city_first = city_first or (
        start + 2 < len(tokens) and tokens[start + 1].is_arabic and following not in _ARABIC_STOPS
        and _placed_or_dated(tokens, start + 2) and same_line(text, tokens[start], tokens[start + 2]))
    # "معرض هدايا دبي": the head, an indefinite noun and a town (the town's gift fair).
    if start + 2 < len(tokens) and not tokens[start].text.startswith("ال") and tokens[start + 1].is_arabic \
            and tokens[start + 1].is_word \
            and following not in _ARABIC_STOPS and following not in _INDEFINITE_ADJECTIVES \
            and not following.startswith(("ال", "لل", "ب", "و")) and city_by_name(tokens[start + 2].text) is not None \
            and same_line(text, tokens[start], tokens[start + 2]):
        last = start + 2
        if last + 1 < len(tokens) and tokens[last + 1].text in _DEFINITE_ADJECTIVES \
                and same_line(text, tokens[last], tokens[last + 1]):
            last += 1
        return start, last
    # "معرض ميزون أوبجي بباريس من …": a foreign name of two words, then "in" its city.
    if not city_first and start + 3 < len(tokens) and all(
            t.is_arabic and t.is_word and t.text not in _ARABIC_STOPS and not t.text.startswith(("ال", "لل", "و"))
            and t.text not in _INDEFINITE_ADJECTIVES for t in tokens[start + 1:start + 3]) \
            and tokens[start + 3].text.startswith("ب") and city_by_name(tokens[start + 3].text[1:]) is not None \
            and same_line(text, tokens[start], tokens[start + 3]):
        return start, start + 2
    if not (following.startswith(_ARABIC_NAME_STARTS) or following in _ARABIC_ADJECTIVES or city_first):
        # "مهرجان كلنا الخفجي" in the headline and again in the text: a proper name, whatever its first word.
        if _recurs_after_head(tokens, start, text):
            return start, start + 2
        return None  # "المعرض يمثل ...": the word after is a verb, not part of a name
    last = start
    j = start + 1
    while j < len(tokens) and j - start < _MAX_ARABIC_TOKENS and same_line(text, tokens[j - 1], tokens[j]):
        token = tokens[j]
        joined = _arabic_continuation(tokens, j) if j > start + 1 else 0
        if joined:
            # "للأثاث و الهندسة", "و تزيين المنازل", "في الصناعات التقليدية": one more member of the name.
            last = j + joined
            j += joined + 1
            continue
        if not token.is_word or not token.is_arabic or token.text in _ARABIC_STOPS:
            break
        if token.text.startswith(("بال", "وبال", "فال")) and j > start + 1:
            break  # "بالدارالبيضاء": a place follows the name
        if j > start + 1 and not token.text.startswith(("ال", "لل", "وال", "ل")) and not (city_first and j == start + 1):
            break  # past the head and its adjective a name goes on only with genitives
        last = j
        j += 1
    return (start, last) if last > start else None


# Indefinite adjectives: "معرض كبير بالرباط" is a big exhibition, not one called "كبير".
_INDEFINITE_ADJECTIVES = frozenset({
    "كبير", "كبيرا", "ضخم", "ضخما", "جديد", "جديدا", "خاص", "خاصا", "مهم", "مهما", "متميز", "متميزا", "دائم", "دائما",
    "مفتوح", "متنقل", "مؤقت", "فني", "فنيا", "تقليدي", "تقليديا", "تجاري", "تجاريا", "سنوي", "سنويا", "مماثل", "آخر",
    "أول", "ثان", "ثاني", "افتراضي", "افتراضيا", "جماعي", "جماعيا",
})


def _placed_or_dated(tokens: list[Token], i: int) -> bool:
    if tokens[i - 1].text in _INDEFINITE_ADJECTIVES:
        return False
    token = tokens[i].text
    if token.startswith("ب") and len(token) > 3 and city_by_name(token[1:]) is not None:
        return True
    return token in ("من", "في") and i + 1 < len(tokens) and tokens[i + 1].text[:1].isdigit()


def _recurs_after_head(tokens: list[Token], start: int, text: str) -> bool:
    """The two words after the head are written again after another mention of a head."""
    if start + 2 >= len(tokens) or not all(t.is_arabic and t.is_word for t in tokens[start + 1:start + 3]):
        return False
    if not same_line(text, tokens[start], tokens[start + 2]) or tokens[start + 1].text in _ARABIC_STOPS:
        return False
    phrase = text[tokens[start + 1].begin:tokens[start + 2].end]
    return sum(1 for i, t in enumerate(tokens[:-2]) if i != start and is_arabic_head(t.text)
               and text[tokens[i + 1].begin:tokens[i + 2].end] == phrase) >= 1


def _arabic_continuation(tokens: list[Token], j: int) -> int:
    """How many words after a lone 'و' (and) or a 'في' (in) join the name: a definite noun, a noun and its
    definite genitive, or a craft sector; 0 when the name ends here."""
    if j + 1 >= len(tokens) or not tokens[j + 1].is_arabic:
        return 0
    word, following = tokens[j].text, tokens[j + 1].text
    if word == "و":
        if following.startswith("ال"):
            return 1
        genitive = j + 2 < len(tokens) and tokens[j + 2].is_arabic and tokens[j + 2].text.startswith("ال")
        return 2 if genitive and following not in _ARABIC_STOPS else 0
    return 1 if word == "في" and following in _ARABIC_SECTORS else 0
