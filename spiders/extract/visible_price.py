"""The price a shopper sees for the page's main product, when the page declares none.

Candidates are short elements whose text is a price; each is scored from its own
class/id words, its ancestors (crossed-out, related-products and cart blocks lose),
and its distance from the product heading, where the main product's price sits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lxml import html

from spiders.extract.currency import find_currency
from spiders.extract.prices import parse_price
from spiders.extract.textutil import one_line

_MAX_PRICE_TEXT = 60
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "option", "select", "head", "title", "textarea"})
_CROSSED_TAGS = frozenset({"del", "s", "strike"})
_WORD_SPLIT = re.compile(r"[^a-z]+")
_PRICE_STEMS = re.compile(r"pr(?:ice|eis|ix|ecio|ezzo|eco)|cena")
_GOOD_WORDS = frozenset({
    "sale", "current", "final", "our", "now", "special", "actual", "buy", "deal", "selling", "sell",
    "big", "large", "main", "primary", "offer", "new", "value", "product", "pdp", "buybox", "aktuell",
})
_BAD_WORDS = frozenset({
    "old", "was", "regular", "list", "strike", "striked", "strikethrough", "before", "compare", "original",
    "rrp", "msrp", "uvp", "crossed", "save", "saving", "savings", "discount", "per", "shipping",
    "delivery", "installment", "installments", "monthly", "month", "total", "subtotal", "cart", "basket",
    "coupon", "bonus", "min", "max", "from", "range", "instead", "statt", "previous", "retail", "reference",
    "tax", "vat", "fee", "deposit", "member", "points", "count", "qty", "quantity", "rating", "review",
    "reviews", "sold", "stock", "normal", "antes", "avant", "sku",
})
# A list price announced in words before the amount: "Normal: $279.990", "Antes 59,99 €", "Was £20".
_LIST_PRICE_TEXT = re.compile(
    r"^\W*(?:was|before|regular|list price|rrp|msrp|normal|precio normal|antes|avant|prix normal|prix de r[ée]f[ée]rence"
    r"|statt|uvp|bisher|prima|prezzo di listino|de)\b",
    re.IGNORECASE,
)
# The blocks of other products by name; the other foreign words (grid, tile, slider…) also wrap main products.
_OTHER_PRODUCTS_WORDS = frozenset({
    "related", "recommend", "recommended", "recommendation", "recommendations", "similar", "upsell", "crosssell",
    "bought", "viewed", "recently", "suggestions", "complementary",
})
# Blocks that are not the main offer: other products (above), and the page's chrome and lists.
_FOREIGN_BLOCK_WORDS = _OTHER_PRODUCTS_WORDS | frozenset({
    "carousel", "slider", "also", "accessories", "bundle", "footer", "nav", "navigation", "menu", "sidebar",
    "widget", "reviews", "sponsored", "minicart", "cart", "basket", "tile", "tiles", "teaser", "listing",
    "grid", "products", "others", "more", "compare", "swatch", "swatches",
})
_NUMBER = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")
_PRICE_SHAPE = re.compile(r"\d[\d\s.,'’]*")
_HEADING_TAGS = ("h1",)
_MAX_RESIDUE = 16
_NO_DIGITS = re.compile(r"\d.*$")
# "1 299,00", "1'299.–" (Swiss), "1,299.00": one amount, whatever separates its thousands.
_NUMBER_RUN = re.compile(r"\d{1,3}(?:[\s\u00a0\u202f'’]\d{3})+(?:[.,]\d+)?|\d(?:[\d.,]*\d)?")
_BARE_NUMBER = re.compile(r"^\d[\d\s.,]*$")
_NON_WORDS = re.compile(r"[\W\d_]+")
_PRICE_WITH_CURRENCY = re.compile(r"(?:[^\w\s]{1,3}\s?\d[\d\s.,]*|\d[\d\s.,]*\s?[^\w\s\d]{1,3}|\d[\d.,]*\s?[A-Za-zА-я.]{1,4}\b)")
_UNIT_PRICE = re.compile(r"/\s*(?:kg|g|l|ml|m|cm|st|stk|pc|pcs|piece|unit|each|100\s?g|100\s?ml|lb|oz|m2|m²)\b|\bper\s+\w+|\bpro\s+\w+", re.IGNORECASE)
_MIN_SCORE = 2.5
_REPEAT_WEIGHT = 0.5  # repeated amounts hint at the main price, but lists repeat too
_TITLE_SPLIT = re.compile(r"\s+[-|–—]\s+")
_MIN_TITLE_CHARS = 4
_FONT_SIZE = re.compile(r"font(?:-size)?\s*:[^;]*?(\d+(?:\.\d+)?)px", re.IGNORECASE)
_LARGE_FONT_PX = 18
_CHROME_TAGS = frozenset({"a", "footer", "nav"})
_CHOICE_TAGS = frozenset({"button", "label"})
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_NEAR_ELEMENTS = 400
_CENTS = re.compile(r"^\d{2}$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


# Words that name the regular price a reduction is taken from (a subset of _BAD_WORDS).
_REGULAR_WORDS = frozenset({
    "old", "was", "regular", "list", "strike", "striked", "strikethrough", "before", "compare", "original",
    "rrp", "msrp", "uvp", "crossed", "instead", "statt", "previous", "normal", "antes", "avant",
})
_REGULAR_NEAR_ELEMENTS = 40
_REGULAR_BOX_LEVELS = 3


@dataclass(frozen=True)
class VisiblePrice:
    raw: str
    amount: Decimal
    currency: str | None
    regular: Decimal | None = None
    """The crossed-out or "was" price shown next to it, when the shown price is a reduction."""
    crossed: frozenset[Decimal] = frozenset()
    """Every amount the page shows crossed out or as a former price, anywhere."""


@dataclass
class _Candidate:
    element: html.HtmlElement
    text: str
    amount: Decimal
    currency: str | None
    position: int
    score: float = 0.0


def find_visible_price(tree: html.HtmlElement) -> VisiblePrice | None:
    body = tree.find("body")
    root = body if body is not None else tree
    elements, positions = _scan(root)
    candidates = _candidates(elements)
    if not candidates:
        return None
    heading = _heading_position(root, positions)
    if heading is None:
        heading = _title_position(root, tree)
    counts: dict[Decimal, int] = {}
    for c in candidates:
        # Other products' cards link to them: the same amount there says nothing of the main price.
        if not _in_link(c.element):
            counts[c.amount] = counts.get(c.amount, 0) + 1
    for c in candidates:
        c.score = _score(c, heading, counts.get(c.amount, 1))
    best = max(candidates, key=lambda c: (c.score, -c.position))
    if best.score < _MIN_SCORE:
        return None
    crossed = frozenset(c.amount for c in candidates if c.amount > best.amount and _marked_regular(c))
    return VisiblePrice(best.text, best.amount, best.currency, _regular_price(best, candidates), crossed)


def _in_link(element: html.HtmlElement) -> bool:
    return any(a.tag == "a" and a.get("href", "#")[:1] not in ("#", "") for a in element.iterancestors())


def _regular_price(best: _Candidate, candidates: list[_Candidate]) -> Decimal | None:
    """The nearest higher price beside the chosen one that the page marks as the former price."""
    # The two sit in one small price box: a crossed-out price in a product card nearby is another product's.
    box = [a for a in best.element.iterancestors() if a.tag not in ("body", "html")][:_REGULAR_BOX_LEVELS]
    near = [
        c for c in candidates
        if c is not best and c.amount > best.amount and abs(c.position - best.position) <= _REGULAR_NEAR_ELEMENTS
        and (c.currency is None or best.currency is None or c.currency == best.currency) and _marked_regular(c)
        and _in_box(c.element, box)
    ]
    return min(near, key=lambda c: abs(c.position - best.position)).amount if near else None


def _in_box(element: html.HtmlElement, box: list[html.HtmlElement]) -> bool:
    for ancestor in element.iterancestors():
        if ancestor in box:
            return True
        if _words(_attr_words(ancestor)) & _FOREIGN_BLOCK_WORDS:
            return False
    return False


def _marked_regular(c: _Candidate) -> bool:
    if c.element.tag in _CROSSED_TAGS or _LIST_PRICE_TEXT.match(c.text):
        return True
    for depth, node in enumerate((c.element, *c.element.iterancestors())):
        if node.tag in _CROSSED_TAGS or (depth < 3 and _words(_attr_words(node)) & _REGULAR_WORDS):
            return True
    return False


def _candidates(elements: list[tuple[int, html.HtmlElement]]) -> list[_Candidate]:
    found: list[_Candidate] = []
    claimed: set[html.HtmlElement] = set()
    for position, element in elements:
        if not isinstance(element.tag, str) or element.tag in _SKIPPED_TAGS:
            continue
        price_named = _price_named(_attr_words(element))
        text = _price_text(element)
        if not text or len(text) > _MAX_PRICE_TEXT or not _NUMBER.search(text):
            continue
        currency_text = text
        if not find_currency(text) and _BARE_NUMBER.match(text) and _large_font(element):
            # "<span style='font:bold 27px'>294</span> 元": the sign sits in the parent.
            currency_text = _parent_text(element)
            if not _sign_touches(text, currency_text):
                continue  # "points: <b>3</b> (1 point = 1 元)": the sign belongs to another number
        if not price_named and not find_currency(currency_text):
            continue
        if any(a in claimed for a in element.iterancestors()):
            continue  # an enclosing element already stands for this price
        if len(_PRICE_SHAPE.findall(text)) > 1 and _several_prices(text):
            continue  # "was 49 890 now 44 890": let the child elements compete one by one
        residue = _residue(text)
        if len(residue) + len(_CJK.findall(residue)) > _MAX_RESIDUE:
            continue  # a sentence that mentions a price, not a price tag
        parsed = parse_price(_priced_part(text))
        currency = parsed.currency or (find_currency(currency_text) if currency_text is not text else None)
        if parsed.amount is None or parsed.amount <= 0:
            continue
        if not price_named and currency is None:
            continue
        claimed.add(element)
        found.append(_Candidate(element, text, parsed.amount, currency, position))
    return found


def _price_text(element: html.HtmlElement) -> str:
    """The element's text, with cents set apart in their own element read as cents: "$229<sup>99</sup>" is 229.99."""
    text = element.text_content()
    if len(element) == 0:
        return one_line(text)
    if len(text) > 2 * _MAX_PRICE_TEXT and len(flat := one_line(text)) > 2 * _MAX_PRICE_TEXT:
        return flat  # a box padded with indentation is still read part by part below
    parts: list[str] = []
    _append_text(element, parts, top=True)
    return one_line("".join(parts))


