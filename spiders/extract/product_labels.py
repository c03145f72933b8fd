"""The shop's reference and the brand, printed after a label ("Réf. : RC-TAP-0142", "Marca: Palemax")."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from lxml import html

# Labels shops print before their own product reference ("Réf. : RC-TAP-0142", "ASIN B07FW264WL").
_SKU_LABEL = (
    r"sku|asin|r[ée]f(?:[ée]rence)?(?:\s+(?:produit|article))?|ref(?:erence)?(?:\s+(?:no|number))?"
    r"|referência(?:\s+produto)?|nr\.?\s*ref|numer\s+referencyjny"
    r"|item\s*(?:no|number|code|#|id)|(?:ebay\s+)?item\s+number|product\s*(?:code|id|no|number)"
    r"|article\s*(?:no|number|code)|art(?:ikel)?[.\s-]*(?:nr|nummer)|artikelnummer|bestellnummer"
    r"|c[óo]digo(?:\s+(?:de\s+)?(?:produto|producto|artículo))?|cod(?:ice)?\s+(?:produs|articolo|prodotto)"
    r"|kód\s+produktu|kod\s+(?:produktu|towaru)|šifra|tuotenumero|numero\s+oggetto(?:\s+ebay)?"
    r"|web\s+code|model\s+code|ad\s*(?:#|id)|post\s+id"
    r"|артикул|код(?:\s+товара)?|رقم\s+المنتج|المرجع|קוד\s+מוצר|商品編號|商品编号|货号|貨號|상품번호|딜번호|品番"
)
_BRAND_LABEL = (
    r"brand|marque|marke|marca|merk|marka|značka|znamka|proizvajalec|výrobce|výrobca|hersteller|fabricante"
    r"|manufacturer|make(?:/manufacturer)?|производитель|бренд|الماركة|العلامة\s+التجارية|品牌|ブランド|브랜드"
)
_ANY_LABEL = re.compile(rf"(?<!\w)(?:{_SKU_LABEL}|{_BRAND_LABEL})", re.IGNORECASE)
# The same labels (all written in lower case) matched case-sensitively on lowered text: much faster.
_ANY_LOWER_LABEL = re.compile(rf"(?<!\w)(?:{_SKU_LABEL}|{_BRAND_LABEL})")
_CODE = r"[A-Za-z0-9][A-Za-z0-9._/-]{1,38}[A-Za-z0-9]"
_LABEL_END = r"\s*(?:[:#：.]\s*)*"
_SKU_IN_TEXT = re.compile(rf"(?:^|[^\w])(?:{_SKU_LABEL}){_LABEL_END}({_CODE})[\W]*$", re.IGNORECASE)
_BRAND_IN_TEXT = re.compile(rf"(?:^|[^\w])(?:{_BRAND_LABEL})\s*[:：]\s*(\w.{{0,38}}?)\s*$", re.IGNORECASE)
_SKU_LABEL_ONLY = re.compile(rf"^[^\w]*(?:{_SKU_LABEL})\s*[:#：.]?\s*$", re.IGNORECASE)
_BRAND_LABEL_ONLY = re.compile(rf"^[^\w]*(?:{_BRAND_LABEL})\s*[:：]?\s*$", re.IGNORECASE)
_CODE_ONLY = re.compile(rf"^[\s:#：.]*({_CODE})\s*$")
_NAME_ONLY = re.compile(r"^[\s:：]*(\w.{0,38}?)\s*$")
_DIGIT = re.compile(r"\d")
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_MAX_PIECE = 60
_SKIPPED = frozenset({"script", "style", "noscript", "template", "title", "head", "option", "textarea", "select"})
_NEAR_LEVELS = 2
_LIST_TAGS = frozenset({"ul", "ol", "nav"})

_Piece = tuple[str, html.HtmlElement]


@dataclass(frozen=True)
class LabelledFields:
    sku: str | None
    brand: str | None


def labelled_fields(tree: html.HtmlElement) -> LabelledFields:
    """The reference and brand printed after labels such as "Réf. :", "SKU", "Brand:" or "Marca:"."""
    pieces = _pieces(tree)
    # One regex pass over the whole text finds the few pieces worth a closer look.
    starts, position = [], 0
    for text, _ in pieces:
        starts.append(position)
        position += len(text) + 1
    joined = "\n".join(text for text, _ in pieces)
    sku = brand = None
    looked: set[int] = set()
    lowered = joined.lower()
    found = _ANY_LOWER_LABEL.finditer(lowered) if len(lowered) == len(joined) else _ANY_LABEL.finditer(joined)
    for match in found:
        index = bisect_right(starts, match.start()) - 1
        if index in looked:
            continue
        looked.add(index)
        text, element = pieces[index]
        text = " ".join(text.split())
        if len(text) > _MAX_PIECE:
            continue
        following = _normalized(pieces[index + 1]) if index + 1 < len(pieces) else None
        if sku is None:
            sku = _labelled(text, element, following, _SKU_IN_TEXT, _SKU_LABEL_ONLY, _CODE_ONLY)
            if sku and (not _DIGIT.search(sku) or _DATE_LIKE.match(sku)):
                sku = None
        if brand is None:
            brand = _labelled(text, element, following, _BRAND_IN_TEXT, _BRAND_LABEL_ONLY, _NAME_ONLY)
        if sku and brand:
            break
    return LabelledFields(sku, brand)


def labelled_brand(text: str) -> str | None:
    """The name after a brand label inside a longer text ("Ver mais artigos da Marca: Roborock")."""
    match = _BRAND_IN_TEXT.search(text)
    return match.group(1) if match else None


def _pieces(tree: html.HtmlElement) -> list[_Piece]:
    """Every non-blank text of the body with the element it belongs to.

    An element's tail is taken right after its own text, before its children's: reading order
    but for tails of elements with children, which a label ("<b>Réf. :</b> RC-12") has not.
    """
    body = tree.find("body")
    pieces: list[_Piece] = []
    append = pieces.append
    for element in (body if body is not None else tree).iter():
        text, tail = element.text, element.tail
        if text and not text.isspace() and element.tag not in _SKIPPED:
            append((text, element))
        if tail and not tail.isspace():
            owner = element.getparent()
            if owner is not None and owner.tag not in _SKIPPED:
                append((tail, owner))
    return pieces


def _normalized(piece: _Piece) -> _Piece:
    return " ".join(piece[0].split()), piece[1]


def _labelled(
    text: str, element: html.HtmlElement, following: _Piece | None,
    inline: re.Pattern[str], label_only: re.Pattern[str], value_only: re.Pattern[str],
) -> str | None:
    match = inline.search(text)
    if match:
        return match.group(1)
    if following is None or not label_only.match(text) or not _near(element, following[1]):
        return None
    value = value_only.match(following[0])
    return value.group(1) if value else None


def _near(label: html.HtmlElement, value: html.HtmlElement) -> bool:
    """A value in the label's own row ("<th>Brand</th><td>X</td>"), not the next entry of a menu."""
    label_up = [label, *list(label.iterancestors())[:_NEAR_LEVELS]]
    value_up = [value, *list(value.iterancestors())[:_NEAR_LEVELS]]
    shared = [node for node in value_up if node in label_up]
    return bool(shared) and not any(node.tag in _LIST_TAGS for node in shared if node is not label)
