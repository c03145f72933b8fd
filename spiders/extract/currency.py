"""Currency symbols, local names and codes -> ISO 4217, from the table in data/currencies.yaml."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from babel.numbers import get_currency_precision, get_territory_currencies, list_currencies

TABLE_FILE = Path(__file__).with_name("data") / "currencies.yaml"
# Symbols this short or made of one letter are only believed right next to a number.
_WEAK_SYMBOL = re.compile(r"^(?:[A-Za-z]{1,2}|[a-z]{1,3}\.?)$")
_LETTER = r"[^\W\d_]"
_ISO_CODE = re.compile(r"^[A-Z]{3}$")
# "R8,499" or "R273.00" but not a product code such as "M67296549".
_PRICE_SHAPED = r"(?:\d{1,3}(?:[.,\s]\d{3})+|\d{1,6})(?:[.,]\d{1,2})?(?![\d\w])"


@lru_cache(maxsize=1)
def symbol_table() -> dict[str, str]:
    """Every known written form (symbol, local name, ISO code) -> ISO 4217 code."""
    raw = yaml.safe_load(TABLE_FILE.read_text(encoding="utf-8"))
    table: dict[str, str] = {code: code for code in list_currencies()}
    for code, symbols in raw.items():
        table.setdefault(code, code)
        for symbol in symbols or []:
            table[str(symbol)] = code
    return table


@lru_cache(maxsize=1)
def _folded_table() -> dict[str, str]:
    folded: dict[str, str] = {}
    for symbol, code in symbol_table().items():
        folded.setdefault(_fold(symbol), code)
    return folded


def _fold(symbol: str) -> str:
    return re.sub(r"[\s.]+", "", symbol).casefold()


# Symbols several currencies share; to_iso() answers the most common one, these list the rest.
SHARED_SYMBOLS: dict[str, frozenset[str]] = {
    "$": frozenset({"USD", "CAD", "AUD", "NZD", "MXN", "ARS", "CLP", "COP", "UYU", "TWD", "HKD", "SGD", "BRL"}),
    "kr": frozenset({"SEK", "NOK", "DKK", "ISK"}),
    "kr.": frozenset({"DKK", "NOK", "SEK", "ISK"}),
    "Rs": frozenset({"INR", "PKR", "LKR", "NPR", "MUR"}),
    "¥": frozenset({"JPY", "CNY"}),
    "£": frozenset({"GBP", "EGP", "GIP"}),
    "Fr.": frozenset({"CHF", "XOF", "XAF"}),
}


def possible_isos(symbol: str | None) -> frozenset[str]:
    """Every ISO code a written currency may stand for ('$' -> USD, CAD, AUD...)."""
    if not symbol:
        return frozenset()
    shared = SHARED_SYMBOLS.get(symbol.strip())
    iso = to_iso(symbol)
    return (shared or frozenset()) | ({iso} if iso else frozenset())


def to_iso(symbol: str | None) -> str | None:
    """ISO 4217 code for a currency as written ('DH' -> 'MAD', 'US$' -> 'USD'); None if unknown."""
    if not symbol:
        return None
    text = symbol.strip()
    table = symbol_table()
    if text in table:
        return table[text]
    stripped = text.strip(" .:~")
    if stripped in table:
        return table[stripped]
    return _folded_table().get(_fold(text))


@lru_cache(maxsize=1)
def _strong_pattern() -> re.Pattern[str]:
    symbols = [s for s in symbol_table() if not _WEAK_SYMBOL.match(s)]
    starts_with_letter = [s for s in symbols if re.match(_LETTER, s)]
    others = [s for s in symbols if not re.match(_LETTER, s)]
    # Word-like symbols need letter boundaries on both sides; sign-like ones need none
    # at the start. A trie keeps the 600-way alternation fast.
    word_like = rf"(?<!{_LETTER})(?:{_trie_regex(starts_with_letter)})(?!{_LETTER})"
    sign_like = rf"(?:{_trie_regex(others)})(?!(?<={_LETTER}){_LETTER})"
    return re.compile(f"{word_like}|{sign_like}")


def _trie_regex(words: list[str]) -> str:
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_to_regex(child) for char, child in node.items() if char]
    optional = "" in node
    if not branches:
        return ""
    # Longer continuations first so the longest symbol wins ("US$" over "US").
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if optional else body


@lru_cache(maxsize=1)
def _weak_pattern() -> re.Pattern[str]:
    symbols = sorted((s for s in symbol_table() if _WEAK_SYMBOL.match(s)), key=len, reverse=True)
    body = "|".join(re.escape(s) for s in symbols)
    longer = "|".join(re.escape(s) for s in symbols if len(s) > 1)
    # "R273.00", "Rs 3,600", "273 R", "1 D": a weak symbol must touch the number; only
    # symbols of two letters or more may stand one space before it.
    return re.compile(
        rf"(?<!{_LETTER})(?P<before>{longer})(?=\s?\d)|(?<![\w])(?P<single>{body})(?={_PRICE_SHAPED})"
        rf"|(?<=\d)\s?(?P<after>{body})(?!{_LETTER})"
    )


def find_currency(text: str | None) -> str | None:
    """The first currency written in a short text, as ISO 4217."""
    if not text:
        return None
    matches = [m.group(0) for m in _strong_pattern().finditer(text)]
    if matches:
        # "$1,190.00 AUD": an explicit ISO code settles what a bare "$" leaves open.
        codes = [m for m in matches if _ISO_CODE.match(m)]
        return symbol_table()[codes[0] if codes else matches[0]]
    weak = _weak_pattern().search(text)
    if weak:
        return symbol_table()[weak.group("before") or weak.group("single") or weak.group("after")]
    return None


# Country-code domains that sites worldwide use as generic names (.co, .io, .tv...).
_GENERIC_CCTLDS = frozenset({
    "co", "io", "tv", "me", "ai", "fm", "ly", "to", "cc", "ws", "gg", "la", "nu", "tk", "ac", "sh", "im", "vc", "ag",
    "am", "bz", "cx", "gs", "md", "ms", "sc", "so", "st", "su", "tc", "vg", "xyz",
})
_TLD_TERRITORY = {"uk": "GB", "eu": "EU"}
_MAX_LOCAL_DECIMALS = 3


def domain_currency(url: str | None) -> str | None:
    """The currency of the country a country-code domain names ("shop.example.cl" -> CLP)."""
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:
        return None
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(tld) != 2 or tld in _GENERIC_CCTLDS:
        return None
    territory = _TLD_TERRITORY.get(tld, tld.upper())
    if territory == "EU":
        return "EUR"
    return _territory_currency(territory, date.today().year)


@lru_cache(maxsize=512)
def _territory_currency(territory: str, year: int) -> str | None:
    try:
        currencies = get_territory_currencies(territory, date(year, 1, 1))
    except Exception:  # babel raises on unknown territories
        return None
    return currencies[0] if currencies else None


def settle_shared_symbol(iso: str | None, raw: str | None, url: str | None) -> str | None:
    """A bare "$" or "kr" on a Chilean or Danish domain is that country's currency."""
    if not iso or not raw:
        return iso
    local = domain_currency(url)
    if not local or local == iso:
        return iso
    matches = [m.group(0) for m in _strong_pattern().finditer(raw)]
    weak = _weak_pattern().search(raw)
    if weak:
        matches.append(weak.group("before") or weak.group("single") or weak.group("after"))
    shared = [SHARED_SYMBOLS.get(m.strip()) for m in matches]
    if matches and all(s and iso in s and local in s for s in shared):
        return local
    return iso


def has_no_minor_unit(iso: str | None) -> bool:
    """Currencies written without cents (CLP, KRW, JPY...): "12.990" there is twelve thousand."""
    if not iso:
        return False
    try:
        return get_currency_precision(iso) == 0
    except Exception:  # unknown code
        return False