def _append_text(node: html.HtmlElement, parts: list[str], top: bool = False) -> None:
    if not top and len(node) == 0 and node.text and _CENTS.match(node.text) and parts and parts[-1][-1:].isdigit():
        parts.append(".")
    if node.text:
        parts.append(node.text)
    for child in node:
        if isinstance(child.tag, str) and not _hidden(child):
            _append_text(child, parts)
        if child.tail:
            parts.append(child.tail)


def _hidden(element: html.HtmlElement) -> bool:
    """Shown to no shopper: a copy of the price kept for machines ("<span style='display:none'>1679</span>")."""
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _scan(root: html.HtmlElement) -> tuple[list[tuple[int, html.HtmlElement]], dict[html.HtmlElement, int]]:
    """Elements named like a price or owning a text with a digit, in document order; every element's position.

    One Python walk: cheaper than the XPath it replaces, and it gives the positions for free.
    """
    owners: set[html.HtmlElement] = set()
    positions: dict[html.HtmlElement, int] = {}
    has_digit = _ASCII_DIGIT.search
    for position, element in enumerate(root.iter()):
        positions[element] = position
        text, tail = element.text, element.tail
        if text and has_digit(text):
            owners.add(element)
        if tail and has_digit(tail) and position:  # the root's tail lies outside the scanned part
            owners.add(element.getparent())
        if (element.get("class") or element.get("id")) and _price_named(_attr_words(element)):
            owners.add(element)
    # "最低價$<span>99</span>元": the number's element lacks the sign its parent carries.
    owners |= {
        owner.getparent() for owner in list(owners)
        if _BARE_NUMBER.match(one_line(owner.text or "")) and owner.getparent() in positions
    }
    return sorted(((positions[e], e) for e in owners), key=lambda pair: pair[0]), positions


