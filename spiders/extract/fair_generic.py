"""Names that are a kind of fair, a holiday or a hall, not one fair's own name."""
from __future__ import annotations

from spiders.extract.dates import calendar_words
from spiders.extract.fair_vocab import fold

# A fair noun alone, or with a day's name: a kind of fair, a programme's or a menu's heading.
_GENERIC_ONLY = frozenset({
    "journees", "marche", "mercado", "mercato", "markt", "moussem", "semana", "settimana", "salon", "foire", "fair",
    "fayre", "show", "market", "week", "expo", "exhibition", "messe", "feria", "fiera", "feira", "mercatino",
    "mercadillo", "salone", "semaine", "festival", "mostra", "exposition", "exposicion", "esposizione", "muestra",
    "rassegna", "exposicao",
})

# "Al coincidir con la Semana Santa (que culmina el 5 de abril)": a holiday, dated like a fair.
HOLIDAYS = frozenset(fold(holiday) for holiday in (
    "semana santa", "settimana santa", "semaine sainte", "holy week", "karwoche", "navidad", "natale", "noel",
    "christmas", "weihnachten", "pascua", "pasqua", "paques", "easter", "ostern", "ramadan", "carnaval", "carnevale",
    "karneval", "fasching", "thanksgiving", "black friday", "رمضان", "عيد الفطر", "عيد الأضحى", "أيام العيد",
))
PLURAL_HEADS = frozenset({"mercatini", "marches", "ferias", "fiere", "fairs", "markets", "mercados", "salons", "foires",
                           "markte", "weihnachtsmarkte", "mercadillos", "feiras"})
_SEASON_FEASTS = frozenset({"natale", "noel", "christmas", "navidad", "natal", "weihnachten", "holiday", "easter", "paques"})
VENUE_TAILS = frozenset({"center", "centre", "hall", "halls", "grounds", "fairgrounds", "arena", "stadium"})


def generic_name(words: list[str], named: list[str]) -> bool:
    """`words`: the name's folded words but connectors; `named`: those capitalised, or a plural fair noun."""
    if words and all(w in _GENERIC_ONLY or w in calendar_words() for w in words):
        return True  # "Sábado Show", "Mercado": a day's programme or a menu's section, no fair's name
    if any(w in PLURAL_HEADS for w in named) and all(w in PLURAL_HEADS or w in _SEASON_FEASTS for w in named):
        return True  # "Mercatini di Natale da non perdere", "Christmas Markets": a kind of fair, many of them
    return len(words) < 2 and (not words or words[0] in _GENERIC_ONLY)
