"""Name mentions of one text gathered into fairs: known fairs, written names, short references and descriptors."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spiders.extract.dates import DateSpan
from spiders.extract.fair_names import NameMention, find_fair_names
from spiders.extract.fair_pairing import MAX_PAIRING_GAP
from spiders.extract.fair_regional import regional_editions
from spiders.extract.fair_vocab import City, KnownFair, Mention, city_by_name, find_known_fairs, find_venues, fold

_GENERIC_WORDS = frozenset({
    "salon", "foire", "fair", "show", "market", "expo", "exhibition", "messe", "feria", "fiera", "feira", "salone",
    "semaine", "mostra", "exposition", "de", "du", "des", "del", "di", "della", "der", "la", "le", "l", "the",
    "international", "internationale", "internacional", "internazionale", "national", "nationale",
    # "la fiera internazionale del settore", "le salon du secteur": the trade's fair, not a name.
    "settore", "sector", "secteur", "sektor", "branche", "filiere", "comparto",
})


# Words that describe a fair without naming it (capitalised in titles and in English).
_DESCRIPTOR_WORDS = _GENERIC_WORDS | frozenset({
    "trade", "home", "contract", "textiles", "textile", "furniture", "design", "gift", "gifts", "decoration",
    "food", "products", "product", "industry", "international", "interior", "leading", "largest", "annual",
    "edition", "consumer", "goods", "for", "and", "of", "in", "world", "global", "new",
    "one", "two", "three", "four", "five", "six", "seven", "day", "days", "week", "big", "great",
    # "the European Market rose", "Stock Exchange Show": an economy or an exchange described, no fair's name
    "european", "domestic", "local", "stock", "exchange", "single", "common", "internal", "export", "exports",
    "emerging", "financial", "housing", "labour", "labor", "property", "black", "free", "open", "live", "tv", "radio",
})


_TAIL_WORDS = frozenset({"fair", "show", "exhibition", "expo", "market", "messe"})
# What lies between a name and its apposition: a comma or dash, then an article.
_APPOSITION = re.compile(
    r"^\s*[,–—]\s*(?:the|a|an|le|la|l[’']|les|un|une|el|los|las|il|lo|der|die|das|den|o|os|as)\s*$"
    # "Die IHM ist die wichtigste Leistungsschau...", "SIEL est le plus grand salon...": a predicate describes it.
    r"|^\s+(?:is|was|remains|est|reste|ist|war|bleibt|es|fue|sigue\s+siendo|è|era|resta|e|foi)\s+"
    r"(?:the|a|an|le|la|l[’']|un|une|el|una|der|die|das|eine?|il|lo|o|a|um|uma)\s*(?:[^\W\d_]+\s+){0,2}$",
    re.IGNORECASE,
)


@dataclass
class FairGroup:
    key: str
    names: list[str]
    positions: list[tuple[int, int]]
    known: KnownFair | None = None
    spans: list[DateSpan] = field(default_factory=list)
    region: tuple[City | None, str | None] | None = None
    """A regional edition's own city and country ("INDEX Saudi Arabia": none, SA), not the text's nearest."""
    kind_only: bool = False
    """Named only by a kind of fair ("der Kunsthandwerkermarkt"): a fair only where the text also places and dates it."""
    acronyms: list[str] = field(default_factory=list)
    """"New York International Carpet Show (NYICS)": the short form the text goes on to use."""

    @property
    def display_name(self) -> str:
        """The most complete form the text writes (a known fair's usual name is its series); a lower-case
        form ("il salone degli stili di vita") describes the fair the capitalised one names."""
        name = max(self.names, key=lambda n: (not n[:1].islower(), len(_words(n)), -self.names.index(n)))
        return name[:1].upper() + name[1:]  # "salon du cuir de Marrakech" opening a title


def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"[^\w]+", fold(name)) if w)


def group_mentions(text: str) -> list[FairGroup]:
    folded = fold(text)
    known = find_known_fairs(text, folded)
    venues = find_venues(text, folded)
    patterns = [m for m in find_fair_names(text) if not _is_venue_or_generic(m, venues, text)]
    lone = [m for m in patterns if _lone_compound(m)]
    patterns = [m for m in patterns if m not in lone]
    lone = [m for m in lone if _craft_compound(m)]
    groups: dict[str, FairGroup] = {}
    regional = regional_editions(known, text)
    known = [k for k in known if not any(r.begin == k.begin for r, _ in regional)]
    patterns += [mention for mention, _ in regional]
    known = [k for k in known if not any(_extends_known(m, k, text) for m in patterns)]
    patterns = [_after_known_and(m, known, text) for m in patterns]
    for mention in known:
        fair = mention.entry
        assert isinstance(fair, KnownFair)
        group = groups.setdefault(fair.name, FairGroup(fair.name, [], [], known=fair))
        group.names.append(mention.surface)
        group.positions.append((mention.begin, mention.end))
    descriptors: list[NameMention] = []
    locatives: list[NameMention] = []
    for mention in patterns:
        overlapping = _overlapping_known(mention, known) or _apposed_to(mention, groups.values(), text)
        if overlapping is not None:
            group = groups[overlapping]
            if (mention.begin, mention.end) not in group.positions:  # the gazetteer found this very mention
                group.positions.append((mention.begin, mention.end))
            if mention.acronym and mention.acronym.isupper() and group.known is not None \
                    and fold(group.known.name) == fold(mention.acronym):
                # "Feria de Artesanía de Castilla-La Mancha (FARCAMA)": an acronym's words written out name it
                # better; "Salón Internacional del Regalo (Intergift)" describes a fair known by its name.
                group.names.append(mention.name)
            continue
        if _is_descriptor(mention) or (mention.name[:1].islower() and _SUPERLATIVE_BEFORE.search(text[max(0, mention.begin - 24):mention.begin])):
            descriptors.append(mention)  # "A maior feira de artesanato da Península Ibérica … a FIA Lisboa": described
            continue
        key = _merge_key(mention, groups)
        if mention.locative and key not in groups:
            locatives.append(mention)
            continue
        _add_named(groups, key, mention)
    if not groups:
        # "يشارك 40 عارضا بالصالون الوطني...": "in the fair" names the fair when nothing else does;
        # beside another fair, "بمعرض الدار البيضاء الدولي" is the fairground where it is held.
        for mention in locatives:
            _add_named(groups, _merge_key(mention, groups), mention)
    if not groups:
        # "der Kunsthandwerkermarkt … am 8. und 9. Juni": a lone compound is the fair when the text names no other.
        for mention in lone:
            key = _merge_key(mention, groups)
            _add_named(groups, key, mention)
            groups[key].kind_only = True
    for mention in descriptors:
        nearest = _nearest_group(mention, groups.values())
        if nearest is not None:
            nearest.positions.append((mention.begin, mention.end))
    _add_short_references(groups, text)
    _add_repeated_names(groups, text)
    for mention, region in regional:
        for group in groups.values():
            if (mention.begin, mention.end) in group.positions:
                group.region = region
    return list(groups.values())


def _add_named(groups: dict[str, FairGroup], key: str, mention: NameMention) -> None:
    group = groups.setdefault(key, FairGroup(key, [], []))
    group.names.append(mention.name)
    group.positions.append((mention.begin, mention.end))
    if mention.acronym and mention.acronym.isupper() and len(mention.acronym) >= _MIN_ACRONYM_CHARS:
        group.acronyms.append(mention.acronym)


_MIN_ACRONYM_CHARS = 3


_SUPERLATIVE_BEFORE = re.compile(
    r"(?:\b(?:largest|biggest|greatest|leading|maior|mayor|más\s+grande|plus\s+grand(?:e|s|es)?|più\s+grande|grösste|größte)"
    r"|أكبر)\s*$", re.IGNORECASE)
_KIND_OF_FAIR = frozenset({"weltleitmesse", "leitmesse", "fachmesse", "publikumsmesse", "verbrauchermesse", "ordermesse",
                           "messe", "fachausstellung", "verkaufsmesse"})


def _is_descriptor(mention: NameMention) -> bool:
    """'International Trade Fair for Home and Contract Textiles': a description, no proper name."""
    words = [w for w in re.split(r"[^\w]+", mention.name) if w]
    if len(words) >= 3 and fold(words[0]) in _KIND_OF_FAIR and fold(words[1]) == "fur":
        return True  # "Weltleitmesse für Teppiche: Domotex startet": what the fair is, before its name
    if mention.numbered or not words or fold(words[-1]) not in _TAIL_WORDS or not words[0].isascii():
        return False  # "Salon de la création", "المعرض الوطني": named by their head word
    proper = [w for w in words[1:] if w[0].isupper() and fold(w) not in _DESCRIPTOR_WORDS]
    head_is_proper = bool(words) and fold(words[0]) not in _DESCRIPTOR_WORDS and words[0][0].isupper()
    return not proper and not head_is_proper and not mention.name.isupper()


def _nearest_group(mention: NameMention, groups: Sequence[FairGroup] | object) -> FairGroup | None:
    best: tuple[int, FairGroup] | None = None
    for group in groups:  # type: ignore[attr-defined]
        for begin, end in group.positions:
            gap = mention.begin - end if end <= mention.begin else begin - mention.end
            if 0 <= gap <= MAX_PAIRING_GAP and (best is None or gap < best[0]):
                best = (gap, group)
    return best[1] if best else None


def _apposed_to(mention: NameMention, groups: Iterable[FairGroup], text: str) -> str | None:
    """"Intergift, el Salón Internacional del Regalo": a description set beside the name it explains."""
    for group in groups:
        for _, end in group.positions:
            if end < mention.begin and _APPOSITION.match(text[end:mention.begin]):
                return group.key
    return None


def _overlapping_known(mention: NameMention, known: Sequence[Mention]) -> str | None:
    for k in known:
        if k.begin < mention.end and mention.begin < k.end:
            assert isinstance(k.entry, KnownFair)
            return k.entry.name
    if mention.acronym:
        for k in known:
            if k.surface == mention.acronym and isinstance(k.entry, KnownFair):
                return k.entry.name
    return None


# "the Scotland show will now happen 27-29 March": a fair named before, by one of its words and a fair noun.
_SHORT_REFERENCE = re.compile(r"\b[Tt]he ((?:[A-Z][\w'’&-]*\s+){1,3})(?:show|fair|expo|exhibition)\b")


def _add_repeated_names(groups: dict[str, FairGroup], text: str) -> None:
    """"a Expo casa, dal 4 marzo" … "Expo Casa": the same name written in another case, or its acronym, is the same fair."""
    folded = fold(text)
    for group in groups.values():
        names = [re.escape(n) for n in {fold(n) for n in group.names if len(n.split()) >= 2 and len(n) >= _MIN_REPEATED_CHARS}]
        found = [m for name in names for m in re.finditer(r"(?<![^\W_])" + name + r"(?![^\W_])", folded)]
        # "11-13 September 2016 for NYICS": the acronym, as written, names the fair again
        found += [m for a in set(group.acronyms) for m in re.finditer(r"(?<![\w(])" + re.escape(a) + r"(?![\w)])", text)]
        for match in found:
            if not any(b < match.end() and match.start() < e for g in groups.values() for b, e in g.positions):
                group.positions.append((match.start(), match.end()))
        group.positions.sort()


_MIN_REPEATED_CHARS = 6


def _add_short_references(groups: dict[str, FairGroup], text: str) -> None:
    for match in _SHORT_REFERENCE.finditer(text):
        words = _words(match.group(1)) - _GENERIC_WORDS
        named = [g for g in groups.values() if words and any(words <= _words(n) for n in g.names)]
        if len(named) == 1 and all(not (b <= match.start(1) < e) for b, e in named[0].positions):
            named[0].positions.append((match.start(1), match.end()))


_AND = re.compile(r"\s*(?:,|and|et|y|und|e|&)\s+", re.IGNORECASE)


# "Salone del mobile e del complemento d'arredo" (in Bergamo): a longer name that opens with a known fair's words.
_AND_OF = re.compile(r"\s+(?:e|et|y|and|und)\s+(?:del|della|dei|de|du|des|of|the|der|di)\s", re.IGNORECASE)


def _extends_known(mention: NameMention, known: Mention, text: str) -> bool:
    return mention.begin == known.begin and known.end < mention.end and _AND_OF.match(text, known.end) is not None


def _after_known_and(mention: NameMention, known: Sequence[Mention], text: str) -> NameMention:
    """"Top Drawer and Scotland's Trade Fair": a known fair and another one, read as one name from the tail word."""
    for k in known:
        if k.begin == mention.begin and k.end < mention.end:
            joined = _AND.match(text, k.end, mention.end)
            if joined is not None and joined.end() < mention.end:
                return NameMention(text[joined.end():mention.end], joined.end(), mention.end)
    return mention


def _merge_key(mention: NameMention, groups: dict[str, FairGroup]) -> str:
    words = _words(mention.name) - _GENERIC_WORDS
    for key, group in groups.items():
        if group.known is not None:
            continue
        for name in group.names:
            other = _words(name) - _GENERIC_WORDS
            if words and other and (words <= other or other <= words):
                return key
    return fold(mention.name)


_TOWN_FAIR_HEADS = frozenset({"foire", "salon"})


# "La Foire internationale de Casablanca se déroulera du …": a ground named after its fair is the fair
# when it is the subject of the fair's own verb; "à la Foire internationale de Casablanca" stays the ground.
_HELD_AS_EVENT = re.compile(
    r"\s*(?:\([^()]{1,30}\)\s*)?,?\s*(?:se\s+(?:déroul|tiendr|tient|tiennent|tenir)\w*|aura\s+lieu|a\s+lieu|ouvr\w+\s+ses\s+portes"
    r"|will\s+(?:take\s+place|be\s+held|run|open)|takes\s+place|is\s+held|runs|opens"
    r"|se\s+celebr\w+|tendrá\s+lugar|tiene\s+lugar|abrirá|findet|si\s+(?:terrà|svolgerà|svolge|tiene)|avrà\s+luogo)\b",
    re.IGNORECASE,
)
_EVENT_HEADS = frozenset({"foire", "salon", "feria", "fiera", "messe", "fair", "show", "expo", "exposition"})


def _held_as_event(mention: NameMention, text: str) -> bool:
    head = fold(mention.name).split()[:1]
    return bool(head) and head[0] in _EVENT_HEADS and _HELD_AS_EVENT.match(text, mention.end) is not None


# "بقصر المعارض بالكرم", "بأرض المعارض": the exhibitions' palace or ground, a place rather than a fair.
_ARABIC_VENUE_BEFORE = re.compile(r"(?<![^\W\d_])[وب]?(?:قصر|أرض|ارض|فضاء|مركز|ساحة|قاعة|رواق|مدينة)\s+$")


_VENUE_WORD_AFTER = re.compile(r"\s+(?:Centre|Center|Centrum|Halls?|Grounds|Fairgrounds|Complex|Park|Palace|Pavilion|Building"
                               r"|Hotel|Arena|Plaza|Square|Place|Street|Cross)(?![^\W\d_])")


def _is_venue_or_generic(mention: NameMention, venues: Sequence[Mention], text: str) -> bool:
    if any(v.begin < mention.end and mention.begin < v.end for v in venues) and not _held_as_event(mention, text):
        return True
    if _ARABIC_VENUE_BEFORE.search(text[max(0, mention.begin - 10):mention.begin]):
        return True
    if _VENUE_WORD_AFTER.match(text, mention.end):
        return True  # "the Riverside Exhibition Centre", "Dubai Exhibition Halls": a building, named after its use
    first_word = re.match(r"\S+", mention.name)
    if first_word and _VENUE_WORD_AFTER.match(mention.name, first_word.end()):
        return True  # "Exposition Center in Secaucus": the fair word names the building it opens
    words = _words(mention.name)
    meaningful = words - _GENERIC_WORDS
    if not meaningful:
        return True
    # "Fiera di Rho", "Messe Frankfurt", a lone "Fachmesse": organisers, grounds, common nouns. A French
    # "Foire de Meknès" or "Salon de Tanger" is the town's fair, never a company or a ground.
    if all(city_by_name(w) is not None for w in meaningful) and fold(mention.name).split()[0] not in _TOWN_FAIR_HEADS:
        return True
    # "Malaga's trade fair", "Frankfurt's international fair": the city's fair, described
    possessive = re.match(r"^(.+?)[’']s\s+(.+)$", mention.name)
    return bool(possessive and city_by_name(possessive.group(1)) and not (_words(possessive.group(2)) - _DESCRIPTOR_WORDS))


def _lone_compound(mention: NameMention) -> bool:
    """"Kunsthandwerkermarkt", "Weihnachtsmarkt", a lone "Fachmesse": a kind of fair, unless the text names no other."""
    return len(_words(mention.name)) == 1 and fold(mention.name).endswith(("messe", "schau", "markt")) \
        and not mention.name.isupper()


# The crafts' own kinds of market ("Töpfermarkt", "Kunsthandwerkermarkt", "Weihnachtsmarkt"); an "Energiemarkt",
# a "Bodenmarkt" or the "Tagesschau" is no fair, even dated and placed.
_CRAFT_COMPOUND = re.compile(r"^(?:kunst|handwerk|topfer|toepfer|keramik|porzellan|glas|holz|textil|teppich|schmuck|leder"
                             r"|korb|weihnacht|advent|oster|kreativ|design|mittelalter|hobby|bastel|kunstler|handmade)")


def _craft_compound(mention: NameMention) -> bool:
    return _CRAFT_COMPOUND.match(fold(mention.name)) is not None