def _priced_part(text: str) -> str:
    """In '一次付清特價 7 折 294 元' the price is the number that touches the currency sign."""
    numbers = list(_NUMBER_RUN.finditer(text))
    if len(numbers) < 2:
        return text
    for match in numbers:
        after = _NO_DIGITS.sub("", text[match.end(): match.end() + 4])
        before = _NO_DIGITS.sub("", text[max(0, match.start() - 4): match.start()])
        if find_currency(f"1{after}"):
            return match.group(0) + after
        if find_currency(f"{before}1"):
            return before + match.group(0)
    return text


def _sign_touches(number: str, text: str) -> bool:
    """Whether a currency sign sits right before or after this number in the text."""
    for match in re.finditer(rf"(?<![\d.,]){re.escape(number)}(?![\d.,]?\d)", text):
        after = _NO_DIGITS.sub("", text[match.end(): match.end() + 4])
        before = _NO_DIGITS.sub("", text[max(0, match.start() - 4): match.start()])
        if find_currency(f"1{after}") or find_currency(f"{before}1"):
            return True
    return False


def _parent_text(element: html.HtmlElement) -> str:
    parent = element.getparent()
    text = one_line(parent.text_content()) if parent is not None else ""
    return text if len(text) <= _MAX_PRICE_TEXT else ""


def _several_prices(text: str) -> bool:
    amounts = [m.group(0) for m in _PRICE_WITH_CURRENCY.finditer(text)]
    return len(amounts) > 1


def _residue(text: str) -> str:
    """What is left of a price text once numbers, currency signs and punctuation are removed."""
    return _NON_WORDS.sub("", _PRICE_SHAPE.sub("", text))


def _price_named(attrs: str) -> bool:
    """Whether class/id words name a price ("price", "Preis", "product-prix"...); substring tests are fast."""
    lowered = attrs.lower()  # a case-sensitive pattern on lowered text is several times faster
    return ("pr" in lowered or "cena" in lowered) and _PRICE_STEMS.search(lowered) is not None


def _attr_words(element: html.HtmlElement) -> str:
    return " ".join(filter(None, (element.get("class"), element.get("id"), element.get("itemprop"), element.get("data-test"))))


def _words(attrs: str) -> set[str]:
    """Words of class/id values, splitting camelCase and glued forms like "priceold"."""
    spaced = _CAMEL.sub(" ", attrs).lower().replace("price", " price ")
    return set(_WORD_SPLIT.split(spaced)) - {""}


def _title_position(root: html.HtmlElement, tree: html.HtmlElement) -> int | None:
    """Pages without <h1>: the element that repeats the <title> (before its ' - Shop' part)."""
    title = tree.find(".//title")
    if title is None:
        return None
    name = _TITLE_SPLIT.split(one_line(title.text_content()))[0].strip()
    if len(name) < _MIN_TITLE_CHARS:
        return None
    for position, element in enumerate(root.iter()):
        if isinstance(element.tag, str) and element.tag not in _SKIPPED_TAGS and element.text \
                and one_line(element.text) == name:
            return position
    return None


def _large_font(element: html.HtmlElement) -> bool:
    for node in (element, element.getparent()):
        if node is None:
            continue
        match = _FONT_SIZE.search(node.get("style") or "")
        if match and float(match.group(1)) >= _LARGE_FONT_PX:
            return True
    return False


def _heading_position(root: html.HtmlElement, positions: dict[html.HtmlElement, int]) -> int | None:
    """Document position of the product title: the first <h1> that is not a link or page chrome."""
    for element in root.iter(*_HEADING_TAGS):
        if not one_line(element.text_content()):
            continue
        if any(a.tag in _CHROME_TAGS for a in element.iterancestors()):
            continue
        return positions.get(element)
    return None


def _score(c: _Candidate, heading: int | None, repeats: int) -> float:
    attrs = _attr_words(c.element)
    words = _words(attrs)
    score = 0.0
    if _price_named(attrs):
        score += 3
    score += min(2, len(words & _GOOD_WORDS))
    if words & _BAD_WORDS:
        score -= 3
    score += 1 if c.currency else -1
    if _LIST_PRICE_TEXT.match(c.text):
        score -= 3
    if _UNIT_PRICE.search(c.text):
        score -= 3
    if len(c.text) <= 25:
        score += 1
    in_link = False
    named_near = _price_named(attrs)
    for depth, ancestor in enumerate(c.element.iterancestors()):
        if ancestor.tag in _CROSSED_TAGS:
            return -10
        if ancestor.tag == "a" and ancestor.get("href", "#")[:1] not in ("#", ""):
            in_link = True
        if ancestor.tag in _CHOICE_TAGS:
            in_link = True  # variant buttons show each option's price, not the chosen one
        ancestor_words = _words(_attr_words(ancestor))
        if ancestor_words & _OTHER_PRODUCTS_WORDS:
            return -10  # "You may also like", "Customers also bought": never the main product's price
        if ancestor_words & _FOREIGN_BLOCK_WORDS:
            score -= 4
            break
        if depth < 3 and ancestor_words & _BAD_WORDS and _price_named(_attr_words(ancestor)):
            score -= 2
        elif depth < 2 and not named_near and _price_named(_attr_words(ancestor)):
            named_near = True
            score += 2  # "<p class='deal_price_sell'><strong>30,000원</strong>": the box names the price
    if c.element.tag in _CROSSED_TAGS:
        return -10
    if _large_font(c.element):
        score += 2  # shops print the price to pay in the biggest type of the offer box
    if in_link:
        score -= 2  # product cards link to other products; the main price is not a link
    if heading is not None:
        distance = c.position - heading
        if 0 <= distance <= _NEAR_ELEMENTS:
            score += 3 * (1 - distance / _NEAR_ELEMENTS)
        elif distance < 0 and -distance <= _NEAR_ELEMENTS // 2:
            score += 1
    score += min(1.5, 0.5 * (repeats - 1)) * _REPEAT_WEIGHT
    return score
